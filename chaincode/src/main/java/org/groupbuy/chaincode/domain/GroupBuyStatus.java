package org.groupbuy.chaincode.domain;

import java.util.List;

/** Group buy lifecycle (docs/contract.md draws it). */
public enum GroupBuyStatus implements Lifecycle<GroupBuyStatus> {
    PENDING_APPROVAL, OPEN, SUBMITTED, ACCEPTED, PACKED, IN_TRANSIT, ARRIVED, QUARANTINED, DISINFECTED,
    COMPLETED, SETTLED, CANCELLED, FAILED, DECLINED;

    private static final Transitions MOVES = Transitions.of(
            "PENDING_APPROVAL>OPEN,DECLINED,CANCELLED",
            "OPEN>SUBMITTED,FAILED,CANCELLED",
            "SUBMITTED>ACCEPTED,FAILED,CANCELLED",
            "ACCEPTED>PACKED",
            "PACKED>IN_TRANSIT,QUARANTINED",
            "IN_TRANSIT>ARRIVED,QUARANTINED",
            "ARRIVED>DISINFECTED,QUARANTINED",
            "QUARANTINED>PACKED,IN_TRANSIT,ARRIVED,FAILED",
            "DISINFECTED>COMPLETED",
            "COMPLETED>SETTLED");

    @Override
    public List<String> nextNames() {
        return MOVES.from(name());
    }

    /** Money may be recorded until the group buy is settled (refunds go on after FAILED/CANCELLED). */
    public boolean acceptsMoney() {
        return this != SETTLED && this != DECLINED && this != PENDING_APPROVAL;
    }

    /** A group buy that ended without goods: everything paid is due back. */
    public boolean refundsEverything() {
        return this == FAILED || this == CANCELLED;
    }

    /** The group buy is over for its households (settled, failed, cancelled): their personal details go. */
    public boolean endsForHouseholds() {
        return this == SETTLED || refundsEverything();
    }
}
