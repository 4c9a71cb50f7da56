package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groupbuy.chaincode.TestNet.GB;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.groupbuy.chaincode.domain.GroupBuyStatus;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * Issue 12, finding 2 ("Settle can become impossible forever"): from every state that random legal and illegal
 * steps reach, some sequence of legal steps by the right actors still ends the group buy: SETTLED, FAILED,
 * CANCELLED (or DECLINED). A bounded depth-first search over candidate steps, each tried on a saved copy of the
 * world state, looks for one; a state from which none exists fails the property, printing the state and the
 * steps that led there.
 *
 * <p>The model of money, for the random steps and the search alike: a household pays at most what its order is
 * worth (without that, any dead end could be escaped by recording a payment the household never made and
 * refunding it). The random steps pay the supplier any amount at any time, and the supplier pays any part of it
 * back; the search pays the supplier out of the money in hand after the refunds due, and, when that is short
 * (the supplier was paid and an order then turned out undeliverable or a dispute was upheld), has the supplier
 * pay the shortfall back with RecordSupplierRefund, the transaction that ended that dead end. Settle counts only
 * supplier payments and refunds the receiving side confirmed: the random steps confirm, withdraw (or try to, as the
 * wrong side) any of them; the search confirms or withdraws each one still unanswered.
 */
class FinalStateReachabilityPropertyTest {
    private static final String[] HOUSEHOLDS = {"H-001", "H-002", "H-003"};
    private static final Set<GroupBuyStatus> FINAL = Set.of(GroupBuyStatus.SETTLED, GroupBuyStatus.FAILED,
            GroupBuyStatus.CANCELLED, GroupBuyStatus.DECLINED);
    /** Bound of the search from one reached state: states expanded. */
    private static final int MAX_EXPANDED = 400;
    private static final int MAX_DEPTH = 40;

    private static final AtomicInteger TRIES = new AtomicInteger();
    private static final AtomicInteger STEPS = new AtomicInteger();
    /** Each distinct state reached, with what its search found ("ends", or why not): searched once. */
    private static final Map<String, String> SEARCHED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final AtomicInteger STUCK = new AtomicInteger();

    @Property(tries = 200)
    void everyReachableStateCanStillBeSettledFailedOrCancelled(
            @ForAll @Size(min = 3, max = 30) final List<@IntRange(min = 0, max = 100_000) Integer> steps) {
        final TestNet net = new TestNet();
        final GroupBuyStatus[] starts = {GroupBuyStatus.PENDING_APPROVAL, GroupBuyStatus.OPEN,
            GroupBuyStatus.SUBMITTED, GroupBuyStatus.IN_TRANSIT, GroupBuyStatus.DISINFECTED,
            GroupBuyStatus.COMPLETED, GroupBuyStatus.DISINFECTED, GroupBuyStatus.COMPLETED};
        TRIES.incrementAndGet();
        net.to(starts[steps.get(0) % starts.length]);
        final List<String> disputes = new ArrayList<>();
        final List<IntConsumer> actions = actions(net, disputes);
        final List<String> prefix = new ArrayList<>();
        for (final int n : steps) {
            final int a = n % actions.size();
            String outcome = "ok";
            try {
                actions.get(a).accept(n);
            } catch (ChaincodeException refused) {
                outcome = refused.getMessage().substring(0, refused.getMessage().indexOf(']') + 1);
            }
            prefix.add(a + "/" + n + " " + outcome);
            STEPS.incrementAndGet();
            final String reached = fingerprint(net);
            final String found = SEARCHED.computeIfAbsent(reached, r -> search(net, r));
            assertThat(found).as("after %s", prefix).isEqualTo("ends");
        }
    }

    /** "ends" when a legal way to an end was found from here, else what the search tried. */
    private static String search(final TestNet net, final String reached) {
        final TestNet.Saved saved = net.save();
        final Search search = new Search(net);
        final List<String> path = search.run();
        net.restore(saved);
        if (path != null) {
            return "ends";
        }
        STUCK.incrementAndGet();
        final String stuck = String.format(Locale.ROOT, "no legal steps end group buy %s from %s (searched %d "
                + "states%s)", GB, reached, search.expanded, search.exhausted ? ", all there are" : ", bound reached");
        System.out.println("STUCK: " + stuck);
        return stuck;
    }

    @AfterContainer
    static void summary() {
        System.out.printf(Locale.ROOT, "final-state reachability: %d tries, %d steps, %d distinct states, %d "
                + "stuck%n", TRIES.get(), STEPS.get(), SEARCHED.size(), STUCK.get());
    }

    // ---- random steps, legal and not ------------------------------------------------------------------

    private static List<IntConsumer> actions(final TestNet net, final List<String> disputes) {
        final List<IntConsumer> list = new ArrayList<>();
        list.add(n -> net.groupBuy.Approve(net.as("committee1"), GB));
        list.add(n -> net.groupBuy.AddHouseholdOrders(net.as("leader1"), GB, "[" + TestNet.order(household(n),
                "{\"sku\":\"VEG\",\"quantity\":" + (1 + n % 2) + "}") + "]"));
        list.add(n -> {
            final long left = Money.of(net).unpaid(household(n));
            net.groupBuy.RecordPayment(net.as("leader1"), GB, household(n),
                    String.valueOf(left <= 0 ? 0 : Math.min(left, 1 + n % 7000)), TestNet.H1);
        });
        list.add(n -> net.groupBuy.Close(net.as(n % 3 == 0 ? "courier1" : "leader1"), GB));
        list.add(n -> net.groupBuy.Cancel(net.as(n % 5 == 0 ? "leader1" : "leader2"), GB, "no longer needed"));
        list.add(n -> net.groupBuy.Accept(net.as("supplier1"), GB, net.clock.plus(Duration.ofDays(1)).toString()));
        list.add(n -> net.groupBuy.Reject(net.as(n % 7 == 0 ? "supplier1" : "supplier2"), GB, "no stock"));
        list.add(n -> net.groupBuy.Pack(net.as("supplier1"), GB, "{\"lots\":[{\"sku\":\"VEG\",\"lot\":\"L1\","
                + "\"quantity\":" + (1 + n % 6) + "},{\"sku\":\"MILK\",\"lot\":\"L2\",\"quantity\":1}],"
                + "\"evidenceHashes\":[\"" + TestNet.H3 + "\"]}"));
        list.add(n -> net.groupBuy.RequestArrival(net.as("leader1"), GB, net.clock.plus(Duration.ofHours(1))
                .toString()));
        list.add(n -> net.groupBuy.ApproveArrival(net.as("committee1"), GB));
        list.add(n -> net.groupBuy.Dispatch(net.as("courier1"), GB, TestNet.DISPATCH));
        list.add(n -> net.groupBuy.ReportIncident(net.as(n % 2 == 0 ? "courier1" : "committee1"), GB,
                n % 4 == 0 ? "SHORTAGE" : "POSITIVE_TEST", TestNet.H2));
        list.add(n -> net.groupBuy.ResolveIncident(net.as("committee1"), GB, n % 4 == 0 ? "DESTROY" : "RELEASE"));
        list.add(n -> net.groupBuy.Arrive(net.as("volunteer1"), GB, TestNet.received(n % 4, n % 2,
                n % 3 == 0 ? "COURIER" : "SUPPLIER")));
        list.add(n -> net.groupBuy.Disinfect(net.as("volunteer1"), GB, "spray", String.valueOf(30 + n % 60)));
        list.add(n -> net.advance(Duration.ofMinutes(1 + n % 120)));
        list.add(n -> net.groupBuy.Deliver(net.as(n % 2 == 0 ? "volunteer1" : "leader1"), GB, household(n),
                n % 9 == 0 ? "wrong" : "code-" + household(n)));
        list.add(n -> net.groupBuy.MarkUndeliverable(net.as("volunteer1"), GB, household(n), "not home"));
        list.add(n -> net.groupBuy.Complete(net.as("leader1"), GB));
        list.add(n -> net.groupBuy.RecordSupplierPayment(net.as(n % 11 == 0 ? "supplier1" : "leader1"), GB,
                String.valueOf(1 + n % 17000), TestNet.H3));
        list.add(n -> net.groupBuy.RecordSupplierRefund(net.as(n % 11 == 0 ? "leader1" : "supplier1"), GB,
                String.valueOf(1 + n % 17000), TestNet.H3));
        final int refund = list.size();
        list.add(n -> net.groupBuy.RecordRefund(net.as("leader1"), GB, household(n),
                String.valueOf(1 + n % 9500), TestNet.H1));
        list.add(n -> net.groupBuy.Settle(net.as(n % 2 == 0 ? "leader1" : "committee1"), GB));
        final IntConsumer open = n -> {
            final String d = net.groupBuy.OpenDispute(net.as(n % 2 == 0 ? "leader1" : "committee1"), GB,
                    household(n), "spoiled", String.valueOf(1 + n % 9500));
            disputes.add(JsonParser.parseString(d).getAsJsonObject().get("id").getAsString());
        };
        final IntConsumer rule = n -> {
            if (disputes.isEmpty()) {
                net.groupBuy.RuleDispute(net.as("committee1"), "D-none", "REJECTED", "0", "");
            }
            final String id = disputes.get(n % disputes.size());
            final long claim = net.record("dispute", id).get("claimCents").getAsLong();
            final boolean reject = n % 5 == 0;
            net.groupBuy.RuleDispute(net.as("committee1"), id, reject ? "REJECTED" : "UPHELD",
                    reject ? "0" : String.valueOf(n % 3 == 1 ? claim : 1 + n % claim),
                    reject ? "" : n % 3 == 0 ? "LEADER" : "SUPPLIER");
        };
        // disputes and their rulings come up five times as often as other steps, payments and refunds twice
        list.addAll(List.of(open, open, open, open, open, rule, rule, rule, rule, rule, list.get(2), list.get(refund)));
        list.add(n -> net.groupBuy.CancelHouseholdOrder(net.as("leader1"), GB, household(n)));
        // the other side answers a supplier payment or refund, or its author withdraws it (sometimes the wrong side)
        list.add(n -> answer(net, "supplierPayment", n).forEach(id -> net.groupBuy.ConfirmSupplierPayment(
                net.as(n % 7 == 0 ? "leader1" : "supplier1"), GB, id)));
        list.add(n -> answer(net, "supplierPayment", n).forEach(id -> net.groupBuy.WithdrawSupplierPayment(
                net.as("leader1"), GB, id)));
        list.add(n -> answer(net, "supplierRefund", n).forEach(id -> net.groupBuy.ConfirmSupplierRefund(
                net.as("leader1"), GB, id)));
        list.add(n -> answer(net, "supplierRefund", n).forEach(id -> net.groupBuy.WithdrawSupplierRefund(
                net.as(n % 7 == 0 ? "leader1" : "supplier1"), GB, id)));
        return list;
    }

    /** One UNCONFIRMED supplier entry of the type, chosen by {@code n}, or none. */
    private static List<String> answer(final TestNet net, final String type, final int n) {
        final List<String> open = unanswered(net, type);
        return open.isEmpty() ? List.of() : List.of(open.get(n % open.size()));
    }

    /** The amounts of the unanswered supplier payments or refunds, sorted: what tells states apart, not ids. */
    private static List<Long> unconfirmedCents(final TestNet net, final String type) {
        return unanswered(net, type).stream().map(id -> net.record(type, GB, id).get("amountCents").getAsLong())
                .sorted().toList();
    }

    /** The ids of the supplier payments or refunds no one has confirmed or withdrawn yet. */
    private static List<String> unanswered(final TestNet net, final String type) {
        final String prefix = FakeStub.key(type, GB);
        final List<String> ids = new ArrayList<>();
        net.stub.state.subMap(prefix, prefix + "\uffff").values().forEach(v -> {
            final JsonObject e = JsonParser.parseString(v).getAsJsonObject();
            if (!e.has("confirmation") || "UNCONFIRMED".equals(e.get("confirmation").getAsString())) {
                ids.add(e.get("txId").getAsString());
            }
        });
        return ids;
    }

    private static String household(final int n) {
        return HOUSEHOLDS[n / 100 % HOUSEHOLDS.length];
    }

    // ---- the search ------------------------------------------------------------------------------------

    /** Depth-first over candidate legal steps, most promising first, on saved copies of the world state. */
    private static final class Search {
        private final TestNet net;
        int expanded;
        boolean exhausted;

        Search(final TestNet net) {
            this.net = net;
        }

        /** The steps that end the group buy, or null when none was found within the bound. */
        List<String> run() {
            final Set<String> seen = new HashSet<>();
            final Deque<Node> stack = new ArrayDeque<>();
            stack.push(new Node(net.save(), List.of()));
            seen.add(fingerprint(net));
            while (!stack.isEmpty()) {
                if (expanded >= MAX_EXPANDED) {
                    return null;
                }
                final Node node = stack.pop();
                net.restore(node.saved());
                if (FINAL.contains(net.status())) {
                    return node.path();
                }
                if (node.path().size() >= MAX_DEPTH) {
                    continue;
                }
                expanded++;
                final List<Step> candidates = candidates(net);
                final List<Node> next = new ArrayList<>();
                for (final Step step : candidates) {
                    net.restore(node.saved());
                    try {
                        step.run().run();
                    } catch (ChaincodeException refused) {
                        continue;
                    }
                    if (seen.add(fingerprint(net))) {
                        final List<String> path = new ArrayList<>(node.path());
                        path.add(step.name());
                        next.add(new Node(net.save(), path));
                    }
                }
                for (int i = next.size() - 1; i >= 0; i--) {
                    stack.push(next.get(i)); // the first candidate is tried first
                }
            }
            exhausted = true;
            return null;
        }

        private record Node(TestNet.Saved saved, List<String> path) {
        }
    }

    private record Step(String name, Runnable run) {
    }

    /** The legal steps worth trying from here, by the actors who may take them, ending moves first. */
    private static List<Step> candidates(final TestNet net) {
        final List<Step> out = new ArrayList<>();
        final JsonObject gb = net.record("groupbuy", GB);
        final Instant now = net.clock;
        final String courier = gb.has("courier") ? "courier1" : "committee1";
        out.add(new Step("Cancel", () -> net.groupBuy.Cancel(net.as("leader1"), GB, "ends it")));
        out.add(new Step("ResolveIncident DESTROY", () -> net.groupBuy.ResolveIncident(net.as("committee1"), GB,
                "DESTROY")));
        out.add(new Step("ReportIncident POSITIVE_TEST", () -> net.groupBuy.ReportIncident(net.as(courier), GB,
                "POSITIVE_TEST", TestNet.H2)));
        out.add(new Step("Settle", () -> net.groupBuy.Settle(net.as("leader1"), GB)));
        out.add(new Step("Approve", () -> net.groupBuy.Approve(net.as("committee1"), GB)));
        out.add(new Step("Close", () -> net.groupBuy.Close(net.as("leader1"), GB)));
        out.add(new Step("Accept", () -> net.groupBuy.Accept(net.as("supplier1"), GB,
                now.plus(Duration.ofDays(1)).toString())));
        out.add(new Step("Pack", () -> net.groupBuy.Pack(net.as("supplier1"), GB, packAsOrdered(gb))));
        out.add(new Step("RequestArrival", () -> net.groupBuy.RequestArrival(net.as("leader1"), GB,
                now.plus(Duration.ofHours(1)).toString())));
        out.add(new Step("ApproveArrival", () -> net.groupBuy.ApproveArrival(net.as("committee1"), GB)));
        out.add(new Step("Dispatch", () -> net.groupBuy.Dispatch(net.as("courier1"), GB, TestNet.DISPATCH)));
        out.add(new Step("Arrive as packed", () -> net.groupBuy.Arrive(net.as("volunteer1"), GB,
                receivedAsPacked(gb))));
        out.add(new Step("Disinfect", () -> net.groupBuy.Disinfect(net.as("volunteer1"), GB, "spray", "60")));
        if (gb.has("restUntil") && now.isBefore(Instant.parse(gb.get("restUntil").getAsString()))) {
            out.add(new Step("wait out the rest", () -> net.clock = Instant.parse(gb.get("restUntil").getAsString())));
        }
        for (final String h : HOUSEHOLDS) {
            out.add(new Step("Deliver " + h, () -> net.groupBuy.Deliver(net.as("volunteer1"), GB, h, "code-" + h)));
            out.add(new Step("MarkUndeliverable " + h, () -> net.groupBuy.MarkUndeliverable(net.as("volunteer1"),
                    GB, h, "not home")));
        }
        out.add(new Step("Complete", () -> net.groupBuy.Complete(net.as("leader1"), GB)));
        unanswered(net, "supplierPayment").forEach(id -> {
            out.add(new Step("ConfirmSupplierPayment " + id, () -> net.groupBuy.ConfirmSupplierPayment(
                    net.as("supplier1"), GB, id)));
            out.add(new Step("WithdrawSupplierPayment " + id, () -> net.groupBuy.WithdrawSupplierPayment(
                    net.as("leader1"), GB, id)));
        });
        unanswered(net, "supplierRefund").forEach(id -> {
            out.add(new Step("ConfirmSupplierRefund " + id, () -> net.groupBuy.ConfirmSupplierRefund(
                    net.as("leader1"), GB, id)));
            out.add(new Step("WithdrawSupplierRefund " + id, () -> net.groupBuy.WithdrawSupplierRefund(
                    net.as("supplier1"), GB, id)));
        });
        net.stub.state.subMap(FakeStub.key("gbDispute", GB), FakeStub.key("gbDispute", GB) + "\uffff").keySet()
                .forEach(k -> {
                    final String id = net.stub.splitCompositeKey(k).getAttributes().get(1);
                    out.add(new Step("RuleDispute " + id + " REJECTED", () -> net.groupBuy.RuleDispute(
                            net.as("committee1"), id, "REJECTED", "0", "")));
                });
        final Money money = Money.of(net);
        for (final String h : HOUSEHOLDS) {
            final long due = Math.min(money.refundDue(h), money.paid(h) - money.refunded(h));
            if (due > 0) {
                out.add(new Step("RecordRefund " + h + " " + due, () -> net.groupBuy.RecordRefund(net.as("leader1"),
                        GB, h, String.valueOf(due), TestNet.H1)));
            }
            final long unpaid = money.unpaid(h);
            if (unpaid > 0) {
                out.add(new Step("RecordPayment " + h + " " + unpaid, () -> net.groupBuy.RecordPayment(
                        net.as("leader1"), GB, h, String.valueOf(unpaid), TestNet.H1)));
            }
        }
        final long inHand = money.inHand() - money.refundsDue();
        if (inHand > 0) {
            out.add(new Step("RecordSupplierPayment " + inHand, () -> net.groupBuy.RecordSupplierPayment(
                    net.as("leader1"), GB, String.valueOf(inHand), TestNet.H3)));
        }
        final long shortfall = Math.min(-inHand, money.supplierPaid() - money.supplierRefunded());
        if (shortfall > 0) {
            out.add(new Step("RecordSupplierRefund " + shortfall, () -> net.groupBuy.RecordSupplierRefund(
                    net.as("supplier1"), GB, String.valueOf(shortfall), TestNet.H3)));
        }
        return out;
    }

    private static String packAsOrdered(final JsonObject gb) {
        final JsonElement ordered = gb.get("ordered");
        if (ordered == null || ordered.getAsJsonObject().isEmpty()) {
            return "{}";
        }
        return ordered.getAsJsonObject().entrySet().stream().map(e -> "{\"sku\":\"" + e.getKey() + "\",\"lot\":\"L-"
                + e.getKey() + "\",\"quantity\":" + e.getValue().getAsLong() + "}")
                .collect(Collectors.joining(",", "{\"lots\":[", "],\"evidenceHashes\":[\"" + TestNet.H3 + "\"]}"));
    }

    private static String receivedAsPacked(final JsonObject gb) {
        final JsonElement packed = gb.get("packed");
        if (packed == null) {
            return "{}";
        }
        final Map<String, Long> ordered = new TreeMap<>();
        if (gb.has("ordered")) {
            gb.getAsJsonObject("ordered").entrySet().forEach(e -> ordered.put(e.getKey(), e.getValue().getAsLong()));
        }
        final boolean isShort = packed.getAsJsonObject().entrySet().stream()
                .anyMatch(e -> e.getValue().getAsLong() < ordered.getOrDefault(e.getKey(), 0L))
                || ordered.keySet().stream().anyMatch(s -> !packed.getAsJsonObject().has(s));
        return packed.getAsJsonObject().entrySet().stream().map(e -> "{\"sku\":\"" + e.getKey()
                + "\",\"quantity\":" + e.getValue().getAsLong() + "}").collect(Collectors.joining(",",
                "{\"received\":[", "],\"staff\":[{\"staffRef\":\"V-01\",\"temperatureCheckHash\":\"" + TestNet.H2
                        + "\"}]" + (isShort ? ",\"shortageAgainst\":\"SUPPLIER\"" : "") + "}"));
    }

    // ---- what the ledger says --------------------------------------------------------------------------

    /** The money of GB-1 as recorded: per household paid, refunded, order amount and status, upheld refunds. */
    private record Money(Map<String, long[]> households, Map<String, String> orderStatus, long supplierPaid,
            long supplierRefunded) {
        static Money of(final TestNet net) {
            final Map<String, long[]> h = new TreeMap<>();
            final Map<String, String> st = new TreeMap<>();
            for (final String hh : HOUSEHOLDS) {
                final String order = net.stub.get("order", GB, hh);
                final long amount = order == null ? 0 : JsonParser.parseString(order).getAsJsonObject()
                        .get("amountCents").getAsLong();
                if (order != null) {
                    st.put(hh, JsonParser.parseString(order).getAsJsonObject().get("status").getAsString());
                }
                h.put(hh, new long[] {sum(net, "payment", hh), sum(net, "refund", hh), amount, 0});
            }
            net.stub.state.subMap(FakeStub.key("dispute"), FakeStub.key("dispute") + "\uffff").values().forEach(v -> {
                final JsonObject d = JsonParser.parseString(v).getAsJsonObject();
                if ("UPHELD".equals(d.get("status").getAsString())) {
                    h.get(d.get("household").getAsString())[3] += d.get("refundCents").getAsLong();
                }
            });
            return new Money(h, st, sum(net, "supplierPayment"), sum(net, "supplierRefund"));
        }

        long paid(final String h) {
            return households.get(h)[0];
        }

        long refunded(final String h) {
            return households.get(h)[1];
        }

        /** What the household has not paid of its order yet; only an order that takes payments. */
        long unpaid(final String h) {
            final String st = orderStatus.get(h);
            if (!"JOINED".equals(st) && !"CONFIRMED".equals(st) && !"DELIVERED".equals(st)) {
                return 0;
            }
            return households.get(h)[2] - paid(h);
        }

        /** Refunds Settle asks for and are not recorded: upheld refunds, and all it paid when not delivered. */
        long refundDue(final String h) {
            final long owed = households.get(h)[3] + (!"DELIVERED".equals(orderStatus.get(h)) ? paid(h) : 0);
            return Math.max(0, owed - refunded(h));
        }

        long refundsDue() {
            return java.util.Arrays.stream(HOUSEHOLDS).mapToLong(this::refundDue).sum();
        }

        /** Money the leader holds: collected, less refunds and what the supplier has and has not paid back. */
        long inHand() {
            long total = supplierRefunded - supplierPaid;
            for (final long[] v : households.values()) {
                total += v[0] - v[1];
            }
            return total;
        }
    }

    private static long sum(final TestNet net, final String type, final String... attrs) {
        final String prefix = FakeStub.key(type, java.util.stream.Stream.concat(java.util.stream.Stream.of(GB),
                java.util.Arrays.stream(attrs)).toArray(String[]::new));
        return net.stub.state.subMap(prefix, prefix + "\uffff").values().stream()
                .map(v -> JsonParser.parseString(v).getAsJsonObject())
                .filter(e -> !e.has("confirmation") || !"WITHDRAWN".equals(e.get("confirmation").getAsString()))
                .mapToLong(e -> e.get("amountCents").getAsLong()).sum();
    }

    /**
     * What a state is, for telling states apart: statuses of the group buy and its orders, the money per
     * household and to the supplier, the disputes, and whether the goods still rest (ids, times and traces
     * left out).
     */
    static String fingerprint(final TestNet net) {
        final JsonObject gb = net.record("groupbuy", GB);
        final StringBuilder s = new StringBuilder(net.status().name());
        for (final String f : new String[] {"quarantinedFrom", "arrivalApproved", "ordered", "packed", "received",
            "shortages"}) {
            if (gb.has(f)) {
                s.append(' ').append(f).append('=').append(gb.get(f));
            }
        }
        if (gb.has("restUntil")) {
            s.append(net.clock.isBefore(Instant.parse(gb.get("restUntil").getAsString())) ? " resting" : " rested");
        }
        final Money money = Money.of(net);
        money.orderStatus().forEach((h, st) -> s.append(String.format(Locale.ROOT, " %s:%s paid=%d refunded=%d"
                + " upheld=%d", h, st, money.paid(h), money.refunded(h), money.households().get(h)[3])));
        s.append(" supplierPaid=").append(money.supplierPaid()).append(" supplierRefunded=")
                .append(money.supplierRefunded()).append(" unconfirmed=").append(unconfirmedCents(net, "supplierPayment"))
                .append('/').append(unconfirmedCents(net, "supplierRefund"));
        final List<String> disputes = new ArrayList<>();
        net.stub.state.subMap(FakeStub.key("dispute"), FakeStub.key("dispute") + "\uffff").values().forEach(v -> {
            final JsonObject d = JsonParser.parseString(v).getAsJsonObject();
            disputes.add(d.get("household").getAsString() + ":" + d.get("status").getAsString());
        });
        disputes.sort(null);
        return s.append(" disputes=").append(disputes).toString();
    }
}
