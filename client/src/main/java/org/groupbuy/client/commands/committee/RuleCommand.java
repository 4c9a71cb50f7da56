package org.groupbuy.client.commands.committee;

import org.groupbuy.client.commands.SubmitCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rule", description = "Rule on a dispute: UPHELD creates a refund due and counts against the "
        + "responsible party's record; REJECTED closes it.",
        footer = {"%nExamples:", "  groupbuy committee rule DSP-GB-7-H-001 UPHELD --refund-cents 1200 --responsible SUPPLIER "
                + "--org committee", "  groupbuy committee rule DSP-GB-7-H-002 REJECTED --org committee"})
public final class RuleCommand extends SubmitCommand {
    @Parameters(index = "0", paramLabel = "DISPUTE_ID")
    String disputeId;

    @Parameters(index = "1", paramLabel = "RULING", description = "UPHELD or REJECTED")
    String ruling;

    @Option(names = "--refund-cents", defaultValue = "0", paramLabel = "CENTS")
    long refundCents;

    @Option(names = "--responsible", defaultValue = "", description = "LEADER, SUPPLIER or COURIER (when UPHELD)")
    String responsible;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.ruleDispute(disputeId, ruling, refundCents, responsible);
    }
}
