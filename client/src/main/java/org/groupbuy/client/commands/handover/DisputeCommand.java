package org.groupbuy.client.commands.handover;

import org.groupbuy.client.commands.SubmitCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "dispute", description = "Open a dispute for a household: goods missing, spoiled or wrong "
        + "(the leader on the resident's behalf, or the committee).",
        footer = {"%nExample:", "  groupbuy leader dispute GB-7 H-001 --reason \"eggs broken\" --claim-cents 1200 "
                + "--org leader"})
public final class DisputeCommand extends SubmitCommand {
    @Parameters(index = "0", paramLabel = "GROUP_BUY_ID")
    String id;

    @Parameters(index = "1", paramLabel = "HOUSEHOLD")
    String household;

    @Option(names = "--reason", required = true)
    String reason;

    @Option(names = "--claim-cents", required = true, paramLabel = "CENTS", description = "amount claimed, in cents")
    long claimCents;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.openDispute(id, household, reason, claimCents);
    }
}
