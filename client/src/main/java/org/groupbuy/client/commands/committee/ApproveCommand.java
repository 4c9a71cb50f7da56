package org.groupbuy.client.commands.committee;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.ledger.Invocation;
import org.groupbuy.client.ledger.Transaction;
import picocli.CommandLine.Command;

@Command(name = "approve", description = "Approve a group buy waiting for approval: it opens for orders.",
        footer = {"%nExample:", "  groupbuy committee approve GB-7 --org committee"})
public final class ApproveCommand extends GroupBuyCommand {

    @Override
    protected Invocation invocation() {
        return Invocation.of(Transaction.APPROVE, id);
    }
}
