package org.groupbuy.client.ledger;

import java.nio.charset.StandardCharsets;

/** What the chaincode answered, with the transaction id that produced it. */
public record Answer(String transactionId, String payload) {

    static Answer of(String transactionId, byte[] payload) {
        return new Answer(transactionId, payload == null ? "" : new String(payload, StandardCharsets.UTF_8));
    }
}
