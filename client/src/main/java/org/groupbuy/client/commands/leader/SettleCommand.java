package org.groupbuy.client.commands.leader;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.ledger.Invocation;
import org.groupbuy.client.ledger.Transaction;
import picocli.CommandLine.Command;

@Command(name = "settle", description = "Settle the money: collected must equal paid to the supplier + refunds + leader fee, the fee within the community's cap.",
        footer = {"%nExample:", "  groupbuy leader settle GB-7 --org leader"})
public final class SettleCommand extends GroupBuyCommand {

    @Override
    protected Invocation invocation() {
        return Invocation.of(Transaction.SETTLE, id);
    }
}
