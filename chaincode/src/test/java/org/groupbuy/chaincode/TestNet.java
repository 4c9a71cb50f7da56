package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.groupbuy.chaincode.domain.GroupBuyStatus;
import org.groupbuy.chaincode.domain.HouseholdOrder;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;

/** The standard cast, the three contracts and an in-memory ledger; helpers drive group buy GB-1 to any state. */
final class TestNet {
    static final String H1 = "a".repeat(64);
    static final String H2 = "b".repeat(64);
    static final String H3 = "c".repeat(64);
    static final String GB = "GB-1";
    /** who: MSP, role attribute, community attribute. */
    static final Map<String, String[]> CAST = new TreeMap<>(Map.ofEntries(
            Map.entry("leader1", new String[] {"LeaderMSP", "leader", "C1"}),
            Map.entry("leader2", new String[] {"LeaderMSP", "leader", "C2"}),
            Map.entry("supplier1", new String[] {"SupplierMSP", "supplier", null}),
            Map.entry("supplier2", new String[] {"SupplierMSP", "supplier", null}),
            Map.entry("courier1", new String[] {"CourierMSP", "courier", null}),
            Map.entry("committee1", new String[] {"CommitteeMSP", "committee", "C1"}),
            Map.entry("committee2", new String[] {"CommitteeMSP", "committee", "C2"}),
            Map.entry("volunteer1", new String[] {"CommitteeMSP", "volunteer", "C1"}),
            Map.entry("regulator1", new String[] {"RegulatorMSP", "regulator", null}),
            Map.entry("admin", new String[] {"LeaderMSP", null, null}),
            Map.entry("impostor", new String[] {"SupplierMSP", "leader", "C1"})));

    final FakeStub stub = new FakeStub();
    final CommitmentContract commitment = new CommitmentContract();
    final GroupBuyContract groupBuy = new GroupBuyContract();
    final AuditContract audit = new AuditContract();
    Instant clock = Instant.parse("2026-04-10T08:00:00Z");
    private int seq;
    private final Map<String, Context> contexts = new TreeMap<>();

    TestNet() {
        CAST.forEach((who, a) -> {
            final ClientIdentity id = mock(ClientIdentity.class);
            when(id.getMSPID()).thenReturn(a[0]);
            when(id.getAttributeValue("role")).thenReturn(a[1]);
            when(id.getAttributeValue("community")).thenReturn(a[2]);
            when(id.getId()).thenReturn("x509::CN=" + who + ",OU=client::CN=ca." + a[0]);
            final Context ctx = mock(Context.class);
            when(ctx.getStub()).thenReturn(stub);
            when(ctx.getClientIdentity()).thenReturn(id);
            contexts.put(who, ctx);
        });
    }

    /** A new transaction by {@code who}. */
    Context as(final String who) {
        return as(who, Map.of());
    }

    Context as(final String who, final Map<String, byte[]> transientData) {
        seq++;
        stub.begin(txId(seq), clock, transientData);
        return contexts.get(who);
    }

    /**
     * The id of the {@code n}th transaction: 64 hex digits whose first 24 already differ, as Fabric's do, because
     * a dispute is named by the first 24 ({@code D-} + 24 digits); zero-padded numbers named every dispute alike.
     */
    static String txId(final int n) {
        return String.format(java.util.Locale.ROOT, "%024x", n).repeat(3).substring(0, 64);
    }

    /** leader1 records a supplier payment of {@code cents} and supplier1 confirms it; returns the payment's id. */
    String paySupplier(final String cents) {
        final String id = entryId(groupBuy.RecordSupplierPayment(as("leader1"), GB, cents, H3));
        groupBuy.ConfirmSupplierPayment(as("supplier1"), GB, id);
        return id;
    }

    /** supplier1 records a supplier refund of {@code cents} and leader1 confirms it; returns the refund's id. */
    String refundFromSupplier(final String cents) {
        final String id = entryId(groupBuy.RecordSupplierRefund(as("supplier1"), GB, cents, H2));
        groupBuy.ConfirmSupplierRefund(as("leader1"), GB, id);
        return id;
    }

    /** The id of a money entry: the txId in the recording transaction's answer. */
    static String entryId(final String answer) {
        return com.google.gson.JsonParser.parseString(answer).getAsJsonObject().get("txId").getAsString();
    }

    /** World state and clock at one moment (private data is left out: the steps that restore it never write any). */
    record Saved(TreeMap<String, String> state, Instant clock) {
    }

    Saved save() {
        return new Saved(new TreeMap<>(stub.state), clock);
    }

    /** Back to a saved moment; transaction ids keep counting up, so they stay unique. */
    void restore(final Saved saved) {
        stub.state.clear();
        stub.state.putAll(saved.state());
        clock = saved.clock();
    }

    /** Every transaction method of the three contracts, keyed {@code Contract:Name}. */
    TreeMap<String, Method> transactions() {
        final TreeMap<String, Method> out = new TreeMap<>();
        for (final Object contract : List.of(commitment, groupBuy, audit)) {
            final String name = contract.getClass().getAnnotation(Contract.class).name();
            for (final Method m : contract.getClass().getMethods()) {
                if (m.isAnnotationPresent(Transaction.class)) {
                    out.put(name + ":" + m.getName(), m);
                }
            }
        }
        return out;
    }

    /** Calls {@code Contract:Name} in a new transaction by {@code who}: null when it succeeded, else what it threw. */
    Throwable call(final String who, final String transaction, final String... args) {
        final Method m = transactions().get(transaction);
        final Object contract = List.of(commitment, groupBuy, audit).stream()
                .filter(c -> m.getDeclaringClass().isInstance(c)).findFirst().orElseThrow();
        final List<Object> all = new ArrayList<>();
        all.add(as(who));
        all.addAll(java.util.Arrays.asList(args));
        try {
            m.invoke(contract, all.toArray());
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, byte[]> details(final String json) {
        return Map.of("details", json.getBytes(StandardCharsets.UTF_8));
    }

    void advance(final Duration d) {
        clock = clock.plus(d);
    }

    static String party(final String who) {
        return CAST.get(who)[0] + "/" + who;
    }

    /** Asserts the call fails with the code and left no write and no event behind. */
    void fails(final String code, final ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ChaincodeException.class).hasMessageStartingWith("[" + code + "] ");
        assertThat(stub.txWrites).isEmpty();
        assertThat(stub.txPrivateWrites).isEmpty();
        assertThat(stub.txPolicies).isEmpty();
        assertThat(stub.txEvents).isEmpty();
    }

    String lastEventName() {
        assertThat(stub.txEvents).hasSize(1);
        return stub.txEvents.get(0)[0];
    }

    // ---- set-up ----------------------------------------------------------------------------------------

    static final String POLICY = "{\"dailyCapacity\":{\"HP1\":2},\"minRestMinutes\":{\"GUARANTEE\":30,"
            + "\"IMPROVEMENT\":60},\"maxLeaderFeePercent\":5,\"approvalRequired\":true}";
    static final String POINTS = "[{\"id\":\"HP1\",\"name\":\"North gate\"}]";

    void community() {
        commitment.RegisterCommunity(as("committee1"), "C1", "Lane 12", "Pudong", POINTS, POLICY);
    }

    static String commitmentJson(final String id, final String obligations, final String until) {
        return "{\"id\":\"" + id + "\",\"community\":\"C1\",\"obligations\":[" + obligations + "],\"statementHash\":\""
                + H1 + "\",\"credentials\":[{\"type\":\"HEALTH_CERTIFICATE\",\"hash\":\"" + H2 + "\",\"expires\":\""
                + until + "\"}],\"validFrom\":\"2026-04-01T00:00:00Z\",\"validUntil\":\"2026-06-30T00:00:00Z\"}";
    }

    static final String LEADER_OBLIGATIONS = "\"SOURCE_SAFETY\",\"WAREHOUSING\",\"TRANSSHIPMENT\",\"DISTRIBUTION\","
            + "\"DISINFECTION\",\"OFFLINE_RESIDENT_CARE\"";
    static final String SUPPLIER_OBLIGATIONS = "\"QUALITY\",\"STATED_PRICES\",\"INSPECTION\"";
    static final String COURIER_OBLIGATIONS = "\"TRANSPORT_PASS\",\"HEALTH_CHECKS\",\"COLD_CHAIN\"";

    void signAndCountersign(final String who, final String id, final String obligations) {
        commitment.Sign(as(who), commitmentJson(id, obligations, "2026-06-30T00:00:00Z"));
        commitment.Countersign(as("committee1"), id);
    }

    void commitments() {
        signAndCountersign("leader1", "CM-L1", LEADER_OBLIGATIONS);
        signAndCountersign("supplier1", "CM-S1", SUPPLIER_OBLIGATIONS);
        signAndCountersign("courier1", "CM-K1", COURIER_OBLIGATIONS);
    }

    static String groupBuyJson(final String id, final String category, final long minimumQuantity) {
        return "{\"id\":\"" + id + "\",\"community\":\"C1\",\"supplier\":\"SupplierMSP/supplier1\",\"items\":["
                + "{\"sku\":\"VEG\",\"name\":\"Vegetable box\",\"category\":\"" + category + "\",\"unitPriceCents\":3500,"
                + "\"maxPerHousehold\":2},{\"sku\":\"MILK\",\"name\":\"Milk\",\"category\":\"IMPROVEMENT\","
                + "\"unitPriceCents\":6000,\"maxPerHousehold\":1}],\"minimum\":{\"quantity\":" + minimumQuantity
                + ",\"amountCents\":0},\"cutoff\":\"2026-04-10T20:00:00Z\",\"handoverPoint\":\"HP1\","
                + "\"leaderFeePercent\":3}";
    }

    static String order(final String household, final String lines) {
        return "{\"household\":\"" + household + "\",\"lines\":[" + lines + "],\"pickupSalt\":\"s-" + household
                + "\",\"pickupCodeHash\":\"" + HouseholdOrder.sha256Hex("s-" + household + ":"
                + HouseholdOrder.canonicalToken("code-" + household)) + "\"}";
    }

    static final String ORDERS = "[" + order("H-001", "{\"sku\":\"VEG\",\"quantity\":2}") + ","
            + order("H-002", "{\"sku\":\"VEG\",\"quantity\":1},{\"sku\":\"MILK\",\"quantity\":1}") + "]";
    static final String PACK = "{\"lots\":[{\"sku\":\"VEG\",\"lot\":\"L1\",\"quantity\":3},"
            + "{\"sku\":\"MILK\",\"lot\":\"L2\",\"quantity\":1}],\"evidenceHashes\":[\"" + H3 + "\"]}";
    static final String DISPATCH = "{\"passNumber\":\"SH-0042\",\"vehicle\":\"HU-A1\",\"driverHealthCheckHash\":\""
            + H1 + "\"}";

    static String received(final long veg, final long milk, final String against) {
        return "{\"received\":[{\"sku\":\"VEG\",\"quantity\":" + veg + "},{\"sku\":\"MILK\",\"quantity\":" + milk
                + "}],\"staff\":[{\"staffRef\":\"V-01\",\"temperatureCheckHash\":\"" + H2 + "\"}]"
                + (against == null ? "" : ",\"shortageAgainst\":\"" + against + "\"") + "}";
    }

    /** Community, commitments, and GB-1 driven to {@code target} along the happy path. */
    TestNet to(final GroupBuyStatus target) {
        community();
        commitments();
        groupBuy.Open(as("leader1"), groupBuyJson(GB, "GUARANTEE", 3));
        final List<Runnable> path = List.of(
                () -> groupBuy.Approve(as("committee1"), GB),
                () -> {
                    groupBuy.AddHouseholdOrders(as("leader1"), GB, ORDERS);
                    groupBuy.RecordPayment(as("leader1"), GB, "H-001", "7000", H1);
                    groupBuy.RecordPayment(as("leader1"), GB, "H-002", "9500", H2);
                    groupBuy.Close(as("leader1"), GB);
                },
                () -> groupBuy.Accept(as("supplier1"), GB, "2026-04-11T06:00:00Z"),
                () -> groupBuy.Pack(as("supplier1"), GB, PACK),
                () -> {
                    groupBuy.RequestArrival(as("leader1"), GB, "2026-04-11T09:00:00Z");
                    groupBuy.ApproveArrival(as("committee1"), GB);
                    groupBuy.Dispatch(as("courier1"), GB, DISPATCH);
                },
                () -> groupBuy.Arrive(as("volunteer1"), GB, received(3, 1, null)),
                () -> groupBuy.Disinfect(as("volunteer1"), GB, "spray", "60"),
                () -> {
                    firstDelivery();
                    groupBuy.Deliver(as("leader1"), GB, "H-002", "code-H-002");
                    groupBuy.Complete(as("leader1"), GB);
                },
                () -> {
                    paySupplier("16100");
                    groupBuy.Settle(as("committee1"), GB);
                });
        final List<GroupBuyStatus> reached = List.of(GroupBuyStatus.OPEN, GroupBuyStatus.SUBMITTED,
                GroupBuyStatus.ACCEPTED, GroupBuyStatus.PACKED, GroupBuyStatus.IN_TRANSIT, GroupBuyStatus.ARRIVED,
                GroupBuyStatus.DISINFECTED, GroupBuyStatus.COMPLETED,
                GroupBuyStatus.SETTLED);
        for (int i = 0; i < path.size() && status() != target; i++) {
            path.get(i).run();
            assertThat(status()).isEqualTo(reached.get(i));
        }
        assertThat(status()).isEqualTo(target);
        return this;
    }

    /** GB-1 disinfected, rested, and H-001 delivered; H-002 still to be handed over (distribution under way). */
    TestNet delivering() {
        to(GroupBuyStatus.DISINFECTED);
        firstDelivery();
        return this;
    }

    private void firstDelivery() {
        advance(Duration.ofMinutes(61));
        groupBuy.Deliver(as("volunteer1"), GB, "H-001", "code-H-001");
    }

    GroupBuyStatus status() {
        final String json = stub.get("groupbuy", GB);
        return GroupBuyStatus.valueOf(com.google.gson.JsonParser.parseString(json).getAsJsonObject()
                .get("status").getAsString());
    }

    /** The event types stored in the trace of record {@code kind~id} ("groupbuy", "commitment", ...), in order. */
    List<String> traceTypes(final String id, final String kind) {
        final List<String> out = new java.util.ArrayList<>();
        stub.getStateByPartialCompositeKey("trace", id, kind).forEach(kv -> out.add(com.google.gson.JsonParser
                .parseString(kv.getStringValue()).getAsJsonObject().get("type").getAsString()));
        return out;
    }

    /** The status of a household order of GB-1. */
    /** A household order's status as the ledger answers it to a reader (Audit:TraceHousehold, a transaction of its own). */
    String orderStatus(final String household) {
        return com.google.gson.JsonParser.parseString(audit.TraceHousehold(as("committee1"), GB, household))
                .getAsJsonObject().getAsJsonObject("order").get("status").getAsString();
    }

    /** A household order's status as stored under its key. */
    String storedOrderStatus(final String household) {
        return record("order", GB, household).get("status").getAsString();
    }

    com.google.gson.JsonObject record(final String type, final String... attrs) {
        return com.google.gson.JsonParser.parseString(stub.get(type, attrs)).getAsJsonObject();
    }
}
