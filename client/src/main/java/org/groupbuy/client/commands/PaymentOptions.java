package org.groupbuy.client.commands;

import picocli.CommandLine.Option;

/** The amount and reference of a money movement, shared by pay, refund and paid. */
public final class PaymentOptions {
    @Option(names = "--amount-cents", required = true, paramLabel = "CENTS", description = "amount in cents")
    long amountCents;

    @Option(names = "--ref-hash", required = true, paramLabel = "SHA256",
            description = "SHA-256 of the payment reference (receipt, transfer number)")
    String refHash;

    public long amountCents() {
        return amountCents;
    }

    public String refHash() {
        return refHash;
    }
}
