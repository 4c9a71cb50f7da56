package org.groupbuy.client.commands.leader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.groupbuy.client.backoffice.BackOfficeLedger;
import org.groupbuy.client.backoffice.ExportTable;
import org.groupbuy.client.backoffice.HouseholdContact;
import org.groupbuy.client.backoffice.OrderFacts;
import org.groupbuy.client.backoffice.SortingList;
import picocli.CommandLine.Command;

@Command(name = "sorting", description = {"Sorting list for the volunteers: one row per household to hand out to, "
        + "by building then door (numbers in number order), with its items.",
        "Columns: building,door,household,items,units,offline,status. Building and door come from the household's "
                + "private address (Audit:GetHouseholdDetails: the group buy's leader or its committee, on their own "
                + "peer); names and phone numbers are not written. Households without stored details come last."},
        footer = {"%nExample:", "  groupbuy leader export sorting GB-7 --format xlsx --out sorting.xlsx --org leader"})
public final class ExportSortingCommand extends ExportCommand {
    @Override
    protected ExportTable table(BackOfficeLedger ledger) throws Exception {
        List<OrderFacts> orders = ledger.orders(groupBuyId);
        Map<String, String> addresses = new LinkedHashMap<>();
        for (OrderFacts order : orders) {
            if (order.live()) {
                ledger.contact(groupBuyId, order.household())
                        .map(HouseholdContact::address)
                        .ifPresent(address -> addresses.put(order.household(), address));
            }
        }
        return SortingList.of(ledger.groupBuy(groupBuyId), orders, addresses);
    }
}
