package org.groupbuy.client.backoffice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small group buys, orders and trace entries for the back-office tests. */
final class Facts {
    private Facts() {
    }

    static GroupBuyFacts groupBuy(String status, Map<String, Long> settlement) {
        return new GroupBuyFacts("GB-7", status, List.of(new GroupBuyFacts.Item("VEG-BOX", "Vegetable box 5kg", 3500),
                new GroupBuyFacts.Item("MILK-12", "Milk 12x250ml", 6000)), 4, 0, settlement);
    }

    static OrderFacts order(String household, String status, long veg, long milk) {
        Map<String, Long> lines = new LinkedHashMap<>();
        if (veg > 0) {
            lines.put("VEG-BOX", veg);
        }
        if (milk > 0) {
            lines.put("MILK-12", milk);
        }
        return new OrderFacts(household, lines, status, veg * 3500 + milk * 6000, false, "salt-" + household,
                "hash-" + household);
    }

    static TraceEntry money(String type, String household, long amountCents) {
        return new TraceEntry(type, "GB-7", "", household, Map.of("amountCents", Long.toString(amountCents)));
    }

    static TraceEntry event(String type, String id, String status) {
        return new TraceEntry(type, id, status, "", Map.of());
    }
}
