package org.groupbuy.client.commands.committee;

import org.groupbuy.client.commands.GroupBuyCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
@Command(name = "resolve-incident", description = "Resolve a quarantine: RELEASE the goods, or DESTROY them (the group buy FAILS, refunds due).",
        footer = {"%nExample:", "  groupbuy committee resolve-incident GB-7 RELEASE --org committee"})
public final class ResolveIncidentCommand extends GroupBuyCommand {
    @Parameters(index = "1", paramLabel = "RESOLUTION", description = "RELEASE or DESTROY")
    String resolution;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.resolveIncident(id, resolution);
    }
}
