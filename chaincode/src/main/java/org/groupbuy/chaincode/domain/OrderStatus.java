package org.groupbuy.chaincode.domain;

import java.util.List;

/** Household order lifecycle. */
public enum OrderStatus implements Lifecycle<OrderStatus> {
    JOINED, CONFIRMED, DELIVERED, UNDELIVERABLE, CANCELLED, REFUNDED;

    private static final Transitions MOVES = Transitions.of(
            "JOINED>CONFIRMED,CANCELLED,REFUNDED",
            "CONFIRMED>DELIVERED,UNDELIVERABLE,REFUNDED",
            "UNDELIVERABLE>REFUNDED",
            "CANCELLED>REFUNDED");

    @Override
    public List<String> nextNames() {
        return MOVES.from(name());
    }

    /** Nothing left to hand over (Complete needs every order finished). */
    public boolean finished() {
        return this != JOINED && this != CONFIRMED;
    }
}
