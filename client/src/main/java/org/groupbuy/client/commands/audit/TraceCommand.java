package org.groupbuy.client.commands.audit;

import org.groupbuy.client.commands.QueryCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import org.groupbuy.client.output.Timeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "trace", description = "The timeline of a group buy (or commitment): every state change and custody "
        + "event with time, actor, org, what, transaction id and evidence.",
        footer = {"%nExample:", "  groupbuy regulator trace GB-7 --org regulator"})
public final class TraceCommand extends QueryCommand {
    @Parameters(paramLabel = "ID", description = "group buy or commitment id")
    String id;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.trace(id);
    }

    @Override
    protected String render(String payload) {
        return Timeline.render(payload);
    }
}
