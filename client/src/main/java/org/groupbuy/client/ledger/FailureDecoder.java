package org.groupbuy.client.ledger;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.groupbuy.chaincode.domain.ErrorCode;
import org.groupbuy.client.ledger.LedgerFailure.Source;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;

/**
 * The one place a Gateway failure is read: the chaincode's {@code [CODE] message} (in the peers'
 * details or the status text), an endorsement mismatch, a commit's validation code, or the status.
 */
public final class FailureDecoder {
    /**
     * Only the chaincode's own codes: other bracketed words reach the texts too (grpc-java ends a
     * deadline's description with {@code [closed=[CANCELLED], ...]}), and reading one of them as a
     * refusal turned a commit wait that ran out into "[CANCELLED]", exit 1, as if nothing was sent.
     */
    private static final Pattern CHAINCODE_MESSAGE = Pattern.compile("\\[("
            + Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.joining("|"))
            + ")\\]\\s*(.*)", Pattern.DOTALL);
    private static final String MISMATCH = "ProposalResponsePayloads do not match";

    private FailureDecoder() {
    }

    /**
     * @param transaction the transaction called, or null
     * @param phase       the phase when the exception does not tell it (a plain GatewayException)
     * @param txId        the proposal's transaction id when the exception does not carry it
     */
    public static LedgerFailure decode(Transaction transaction, Phase phase, String txId, Throwable failure) {
        if (failure instanceof LedgerFailure known) {
            return known.transaction() == null && transaction != null ? known.of(transaction) : known;
        }
        if (failure instanceof CommitException e) {
            return new LedgerFailure(transaction, Phase.COMMIT, Source.VALIDATION, String.valueOf(e.getCode()),
                    "the transaction was endorsed but not committed: validation code " + e.getCode(),
                    known(e.getTransactionId(), txId), e);
        }
        if (failure instanceof EndorseException e) {
            return fromGateway(transaction, Phase.ENDORSE, known(e.getTransactionId(), txId), e.getStatus(), e.getDetails(), e);
        }
        if (failure instanceof SubmitException e) {
            return fromGateway(transaction, Phase.SUBMIT, known(e.getTransactionId(), txId), e.getStatus(), e.getDetails(), e);
        }
        if (failure instanceof CommitStatusException e) {
            return fromGateway(transaction, Phase.COMMIT, known(e.getTransactionId(), txId), e.getStatus(), e.getDetails(), e);
        }
        if (failure instanceof GatewayException e) {
            return fromGateway(transaction, phase, txId, e.getStatus(), e.getDetails(), e);
        }
        if (failure instanceof GatewayRuntimeException e) {
            return fromGateway(transaction, phase, txId, e.getStatus(), e.getDetails(), e);
        }
        if (failure instanceof StatusRuntimeException e) {
            return fromGateway(transaction, phase, txId, e.getStatus(), List.of(), e);
        }
        return new LedgerFailure(transaction, phase, Source.TRANSPORT, "INTERNAL", String.valueOf(failure), txId, failure);
    }

    private static String known(String fromException, String fromProposal) {
        return fromException == null || fromException.isEmpty() ? fromProposal : fromException;
    }

    /** The commit status of a transaction that reached a block but was marked invalid. */
    public static LedgerFailure invalid(Transaction transaction, String txId, String validationCode) {
        return new LedgerFailure(transaction, Phase.COMMIT, Source.VALIDATION, validationCode,
                "the transaction was endorsed but not committed: validation code " + validationCode, txId, null);
    }

    /** {@code [CODE] message} anywhere in {@code text}: the code and the message, or null. */
    public static String[] chaincodeMessage(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = CHAINCODE_MESSAGE.matcher(text);
        return m.find() ? new String[] {m.group(1), m.group(2).trim()} : null;
    }

    private static LedgerFailure fromGateway(Transaction transaction, Phase phase, String txId, Status status,
                                             List<ErrorDetail> details, Throwable cause) {
        List<String> texts = new ArrayList<>();
        details.forEach(d -> texts.add(d.getMessage()));
        texts.add(status.getDescription());
        String all = String.join(" | ", texts.stream().filter(t -> t != null).toList());
        if (all.contains(MISMATCH)) {
            return new LedgerFailure(transaction, phase, Source.TRANSPORT, LedgerFailure.ENDORSEMENT_MISMATCH,
                    statusText(status) + detailText(details), txId, cause);
        }
        for (String text : texts) {
            String[] codeAndMessage = chaincodeMessage(text);
            if (codeAndMessage != null) {
                return new LedgerFailure(transaction, phase, Source.CHAINCODE, codeAndMessage[0], codeAndMessage[1],
                        txId, cause);
            }
        }
        return new LedgerFailure(transaction, phase, Source.TRANSPORT, status.getCode().name(),
                statusText(status) + detailText(details), txId, cause);
    }

    /** {@code CODE: description}, or the code alone. */
    public static String statusText(Status status) {
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
