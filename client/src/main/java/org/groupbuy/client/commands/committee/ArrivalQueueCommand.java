package org.groupbuy.client.commands.committee;

import org.groupbuy.client.commands.QueryCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "arrival-queue", description = "The arrival requests of a community for one day, in the order they "
        + "will be approved (GUARANTEE goods first when capacity is short).",
        footer = {"%nExample:", "  groupbuy committee arrival-queue C1 2026-04-12 --org committee"})
public final class ArrivalQueueCommand extends QueryCommand {
    @Parameters(index = "0", paramLabel = "COMMUNITY")
    String community;

    @Parameters(index = "1", paramLabel = "DAY", description = "e.g. 2026-04-12")
    String day;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.arrivalQueue(community, day);
    }
}
