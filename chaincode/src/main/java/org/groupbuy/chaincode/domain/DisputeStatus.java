package org.groupbuy.chaincode.domain;

import java.util.List;

/** Dispute lifecycle: opened as DISPUTED, ruled UPHELD or REJECTED. */
public enum DisputeStatus implements Lifecycle<DisputeStatus> {
    DISPUTED, UPHELD, REJECTED;

    private static final Transitions MOVES = Transitions.of("DISPUTED>UPHELD,REJECTED");

    @Override
    public List<String> nextNames() {
        return MOVES.from(name());
    }
}
