package org.groupbuy.chaincode.domain;

/** One lot of one sku. */
public final class Lot {
    private String sku;
    private String lot;
    private long quantity;

    /** Checks the lot number and quantity (the sku is the group buy's to check). */
    void check() {
        Args.id(lot, "lot");
        Args.quantity(quantity, "quantity of lot " + lot, 1);
    }

    String sku() {
        return sku;
    }

    long quantity() {
        return quantity;
    }
}
