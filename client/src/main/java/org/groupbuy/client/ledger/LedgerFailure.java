package org.groupbuy.client.ledger;

/**
 * Every failed call to the ledger, decoded once (by {@link FailureDecoder}): the chaincode's code
 * ({@code FORBIDDEN}, ...), a commit's validation code ({@code MVCC_READ_CONFLICT}, ...) or the
 * transport's status ({@code UNAVAILABLE}, ...); the phase it failed in; its transaction id.
 */
public final class LedgerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Who decided: the chaincode, the committing peer's validation, or the transport / Gateway. */
    public enum Source {
        CHAINCODE, VALIDATION, TRANSPORT
    }

    /** Endorsing peers at different heights answered differently; nothing was submitted. */
    public static final String ENDORSEMENT_MISMATCH = "ENDORSEMENT_MISMATCH";

    private final transient Transaction transaction;
    private final Phase phase;
    private final Source source;
    private final String code;
    private final String detail;
    private final String transactionId;

    public LedgerFailure(Transaction transaction, Phase phase, Source source, String code, String detail,
                         String transactionId, Throwable cause) {
        super("[" + code + "] " + detail + (blank(transactionId) ? "" : " (transaction " + transactionId + ")"), cause);
        this.transaction = transaction;
        this.phase = phase;
        this.source = source;
        this.code = code;
        this.detail = detail;
        this.transactionId = blank(transactionId) ? "" : transactionId;
    }

    /** The same failure, told it was a call of {@code called} (the decoder may not have known). */
    LedgerFailure of(Transaction called) {
        return new LedgerFailure(called, phase, source, code, detail, transactionId, getCause());
    }

    /** The transaction called; null when the failure was decoded without knowing it. */
    public Transaction transaction() {
        return transaction;
    }

    public Phase phase() {
        return phase;
    }

    public Source source() {
        return source;
    }

    /** {@code FORBIDDEN}, {@code MVCC_READ_CONFLICT}, {@code UNAVAILABLE}, {@link #ENDORSEMENT_MISMATCH}, ... */
    public String code() {
        return code;
    }

    /** The text after the code: the chaincode's message, or the status and the peers' details. */
    public String detail() {
        return detail;
    }

    /** Empty when the failure came before a proposal existed. */
    public String transactionId() {
        return transactionId;
    }

    public boolean fromChaincode() {
        return source == Source.CHAINCODE;
    }

    private static boolean blank(String text) {
        return text == null || text.isEmpty();
    }
}
