package org.groupbuy.chaincode.domain;

import java.util.List;

/** Responsibility commitment lifecycle. Expiry is not a state: it is checked against the transaction time. */
public enum CommitmentStatus implements Lifecycle<CommitmentStatus> {
    PENDING, ACTIVE, SUSPENDED, REVOKED;

    private static final Transitions MOVES = Transitions.of(
            "PENDING>ACTIVE,REVOKED", "ACTIVE>SUSPENDED,REVOKED", "SUSPENDED>ACTIVE,REVOKED");

    @Override
    public List<String> nextNames() {
        return MOVES.from(name());
    }
}
