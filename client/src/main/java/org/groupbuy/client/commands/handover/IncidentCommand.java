package org.groupbuy.client.commands.handover;

import org.groupbuy.client.commands.SubmitCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "incident", description = "Report an incident on a group buy; POSITIVE_TEST puts the goods in "
        + "QUARANTINED until the committee resolves it.",
        footer = {"%nExample:", "  groupbuy courier incident GB-7 --type POSITIVE_TEST --evidence-hash <sha256> "
                + "--org courier"})
public final class IncidentCommand extends SubmitCommand {
    @Parameters(paramLabel = "GROUP_BUY_ID")
    String id;

    @Option(names = "--type", required = true, description = "POSITIVE_TEST, SHORTAGE, DAMAGE, DELAY or OTHER")
    String type;

    @Option(names = "--evidence-hash", required = true, paramLabel = "SHA256", description = "hash of the evidence")
    String evidenceHash;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.reportIncident(id, type, evidenceHash);
    }
}
