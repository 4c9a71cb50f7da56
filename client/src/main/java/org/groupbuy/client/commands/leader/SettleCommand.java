package org.groupbuy.client.commands.leader;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;

@Command(name = "settle", description = "Settle the money: collected must equal paid to the supplier + refunds + leader fee, the fee within the community's cap.",
        footer = {"%nExample:", "  groupbuy leader settle GB-7 --org leader"})
public final class SettleCommand extends GroupBuyCommand {

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.settle(id);
    }
}
