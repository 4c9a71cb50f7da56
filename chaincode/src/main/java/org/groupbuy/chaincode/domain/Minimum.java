package org.groupbuy.chaincode.domain;

/** The supplier's minimum: total quantity and/or amount (0 = no minimum). */
public final class Minimum {
    private Long quantity;
    private Long amountCents;

    /** Checks the minimum at Open; a missing amount means no minimum amount (0). */
    void check() {
        Args.quantity(Args.present(quantity, "minimum.quantity"), "minimum.quantity", 0);
        amountCents = Args.cents(amountCents == null ? 0 : amountCents, "minimum.amountCents", 0);
    }

    /** Whether the orders' total quantity and amount both reach the minimum. */
    boolean metBy(final long totalQuantity, final long totalAmountCents) {
        return totalQuantity >= quantity && totalAmountCents >= amountCents;
    }
}
