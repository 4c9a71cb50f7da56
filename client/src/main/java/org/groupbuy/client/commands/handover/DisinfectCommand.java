package org.groupbuy.client.commands.handover;

import org.groupbuy.client.commands.SubmitCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
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
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.disinfect(id, method, restMinutes);
    }
}
