package org.groupbuy.chaincode.domain;

import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Pack list: lots per sku and the inspection/test evidence. */
public final class PackList {
    private List<Lot> lots;
    private List<String> evidenceHashes;

    /**
     * Checks the lots, each of a sku {@code requireItem} accepts, and the evidence; returns the quantity packed per
     * sku.
     */
    TreeMap<String, Long> check(final Consumer<String> requireItem) {
        ErrorCode.INVALID_ARGUMENT.check(lots != null && !lots.isEmpty(), "packJson.lots: list at least one");
        final TreeMap<String, Long> quantities = new TreeMap<>();
        for (final Lot lot : lots) {
            requireItem.accept(lot.sku());
            lot.check();
            quantities.merge(lot.sku(), lot.quantity(), (x, y) -> Exact.add(x, y, "packed quantity of " + lot.sku()));
        }
        ErrorCode.INVALID_ARGUMENT.check(evidenceHashes != null && !evidenceHashes.isEmpty(),
                "packJson.evidenceHashes: cite the inspection or test report");
        evidenceHashes.forEach(h -> Args.hash(h, "evidence hash"));
        return quantities;
    }

    List<Lot> lots() {
        return lots;
    }

    /** The evidence hashes, sorted, each once. */
    List<String> evidence() {
        return List.copyOf(new TreeSet<>(evidenceHashes));
    }
}
