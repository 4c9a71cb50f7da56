package org.groupbuy.client.commands.audit;

import org.groupbuy.client.commands.QueryCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Show one group buy: status, supplier, items, totals, money.",
        footer = {"%nExample:", "  groupbuy show GB-7 --org leader"})
public final class ShowCommand extends QueryCommand {
    @Parameters(paramLabel = "GROUP_BUY_ID")
    String id;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.readGroupBuy(id);
    }
}
