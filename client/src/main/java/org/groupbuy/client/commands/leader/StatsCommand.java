package org.groupbuy.client.commands.leader;

import com.google.gson.Gson;
import org.groupbuy.client.backoffice.BackOfficeLedger;
import org.groupbuy.client.backoffice.GroupBuyStats;
import org.groupbuy.client.commands.LedgerCommand;
import org.groupbuy.client.ledger.LedgerSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "stats", description = {"A group buy at a glance: households per order status, units per sku of the "
        + "orders to hand out (JOINED, CONFIRMED, DELIVERED) against the supplier's minimum, deliveries, and disputes "
        + "(opened, upheld, rejected, open).",
        "Reads Audit:GetGroupBuy, Audit:ListHouseholdOrders and Audit:Trace; any role may run it."},
        footer = {"%nExample:", "  groupbuy leader stats GB-7 --org leader"})
public final class StatsCommand extends LedgerCommand {
    @Parameters(index = "0", paramLabel = "GROUP_BUY_ID", description = "the group buy, e.g. GB-7")
    String groupBuyId;

    @Override
    protected void run(LedgerSession session) throws Exception {
        BackOfficeLedger ledger = BackOfficeLedger.of(session);
        GroupBuyStats stats = GroupBuyStats.of(ledger.groupBuy(groupBuyId), ledger.orders(groupBuyId),
                ledger.trace(groupBuyId));
        out().print(json ? new Gson().toJson(stats) + "\n" : stats.render());
    }
}
