package org.groupbuy.chaincode.domain;

import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Pack list: lots per sku and the inspection/test evidence. */
public final class PackList {
    /** Lots per pack: one lot per pallet or batch of each of at most 100 items, with room to spare. */
    static final int MAX_LOTS = 200;
    /** Evidence hashes per pack: inspection and test reports, not one per package. */
    static final int MAX_EVIDENCE = 20;

    private List<Lot> lots;
    private List<String> evidenceHashes;

    /**
     * Checks the lots, each of a sku {@code requireItem} accepts, and the evidence; returns the quantity packed per
     * sku.
     */
    TreeMap<String, Long> check(final Consumer<String> requireItem) {
        ErrorCode.INVALID_ARGUMENT.check(lots != null && !lots.isEmpty(), "packJson.lots: list at least one");
        ErrorCode.INVALID_ARGUMENT.check(lots.size() <= MAX_LOTS, "packJson.lots: list at most %d lots, got %d",
                MAX_LOTS, lots.size());
        final TreeMap<String, Long> quantities = new TreeMap<>();
        for (final Lot lot : lots) {
            requireItem.accept(lot.sku());
            lot.check();
            quantities.merge(lot.sku(), lot.quantity(), (x, y) -> Exact.add(x, y, "packed quantity of " + lot.sku()));
        }
        ErrorCode.INVALID_ARGUMENT.check(evidenceHashes != null && !evidenceHashes.isEmpty(),
                "packJson.evidenceHashes: cite the inspection or test report");
        ErrorCode.INVALID_ARGUMENT.check(evidenceHashes.size() <= MAX_EVIDENCE,
                "packJson.evidenceHashes: list at most %d hashes, got %d", MAX_EVIDENCE, evidenceHashes.size());
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
