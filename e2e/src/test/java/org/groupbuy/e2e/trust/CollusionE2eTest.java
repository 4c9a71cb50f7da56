package org.groupbuy.e2e.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.groupbuy.client.connection.IdentityFiles;
import org.groupbuy.client.ledger.LedgerFailure;
import org.groupbuy.client.ledger.SystemQueries;
import org.groupbuy.client.ledger.Transaction;
import org.groupbuy.e2e.GroupBuyFixture;
import org.groupbuy.e2e.TestCommunity;
import org.groupbuy.e2e.access.Fixtures;
import org.groupbuy.e2e.access.RealNet;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Three orgs collude: LeaderMSP, SupplierMSP and CourierMSP, a majority of the five. They need no chaincode: each
 * signs what it likes with its own peer's key. They forge the committee's Approve of a group buy that waits for it
 * (the record written with status OPEN) and send it to the ordering service. The group buy's key carries a
 * state-based policy that needs CommitteeMSP's peer, so every peer records the transaction invalid
 * (ENDORSEMENT_POLICY_FAILURE) and the record is unchanged. The control: the same forgery on a key whose policy
 * those three orgs do satisfy (a SUBMITTED group buy: the supplier's Accept, needing LeaderMSP and SupplierMSP)
 * commits VALID, so the refusal is the policy's and not a flaw in how the transaction was built.
 */
@Tag("e2e")
class CollusionE2eTest {
    private static final String[][] COLLUDERS = {{"leader", "LeaderMSP"}, {"supplier", "SupplierMSP"},
        {"courier", "CourierMSP"}};

    private RealNet net;
    private RealNet.Conn leader3;

    @BeforeEach
    void connect() {
        net = RealNet.open();
        TestCommunity.ready();
        leader3 = net.as("leader", "leader3");
    }

    @AfterEach
    void close() {
        net.close();
    }

    @Test
    void aForgedApproveEndorsedByLeaderSupplierAndCourierIsInvalidOnEveryPeer() {
        GroupBuyFixture gb = GroupBuyFixture.unopened("collusion");
        RealNet.Result opened = Fixtures.must(leader3.submit(Transaction.OPEN, gb.openJson()), "open " + gb.id);
        String before = read(gb.id);
        assertThat(status(before)).isEqualTo("PENDING_APPROVAL");

        ForgedTransaction forged = forge(opened.txId(), gb.id, withStatus(before, "OPEN"),
                Transaction.APPROVE.qualifiedName());
        TxValidationCode commit = send(forged);
        Map<String, TxValidationCode> onPeers = validationOnEveryPeer(forged.txId);
        long same = onPeers.values().stream().filter(c -> c == commit).count();
        System.out.println("collusion: forged Approve of " + gb.id + " endorsed by LeaderMSP,SupplierMSP,CourierMSP: "
                + commit + " on " + same + " of " + onPeers.size() + " peers " + onPeers);

        assertThat(commit).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
        assertThat(onPeers).hasSize(RealNet.PEER_ORGS.length)
                .allSatisfy((org, code) -> assertThat(code).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE));
        assertThat(read(gb.id)).isEqualTo(before);
        Fixtures.must(net.as("committee", "committee3").submit(Transaction.APPROVE, gb.id), "approve " + gb.id);
        assertThat(status(read(gb.id))).isEqualTo("OPEN");
    }

    @Test
    void theSameForgeryCommitsWhereThoseThreeAreTheOrgsTheKeyNeeds() {
        GroupBuyFixture gb = GroupBuyFixture.unopened("collusion-control");
        RealNet.Result opened = Fixtures.must(leader3.submit(Transaction.OPEN, gb.openJson()), "open " + gb.id);
        Fixtures.must(net.as("committee", "committee3").submit(Transaction.APPROVE, gb.id), "approve " + gb.id);
        Fixtures.must(() -> leader3.submit(Transaction.ADD_HOUSEHOLD_ORDERS, gb.id, gb.orders(Map.of("H-001", 2))),
                "orders of " + gb.id);
        Fixtures.must(leader3.submit(Transaction.CLOSE, gb.id), "close " + gb.id);
        String before = read(gb.id);
        assertThat(status(before)).isEqualTo("SUBMITTED");

        ForgedTransaction forged = forge(opened.txId(), gb.id, withStatus(before, "ACCEPTED"),
                Transaction.ACCEPT.qualifiedName());
        TxValidationCode commit = send(forged);
        Map<String, TxValidationCode> onPeers = validationOnEveryPeer(forged.txId);
        System.out.println("collusion control: forged Accept of " + gb.id + " (needs LeaderMSP, SupplierMSP) "
                + "endorsed by LeaderMSP,SupplierMSP,CourierMSP: " + commit + " " + onPeers);

        assertThat(commit).isEqualTo(TxValidationCode.VALID);
        assertThat(onPeers).hasSize(RealNet.PEER_ORGS.length)
                .allSatisfy((org, code) -> assertThat(code).isEqualTo(TxValidationCode.VALID));
        assertThat(status(read(gb.id))).isEqualTo("ACCEPTED");
    }

    // ---- the forgery ------------------------------------------------------------------------------------------

    private ForgedTransaction forge(String genuineTxId, String gbId, String value, String function) {
        List<ForgedTransaction.Signatory> peers = new ArrayList<>();
        for (String[] org : COLLUDERS) {
            peers.add(ForgedTransaction.Signatory.peer(net.var(), org[0], org[1]));
        }
        var settings = leader3.session().settings();
        ForgedTransaction.Signatory client;
        try {
            client = new ForgedTransaction.Signatory(settings.mspId(), Files.readAllBytes(settings.certificate()),
                    new IdentityFiles(settings).privateKey());
        } catch (IOException e) {
            throw new AssertionError("cannot read leader3's certificate: " + e, e);
        }
        return ForgedTransaction.write(net.channel(), chaincodeOf(genuineTxId), groupBuyKey(gbId),
                value.getBytes(StandardCharsets.UTF_8), client, peers, function, gbId);
    }

    /** Sends the signed envelope through the leader's Gateway to the ordering service; the commit's validation code. */
    private TxValidationCode send(ForgedTransaction forged) {
        try {
            return leader3.gateway().newTransaction(forged.preparedBytes).submitAsync().getStatus().getCode();
        } catch (Exception e) {
            throw new AssertionError("the ordering service did not take the forged transaction: " + e, e);
        }
    }

    /** The chaincode's name and version as a genuine transaction of it carries them. */
    private ChaincodeID chaincodeOf(String txId) {
        try {
            Envelope env = ProcessedTransaction.parseFrom(queries("leader").transaction(txId)).getTransactionEnvelope();
            var tx = org.hyperledger.fabric.protos.peer.Transaction.parseFrom(Payload.parseFrom(env.getPayload()).getData());
            var action = ChaincodeActionPayload.parseFrom(tx.getActions(0).getPayload()).getAction();
            return ChaincodeAction.parseFrom(ProposalResponsePayload.parseFrom(action.getProposalResponsePayload())
                    .getExtension()).getChaincodeId();
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("transaction " + txId + " did not parse: " + e, e);
        }
    }

    /** The validation code each of the five peers recorded for {@code txId} (qscc GetTransactionByID, as its admin). */
    private Map<String, TxValidationCode> validationOnEveryPeer(String txId) {
        Map<String, TxValidationCode> out = new TreeMap<>();
        for (String org : RealNet.PEER_ORGS) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!out.containsKey(org)) {
                try {
                    int code = ProcessedTransaction.parseFrom(queries(org).transaction(txId)).getValidationCode();
                    out.put(org, TxValidationCode.forNumber(code));
                } catch (LedgerFailure | InvalidProtocolBufferException e) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError(org + "'s peer has no transaction " + txId + ": " + e, e);
                    }
                    Fixtures.sleep(300);
                }
            }
        }
        return out;
    }

    private SystemQueries queries(String org) {
        return new SystemQueries(net.as(org, "admin").session(), net.org(org).mspId());
    }

    /** The group buy as the regulator's peer has it, once every peer has every block (a commit is seen by one). */
    private String read(String gbId) {
        assertThat(net.waitInSync(30)).as("peers in sync").isTrue();
        return Fixtures.must(net.as("regulator", "regulator1").evaluate(Transaction.GET_GROUP_BUY, gbId), "read " + gbId)
                .text();
    }

    private static String status(String json) {
        return JsonParser.parseString(json).getAsJsonObject().get("status").getAsString();
    }

    private static String withStatus(String json, String status) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        o.addProperty("status", status);
        return o.toString();
    }

    /** The chaincode's composite key {@code groupbuy~id}. */
    private static String groupBuyKey(String id) {
        return "\u0000groupbuy\u0000" + id + "\u0000";
    }
}
