package org.groupbuy.client.ledger;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.CallOptions;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.client.Commit;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.gateway.CommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.PreparedTransaction;
import org.hyperledger.fabric.protos.gateway.SignedCommitStatusRequest;

/**
 * An endorsed transaction that the ordering service answered "request already processed" for.
 *
 * <p>With SmartBFT the Gateway hands the envelope to the orderers and needs a quorum of them to accept it; an
 * orderer that already holds the request (forwarded by another orderer, or already ordered) refuses the copy, and
 * when too many refuse that way the Gateway reports a submit failure for a transaction that is in, or on its way
 * into, a block. Sending the envelope again gets the same answer, and a new proposal could record the step twice
 * (a payment is a new entry); only the commit status of this transaction id tells what happened, so the caller
 * waits for it exactly as after an accepted submit.
 */
final class AlreadyOrdered implements SubmittedTransaction {
    static final String ANSWER = "request already processed";

    private final Commit commit;
    private final byte[] result;

    private AlreadyOrdered(Commit commit, byte[] result) {
        this.commit = commit;
        this.result = result;
    }

    /** True when the orderers' answer (the message or any orderer's detail) says they already have the request. */
    static boolean says(Exception submitFailure) {
        if (mentions(submitFailure.getMessage())) {
            return true;
        }
        if (submitFailure instanceof GatewayException g) {
            return g.getDetails().stream().anyMatch(d -> mentions(d.getMessage()));
        }
        return false;
    }

    private static boolean mentions(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(ANSWER);
    }

    /**
     * The transaction to wait for: its commit status request built from the endorsed transaction's own envelope
     * (channel, transaction id and creator), signed when asked by the session's identity, which is that creator.
     */
    static SubmittedTransaction follow(org.hyperledger.fabric.client.Transaction endorsed,
                                       Function<byte[], Commit> commits) {
        return new AlreadyOrdered(commits.apply(commitStatusRequest(endorsed.getBytes())), endorsed.getResult());
    }

    /** The unsigned SignedCommitStatusRequest of a PreparedTransaction's bytes. */
    static byte[] commitStatusRequest(byte[] preparedTransaction) {
        try {
            PreparedTransaction prepared = PreparedTransaction.parseFrom(preparedTransaction);
            Payload payload = Payload.parseFrom(prepared.getEnvelope().getPayload());
            ChannelHeader channel = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            SignatureHeader signature = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
            CommitStatusRequest request = CommitStatusRequest.newBuilder()
                    .setChannelId(channel.getChannelId())
                    .setTransactionId(prepared.getTransactionId())
                    .setIdentity(signature.getCreator())
                    .build();
            return SignedCommitStatusRequest.newBuilder().setRequest(request.toByteString()).build().toByteArray();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("an endorsed transaction that is not a PreparedTransaction: " + e, e);
        }
    }

    @Override
    public byte[] getResult() {
        return result.clone();
    }

    @Override
    public String getTransactionId() {
        return commit.getTransactionId();
    }

    @Override
    public Status getStatus() throws CommitStatusException {
        return commit.getStatus();
    }

    @Override
    public Status getStatus(UnaryOperator<CallOptions> options) throws CommitStatusException {
        return commit.getStatus(options);
    }

    @Override
    public byte[] getBytes() {
        return commit.getBytes();
    }

    @Override
    public byte[] getDigest() {
        return commit.getDigest();
    }
}
