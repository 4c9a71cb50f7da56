package org.groupbuy.chaincode.domain;

import java.util.List;

/**
 * Whether the other side of a supplier payment or supplier refund agrees it happened: recorded UNCONFIRMED by the
 * party that paid, then CONFIRMED by the party that received, or WITHDRAWN by the party that recorded it (money
 * that never arrived). Only CONFIRMED entries count at Settle; WITHDRAWN ones count nowhere.
 */
public enum Confirmation implements Lifecycle<Confirmation> {
    UNCONFIRMED, CONFIRMED, WITHDRAWN;

    private static final Transitions MOVES = Transitions.of("UNCONFIRMED>CONFIRMED,WITHDRAWN");

    @Override
    public List<String> nextNames() {
        return MOVES.from(name());
    }
}
