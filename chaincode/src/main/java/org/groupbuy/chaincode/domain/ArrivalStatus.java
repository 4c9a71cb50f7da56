package org.groupbuy.chaincode.domain;

import java.util.List;

/** Arrival slot request lifecycle. */
public enum ArrivalStatus implements Lifecycle<ArrivalStatus> {
    PENDING, APPROVED;

    private static final Transitions MOVES = Transitions.of("PENDING>APPROVED");

    @Override
    public List<String> nextNames() {
        return MOVES.from(name());
    }
}
