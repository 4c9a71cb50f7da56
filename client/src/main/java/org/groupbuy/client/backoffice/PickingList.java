package org.groupbuy.client.backoffice;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Total per sku of the orders to pick (JOINED, CONFIRMED, DELIVERED), skus in the group buy's order. */
public final class PickingList {
    private PickingList() {
    }

    public static ExportTable of(GroupBuyFacts gb, List<OrderFacts> orders) {
        Map<String, long[]> totals = new TreeMap<>();
        gb.items().forEach(item -> totals.put(item.sku(), new long[2]));
        for (OrderFacts order : orders) {
            if (!order.live()) {
                continue;
            }
            order.lines().forEach((sku, quantity) -> {
                long[] total = totals.computeIfAbsent(sku, s -> new long[2]);
                total[0] = Math.addExact(total[0], quantity);
                total[1]++;
            });
        }
        ExportTable.Builder table = new ExportTable.Builder("picking", "sku", "item", "quantity", "households");
        gb.items().forEach(item -> add(table, gb, item.sku(), totals.remove(item.sku())));
        totals.forEach((sku, total) -> add(table, gb, sku, total));
        return table.build();
    }

    private static void add(ExportTable.Builder table, GroupBuyFacts gb, String sku, long[] total) {
        table.row(sku, gb.nameOf(sku), total[0], total[1]);
    }
}
