package org.groupbuy.client.backoffice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A group buy at a glance: households per order status, units per sku of the live orders (JOINED,
 * CONFIRMED, DELIVERED) against the supplier's minimum, deliveries, and disputes from its trace.
 */
public record GroupBuyStats(String groupBuyId, String status, Map<String, Integer> ordersByStatus,
                            Map<String, Long> unitsPerSku, long units, long amountCents, long minimumQuantity,
                            long minimumAmountCents, int delivered, int toDeliver, Map<String, Integer> disputes) {

    public static GroupBuyStats of(GroupBuyFacts gb, List<OrderFacts> orders, List<TraceEntry> trace) {
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Long> units = new LinkedHashMap<>();
        gb.items().forEach(item -> units.put(item.sku(), 0L));
        long total = 0;
        long amount = 0;
        int delivered = 0;
        int toDeliver = 0;
        for (OrderFacts order : orders) {
            byStatus.merge(order.status(), 1, Integer::sum);
            delivered += order.delivered() ? 1 : 0;
            toDeliver += order.waiting() ? 1 : 0;
            if (order.live()) {
                for (Map.Entry<String, Long> line : order.lines().entrySet()) {
                    units.merge(line.getKey(), line.getValue(), Math::addExact);
                    total = Math.addExact(total, line.getValue());
                }
                amount = Math.addExact(amount, order.amountCents());
            }
        }
        Map<String, Integer> disputes = new LinkedHashMap<>();
        disputes.put("opened", 0);
        disputes.put("UPHELD", 0);
        disputes.put("REJECTED", 0);
        for (TraceEntry entry : trace) {
            if (entry.type().equals("DisputeOpened")) {
                disputes.merge("opened", 1, Integer::sum);
            } else if (entry.type().equals("DisputeRuled")) {
                disputes.merge(entry.status(), 1, Integer::sum);
            }
        }
        disputes.put("open", disputes.get("opened") - disputes.get("UPHELD") - disputes.get("REJECTED"));
        return new GroupBuyStats(gb.id(), gb.status(), byStatus, units, total, amount, gb.minimumQuantity(),
                gb.minimumAmountCents(), delivered, toDeliver, disputes);
    }

    public boolean minimumMet() {
        return units >= minimumQuantity && amountCents >= minimumAmountCents;
    }

    /** The lines {@code leader stats} prints. */
    public String render() {
        StringBuilder out = new StringBuilder();
        int households = ordersByStatus.values().stream().mapToInt(Integer::intValue).sum();
        out.append(groupBuyId).append("  ").append(status).append('\n');
        out.append("orders      ").append(households).append(" household(s)");
        ordersByStatus.forEach((s, n) -> out.append(", ").append(s).append(' ').append(n));
        out.append('\n');
        int width = unitsPerSku.keySet().stream().mapToInt(String::length).max().orElse(3);
        unitsPerSku.forEach((sku, n) -> out.append("  ").append(String.format(java.util.Locale.ROOT,
                "%-" + width + "s %8d units%n", sku, n)));
        out.append("units       ").append(units).append(" of the supplier's minimum ").append(minimumQuantity)
                .append(", amount ").append(amountCents).append(" cents of minimum ").append(minimumAmountCents)
                .append(": ").append(minimumMet() ? "minimum met" : "BELOW MINIMUM").append('\n');
        out.append("delivered   ").append(delivered).append(", still to hand over ").append(toDeliver).append('\n');
        out.append("disputes    ").append(disputes.get("opened")).append(" opened, ").append(disputes.get("UPHELD"))
                .append(" upheld, ").append(disputes.get("REJECTED")).append(" rejected, ")
                .append(disputes.get("open")).append(" open").append('\n');
        return out.toString();
    }
}
