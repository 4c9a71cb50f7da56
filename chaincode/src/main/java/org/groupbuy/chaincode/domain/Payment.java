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
        return p;
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
