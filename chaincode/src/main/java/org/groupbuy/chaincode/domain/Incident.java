package org.groupbuy.chaincode.domain;

import java.time.Instant;

/** An incident on the way: a positive test quarantines the goods. */
public final class Incident {
    private String groupBuyId;
    private Type type;
    private String evidenceHash;
    private String reportedBy;
    private String time;
    private String txId;

    /** Incident kinds. */
    public enum Type { POSITIVE_TEST, SHORTAGE, DAMAGE, DELAY, OTHER }

    static Incident of(final GroupBuy gb, final Type type, final String evidenceHash, final Caller caller,
            final String txId, final Instant at) {
        final Incident i = new Incident();
        i.groupBuyId = gb.id();
        i.type = type;
        i.evidenceHash = Args.hash(evidenceHash, "evidenceHash");
        i.reportedBy = caller.party();
        i.time = at.toString();
        i.txId = txId;
        return i;
    }

    public Type type() {
        return type;
    }

    public String evidenceHash() {
        return evidenceHash;
    }
}
