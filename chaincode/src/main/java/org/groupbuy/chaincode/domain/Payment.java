package org.groupbuy.chaincode.domain;

import java.time.Instant;

/** One money entry of a group buy, a key of its own: a household's payment, a supplier payment, a refund or a supplier refund. */
public final class Payment {
    private String groupBuyId;
    private Kind kind;
    private String household;
    private long amountCents;
    private String refHash;
    private String actor;
    private String txId;
    private String time;
    /** Supplier payments and refunds only: whether the party that received the money agrees (null otherwise). */
    private Confirmation confirmation;
    private String confirmationBy;
    private String confirmationAt;

    /** What the entry is; its ledger key type. */
    public enum Kind {
        PAYMENT("payment"), SUPPLIER_PAYMENT("supplierPayment"), REFUND("refund"),
        /** Money the supplier pays back to the leader, recorded by the supplier. */
        SUPPLIER_REFUND("supplierRefund");

        private final String keyType;

        Kind(final String keyType) {
            this.keyType = keyType;
        }

        public String keyType() {
            return keyType;
        }

        /** Money between the leader and the supplier: the receiving side confirms it before it counts at Settle. */
        public boolean needsConfirmation() {
            return this == SUPPLIER_PAYMENT || this == SUPPLIER_REFUND;
        }
    }

    static Payment of(final Kind kind, final GroupBuy gb, final String household, final long amountCents,
            final String refHash, final Caller caller, final String txId, final Instant at) {
        final Payment p = new Payment();
        p.groupBuyId = gb.id();
        p.kind = kind;
        p.household = household;
        p.amountCents = amountCents;
        p.refHash = Args.hash(refHash, "refHash");
        p.actor = caller.party();
        p.txId = txId;
        p.time = at.toString();
        p.confirmation = kind.needsConfirmation() ? Confirmation.UNCONFIRMED : null;
        return p;
    }

    /** The receiving side confirms, or the recording side withdraws, an UNCONFIRMED entry. */
    void answer(final Confirmation target, final String action, final Caller caller, final Instant at) {
        confirmation().guard(kind.keyType(), txId, target, action);
        confirmation = target;
        confirmationBy = caller.party();
        confirmationAt = at.toString();
    }

    /** CONFIRMED, WITHDRAWN or UNCONFIRMED for supplier payments and refunds (also those recorded before confirmations existed); null for households' entries. */
    public Confirmation confirmation() {
        return confirmation == null && kind.needsConfirmation() ? Confirmation.UNCONFIRMED : confirmation;
    }

    /** Whether the entry counts in the group buy's money: every entry but a withdrawn one. */
    boolean counts() {
        return confirmation != Confirmation.WITHDRAWN;
    }

    public Kind kind() {
        return kind;
    }

    public String household() {
        return household;
    }

    public long amountCents() {
        return amountCents;
    }

    public String refHash() {
        return refHash;
    }

    public String txId() {
        return txId;
    }
}
