package org.groupbuy.e2e.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.groupbuy.client.connection.GatewayConnector;
import org.groupbuy.client.ledger.Transaction;
import org.groupbuy.client.settings.Settings;
import org.groupbuy.e2e.access.Fixtures;
import org.groupbuy.e2e.access.RealNet;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.gateway.ProposedTransaction;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeSpec;
import org.hyperledger.fabric.protos.peer.EndorserGrpc;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.ProposalResponse;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chaincode takes "now" from the proposal's timestamp, which the client signs. A peer must
 * refuse a proposal whose timestamp is far from its own clock (Fabric's TimeWindowCheck, window
 * GROUPBUY_TIME_WINDOW = 5 minutes), whichever way it reaches the peer: straight to its Endorser
 * service, or through its Gateway. The Gateway SDK always stamps the current time, so the signed
 * proposals here are built from the protos; the same proposal stamped "now" is the control. The
 * identity, signer, TLS channel and Gateway all come from the client's one factory, GatewayConnector.
 */
@Tag("e2e")
class ClockTest {
    private static final Duration OFF = Duration.ofHours(1);

    private RealNet net;
    private RealNet.Org peer;
    private byte[] certPem;
    private Signer signer;
    private ManagedChannel channel;

    @BeforeEach
    void connectAsRegulator() throws Exception {
        net = RealNet.open();
        peer = net.org("regulator");
        Settings regulator1 = peer.settings();
        certPem = GatewayConnector.identity(regulator1).getCredentials();
        signer = GatewayConnector.signer(regulator1);
        channel = GatewayConnector.channel(regulator1);
    }

    @AfterEach
    void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        net.close();
    }

    /** A proposal to read the contract's metadata (any member may), stamped {@code at}; its id and bytes. */
    private record Built(String txId, byte[] proposalBytes) {
    }

    private Built proposal(Instant at) throws Exception {
        byte[] nonce = new byte[24];
        new SecureRandom().nextBytes(nonce);
        byte[] creator = SerializedIdentity.newBuilder().setMspid(peer.mspId())
                .setIdBytes(ByteString.copyFrom(certPem)).build().toByteArray();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(nonce);
        String txId = HexFormat.of().formatHex(sha.digest(creator));
        ChaincodeID cc = ChaincodeID.newBuilder().setName("groupbuy").build();
        ChannelHeader ch = ChannelHeader.newBuilder().setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
                .setChannelId(net.channel()).setTxId(txId)
                .setTimestamp(Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()))
                .setExtension(ChaincodeHeaderExtension.newBuilder().setChaincodeId(cc).build().toByteString())
                .build();
        SignatureHeader sh = SignatureHeader.newBuilder().setCreator(ByteString.copyFrom(creator))
                .setNonce(ByteString.copyFrom(nonce)).build();
        ChaincodeInvocationSpec spec = ChaincodeInvocationSpec.newBuilder().setChaincodeSpec(ChaincodeSpec.newBuilder()
                .setChaincodeId(cc).setInput(ChaincodeInput.newBuilder()
                        .addArgs(ByteString.copyFromUtf8("org.hyperledger.fabric:GetMetadata")))).build();
        Proposal p = Proposal.newBuilder()
                .setHeader(Header.newBuilder().setChannelHeader(ch.toByteString()).setSignatureHeader(sh.toByteString())
                        .build().toByteString())
                .setPayload(ChaincodeProposalPayload.newBuilder().setInput(spec.toByteString()).build().toByteString())
                .build();
        return new Built(txId, p.toByteArray());
    }

    private byte[] sign(byte[] bytes) throws Exception {
        return signer.sign(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The peer's Endorser service, as a client that bypasses the Gateway would call it. */
    private ProposalResponse endorseDirectly(Instant at) throws Exception {
        Built b = proposal(at);
        SignedProposal sp = SignedProposal.newBuilder().setProposalBytes(ByteString.copyFrom(b.proposalBytes()))
                .setSignature(ByteString.copyFrom(sign(b.proposalBytes()))).build();
        return EndorserGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS).processProposal(sp);
    }

    /** The same proposal evaluated (one peer) or endorsed (the policy's peers) through the peer's Gateway. */
    private byte[] throughGateway(Instant at, boolean endorse) throws Exception {
        Built b = proposal(at);
        // endorsed by the regulator's peer alone: the shim's contract metadata (the read used here) lists
        // transactions in an order that differs between chaincode JVMs, so endorsements of several orgs may
        // not match; the clock check is the same on every peer
        byte[] proposed = ProposedTransaction.newBuilder().setTransactionId(b.txId())
                .setProposal(SignedProposal.newBuilder().setProposalBytes(ByteString.copyFrom(b.proposalBytes())))
                .addEndorsingOrganizations(peer.mspId())
                .build().toByteArray();
        Gateway gateway = net.as("regulator", "regulator1").gateway();
        var signed = gateway.newSignedProposal(proposed, sign(b.proposalBytes()));
        return endorse ? signed.endorse().getResult() : signed.evaluate();
    }

    @Nested
    class StraightToTheEndorser {
        @Test
        void aProposalStampedNowIsEndorsed() throws Exception {
            ProposalResponse r = endorseDirectly(Instant.now());
            assertThat(r.getResponse().getStatus()).as(r.getResponse().getMessage()).isEqualTo(200);
            assertThat(r.getResponse().getPayload().toStringUtf8()).contains("\"GroupBuy\"");
        }

        @ParameterizedTest(name = "stamped {0} minutes off")
        @ValueSource(longs = {-60, 60})
        void aProposalStampedAnHourOffIsRefusedByThePeer(long minutes) {
            Throwable t = catchThrowable(() -> endorseDirectly(Instant.now().plus(Duration.ofMinutes(minutes))));
            System.out.println("clock: endorser, timestamp " + minutes + " min off -> " + t);
            assertThat(t).isInstanceOf(StatusRuntimeException.class)
                    .hasMessageContaining("request unauthorized due to incorrect timestamp");
        }
    }

    @Nested
    class ThroughTheGateway {
        @Test
        void aProposalStampedNowIsEvaluatedAndEndorsed() throws Exception {
            assertThat(new String(throughGateway(Instant.now(), false), StandardCharsets.UTF_8)).contains("\"GroupBuy\"");
            assertThat(new String(throughGateway(Instant.now(), true), StandardCharsets.UTF_8)).contains("\"GroupBuy\"");
        }

        @Test
        void aProposalStampedAnHourAgoIsRefusedForEvaluation() {
            assertRefusedForItsTimestamp("evaluate", () -> throughGateway(Instant.now().minus(OFF), false));
        }

        @Test
        void aProposalStampedAnHourAgoIsRefusedForEndorsement() {
            assertRefusedForItsTimestamp("endorse", () -> throughGateway(Instant.now().minus(OFF), true));
        }

        private void assertRefusedForItsTimestamp(String how, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
            Throwable t = catchThrowable(call);
            assertThat(t).isInstanceOf(GatewayException.class);
            StringBuilder text = new StringBuilder(t.getMessage());
            ((GatewayException) t).getDetails().forEach(d -> text.append(" | ").append(d.getMessage()));
            System.out.println("clock: gateway " + how + ", timestamp 1 h in the past -> " + text);
            assertThat(text.toString()).contains("incorrect timestamp");
        }
    }

    @Nested
    class ClosingAtTheCutoff {
        @Test
        void aStrangerIsRefusedRightAfterTheCutoffAndTheCommunitysCommitteeCloses() throws Exception {
            Fixtures.communitiesOn(net);
            String gb = "GB-CLK-" + Long.toString(System.currentTimeMillis() / 1000, 36).toUpperCase(java.util.Locale.ROOT);
            Instant cutoff = Instant.now().plusSeconds(20);
            Fixtures.must(() -> net.as("leader", "leader1").submit(Transaction.OPEN,
                    Fixtures.groupBuyJson(gb, "C1", "SupplierMSP/supplier1", cutoff)), "open " + gb);
            Fixtures.must(() -> net.as("committee", "committee1").submit(Transaction.APPROVE, gb), "approve " + gb);
            while (Instant.now().isBefore(cutoff.plusSeconds(2))) {
                Fixtures.sleep(500);
            }
            RealNet.Result stranger = net.as("supplier", "supplier1").submit(Transaction.CLOSE, gb);
            System.out.println("clock: supplier1 closes " + gb + " right after its cutoff -> " + stranger);
            assertThat(stranger.code()).isEqualTo("FORBIDDEN");
            assertThat(stranger.message()).contains("[FORBIDDEN] Close of " + gb + " before");
            RealNet.Result otherLeader = net.as("leader", "leader2").submit(Transaction.CLOSE, gb);
            assertThat(otherLeader.code()).isEqualTo("FORBIDDEN");
            RealNet.Result committee = net.as("committee", "committee1").submit(Transaction.CLOSE, gb);
            assertThat(committee.ok()).as(committee.toString()).isTrue();
            assertThat(net.as("regulator", "regulator1").evaluate(Transaction.GET_GROUP_BUY, gb).json()
                    .get("status").getAsString()).isEqualTo("FAILED");
        }
    }
}
