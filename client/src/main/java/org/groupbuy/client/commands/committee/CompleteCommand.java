package org.groupbuy.client.commands.committee;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.ledger.Invocation;
import org.groupbuy.client.ledger.Transaction;
import picocli.CommandLine.Command;

@Command(name = "complete", description = "Complete the group buy once every household is DELIVERED, UNDELIVERABLE or REFUNDED.",
        footer = {"%nExample:", "  groupbuy committee complete GB-7 --org committee"})
public final class CompleteCommand extends GroupBuyCommand {

    @Override
    protected Invocation invocation() {
        return Invocation.of(Transaction.COMPLETE, id);
    }
}
