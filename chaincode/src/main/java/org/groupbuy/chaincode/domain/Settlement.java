package org.groupbuy.chaincode.domain;

/** The figures Settle checked. */
public final class Settlement {
    private long collectedCents;
    private long supplierPaidCents;
    private long supplierRefundedCents;
    private long refundedCents;
    private long leaderFeeCents;
    private long deliveredGoodsCents;
    private int feePercent;
    private long feeCapCents;

    private Settlement() {
        // for Gson, which reads a settled group buy back
    }

    Settlement(final long collectedCents, final long supplierPaidCents, final long supplierRefundedCents,
            final long refundedCents,
            final long leaderFeeCents, final long deliveredGoodsCents, final int feePercent, final long feeCapCents) {
        this.collectedCents = collectedCents;
        this.supplierPaidCents = supplierPaidCents;
        this.supplierRefundedCents = supplierRefundedCents;
        this.refundedCents = refundedCents;
        this.leaderFeeCents = leaderFeeCents;
        this.deliveredGoodsCents = deliveredGoodsCents;
        this.feePercent = feePercent;
        this.feeCapCents = feeCapCents;
    }
}
