package org.groupbuy.client.commands.audit;

import org.groupbuy.client.commands.QueryCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import org.groupbuy.client.output.Timeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "household", description = "The timeline of one household's order (no personal details).",
        footer = {"%nExample:", "  groupbuy regulator household GB-7 H-001 --org regulator"})
public final class HouseholdCommand extends QueryCommand {
    @Parameters(index = "0", paramLabel = "GROUP_BUY_ID")
    String id;

    @Parameters(index = "1", paramLabel = "HOUSEHOLD")
    String household;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.traceHousehold(id, household);
    }

    @Override
    protected String render(String payload) {
        return Timeline.render(payload);
    }
}
