package org.groupbuy.client.commands.handover;

import org.groupbuy.client.commands.SubmitCommand;
import org.groupbuy.client.ledger.Invocation;
import org.groupbuy.client.ledger.Transaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "disinfect", description = "Record disinfection and the rest time before distribution "
        + "(at least the community's minimum for the goods' category).",
        footer = {"%nExample:", "  groupbuy volunteer disinfect GB-7 --method \"chlorine spray\" --rest-minutes 30 "
                + "--org committee --user volunteer1"})
public final class DisinfectCommand extends SubmitCommand {
    @Parameters(paramLabel = "GROUP_BUY_ID")
    String id;

    @Option(names = "--method", required = true)
    String method;

    @Option(names = "--rest-minutes", required = true, paramLabel = "N")
    int restMinutes;

    @Override
    protected Invocation invocation() {
        return Invocation.of(Transaction.DISINFECT, id, method, Integer.toString(restMinutes));
    }
}
