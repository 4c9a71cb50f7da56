package org.groupbuy.client.backoffice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each household's money (ordered, paid, refunded) and the group buy's totals from the money
 * events of its trace, summed as Settle sums them (docs/contract.md, "Money rule of Settle"):
 * leader fee = collected + supplier refunded - supplier paid - refunded; delivered goods = the
 * amounts of the DELIVERED orders. Once SETTLED, each figure is set beside the settlement's.
 */
public final class MoneyReconciliation {
    /** The settlement figures, in the order they are shown. */
    public static final List<String> FIGURES = List.of("collectedCents", "refundedCents", "supplierPaidCents",
            "supplierRefundedCents", "leaderFeeCents", "deliveredGoodsCents");

    /** One household's money. */
    public record HouseholdMoney(String household, String status, long orderedCents, long paidCents,
                                 long refundedCents) {
    }

    private final Map<String, HouseholdMoney> households;
    private final Map<String, Long> figures;
    private final Map<String, Long> settlement;
    private final long orderedCents;

    private MoneyReconciliation(Map<String, HouseholdMoney> households, Map<String, Long> figures,
            Map<String, Long> settlement, long orderedCents) {
        this.households = households;
        this.figures = figures;
        this.settlement = settlement;
        this.orderedCents = orderedCents;
    }

    public static MoneyReconciliation of(GroupBuyFacts gb, List<OrderFacts> orders, List<TraceEntry> trace) {
        Map<String, long[]> money = new TreeMap<>();
        long supplierPaid = 0;
        long supplierRefunded = 0;
        for (TraceEntry entry : trace) {
            switch (entry.type()) {
                case "PaymentRecorded" -> add(money, entry, 0);
                case "RefundRecorded" -> add(money, entry, 1);
                case "SupplierPaymentRecorded" -> supplierPaid = Math.addExact(supplierPaid, entry.amountCents());
                case "SupplierRefundRecorded" -> supplierRefunded = Math.addExact(supplierRefunded, entry.amountCents());
                // a withdrawn entry (never received, so never confirmed) counts nowhere, as at Settle
                case "SupplierPaymentWithdrawn" -> supplierPaid = Math.subtractExact(supplierPaid, entry.amountCents());
                case "SupplierRefundWithdrawn" -> supplierRefunded = Math.subtractExact(supplierRefunded,
                        entry.amountCents());
                default -> { }
            }
        }
        Map<String, HouseholdMoney> households = new LinkedHashMap<>();
        long ordered = 0;
        long delivered = 0;
        for (OrderFacts order : orders) {
            long[] paid = money.remove(order.household());
            households.put(order.household(), new HouseholdMoney(order.household(), order.status(),
                    order.amountCents(), paid == null ? 0 : paid[0], paid == null ? 0 : paid[1]));
            ordered = Math.addExact(ordered, order.amountCents());
            delivered = order.delivered() ? Math.addExact(delivered, order.amountCents()) : delivered;
        }
        money.forEach((household, paid) -> households.put(household,
                new HouseholdMoney(household, "(no order)", 0, paid[0], paid[1])));
        long collected = households.values().stream().mapToLong(HouseholdMoney::paidCents).reduce(0, Math::addExact);
        long refunded = households.values().stream().mapToLong(HouseholdMoney::refundedCents).reduce(0, Math::addExact);
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("collectedCents", collected);
        figures.put("refundedCents", refunded);
        figures.put("supplierPaidCents", supplierPaid);
        figures.put("supplierRefundedCents", supplierRefunded);
        figures.put("leaderFeeCents", Math.subtractExact(Math.subtractExact(Math.addExact(collected, supplierRefunded),
                supplierPaid), refunded));
        figures.put("deliveredGoodsCents", delivered);
        return new MoneyReconciliation(households, figures, gb.settlement(), ordered);
    }

    private static void add(Map<String, long[]> money, TraceEntry entry, int column) {
        long[] sums = money.computeIfAbsent(entry.household(), h -> new long[2]);
        sums[column] = Math.addExact(sums[column], entry.amountCents());
    }

    public Map<String, HouseholdMoney> households() {
        return households;
    }

    /** The totals computed from the trace, by settlement figure name. */
    public Map<String, Long> figures() {
        return figures;
    }

    /** Whether the group buy is settled and every figure equals the settlement's. */
    public boolean reconciles() {
        return !settlement.isEmpty() && FIGURES.stream().allMatch(f -> figures.get(f).equals(settlement.get(f)));
    }

    /** Per household, a TOTAL row, then each figure beside the settlement's (blank before Settle). */
    public ExportTable table() {
        ExportTable.Builder table = new ExportTable.Builder("money", "household", "status", "orderedCents",
                "paidCents", "refundedCents", "netCents");
        households.values().forEach(h -> table.row(h.household(), h.status(), h.orderedCents(), h.paidCents(),
                h.refundedCents(), Math.subtractExact(h.paidCents(), h.refundedCents())));
        long collected = figures.get("collectedCents");
        long refunded = figures.get("refundedCents");
        table.row("TOTAL", "", orderedCents, collected, refunded, Math.subtractExact(collected, refunded));
        table.row();
        table.row("figure", "ledger", "settlement", "match");
        for (String figure : FIGURES) {
            Long settled = settlement.get(figure);
            table.row(figure, figures.get(figure), settled == null ? "" : settled,
                    settled == null ? "not settled" : settled.equals(figures.get(figure)) ? "yes" : "NO");
        }
        return table.build();
    }
}
