package org.groupbuy.client.commands.leader;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.ledger.Invocation;
import org.groupbuy.client.ledger.Transaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
@Command(name = "cancel-order", description = "Cancel one household's order before the group buy closes.",
        footer = {"%nExample:", "  groupbuy leader cancel-order GB-7 H-001 --org leader"})
public final class CancelOrderCommand extends GroupBuyCommand {
    @Parameters(index = "1", paramLabel = "HOUSEHOLD")
    String household;

    @Override
    protected Invocation invocation() {
        return Invocation.of(Transaction.CANCEL_HOUSEHOLD_ORDER, id, household);
    }
}
