package org.groupbuy.chaincode.domain;

import java.util.Set;

/** An item (SKU) on offer. */
public final class Item {
    private String sku;
    private String name;
    private Category category;
    private long unitPriceCents;
    private int maxPerHousehold;

    /** Checks the item at Open; {@code skus} gathers the skus listed so far, so a sku listed twice is refused. */
    void check(final Set<String> skus) {
        ErrorCode.INVALID_ARGUMENT.check(skus.add(Args.id(sku, "sku")), "sku %s is listed twice", sku);
        Args.text(name, "item name", 100);
        Args.present(category, "category of " + sku);
        Args.cents(unitPriceCents, "unitPriceCents of " + sku, 1);
        Args.quantity(maxPerHousehold, "maxPerHousehold of " + sku, 1);
    }

    String sku() {
        return sku;
    }

    Category category() {
        return category;
    }

    public long unitPriceCents() {
        return unitPriceCents;
    }

    public int maxPerHousehold() {
        return maxPerHousehold;
    }
}
