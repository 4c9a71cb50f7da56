package org.groupbuy.client.commands.committee;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;

@Command(name = "approve-arrival", description = "Approve the requested arrival slot (within the hand-over point's daily capacity; GUARANTEE goods first).",
        footer = {"%nExample:", "  groupbuy committee approve-arrival GB-7 --org committee"})
public final class ApproveArrivalCommand extends GroupBuyCommand {

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.approveArrival(id);
    }
}
