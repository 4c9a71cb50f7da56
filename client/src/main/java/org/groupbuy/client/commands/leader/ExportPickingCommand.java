package org.groupbuy.client.commands.leader;

import org.groupbuy.client.backoffice.BackOfficeLedger;
import org.groupbuy.client.backoffice.ExportTable;
import org.groupbuy.client.backoffice.PickingList;
import picocli.CommandLine.Command;

@Command(name = "picking", description = {"Picking list: the total quantity per sku of the orders to hand out "
        + "(JOINED, CONFIRMED, DELIVERED), and how many households ordered it.",
        "Columns: sku,item,quantity,households. Reads Audit:GetGroupBuy and Audit:ListHouseholdOrders."},
        footer = {"%nExample:", "  groupbuy leader export picking GB-7 --format xlsx --out picking.xlsx --org leader"})
public final class ExportPickingCommand extends ExportCommand {
    @Override
    protected ExportTable table(BackOfficeLedger ledger) throws Exception {
        return PickingList.of(ledger.groupBuy(groupBuyId), ledger.orders(groupBuyId));
    }
}
