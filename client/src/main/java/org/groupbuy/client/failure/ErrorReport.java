package org.groupbuy.client.failure;

import io.grpc.StatusRuntimeException;
import org.groupbuy.client.ledger.FailureDecoder;
import org.groupbuy.client.ledger.LedgerFailure;
import org.groupbuy.client.ledger.Phase;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;

/**
 * Turns whatever went wrong into one line {@code error: [CODE] message (transaction <txid>)} and
 * an exit code. Endorsement refusals show the chaincode's own {@code [CODE] message}; the failure
 * itself is read once, by {@link FailureDecoder}.
 */
public final class ErrorReport {
    private final String peerEndpoint;

    /** @param peerEndpoint named in the message when the peer cannot be reached */
    public ErrorReport(String peerEndpoint) {
        this.peerEndpoint = peerEndpoint;
    }

    public CliFailure describe(Throwable failure) {
        if (failure instanceof CliFailure known) {
            return known;
        }
        if (failure instanceof LedgerFailure f) {
            return words(f);
        }
        if (failure instanceof GatewayException || failure instanceof CommitException) {
            return words(FailureDecoder.decode(null, Phase.EVALUATE, null, failure));
        }
        if (failure instanceof GatewayRuntimeException || failure instanceof StatusRuntimeException) {
            LedgerFailure f = FailureDecoder.decode(null, Phase.EVALUATE, null, failure);
            return unreachable(f) ? unreachable(f.detail()) : new CliFailure(ExitCode.REFUSED, "GATEWAY_ERROR", f.detail());
        }
        return new CliFailure(ExitCode.REFUSED, "INTERNAL", String.valueOf(failure));
    }

    private CliFailure words(LedgerFailure f) {
        if (f.source() == LedgerFailure.Source.CHAINCODE) {
            return withTx(ExitCode.REFUSED, f.code(), f.detail(), f.transactionId());
        }
        if (f.source() == LedgerFailure.Source.VALIDATION) {
            return withTx(ExitCode.COMMIT_FAILED, "COMMIT_FAILED", f.detail(), f.transactionId());
        }
        if (f.phase() != Phase.SUBMIT && unreachable(f)) {
            return unreachable(f.detail());
        }
        return switch (f.phase()) {
            case ENDORSE -> withTx(ExitCode.REFUSED, "ENDORSEMENT_FAILED", "endorsement failed: " + f.detail(),
                    f.transactionId());
            case SUBMIT -> withTx(ExitCode.COMMIT_FAILED, "SUBMIT_FAILED",
                    "the orderer did not accept the endorsed transaction: " + f.detail(), f.transactionId());
            case COMMIT -> withTx(ExitCode.COMMIT_FAILED, "COMMIT_STATUS_UNKNOWN",
                    "submitted, but its commit status could not be read: " + f.detail()
                            + "; the orderers have it and it may still commit: read the ledger before sending it again",
                    f.transactionId());
            case EVALUATE -> withTx(ExitCode.REFUSED, "QUERY_FAILED", "query failed: " + f.detail(), f.transactionId());
        };
    }

    private CliFailure unreachable(String statusText) {
        return CliFailure.connection("UNREACHABLE", "cannot reach the peer at " + peerEndpoint
                + " (" + statusText + "): is the network up? scripts/network.sh status");
    }

    private static boolean unreachable(LedgerFailure f) {
        return f.source() == LedgerFailure.Source.TRANSPORT && (f.code().equals("UNAVAILABLE")
                || f.code().equals("DEADLINE_EXCEEDED") && f.detail().equals("DEADLINE_EXCEEDED"));
    }

    private static CliFailure withTx(int exitCode, String code, String message, String txId) {
        String suffix = txId == null || txId.isEmpty() ? "" : " (transaction " + txId + ")";
        return new CliFailure(exitCode, code, message + suffix);
    }
}
