package org.groupbuy.chaincode.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a leader whose commitment the committee suspended or revoked may still do in its own group buys. New harm
 * stops: it takes no new orders or details, no money in, pays no supplier, books no slot, hands nothing over, and
 * neither closes, cancels, completes nor settles. It may still cancel a household's order at the household's wish,
 * refund households and open disputes for them; the committee and its volunteers finish the group buy for the
 * residents (deliver, mark undeliverable, complete, settle). docs/contract.md ("Suspension") says the same.
 */
public final class LeaderStanding {
    private static final Set<Access> NEEDS_ACTIVE_COMMITMENT = EnumSet.of(Access.ADD_HOUSEHOLD_ORDERS,
            Access.PUT_HOUSEHOLD_DETAILS, Access.CLOSE, Access.CANCEL,
            Access.REQUEST_ARRIVAL, Access.DELIVER, Access.MARK_UNDELIVERABLE, Access.COMPLETE,
            Access.RECORD_PAYMENT, Access.RECORD_SUPPLIER_PAYMENT, Access.SETTLE);

    private LeaderStanding() {
    }

    /** Whether this step by this caller needs the group buy's leader to hold an ACTIVE commitment: it is that leader. */
    public static boolean applies(final Access step, final Caller caller, final GroupBuy gb) {
        return step != null && NEEDS_ACTIVE_COMMITMENT.contains(step) && caller.party().equals(gb.leader());
    }
}
