package org.groupbuy.client.failure;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groupbuy.client.ledger.EvaluateFailure;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;

/**
 * Turns whatever went wrong into one line {@code error: [CODE] message (transaction <txid>)} and
 * an exit code. Endorsement refusals show the chaincode's own {@code [CODE] message}.
 */
public final class ErrorReport {
    private static final Pattern CHAINCODE_MESSAGE = Pattern.compile("\\[([A-Z][A-Z_]*)\\]\\s*(.*)", Pattern.DOTALL);
    private final String peerEndpoint;

    /** @param peerEndpoint named in the message when the peer cannot be reached */
    public ErrorReport(String peerEndpoint) {
        this.peerEndpoint = peerEndpoint;
    }

    public CliFailure describe(Throwable failure) {
        if (failure instanceof CliFailure known) {
            return known;
        }
        if (failure instanceof EndorseException e) {
            return fromGateway(e, e.getTransactionId(), "ENDORSEMENT_FAILED", "endorsement failed");
        }
        if (failure instanceof SubmitException e) {
            return withTx(ExitCode.COMMIT_FAILED, "SUBMIT_FAILED",
                    "the orderer did not accept the endorsed transaction: " + statusText(e.getStatus()),
                    e.getTransactionId());
        }
        if (failure instanceof CommitStatusException e) {
            return unreachable(e.getStatus()).orElseGet(() -> withTx(ExitCode.COMMIT_FAILED, "COMMIT_STATUS_UNKNOWN",
                    "submitted, but its commit status could not be read: " + statusText(e.getStatus()),
                    e.getTransactionId()));
        }
        if (failure instanceof CommitException e) {
            return withTx(ExitCode.COMMIT_FAILED, "COMMIT_FAILED",
                    "the transaction was endorsed but not committed: validation code " + e.getCode(),
                    e.getTransactionId());
        }
        if (failure instanceof EvaluateFailure e) {
            return fromGateway(e.gatewayException(), e.transactionId(), "QUERY_FAILED", "query failed");
        }
        if (failure instanceof GatewayException e) {
            return fromGateway(e, null, "QUERY_FAILED", "query failed");
        }
        if (failure instanceof GatewayRuntimeException e) {
            return fromStatus(e.getStatus());
        }
        if (failure instanceof StatusRuntimeException e) {
            return fromStatus(e.getStatus());
        }
        return new CliFailure(ExitCode.REFUSED, "INTERNAL", String.valueOf(failure));
    }

    private CliFailure fromGateway(GatewayException e, String txId, String fallbackCode, String fallbackText) {
        Optional<CliFailure> chaincode = chaincodeMessage(e.getDetails())
                .or(() -> chaincodeMessage(e.getStatus().getDescription()))
                .map(m -> withTx(ExitCode.REFUSED, m.group(1), m.group(2).trim(), txId));
        return chaincode.or(() -> unreachable(e.getStatus()))
                .orElseGet(() -> withTx(ExitCode.REFUSED, fallbackCode,
                        fallbackText + ": " + statusText(e.getStatus()) + detailText(e.getDetails()), txId));
    }

    private CliFailure fromStatus(Status status) {
        return unreachable(status).orElseGet(() -> new CliFailure(ExitCode.REFUSED, "GATEWAY_ERROR", statusText(status)));
    }

    private Optional<CliFailure> unreachable(Status status) {
        Status.Code code = status.getCode();
        if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED && status.getDescription() == null) {
            return Optional.of(CliFailure.connection("UNREACHABLE", "cannot reach the peer at " + peerEndpoint
                    + " (" + statusText(status) + "): is the network up? scripts/network.sh status"));
        }
        return Optional.empty();
    }

    private static Optional<Matcher> chaincodeMessage(List<ErrorDetail> details) {
        return details.stream()
                .map(d -> chaincodeMessage(d.getMessage()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<Matcher> chaincodeMessage(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = CHAINCODE_MESSAGE.matcher(text);
        return matcher.find() ? Optional.of(matcher) : Optional.empty();
    }

    private static CliFailure withTx(int exitCode, String code, String message, String txId) {
        String suffix = txId == null || txId.isEmpty() ? "" : " (transaction " + txId + ")";
        return new CliFailure(exitCode, code, message + suffix);
    }

    private static String statusText(Status status) {
        return status.getDescription() == null ? status.getCode().name()
                : status.getCode().name() + ": " + status.getDescription();
    }

    private static String detailText(List<ErrorDetail> details) {
        StringBuilder text = new StringBuilder();
        for (ErrorDetail detail : details) {
            text.append("; ").append(detail.getMspId()).append('@').append(detail.getAddress())
                    .append(": ").append(detail.getMessage());
        }
        return text.toString();
    }
}
