package org.groupbuy.client.ledger;

import org.hyperledger.fabric.client.GatewayException;

/** A failed query, remembering the transaction id the plain GatewayException does not carry. */
public final class EvaluateFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final String transactionId;

    public EvaluateFailure(String transactionId, GatewayException cause) {
        super(cause.getMessage(), cause);
        this.transactionId = transactionId;
    }

    public String transactionId() {
        return transactionId;
    }

    public GatewayException gatewayException() {
        return (GatewayException) getCause();
    }
}
