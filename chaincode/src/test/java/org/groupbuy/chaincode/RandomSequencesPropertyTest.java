package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groupbuy.chaincode.TestNet.GB;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.groupbuy.chaincode.domain.ErrorCode;
import org.groupbuy.chaincode.domain.GroupBuyStatus;
import org.groupbuy.chaincode.domain.OrderStatus;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * Thousands of random transaction sequences on one group buy. After every step: states moved only along the
 * tables, money reconciles, delivered never exceeds received, no personal detail in public state or events,
 * and a refused call wrote nothing.
 */
class RandomSequencesPropertyTest {
    private static final String[] HOUSEHOLDS = {"H-001", "H-002", "H-003"};
    private static final String[] ACTORS = {"leader1", "leader2", "supplier1", "supplier2", "courier1", "committee1",
            "committee2", "volunteer1", "regulator1"};
    private static final String PERSONAL = "PERSONAL-";

    @Property(tries = 1500)
    void everyRandomSequenceKeepsTheInvariants(
            @ForAll @Size(min = 5, max = 45) final List<@IntRange(min = 0, max = 100_000) Integer> steps) {
        final TestNet net = new TestNet();
        final GroupBuyStatus[] starts = {GroupBuyStatus.OPEN, GroupBuyStatus.SUBMITTED, GroupBuyStatus.IN_TRANSIT,
            GroupBuyStatus.DISINFECTED, GroupBuyStatus.COMPLETED};
        net.to(starts[steps.get(0) % starts.length]);
        final List<IntConsumer> actions = actions(net);
        final List<String> disputes = new ArrayList<>();
        Snapshot before = Snapshot.of(net);
        for (final int n : steps) {
            try {
                final int a = n % actions.size();
                if (a == 22) {
                    final String d = net.groupBuy.OpenDispute(net.as(n % 2 == 0 ? "leader1" : "committee1"), GB,
                            HOUSEHOLDS[n / 100 % 3], "missing", String.valueOf(1 + n % 3500));
                    disputes.add(JsonParser.parseString(d).getAsJsonObject().get("id").getAsString());
                } else if (a == 23 && !disputes.isEmpty()) {
                    net.groupBuy.RuleDispute(net.as("committee1"), disputes.get(n % disputes.size()),
                            n % 3 == 0 ? "REJECTED" : "UPHELD", n % 3 == 0 ? "0" : String.valueOf(1 + n % 100),
                            n % 3 == 0 ? "" : "LEADER");
                } else {
                    actions.get(a).accept(n);
                }
            } catch (ChaincodeException refused) {
                assertThat(refused.getMessage()).matches("^\\[(" + Arrays.stream(ErrorCode.values()).map(Enum::name)
                        .collect(Collectors.joining("|")) + ")\\] .+");
                assertThat(net.stub.txWrites).isEmpty();
                assertThat(net.stub.txEvents).isEmpty();
            }
            assertThat(net.stub.txEvents.size()).isLessThanOrEqualTo(1);
            final Snapshot after = Snapshot.of(net);
            after.checkAgainst(before);
            checkInvariants(net, after);
            before = after;
        }
    }

    private static List<IntConsumer> actions(final TestNet net) {
        final List<IntConsumer> list = new ArrayList<>();
        list.add(n -> net.groupBuy.Approve(net.as("committee1"), GB));
        list.add(n -> net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, "[" + TestNet.order(HOUSEHOLDS[n / 100 % 3],
                "{\"sku\":\"VEG\",\"quantity\":" + (1 + n % 2) + "}") + "]"));
        list.add(n -> net.groupBuy.RecordPayment(net.as("leader1"), GB, HOUSEHOLDS[n / 100 % 3],
                String.valueOf(3500 * (1 + n % 2)), TestNet.H1));
        list.add(n -> net.groupBuy.Close(net.as(ACTORS[n / 100 % ACTORS.length]), GB));
        list.add(n -> net.groupBuy.Cancel(net.as(n % 5 == 0 ? "leader1" : "leader2"), GB, "no longer needed"));
        list.add(n -> net.groupBuy.Accept(net.as(ACTORS[n / 100 % ACTORS.length]), GB, "2026-04-12T06:00:00Z"));
        list.add(n -> net.groupBuy.Reject(net.as(n % 7 == 0 ? "supplier1" : "supplier2"), GB, "no stock"));
        list.add(n -> net.groupBuy.Pack(net.as("supplier1"), GB, "{\"lots\":[{\"sku\":\"VEG\",\"lot\":\"L1\","
                + "\"quantity\":" + (1 + n % 6) + "}],\"evidenceHashes\":[\"" + TestNet.H3 + "\"]}"));
        list.add(n -> net.groupBuy.RequestArrival(net.as("leader1"), GB, "2026-04-12T09:00:00Z"));
        list.add(n -> net.groupBuy.ApproveArrival(net.as("committee1"), GB));
        list.add(n -> net.groupBuy.Dispatch(net.as("courier1"), GB, TestNet.DISPATCH));
        list.add(n -> net.groupBuy.ReportIncident(net.as(n % 2 == 0 ? "courier1" : "committee1"), GB,
                n % 4 == 0 ? "DELAY" : "POSITIVE_TEST", TestNet.H2));
        list.add(n -> net.groupBuy.ResolveIncident(net.as("committee1"), GB, n % 4 == 0 ? "DESTROY" : "RELEASE"));
        list.add(n -> net.groupBuy.Arrive(net.as("volunteer1"), GB, "{\"received\":[{\"sku\":\"VEG\",\"quantity\":"
                + (n % 7) + "}],\"staff\":[{\"staffRef\":\"V-1\",\"temperatureCheckHash\":\"" + TestNet.H2
                + "\"}],\"shortageAgainst\":\"SUPPLIER\"}"));
        list.add(n -> net.groupBuy.Disinfect(net.as("volunteer1"), GB, "spray", String.valueOf(30 + n % 60)));
        list.add(n -> net.advance(Duration.ofMinutes(1 + n % 200)));
        list.add(n -> net.groupBuy.Deliver(net.as(n % 2 == 0 ? "volunteer1" : "leader1"), GB, HOUSEHOLDS[n / 100 % 3],
                n % 9 == 0 ? "wrong" : "code-" + HOUSEHOLDS[n / 100 % 3]));
        list.add(n -> net.groupBuy.MarkUndeliverable(net.as("volunteer1"), GB, HOUSEHOLDS[n / 100 % 3], "not home"));
        list.add(n -> net.groupBuy.Complete(net.as("leader1"), GB));
        list.add(n -> net.groupBuy.RecordSupplierPayment(net.as("leader1"), GB, String.valueOf(1000 * (1 + n % 10)),
                TestNet.H3));
        list.add(n -> net.groupBuy.RecordRefund(net.as("leader1"), GB, HOUSEHOLDS[n / 100 % 3],
                String.valueOf(100 * (1 + n % 40)), TestNet.H1));
        list.add(n -> net.groupBuy.Settle(net.as(n % 2 == 0 ? "leader1" : "committee1"), GB));
        list.add(n -> { }); // 22: OpenDispute, handled in the loop
        list.add(n -> { }); // 23: RuleDispute, handled in the loop
        list.add(n -> net.groupBuy.CancelHouseholdOrder(net.as("leader1"), GB, HOUSEHOLDS[n / 100 % 3]));
        list.add(n -> net.groupBuy.PutHouseholdDetails(net.as(n % 2 == 0 ? "leader1" : "supplier1",
                TestNet.details("{\"" + HOUSEHOLDS[n / 100 % 3] + "\":{\"name\":\"" + PERSONAL + "Wang\",\"phone\":\""
                        + PERSONAL + "138\",\"address\":\"" + PERSONAL + "Room 301\",\"salt\":\"5a1e0c9d3b7f2a6e8c4d0b1f9e3a7c5d\"}}")), GB));
        return list;
    }

    /** Statuses of the group buy and its orders at one moment. */
    private record Snapshot(GroupBuyStatus status, Map<String, OrderStatus> orders) {
        static Snapshot of(final TestNet net) {
            final Map<String, OrderStatus> orders = new TreeMap<>();
            for (final String h : HOUSEHOLDS) {
                if (net.stub.get("order", GB, h) != null) {
                    orders.put(h, OrderStatus.valueOf(net.orderStatus(h)));
                }
            }
            return new Snapshot(net.status(), orders);
        }

        void checkAgainst(final Snapshot before) {
            assertThat(status == before.status || before.status.canMoveTo(status))
                    .as("%s -> %s", before.status, status).isTrue();
            before.orders.forEach((h, was) -> {
                final OrderStatus now = orders.get(h);
                assertThat(now == was || was.canMoveTo(now)).as("%s: %s -> %s", h, was, now).isTrue();
            });
        }
    }

    private static void checkInvariants(final TestNet net, final Snapshot snap) {
        final JsonObject gb = net.record("groupbuy", GB);
        // money: nobody gets back more than they paid; a settled group buy reconciles within the fee cap
        for (final String h : HOUSEHOLDS) {
            assertThat(sum(net, "refund", h)).isLessThanOrEqualTo(sum(net, "payment", h));
        }
        if (snap.status() == GroupBuyStatus.SETTLED) {
            final JsonObject s = gb.getAsJsonObject("settlement");
            final long fee = s.get("leaderFeeCents").getAsLong();
            assertThat(s.get("collectedCents").getAsLong() + s.get("supplierRefundedCents").getAsLong())
                    .isEqualTo(s.get("supplierPaidCents").getAsLong()
                    + s.get("refundedCents").getAsLong() + fee);
            assertThat(fee).isBetween(0L, s.get("feeCapCents").getAsLong());
        }
        // delivered never exceeds received
        long delivered = 0;
        for (final String h : HOUSEHOLDS) {
            if (snap.orders().get(h) == OrderStatus.DELIVERED) {
                delivered += net.record("order", GB, h).getAsJsonArray("lines").get(0).getAsJsonObject()
                        .get("quantity").getAsLong();
            }
        }
        final JsonElement received = gb.get("received");
        final long got = received == null || !received.getAsJsonObject().has("VEG") ? 0
                : received.getAsJsonObject().get("VEG").getAsLong();
        assertThat(delivered).isLessThanOrEqualTo(got);
        // privacy: personal details only in the private collection
        net.stub.state.forEach((k, v) -> assertThat(v).doesNotContain(PERSONAL).doesNotContain("\"phone\"")
                .doesNotContain("\"address\""));
        net.stub.allEvents.forEach(e -> assertThat(e[1]).doesNotContain(PERSONAL));
    }

    private static long sum(final TestNet net, final String type, final String household) {
        long total = 0;
        final String prefix = FakeStub.key(type, GB, household);
        for (final var e : net.stub.state.tailMap(prefix).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            total += JsonParser.parseString(e.getValue()).getAsJsonObject().get("amountCents").getAsLong();
        }
        return total;
    }
}
