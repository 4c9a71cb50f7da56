package org.groupbuy.client.commands.audit;

import org.groupbuy.client.commands.QueryCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "list", description = "List the group buys of a community, one page at a time.",
        footer = {"%nExamples:", "  groupbuy list C1 --org leader",
                "  groupbuy list C1 --status OPEN --page-size 20 --bookmark <bookmark from the last page> --org leader"})
public final class ListCommand extends QueryCommand {
    @Parameters(paramLabel = "COMMUNITY")
    String community;

    @Option(names = "--status", defaultValue = "", description = "only this status, e.g. OPEN (default: all)")
    String status;

    @Option(names = "--page-size", defaultValue = "50", paramLabel = "N", description = "1..200 (default: ${DEFAULT-VALUE})")
    int pageSize;

    @Option(names = "--bookmark", defaultValue = "", description = "where the previous page ended")
    String bookmark;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.listGroupBuys(community, status, pageSize, bookmark);
    }
}
