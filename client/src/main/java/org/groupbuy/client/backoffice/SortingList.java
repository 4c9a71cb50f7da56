package org.groupbuy.client.backoffice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * For the volunteers who sort the goods: one row per household to hand out to (JOINED, CONFIRMED,
 * DELIVERED), by building then door, with its items. Building and door come from the private
 * address; names and phone numbers are left out (the volunteers do not need them on paper).
 */
public final class SortingList {
    private static final DoorAddress NO_ADDRESS = new DoorAddress("(no details stored)", "");
    private SortingList() {
    }

    /** {@code addresses}: household -> address from its private details (missing: listed last, as having no details). */
    public static ExportTable of(GroupBuyFacts gb, List<OrderFacts> orders, Map<String, String> addresses) {
        record Stop(DoorAddress door, OrderFacts order) {
        }
        List<Stop> stops = new ArrayList<>();
        for (OrderFacts order : orders) {
            if (order.live()) {
                String address = addresses.get(order.household());
                stops.add(new Stop(address == null ? null : DoorAddress.of(address), order));
            }
        }
        stops.sort(Comparator.comparing(Stop::door, Comparator.nullsLast(DoorAddress.ORDER))
                .thenComparing(s -> s.order().household()));
        ExportTable.Builder table = new ExportTable.Builder("sorting", "building", "door", "household", "items",
                "units", "offline", "status");
        for (Stop stop : stops) {
            OrderFacts order = stop.order();
            String items = gb.inItemOrder(order.lines()).stream()
                    .map(e -> e.getKey() + " x" + e.getValue())
                    .collect(Collectors.joining("; "));
            long units = order.lines().values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
            DoorAddress door = stop.door() == null ? NO_ADDRESS : stop.door();
            table.row(door.building(), door.door(), order.household(), items, units,
                    order.offline() ? "yes" : "", order.status());
        }
        return table.build();
    }
}
