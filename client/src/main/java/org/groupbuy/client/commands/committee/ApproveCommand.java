package org.groupbuy.client.commands.committee;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;

@Command(name = "approve", description = "Approve a group buy waiting for approval: it opens for orders.",
        footer = {"%nExample:", "  groupbuy committee approve GB-7 --org committee"})
public final class ApproveCommand extends GroupBuyCommand {

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.approve(id);
    }
}
