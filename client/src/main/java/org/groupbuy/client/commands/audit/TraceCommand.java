package org.groupbuy.client.commands.audit;

import org.groupbuy.client.commands.QueryCommand;
import org.groupbuy.client.ledger.Invocation;
import org.groupbuy.client.ledger.Transaction;
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
    protected Invocation invocation() {
        return Invocation.of(Transaction.TRACE, id);
    }

    @Override
    protected String render(String payload) {
        return Timeline.render(payload);
    }
}
