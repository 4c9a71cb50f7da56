package org.groupbuy.client.ledger;

/** Where a call to the ledger failed; it says whether the transaction could have been committed. */
public enum Phase {
    /** A query on one peer: nothing is ever written. */
    EVALUATE,
    /** Collecting endorsements: nothing was sent to the orderer yet. */
    ENDORSE,
    /** Handing the endorsed envelope to the orderer: it may or may not be ordered. */
    SUBMIT,
    /** Waiting for the commit: either a validation code (not applied), or the status is unknown. */
    COMMIT
}
