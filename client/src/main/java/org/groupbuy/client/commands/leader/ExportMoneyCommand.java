package org.groupbuy.client.commands.leader;

import java.util.stream.Collectors;
import org.groupbuy.client.backoffice.BackOfficeLedger;
import org.groupbuy.client.backoffice.ExportTable;
import org.groupbuy.client.backoffice.GroupBuyFacts;
import org.groupbuy.client.backoffice.MoneyReconciliation;
import picocli.CommandLine.Command;

@Command(name = "money", description = {"Payment reconciliation: each household's ordered, paid and refunded "
        + "cents, a TOTAL row, then each figure of Settle's money rule (collected, refunded, supplier paid, supplier "
        + "refunded, leader fee, delivered goods) summed from the group buy's trace beside the settlement's figure.",
        "Columns: household,status,orderedCents,paidCents,refundedCents,netCents. Reads Audit:GetGroupBuy, "
                + "Audit:ListHouseholdOrders and Audit:Trace. A summary line goes to stderr."},
        footer = {"%nExample:", "  groupbuy leader export money GB-7 --format xlsx --out money.xlsx --org leader"})
public final class ExportMoneyCommand extends ExportCommand {
    private MoneyReconciliation money;
    private GroupBuyFacts groupBuy;

    @Override
    protected ExportTable table(BackOfficeLedger ledger) throws Exception {
        groupBuy = ledger.groupBuy(groupBuyId);
        money = MoneyReconciliation.of(groupBuy, ledger.orders(groupBuyId), ledger.trace(groupBuyId));
        return money.table();
    }

    @Override
    protected void written(ExportTable table) {
        String figures = money.figures().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        String verdict = groupBuy.settlement().isEmpty() ? "not settled yet (" + groupBuy.status() + ")"
                : money.reconciles() ? "reconciles with its settlement" : "DOES NOT reconcile with its settlement";
        err().println(groupBuyId + ": " + figures + "; " + verdict);
    }
}
