package org.groupbuy.chaincode.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who goes without when a sku arrived short. Decided once, when the goods are disinfected, so that volunteers
 * delivering at the same time never read each other's hand-overs: households are served in the order they joined
 * (ties by household reference), each either gets its whole line or none of it, and a later, smaller line still
 * gets what an earlier, larger one could not use.
 */
final class ShortGoods {
    private ShortGoods() {
    }

    /**
     * The households left without each short sku, sorted; skus with enough for everyone are absent. Only orders still
     * to be handed over count ({@code CONFIRMED}).
     */
    static TreeMap<String, List<String>> unserved(final Map<String, Long> shortages, final Map<String, Long> received,
            final List<HouseholdOrder> orders) {
        final TreeMap<String, List<String>> unserved = new TreeMap<>();
        if (shortages == null || shortages.isEmpty()) {
            return unserved;
        }
        final List<HouseholdOrder> queue = orders.stream()
                .filter(o -> o.status() == OrderStatus.CONFIRMED)
                .sorted(Comparator.comparing(HouseholdOrder::joinedAt).thenComparing(HouseholdOrder::household))
                .toList();
        for (final String sku : shortages.keySet()) {
            long left = received.getOrDefault(sku, 0L);
            final List<String> without = new ArrayList<>();
            for (final HouseholdOrder order : queue) {
                final long wanted = order.quantity(sku);
                if (wanted == 0) {
                    continue;
                }
                if (wanted <= left) {
                    left -= wanted;
                } else {
                    without.add(order.household());
                }
            }
            if (!without.isEmpty()) {
                without.sort(Comparator.naturalOrder());
                unserved.put(sku, without);
            }
        }
        return unserved;
    }
}
