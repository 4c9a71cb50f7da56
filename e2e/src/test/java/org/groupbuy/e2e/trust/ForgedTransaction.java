package org.groupbuy.e2e.trust;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.gateway.PreparedTransaction;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeSpec;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;

/**
 * A transaction built by hand, as colluding orgs would build it without running any chaincode: a write set of their
 * choosing for namespace {@code groupbuy}, "endorsed" by signatures of their own peers' keys (each org holds its
 * peer's signing key), wrapped and signed by one of their clients. Nothing here asks a peer for anything; the result
 * is a {@link PreparedTransaction} the Gateway sends to the ordering service as it is.
 */
final class ForgedTransaction {
    /** Someone who signs: an MSP ID, a certificate in PEM and its private key. */
    record Signatory(String mspId, byte[] certPem, PrivateKey key) {
        static Signatory of(String mspId, Path certPem, Path keyPem) {
            try (Reader kr = Files.newBufferedReader(keyPem)) {
                return new Signatory(mspId, Files.readAllBytes(certPem), Identities.readPrivateKey(kr));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot read " + certPem + " / " + keyPem + ": " + e, e);
            }
        }

        /** A peer's own signing identity, as its org keeps it under {@code $GROUPBUY_VAR/orgs/<org>/nodes/peer0/msp}. */
        static Signatory peer(Path var, String orgKey, String mspId) {
            Path msp = var.resolve("orgs").resolve(orgKey).resolve("nodes/peer0/msp");
            return of(mspId, msp.resolve("signcerts/cert.pem"), msp.resolve("keystore/key.pem"));
        }

        byte[] serialized() {
            return SerializedIdentity.newBuilder().setMspid(mspId).setIdBytes(ByteString.copyFrom(certPem)).build()
                    .toByteArray();
        }

        byte[] sign(byte[] message) {
            try {
                Signer signer = Signers.newPrivateKeySigner(key);
                return signer.sign(MessageDigest.getInstance("SHA-256").digest(message));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    final String txId;
    final byte[] preparedBytes;

    private ForgedTransaction(String txId, byte[] preparedBytes) {
        this.txId = txId;
        this.preparedBytes = preparedBytes;
    }

    /**
     * Writes {@code value} under {@code key} (a blind write: no read, so no version to get right), as if chaincode
     * {@code cc} had answered the call {@code function(args)}; endorsed by {@code endorsers}, sent by {@code client}.
     */
    static ForgedTransaction write(String channel, ChaincodeID cc, String key, byte[] value, Signatory client,
            List<Signatory> endorsers, String function, String... args) {
        byte[] nonce = new byte[24];
        new SecureRandom().nextBytes(nonce);
        byte[] creator = client.serialized();
        String txId = HexFormat.of().formatHex(sha256(nonce, creator));
        Instant now = Instant.now();
        ChannelHeader channelHeader = ChannelHeader.newBuilder().setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
                .setChannelId(channel).setTxId(txId)
                .setTimestamp(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .setExtension(ChaincodeHeaderExtension.newBuilder()
                        .setChaincodeId(ChaincodeID.newBuilder().setName(cc.getName())).build().toByteString())
                .build();
        SignatureHeader signatureHeader = SignatureHeader.newBuilder().setCreator(ByteString.copyFrom(creator))
                .setNonce(ByteString.copyFrom(nonce)).build();

        ChaincodeInput.Builder input = ChaincodeInput.newBuilder().addArgs(ByteString.copyFromUtf8(function));
        for (String a : args) {
            input.addArgs(ByteString.copyFromUtf8(a));
        }
        ByteString proposalPayload = ChaincodeProposalPayload.newBuilder()
                .setInput(ChaincodeInvocationSpec.newBuilder().setChaincodeSpec(ChaincodeSpec.newBuilder()
                        .setChaincodeId(ChaincodeID.newBuilder().setName(cc.getName())).setInput(input))
                        .build().toByteString())
                .build().toByteString();

        TxReadWriteSet rwset = TxReadWriteSet.newBuilder().setDataModel(TxReadWriteSet.DataModel.KV)
                .addNsRwset(NsReadWriteSet.newBuilder().setNamespace(cc.getName()).setRwset(KVRWSet.newBuilder()
                        .addWrites(KVWrite.newBuilder().setKey(key).setValue(ByteString.copyFrom(value)))
                        .build().toByteString()))
                .build();
        ChaincodeAction action = ChaincodeAction.newBuilder().setResults(rwset.toByteString())
                .setResponse(Response.newBuilder().setStatus(200).setPayload(ByteString.copyFrom(value)))
                .setChaincodeId(cc).build();
        byte[] responsePayload = ProposalResponsePayload.newBuilder()
                .setProposalHash(ByteString.copyFrom(sha256(channelHeader.toByteArray(), signatureHeader.toByteArray(),
                        proposalPayload.toByteArray())))
                .setExtension(action.toByteString()).build().toByteArray();

        List<Endorsement> endorsements = new ArrayList<>();
        for (Signatory peer : endorsers) {
            byte[] endorser = peer.serialized();
            endorsements.add(Endorsement.newBuilder().setEndorser(ByteString.copyFrom(endorser))
                    .setSignature(ByteString.copyFrom(peer.sign(concat(responsePayload, endorser)))).build());
        }
        Transaction transaction = Transaction.newBuilder().addActions(TransactionAction.newBuilder()
                .setHeader(signatureHeader.toByteString())
                .setPayload(ChaincodeActionPayload.newBuilder().setChaincodeProposalPayload(proposalPayload)
                        .setAction(ChaincodeEndorsedAction.newBuilder()
                                .setProposalResponsePayload(ByteString.copyFrom(responsePayload))
                                .addAllEndorsements(endorsements))
                        .build().toByteString()))
                .build();
        byte[] payload = Payload.newBuilder().setHeader(Header.newBuilder()
                        .setChannelHeader(channelHeader.toByteString()).setSignatureHeader(signatureHeader.toByteString()))
                .setData(transaction.toByteString()).build().toByteArray();
        Envelope envelope = Envelope.newBuilder().setPayload(ByteString.copyFrom(payload))
                .setSignature(ByteString.copyFrom(client.sign(payload))).build();
        return new ForgedTransaction(txId, PreparedTransaction.newBuilder().setTransactionId(txId)
                .setEnvelope(envelope).build().toByteArray());
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                sha.update(p);
            }
            return sha.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
