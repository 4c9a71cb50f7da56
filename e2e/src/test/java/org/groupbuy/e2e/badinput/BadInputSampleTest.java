package org.groupbuy.e2e.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.Transaction;
import org.groupbuy.e2e.access.Fixtures;
import org.groupbuy.e2e.access.RealNet;
import org.groupbuy.e2e.access.RealNet.Result;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * A sample of every kind of bad input, submitted on the real network (endorsed by a MAJORITY of
 * the five peers, as a client would): malformed JSON, missing fields, wrong types, negative and
 * huge numbers, huge strings, unknown SKUs, duplicate ids, replays, out-of-order steps and the
 * wrong community. The thousands of generated cases run on the in-memory stub
 * (chaincode BadInputTest); here each kind shows, on real peers, that the call ends in its
 * documented code, that no peer's ledger grows (nothing was ordered, so nothing was written),
 * that the group buy reads the same afterwards, and that no chaincode server died.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputSampleTest {
    private static final String HUGE = "x".repeat(200_000);

    /** One bad call: who makes it, what it sends, the code it must end in and what its message must name. */
    record Case(String kind, String org, String user, Transaction tx, String expected, String names, String... args) {
        String label() {
            return kind + ": " + tx + " by " + user + " -> " + expected;
        }
    }

    private RealNet net;
    private Fixtures fixtures;
    private String gb;
    private Map<String, Long> serverPids;
    private final List<String> table = new ArrayList<>();

    @BeforeAll
    void openAGroupBuyWithOneOrder() throws Exception {
        net = RealNet.open();
        fixtures = Fixtures.communitiesOn(net);
        gb = "GB-BI-" + fixtures.run;
        Fixtures.must(() -> net.as("leader", "leader1").submit(Transaction.OPEN,
                Fixtures.groupBuyJson(gb, "C1", "SupplierMSP/supplier1")), "open " + gb);
        Fixtures.must(() -> net.as("committee", "committee1").submit(Transaction.APPROVE, gb), "approve " + gb);
        Fixtures.must(() -> net.as("leader", "leader1").submit(Transaction.ADD_HOUSEHOLD_ORDERS, gb,
                "[" + Fixtures.order(gb, "H-001", 1, 1) + "]"), "order of " + gb);
        assertThat(net.waitInSync(30)).as("peers in sync before the bad input").isTrue();
        serverPids = chaincodeServers();
        assertThat(serverPids).hasSize(RealNet.PEER_ORGS.length);
    }

    /** The pid of each org's groupbuy chaincode server, from the pid files the deploy script writes. */
    private Map<String, Long> chaincodeServers() throws Exception {
        Map<String, Long> pids = new TreeMap<>();
        for (String org : RealNet.PEER_ORGS) {
            Path file = net.var().resolve("run").resolve("ccaas.groupbuy." + org + ".pid");
            pids.put(org, Long.parseLong(Files.readString(file).trim()));
        }
        return pids;
    }

    private String order(String household, String line) {
        return "[{\"household\":\"" + household + "\",\"lines\":[" + line + "],\"pickupSalt\":\"s1\","
                + "\"pickupCodeHash\":\"" + Fixtures.h64("s1:123456") + "\",\"offline\":false}]";
    }

    private String openJson(String from, String to) {
        return Fixtures.groupBuyJson(gb + "-X", "C1", "SupplierMSP/supplier1").replace(from, to);
    }

    /** A case for {@code user} of the cast (the org follows from the name, volunteers are CommitteeMSP). */
    static Case bad(String kind, String user, Transaction tx, String expected, String names, String... args) {
        String org = user.startsWith("volunteer") ? "committee" : user.replaceAll("[0-9]+$", "");
        return new Case(kind, org, user, tx, expected, names, args);
    }

    List<Case> cases() {
        String rice = "{\"sku\":\"RICE-5KG\",\"quantity\":1}";
        String dispatch = "{\"passNumber\":\"SH-PASS-1\",\"vehicle\":\"HU-A1\",\"driverHealthCheckHash\":\""
                + Fixtures.h64("driver") + "\"}";
        String arg = "INVALID_ARGUMENT";
        String state = "INVALID_STATE";
        return List.of(
                bad("malformed JSON", "leader1", Transaction.OPEN, arg, "groupBuyJson is not valid JSON", "{\"id\":"),
                bad("malformed JSON", "leader1", Transaction.ADD_HOUSEHOLD_ORDERS, arg, "ordersJson is not valid JSON", gb,
                        "[{\"household\":\"H-002\","),
                bad("missing field", "leader1", Transaction.OPEN, arg, "supplier is missing",
                        openJson("\"supplier\":\"SupplierMSP/supplier1\",", "")),
                bad("missing field", "leader1", Transaction.ADD_HOUSEHOLD_ORDERS, arg, "pickupSalt is missing", gb,
                        order("H-002", rice).replace(",\"pickupSalt\":\"s1\"", "")),
                bad("wrong type", "leader1", Transaction.OPEN, arg, "unitPriceCents must be a JSON number",
                        openJson("\"unitPriceCents\":3500", "\"unitPriceCents\":\"3500\"")),
                bad("wrong type", "leader1", Transaction.ADD_HOUSEHOLD_ORDERS, arg, "quantity must be a JSON number", gb,
                        order("H-002", "{\"sku\":\"RICE-5KG\",\"quantity\":true}")),
                bad("negative number", "leader1", Transaction.RECORD_PAYMENT, arg, "amountCents must be 1-1000000000000", gb,
                        "H-001", "-100", Fixtures.h64("neg")),
                bad("negative number", "leader1", Transaction.ADD_HOUSEHOLD_ORDERS, arg, "quantity of RICE-5KG must be 1-2", gb,
                        order("H-002", "{\"sku\":\"RICE-5KG\",\"quantity\":-1}")),
                bad("huge number", "leader1", Transaction.RECORD_PAYMENT, arg, "is not a whole number", gb, "H-001",
                        "99999999999999999999", Fixtures.h64("huge")),
                bad("huge number", "leader1", Transaction.OPEN, arg, "unitPriceCents of RICE-5KG must be 1-1000000000000",
                        openJson("\"unitPriceCents\":3500", "\"unitPriceCents\":9223372036854775807")),
                bad("huge string", "committee1", Transaction.APPROVE, arg, "is not an id", HUGE),
                bad("huge string", "leader1", Transaction.CANCEL, arg, "reason must be 1-500 characters", gb, HUGE),
                bad("unknown SKU", "leader1", Transaction.ADD_HOUSEHOLD_ORDERS, arg, "sku UNKNOWN-SKU is not an item", gb,
                        order("H-002", "{\"sku\":\"UNKNOWN-SKU\",\"quantity\":1}")),
                bad("duplicate id", "leader1", Transaction.OPEN, "CONFLICT", "already exists",
                        Fixtures.groupBuyJson(gb, "C1", "SupplierMSP/supplier1")),
                bad("duplicate id", "leader1", Transaction.ADD_HOUSEHOLD_ORDERS, "CONFLICT", "already has an order", gb,
                        order("H-001", rice)),
                bad("replay", "committee1", Transaction.APPROVE, state, "Approve needs PENDING_APPROVAL", gb),
                bad("out-of-order step", "courier1", Transaction.DISPATCH, state, "Dispatch needs PACKED", gb, dispatch),
                bad("out-of-order step", "volunteer1", Transaction.ARRIVE, state, "Arrive needs IN_TRANSIT", gb,
                        Fixtures.received(1, 1)),
                bad("out-of-order step", "committee1", Transaction.SETTLE, state, "Settle needs COMPLETED", gb),
                bad("wrong community", "leader1", Transaction.OPEN, "FORBIDDEN", "is for [leader] of community C2",
                        Fixtures.groupBuyJson(gb + "-C2", "C2", "SupplierMSP/supplier2")),
                bad("wrong community", "leader2", Transaction.ADD_HOUSEHOLD_ORDERS, "FORBIDDEN", "is for the leader of " + gb, gb,
                        order("H-002", rice)),
                bad("wrong community", "committee2", Transaction.DECLINE, "FORBIDDEN", "is for [committee] of community C1", gb,
                        "not ours"));
    }

    /** What the group buy looks like to a regulator: the record, its orders and its trace. */
    private String snapshot() {
        return read(Transaction.GET_GROUP_BUY, gb) + "\n" + read(Transaction.LIST_HOUSEHOLD_ORDERS, gb, "200", "") + "\n"
                + read(Transaction.TRACE, gb);
    }

    /** Reads as regulator1; a read that fails fails the test. */
    private String read(Transaction tx, String... args) {
        return Fixtures.must(net.as("regulator", "regulator1").evaluate(tx, args), tx.qualifiedName()).text();
    }

    @TestFactory
    Stream<DynamicTest> everyKindEndsInItsCodeAndWritesNothing() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.label(), () -> {
            String before = snapshot();
            long[] heights = net.heights();
            Result r = net.as(c.org(), c.user()).submit(c.tx(), c.args());
            String message = r.message().length() > 160 ? r.message().substring(0, 160) + "..." : r.message();
            table.add(String.format("  %-18s %-30s %-11s -> %-16s %s", c.kind(), c.tx(), c.user(), r.outcome(), message));
            assertThat(r.ok()).as(c.label() + " was accepted").isFalse();
            assertThat(r.code()).as(c.label() + ": " + r.message()).isEqualTo(c.expected());
            assertThat(r.message()).as("the peers' message leads with the code and names what was wrong")
                    .contains("[" + c.expected() + "] ").contains(c.names());
            assertThat(net.heights()).as("no block was added by " + c.label()).containsExactly(heights);
            assertThat(snapshot()).as("the group buy reads the same after " + c.label()).isEqualTo(before);
        }));
    }

    @Test
    void aReplayedSignedTransactionIsMarkedDuplicateAndChangesNothing() throws Exception {
        var leader = net.as("leader", "leader1");
        org.hyperledger.fabric.client.Transaction paid = leader.proposal(Transaction.RECORD_PAYMENT,
                gb, "H-001", "6300", Fixtures.h64("replayed payment " + gb)).endorse();
        assertThat(paid.submitAsync().getStatus().isSuccessful()).as("the original payment commits").isTrue();
        assertThat(net.waitInSync(30)).isTrue();
        String before = snapshot();
        long height = net.height("leader");

        // the same signed envelope, sent to the ordering service a second time
        String refusal = null;
        try {
            leader.gateway().newTransaction(paid.getBytes()).submitAsync().getStatus();
        } catch (SubmitException e) {
            refusal = e.getMessage();
        }
        if (refusal != null) {
            // SmartBFT: every orderer answers "request already processed", so the Gateway gets no quorum
            // of acceptances and nothing is ordered
            table.add(String.format("  %-18s %-30s %-11s -> %-16s %s", "replay", "signed RecordPayment again", "leader1",
                    "REFUSED", refusal));
            assertThat(refusal).contains("UNAVAILABLE");
            assertThat(net.waitInSync(30)).isTrue();
            assertThat(net.height("leader")).as("the refused replay added no block").isEqualTo(height);
            // what the client does with that answer: it follows the transaction id to its commit status
            // (built from the envelope) instead of reporting a failure or sending anything again
            Answer followed = leader.chaincode().follow(paid, Transaction.RECORD_PAYMENT).commit();
            table.add(String.format("  %-18s %-30s %-11s -> %-16s %s", "replay", "followed by its transaction id",
                    "leader1", "VALID", "commit status of " + followed.transactionId()));
            assertThat(followed.transactionId()).isEqualTo(paid.getTransactionId());
            assertThat(net.height("leader")).as("following it added no block").isEqualTo(height);
        } else {
            // Raft: the copy is ordered, and the peers mark it DUPLICATE_TXID
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (net.height("leader") <= height && System.nanoTime() < deadline) {
                Fixtures.sleep(200);
            }
            assertThat(net.height("leader")).as("the replay was ordered into a block").isEqualTo(height + 1);
            Block block = Block.parseFrom(net.block("leader", height));
            TxValidationCode code = validationOf(block, paid.getTransactionId());
            table.add(String.format("  %-18s %-30s %-11s -> %-16s %s", "replay", "signed RecordPayment again",
                    "leader1", code, "ordered again, marked by the peers"));
            assertThat(code).isEqualTo(TxValidationCode.DUPLICATE_TXID);
            assertThat(net.waitInSync(30)).isTrue();
        }
        assertThat(snapshot()).as("the payment is recorded once").isEqualTo(before);
    }

    /** The validation code the committing peer gave {@code txId} in {@code block}. */
    static TxValidationCode validationOf(Block block, String txId) throws Exception {
        byte[] flags = block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).toByteArray();
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            Payload payload = Payload.parseFrom(Envelope.parseFrom(block.getData().getData(i)).getPayload());
            if (ChannelHeader.parseFrom(payload.getHeader().getChannelHeader()).getTxId().equals(txId)) {
                return TxValidationCode.forNumber(flags[i]);
            }
        }
        throw new AssertionError("transaction " + txId + " is not in block " + block.getHeader().getNumber());
    }

    @AfterAll
    void noChaincodeServerDied() throws Exception {
        System.out.println("bad input on the real network (kind, transaction, caller -> outcome, peers' message):");
        table.forEach(System.out::println);
        Map<String, Long> after = chaincodeServers();
        for (String org : RealNet.PEER_ORGS) {
            assertThat(after.get(org)).as("chaincode server of " + org + " was restarted").isEqualTo(serverPids.get(org));
            assertThat(ProcessHandle.of(after.get(org)).map(ProcessHandle::isAlive).orElse(false))
                    .as("chaincode server of " + org + " alive").isTrue();
            Result r = net.as("regulator", "regulator1", org).evaluate(Transaction.GET_GROUP_BUY, gb);
            assertThat(r.ok()).as("a read through " + org + "'s peer after the bad input: " + r).isTrue();
        }
        System.out.printf("bad input: %d calls refused with their codes, heights %s unchanged by them, "
                + "chaincode servers %s alive%n", table.size(), Arrays.toString(net.heights()), after.values());
    }
}
