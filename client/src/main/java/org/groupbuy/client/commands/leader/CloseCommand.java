package org.groupbuy.client.commands.leader;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;

@Command(name = "close", description = "Close ordering: totals per item; below the supplier's minimum the group buy FAILS (all orders to be refunded), else it is SUBMITTED to the supplier.",
        footer = {"%nExample:", "  groupbuy leader close GB-7 --org leader"})
public final class CloseCommand extends GroupBuyCommand {

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.close(id);
    }
}
