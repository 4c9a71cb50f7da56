package org.groupbuy.client.ledger;

import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;

/**
 * A transaction endorsed and accepted by the orderer whose commit has not been waited for yet
 * ({@code Transaction.submitAsync()}); {@link #commit()} waits for its commit status and, when it
 * was marked invalid for a read conflict, submits the call again as a new transaction.
 */
public class Pending {
    /** Endorses and submits the call again, as a new proposal. */
    @FunctionalInterface
    interface Resubmit {
        SubmittedTransaction again();
    }

    private final Transaction transaction;
    private final Resubmit resubmit;
    private final RetryPolicy retry;
    private SubmittedTransaction submitted;

    Pending(Transaction transaction, SubmittedTransaction submitted, Resubmit resubmit, RetryPolicy retry) {
        this.transaction = transaction;
        this.submitted = submitted;
        this.resubmit = resubmit;
        this.retry = retry;
    }

    public String transactionId() {
        return submitted.getTransactionId();
    }

    /**
     * Waits until the own peer has committed the transaction's block; a transaction in the block
     * but marked invalid is a {@link LedgerFailure} with its validation code (after the retries a
     * read conflict is allowed).
     */
    public Answer commit() {
        for (int attempt = 1; ; attempt++) {
            LedgerFailure failure;
            try {
                Status status = submitted.getStatus();
                if (status.isSuccessful()) {
                    return Answer.of(transaction, submitted.getTransactionId(), submitted.getResult());
                }
                failure = FailureDecoder.invalid(transaction, status.getTransactionId(), String.valueOf(status.getCode()));
            } catch (Exception e) {
                failure = FailureDecoder.decode(transaction, Phase.COMMIT, submitted.getTransactionId(), e);
            }
            retry.beforeRetry(attempt, failure);
            submitted = resubmit.again();
        }
    }
}
