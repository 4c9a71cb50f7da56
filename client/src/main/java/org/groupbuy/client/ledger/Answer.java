package org.groupbuy.client.ledger;

import java.nio.charset.StandardCharsets;

/** What the chaincode answered to a transaction, with the id of the transaction that produced it. */
public record Answer(Transaction transaction, String transactionId, String payload) {

    static Answer of(Transaction transaction, String transactionId, byte[] payload) {
        return new Answer(transaction, transactionId, payload == null ? "" : new String(payload, StandardCharsets.UTF_8));
    }
}
