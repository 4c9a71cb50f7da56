package org.groupbuy.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.groupbuy.chaincode.domain.ErrorCode;
import org.groupbuy.chaincode.domain.GroupBuyStatus;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;

/**
 * Generated bad input for every transaction, on the in-memory stub: each argument of each
 * transaction (called by the caller who has the right, in several states of group buy GB-1) is
 * replaced by malformed JSON, wrong types, missing fields, unknown fields, negative and huge
 * numbers, huge strings, unknown SKUs, bad ids. Every case must end in a ChaincodeException whose
 * message starts with a documented code and leave state, private data and events untouched, or,
 * for free-text arguments and optional fields only, succeed. Replays, duplicate ids, out-of-order
 * steps and the wrong community are cases of their own.
 *
 * <p>Part of the normal unit build: the defects it found (wrong JSON types coerced by Gson, huge
 * numbers truncated, amounts up to Long.MAX_VALUE, a NullPointerException in Arrive) are fixed.
 */
class BadInputTest {
    /** "[CODE] text" with CODE one of the ErrorCode enum's, the one list of codes. */
    private static final Pattern CODED = Pattern.compile("^\\[(" + Arrays.stream(ErrorCode.values()).map(Enum::name)
            .collect(Collectors.joining("|")) + ")\\] \\S.*", Pattern.DOTALL);
    private static final String HUGE = "x".repeat(200_000);

    /** kind of each argument: how bad values are made and whether success is acceptable. */
    enum Kind { ID, HOUSEHOLD, TEXT, JSON, INSTANT, DAY, INT, HASH, ENUM, PARTY }

    record Tx(String contract, String name, String caller, Kind[] kinds, String[] valid) {
    }

    static Tx tx(String contract, String name, String caller, Object... kindsAndValues) {
        Kind[] kinds = new Kind[kindsAndValues.length / 2];
        String[] valid = new String[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = (Kind) kindsAndValues[2 * i];
            valid[i] = (String) kindsAndValues[2 * i + 1];
        }
        return new Tx(contract, name, caller, kinds, valid);
    }

    static final String POINTS = TestNet.POINTS;
    static final String POLICY = TestNet.POLICY;

    static List<Tx> table() {
        String gb = TestNet.GB;
        List<Tx> t = new ArrayList<>();
        t.add(tx("c", "RegisterCommunity", "committee1", Kind.ID, "C1", Kind.TEXT, "Lane", Kind.TEXT, "Pudong",
                Kind.JSON, POINTS, Kind.JSON, POLICY));
        t.add(tx("c", "Sign", "leader1", Kind.JSON, TestNet.commitmentJson("CM-NEW", TestNet.LEADER_OBLIGATIONS,
                "2026-06-30T00:00:00Z")));
        for (String n : List.of("Countersign", "Reinstate")) {
            t.add(tx("c", n, "committee1", Kind.ID, "CM-L1"));
        }
        for (String n : List.of("Suspend", "Revoke")) {
            t.add(tx("c", n, "committee1", Kind.ID, "CM-L1", Kind.TEXT, "why"));
        }
        t.add(tx("c", "Get", "regulator1", Kind.ID, "CM-L1"));
        t.add(tx("c", "List", "regulator1", Kind.ID, "C1"));
        t.add(tx("g", "Open", "leader1", Kind.JSON, TestNet.groupBuyJson("GB-NEW", "GUARANTEE", 3)));
        t.add(tx("g", "Approve", "committee1", Kind.ID, gb));
        t.add(tx("g", "Decline", "committee1", Kind.ID, gb, Kind.TEXT, "why"));
        t.add(tx("g", "AddHouseholdOrders", "leader1", Kind.ID, gb, Kind.JSON,
                "[" + TestNet.order("H-009", "{\"sku\":\"VEG\",\"quantity\":1}") + "]"));
        t.add(tx("g", "CancelHouseholdOrder", "leader1", Kind.ID, gb, Kind.HOUSEHOLD, "H-001"));
        t.add(tx("g", "Close", "leader1", Kind.ID, gb));
        t.add(tx("g", "Cancel", "leader1", Kind.ID, gb, Kind.TEXT, "why"));
        t.add(tx("g", "Accept", "supplier1", Kind.ID, gb, Kind.INSTANT, "2026-04-11T06:00:00Z"));
        t.add(tx("g", "Reject", "supplier1", Kind.ID, gb, Kind.TEXT, "why"));
        t.add(tx("g", "Pack", "supplier1", Kind.ID, gb, Kind.JSON, TestNet.PACK));
        t.add(tx("g", "RequestArrival", "leader1", Kind.ID, gb, Kind.INSTANT, "2026-04-12T09:00:00Z"));
        t.add(tx("g", "ApproveArrival", "committee1", Kind.ID, gb));
        t.add(tx("g", "ArrivalQueue", "regulator1", Kind.ID, "C1", Kind.DAY, "2026-04-11"));
        t.add(tx("g", "Dispatch", "courier1", Kind.ID, gb, Kind.JSON, TestNet.DISPATCH));
        t.add(tx("g", "Checkpoint", "courier1", Kind.ID, gb, Kind.TEXT, "bridge", Kind.TEXT, "ok"));
        t.add(tx("g", "ReportIncident", "courier1", Kind.ID, gb, Kind.ENUM, "DELAY", Kind.HASH, TestNet.H1));
        t.add(tx("g", "ResolveIncident", "committee1", Kind.ID, gb, Kind.ENUM, "RELEASE"));
        t.add(tx("g", "Arrive", "volunteer1", Kind.ID, gb, Kind.JSON, TestNet.received(3, 1, null)));
        t.add(tx("g", "Disinfect", "volunteer1", Kind.ID, gb, Kind.TEXT, "spray", Kind.INT, "60"));
        t.add(tx("g", "Deliver", "volunteer1", Kind.ID, gb, Kind.HOUSEHOLD, "H-001", Kind.TEXT, "code-H-001"));
        t.add(tx("g", "MarkUndeliverable", "committee1", Kind.ID, gb, Kind.HOUSEHOLD, "H-001", Kind.TEXT, "moved"));
        t.add(tx("g", "Complete", "leader1", Kind.ID, gb));
        t.add(tx("g", "RecordPayment", "leader1", Kind.ID, gb, Kind.HOUSEHOLD, "H-001", Kind.INT, "100", Kind.HASH,
                TestNet.H2));
        t.add(tx("g", "RecordSupplierPayment", "leader1", Kind.ID, gb, Kind.INT, "100", Kind.HASH, TestNet.H2));
        t.add(tx("g", "RecordRefund", "leader1", Kind.ID, gb, Kind.HOUSEHOLD, "H-001", Kind.INT, "100", Kind.HASH,
                TestNet.H2));
        t.add(tx("g", "RecordSupplierRefund", "supplier1", Kind.ID, gb, Kind.INT, "100", Kind.HASH, TestNet.H2));
        for (final String[] answer : new String[][] {{"ConfirmSupplierPayment", "supplier1"},
                {"WithdrawSupplierPayment", "leader1"}, {"ConfirmSupplierRefund", "leader1"},
                {"WithdrawSupplierRefund", "supplier1"}}) {
            t.add(tx("g", answer[0], answer[1], Kind.ID, gb, Kind.ID, TestNet.txId(1)));
        }
        t.add(tx("g", "Settle", "committee1", Kind.ID, gb));
        t.add(tx("g", "OpenDispute", "leader1", Kind.ID, gb, Kind.HOUSEHOLD, "H-001", Kind.TEXT, "broken", Kind.INT,
                "100"));
        t.add(tx("a", "GetGroupBuy", "regulator1", Kind.ID, gb));
        t.add(tx("a", "ListGroupBuys", "regulator1", Kind.ID, "C1", Kind.ENUM, "", Kind.INT, "10", Kind.TEXT, ""));
        t.add(tx("a", "ListHouseholdOrders", "regulator1", Kind.ID, gb, Kind.INT, "10", Kind.TEXT, ""));
        t.add(tx("a", "GetHouseholdDetails", "leader1", Kind.ID, gb, Kind.HOUSEHOLD, "H-001"));
        t.add(tx("a", "Trace", "regulator1", Kind.ID, gb));
        t.add(tx("a", "TraceHousehold", "regulator1", Kind.ID, gb, Kind.HOUSEHOLD, "H-001"));
        t.add(tx("a", "PartyRecord", "regulator1", Kind.PARTY, "SupplierMSP/supplier1"));
        t.add(tx("a", "VerifyEvidence", "regulator1", Kind.HASH, TestNet.H3));
        return t;
    }

    /** Bad values for an argument; second element: true when success is acceptable (free text, optional field). */
    static Map<String, Boolean> badValues(String txName, Kind kind, String valid) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        boolean text = kind == Kind.TEXT;
        for (String v : List.of("", " ", "{", "[", "null", "{}", "[]", "\"x\"", "-1", "-9223372036854775808",
                "9223372036854775807", "99999999999999999999", "1e3", "0x10", "NaN", "1.5", "../../etc/passwd",
                "H-001\u0000", "GB-1' OR '1'='1", "\u00e9\u4e2d\u6587", "\n", HUGE)) {
            if (!v.equals(valid)) {
                out.put(v, text || kind == Kind.ENUM && v.isEmpty() && valid.isEmpty());
            }
        }
        if (kind == Kind.JSON) {
            JsonElement tree = JsonParser.parseString(valid);
            mutations(tree, tree, out, newIdFields(txName));
            out.put(valid + "x", false);
            out.put(valid.substring(0, valid.length() - 1), false);
        }
        if (kind == Kind.INT) {
            out.put("-" + valid, false);
            out.put(valid + "000000000000000000", false);
        }
        if (kind == Kind.ID || kind == Kind.HOUSEHOLD) {
            out.put(valid + "-UNKNOWN", false);
            out.put(valid.toLowerCase() + "/..", false);
            out.put("A".repeat(65), false);
        }
        if (kind == Kind.INSTANT) {
            out.put("2026-04-11", false);
            out.put("2020-01-01T00:00:00Z", false);
            out.put("2026-13-40T99:00:00Z", false);
        }
        return out;
    }

    /** Read-only transactions: an odd but well-formed key may simply find nothing. */
    private static final List<String> READS = List.of("Get", "List", "ArrivalQueue", "GetGroupBuy", "ListGroupBuys",
            "ListHouseholdOrders", "GetHouseholdDetails", "Trace", "TraceHousehold", "PartyRecord", "VerifyEvidence");
    private static final List<String> OPTIONAL = List.of("offline", "approvalRequired", "shortageAgainst", "amountCents");

    /**
     * Fields where the caller names something new: the string "UNKNOWN-SKU" is then a well-formed id (or salt)
     * that docs/contract.md allows (a new group buy/commitment id, a new household reference, any pickup salt,
     * the skus a group buy offers), so accepting it is not a defect. Where the field must name something that
     * exists (the sku of an order line, a lot or a received line, a hand-over point, a community), it stays a
     * case that must be refused.
     */
    static List<String> newIdFields(String txName) {
        return switch (txName) {
            case "Open" -> List.of("id", "sku");
            case "Sign" -> List.of("id");
            case "AddHouseholdOrders" -> List.of("household", "pickupSalt");
            default -> List.of();
        };
    }

    /** Drops each field, gives each field a wrong type, negative/huge numbers, huge strings, unknown fields/SKUs. */
    static void mutations(JsonElement root, JsonElement node, Map<String, Boolean> out, List<String> newIds) {
        if (node.isJsonArray()) {
            JsonArray a = node.getAsJsonArray();
            for (JsonElement e : a) {
                mutations(root, e, out, newIds);
            }
            return;
        }
        if (!node.isJsonObject()) {
            return;
        }
        JsonObject o = node.getAsJsonObject();
        for (String field : new ArrayList<>(o.keySet())) {
            JsonElement before = o.get(field);
            o.remove(field);
            out.put(root.toString(), OPTIONAL.contains(field));
            o.add(field, before);
            List<JsonElement> wrong = new ArrayList<>(List.of(new JsonArray(), new JsonObject(), new JsonPrimitive(true)));
            if (before.isJsonPrimitive() && before.getAsJsonPrimitive().isNumber()) {
                wrong.addAll(List.of(new JsonPrimitive("12"), new JsonPrimitive(-1), new JsonPrimitive(Long.MAX_VALUE),
                        new JsonPrimitive(new java.math.BigInteger("99999999999999999999999")), new JsonPrimitive(1.5)));
            } else if (before.isJsonPrimitive()) {
                wrong.addAll(List.of(new JsonPrimitive(12), new JsonPrimitive(HUGE), new JsonPrimitive(""),
                        new JsonPrimitive("UNKNOWN-SKU")));
            }
            for (JsonElement w : wrong) {
                o.add(field, w);
                String s = root.toString();
                // a string field that may hold free text or an unknown-but-valid id may legitimately take these
                boolean lenient = w.isJsonPrimitive() && w.getAsJsonPrimitive().isString()
                        && (field.equals("name") || field.equals("lot") || field.equals("staffRef")
                        || field.equals("passNumber") || field.equals("vehicle"))
                        && !w.getAsString().isEmpty() && w.getAsString().length() < 1000
                        || w.equals(new JsonPrimitive("UNKNOWN-SKU")) && newIds.contains(field);
                out.put(s, out.getOrDefault(s, false) || lenient);
            }
            o.add(field, before);
            mutations(root, before, out, newIds);
        }
        o.addProperty("unknownField", "x");
        out.put(root.toString(), false);
        o.remove("unknownField");
    }

    /** outcome: null when the call succeeded, else the exception. */
    static Throwable call(TestNet net, Tx tx, String[] args) {
        String contract = switch (tx.contract()) {
            case "c" -> "Commitment";
            case "g" -> "GroupBuy";
            default -> "Audit";
        };
        return net.call(tx.caller(), contract + ":" + tx.name(), args);
    }

    static TestNet fresh(GroupBuyStatus state) {
        TestNet n = new TestNet();
        if (state == GroupBuyStatus.DISINFECTED) {
            n.delivering();
        } else {
            n.to(state);
        }
        if (state == GroupBuyStatus.OPEN) {
            n.groupBuy.AddHouseholdOrders(n.as("leader1"), TestNet.GB, TestNet.ORDERS);
        }
        n.groupBuy.PutHouseholdDetails(n.as("leader1", TestNet.details(
                "{\"H-001\":{\"name\":\"A\",\"phone\":\"1\",\"address\":\"B\",\"salt\":\"5a1e0c9d3b7f2a6e8c4d0b1f9e3a7c5d\"}}")), TestNet.GB);
        return n;
    }

    @Test
    void everyBadArgumentOfEveryTransactionIsRefusedWithACodeAndWritesNothing() {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> codes = new TreeMap<>();
        int cases = 0;
        int accepted = 0;
        for (GroupBuyStatus state : List.of(GroupBuyStatus.OPEN, GroupBuyStatus.IN_TRANSIT,
                GroupBuyStatus.DISINFECTED)) {
            TestNet net = fresh(state);
            for (Tx tx : table()) {
                for (int i = 0; i < tx.kinds().length; i++) {
                    for (Map.Entry<String, Boolean> bad : badValues(tx.name(), tx.kinds()[i], tx.valid()[i]).entrySet()) {
                        String[] args = tx.valid().clone();
                        args[i] = bad.getKey();
                        TreeMap<String, String> stateBefore = new TreeMap<>(net.stub.state);
                        String privateBefore = net.stub.privateData.toString();
                        int eventsBefore = net.stub.allEvents.size();
                        Throwable t = call(net, tx, args);
                        cases++;
                        String what = state + " " + tx.name() + " arg " + i + " = "
                                + abbreviate(bad.getKey());
                        if (t == null) {
                            accepted++;
                            if (!bad.getValue() && !READS.contains(tx.name())) {
                                failures.add(what + ": accepted");
                            }
                            if (!net.stub.state.equals(stateBefore) || net.stub.allEvents.size() != eventsBefore
                                    || !net.stub.privateData.toString().equals(privateBefore)) {
                                net = fresh(state); // only a call that changed something needs a fresh ledger
                            }
                            continue;
                        }
                        if (!(t instanceof ChaincodeException) || !CODED.matcher(String.valueOf(t.getMessage())).matches()) {
                            failures.add(what + ": " + t.getClass().getSimpleName() + " " + abbreviate(
                                    String.valueOf(t.getMessage())));
                        } else {
                            codes.merge(t.getMessage().substring(1, t.getMessage().indexOf(']')), 1, Integer::sum);
                        }
                        if (!net.stub.state.equals(stateBefore) || !net.stub.privateData.toString().equals(privateBefore)
                                || net.stub.allEvents.size() != eventsBefore) {
                            failures.add(what + ": failed but wrote state or emitted an event");
                            net = fresh(state);
                        }
                    }
                }
            }
        }
        System.out.printf("bad input (stub): %d cases, %d accepted (free text/optional), refused by code %s, "
                + "%d problems%n", cases, accepted, codes, failures.size());
        Map<String, Integer> byKind = new TreeMap<>();
        failures.forEach(f -> byKind.merge(f.replaceAll(" = .*: ", ": ").replaceAll("^\\w+ ", ""), 1, Integer::sum));
        byKind.forEach((k, n) -> System.out.println("  BAD x" + n + ": " + k));
        failures.stream().limit(25).forEach(f -> System.out.println("  e.g. " + f));
        assertThat(cases).isGreaterThan(2000);
        assertThat(failures).isEmpty();
    }

    @Test
    void replaysDuplicatesOutOfOrderAndWrongCommunityAreRefusedWithoutWrites() {
        TestNet net = fresh(GroupBuyStatus.OPEN);
        // duplicate ids
        net.fails(ErrorCode.CONFLICT.name(), () -> net.groupBuy.Open(net.as("leader1"), TestNet.groupBuyJson(TestNet.GB, "GUARANTEE", 3)));
        net.fails(ErrorCode.CONFLICT.name(), () -> net.groupBuy.AddHouseholdOrders(net.as("leader1"), TestNet.GB, TestNet.ORDERS));
        net.fails(ErrorCode.CONFLICT.name(), () -> net.commitment.Sign(net.as("leader1"), TestNet.commitmentJson("CM-L1",
                TestNet.LEADER_OBLIGATIONS, "2026-06-30T00:00:00Z")));
        net.fails(ErrorCode.CONFLICT.name(), () -> net.commitment.RegisterCommunity(net.as("committee1"), "C1", "x", "y",
                TestNet.POINTS, TestNet.POLICY));
        // replay of a step already done
        net.fails(ErrorCode.INVALID_STATE.name(), () -> net.groupBuy.Approve(net.as("committee1"), TestNet.GB));
        net.fails(ErrorCode.INVALID_STATE.name(), () -> net.commitment.Countersign(net.as("committee1"), "CM-L1"));
        // out of order: later steps on an OPEN group buy
        net.fails(ErrorCode.INVALID_STATE.name(), () -> net.groupBuy.Accept(net.as("supplier1"), TestNet.GB, "2026-04-11T06:00:00Z"));
        net.fails(ErrorCode.INVALID_STATE.name(), () -> net.groupBuy.Pack(net.as("supplier1"), TestNet.GB, TestNet.PACK));
        net.fails(ErrorCode.INVALID_STATE.name(), () -> net.groupBuy.Arrive(net.as("volunteer1"), TestNet.GB,
                TestNet.received(3, 1, null)));
        net.fails(ErrorCode.INVALID_STATE.name(), () -> net.groupBuy.Settle(net.as("leader1"), TestNet.GB));
        // wrong community: leader1 (C1) opens in C2, committee2 approves in C1
        net.commitment.RegisterCommunity(net.as("committee2"), "C2", "Riverside", "Xuhui", TestNet.POINTS, TestNet.POLICY);
        net.fails(ErrorCode.FORBIDDEN.name(), () -> net.groupBuy.Open(net.as("leader1"),
                TestNet.groupBuyJson("GB-C2", "GUARANTEE", 3).replace("\"C1\"", "\"C2\"")));
        net.fails(ErrorCode.FORBIDDEN.name(), () -> net.groupBuy.Close(net.as("leader2"), TestNet.GB));
        net.fails(ErrorCode.FORBIDDEN.name(), () -> net.groupBuy.Arrive(net.as("impostor"), TestNet.GB, TestNet.received(3, 1, null)));
    }

    static String abbreviate(String s) {
        String one = s.replace("\n", "\\n").replace("\u0000", "\\0");
        return one.length() > 90 ? one.substring(0, 90) + "...(" + one.length() + " chars)" : one;
    }
}
