package org.groupbuy.client.console;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A group buy's money at a glance: what was ordered, and what the money records in its trace add
 * up to (collected, refunded, paid to and back from the supplier); once settled, the settlement.
 */
public record MoneySummary(long orderedCents, Map<String, Long> byRecord, JsonObject settlement) {
    private static final Map<String, String> RECORDS = Map.of("PaymentRecorded", "Collected from households",
            "RefundRecorded", "Refunded to households", "SupplierPaymentRecorded", "Paid to the supplier",
            "SupplierRefundRecorded", "Refunded by the supplier");

    public static MoneySummary of(JsonObject gb, List<JsonObject> trace) {
        Map<String, Long> sums = new TreeMap<>();
        for (JsonObject record : trace) {
            String label = RECORDS.get(TimelineStep.text(record, "type"));
            JsonObject details = GroupBuyPage.object(record, "details");
            if (label != null && details.has("amountCents")) {
                sums.merge(label, details.get("amountCents").getAsLong(), Math::addExact);
            }
        }
        long ordered = gb.has("orderedAmountCents") && !gb.get("orderedAmountCents").isJsonNull()
                ? gb.get("orderedAmountCents").getAsLong() : 0;
        return new MoneySummary(ordered, sums, GroupBuyPage.object(gb, "settlement"));
    }

    /** Cents as a decimal amount: 3500 -> "35.00". */
    public static String format(long cents) {
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        return sign + abs / 100 + "." + String.format(java.util.Locale.ROOT, "%02d", abs % 100);
    }

    public String html() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(Html.text("Ordered (at close)"), Html.text(format(orderedCents))));
        byRecord.forEach((label, cents) -> rows.add(List.of(Html.text(label), Html.text(format(cents)))));
        settlement.entrySet().forEach(e -> rows.add(List.of(Html.text("Settlement: " + e.getKey()),
                Html.text(e.getKey().endsWith("Cents") ? format(e.getValue().getAsLong()) : e.getValue().getAsString()))));
        return Html.table("Money of the group buy", List.of("What", "Amount"), rows);
    }
}
