package org.groupbuy.client.commands.leader;

import org.groupbuy.client.commands.JsonArgument;
import org.groupbuy.client.commands.SubmitCommand;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "open", description = "Open a group buy: supplier, items with prices and limits, the supplier's "
        + "minimum, cutoff, hand-over point, leader fee. Waits for committee approval if the community requires it.",
        footer = {"%nExample:", "  groupbuy leader open @gb-7.json --org leader --user leader1",
                "  (JSON: id, community, supplier, items[sku,name,category,unitPriceCents,maxPerHousehold], minimum,"
                        + " cutoff, handoverPoint, leaderFeePercent; see docs/contract.md)"})
public final class OpenCommand extends SubmitCommand {
    @Parameters(paramLabel = "GROUP_BUY_JSON", description = "inline JSON or @file.json")
    String groupBuy;

    @Override
    protected Answer send(GroupBuyLedger ledger) {
        return ledger.open(JsonArgument.read(groupBuy));
    }
}
