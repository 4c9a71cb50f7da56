package org.groupbuy.client.backoffice;

import java.util.Map;
import java.util.Set;

/** A household's order as the ledger holds it (no personal details): lines, status, amount, pickup hash. */
public record OrderFacts(String household, Map<String, Long> lines, String status, long amountCents,
                         boolean offline, String pickupSalt, String pickupCodeHash) {
    /** Orders whose goods are still to be, or have been, handed out. */
    private static final Set<String> LIVE = Set.of("JOINED", "CONFIRMED", "DELIVERED");
    /** Orders still waiting for their hand-over. */
    private static final Set<String> WAITING = Set.of("JOINED", "CONFIRMED");

    public OrderFacts {
        lines = Map.copyOf(lines);
    }

    /** JOINED, CONFIRMED or DELIVERED: goods to pick and sort. */
    public boolean live() {
        return LIVE.contains(status);
    }

    /** JOINED or CONFIRMED: the household still has to pick its goods up. */
    public boolean waiting() {
        return WAITING.contains(status);
    }

    public boolean delivered() {
        return "DELIVERED".equals(status);
    }
}
