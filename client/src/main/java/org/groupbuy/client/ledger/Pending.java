package org.groupbuy.client.ledger;

import org.groupbuy.client.failure.CliFailure;
import org.groupbuy.client.failure.ExitCode;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;

/**
 * A transaction endorsed and accepted by the orderer whose commit has not been waited for yet
 * ({@code Transaction.submitAsync()}); {@link #commit()} waits for its commit status.
 */
public class Pending {
    private final SubmittedTransaction submitted;

    public Pending(SubmittedTransaction submitted) {
        this.submitted = submitted;
    }

    public String transactionId() {
        return submitted.getTransactionId();
    }

    /**
     * Waits until the own peer has committed the transaction's block; a transaction in the block
     * but marked invalid (e.g. an MVCC read conflict) is a {@code [COMMIT_FAILED]} failure.
     */
    public Answer commit() throws CommitStatusException {
        Status status = submitted.getStatus();
        if (!status.isSuccessful()) {
            throw new CliFailure(ExitCode.COMMIT_FAILED, "COMMIT_FAILED",
                    "the transaction was endorsed but not committed: validation code " + status.getCode()
                            + " (transaction " + status.getTransactionId() + ")");
        }
        return Answer.of(submitted.getTransactionId(), submitted.getResult());
    }
}
