package org.groupbuy.e2e.faults;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.Invocation;
import org.groupbuy.client.ledger.LedgerFailure;
import org.groupbuy.client.ledger.SystemQueries;
import org.groupbuy.client.ledger.Transaction;
import org.groupbuy.e2e.access.Fixtures;
import org.groupbuy.e2e.access.RealNet;
import org.groupbuy.e2e.access.RealNet.Conn;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;

/**
 * Steady load for scripts/faults.sh (issue 7), one JVM per scenario, all traffic to the network of
 * {@code $GROUPBUY_VAR/network.json}.
 *
 * <pre>
 * load SCENARIO DIR [rate-per-s] [max-seconds] [expect-outage]
 *     opens and approves a group buy of its own, writes DIR/ready, submits one
 *     GroupBuy:AddHouseholdOrders (one household) at the rate until DIR/stop exists (or max-seconds),
 *     then waits for the peers to agree on the height and checks: every transaction the client saw
 *     committed is VALID on every peer (qscc GetTransactionByID on each), households whose submit was
 *     refused before ordering are on no peer, and the world state (GetGroupBuy + all
 *     ListHouseholdOrders pages) is identical on all five peers. Prints one summary line.
 * import-check SCENARIO GROUPBUY CSV
 *     every household of CSV exactly once in ListHouseholdOrders on every peer, nothing else.
 * </pre>
 * Exit 0 when the scenario passed, 1 when not.
 */
public final class FaultLoad {
    private static final String[] USERS = {"leader1", "supplier1", "courier1", "committee1", "regulator1"};

    private record Outcome(String household, String txId, String phase, String code, long atMs) {
    }

    private final RealNet net;
    private final String scenario;

    private FaultLoad(RealNet net, String scenario) {
        this.net = net;
        this.scenario = scenario;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: FaultLoad load SCENARIO DIR [rate] [max-seconds] [expect-outage] | "
                    + "import-check SCENARIO GROUPBUY CSV");
            System.exit(2);
        }
        boolean ok;
        try (RealNet net = RealNet.open()) {
            FaultLoad f = new FaultLoad(net, args[1]);
            ok = switch (args[0]) {
                case "load" -> f.load(Path.of(args[2]), args.length > 3 ? Double.parseDouble(args[3]) : 2.0,
                        args.length > 4 ? Integer.parseInt(args[4]) : 300, args.length > 5 && Boolean.parseBoolean(args[5]));
                case "import-check" -> f.importCheck(args[2], Path.of(args[3]));
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            };
        }
        System.out.flush();
        System.exit(ok ? 0 : 1);
    }

    private static void log(String s) {
        System.out.println("[faultload " + java.time.LocalTime.now().withNano(0) + "] " + s);
        System.out.flush();
    }

    // ---------------------------------------------------------------- load

    private boolean load(Path dir, double rate, int maxSeconds, boolean expectOutage) throws Exception {
        Files.createDirectories(dir);
        String run = Long.toString(System.currentTimeMillis() / 1000, 36).toUpperCase();
        String gb = "GB-F" + scenario + "-" + run;
        Fixtures.communitiesOn(net);
        Conn leader = net.as("leader", "leader1");
        Fixtures.must(() -> leader.submit(Transaction.OPEN, Fixtures.groupBuyJson(gb, "C1", "SupplierMSP/supplier1")),
                "open " + gb);
        Fixtures.must(() -> net.as("committee", "committee1").submit(Transaction.APPROVE, gb), "approve " + gb);
        Files.writeString(dir.resolve("ready"), gb + "\n");
        log("group buy " + gb + " open; loading at " + rate + "/s until " + dir.resolve("stop") + " (max " + maxSeconds + " s)");

        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger inFlight = new AtomicInteger();
        long start = System.currentTimeMillis();
        long periodMs = (long) (1000 / rate);
        int seq = 0;
        int skipped = 0;
        long next = start;
        while (!Files.exists(dir.resolve("stop")) && System.currentTimeMillis() - start < maxSeconds * 1000L) {
            long now = System.currentTimeMillis();
            if (now < next) {
                Thread.sleep(Math.min(200, next - now));
                continue;
            }
            next += periodMs;
            if (inFlight.get() >= 8) {
                skipped++;   // bounded: never more than 8 submits waiting
                continue;
            }
            String household = String.format("L-%05d", ++seq);
            inFlight.incrementAndGet();
            pool.submit(() -> {
                try {
                    Outcome o = submitOrder(leader, gb, household);
                    outcomes.add(o);
                    if (!o.phase.equals("committed")) {
                        log(household + " " + o.phase + " " + o.code);
                    }
                } finally {
                    inFlight.decrementAndGet();
                }
            });
            if (seq % 20 == 0) {
                log(seq + " sent, " + outcomes.stream().filter(o -> o.phase.equals("committed")).count() + " committed, "
                        + inFlight.get() + " in flight");
            }
        }
        long stopAt = System.currentTimeMillis();
        pool.shutdown();
        if (!pool.awaitTermination(150, TimeUnit.SECONDS)) {
            log("some submits still waiting after 150 s");
            pool.shutdownNow();
        }
        List<Outcome> all;
        synchronized (outcomes) {
            all = new ArrayList<>(outcomes);
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve("outcomes.txt")))) {
            all.forEach(o -> w.println(o.household + " " + o.txId + " " + o.phase + " " + o.code + " " + o.atMs));
        }
        List<Outcome> committed = all.stream().filter(o -> o.phase.equals("committed")).toList();
        List<Outcome> refused = all.stream().filter(o -> o.phase.equals("refused")).toList();
        List<Outcome> unknown = all.stream().filter(o -> o.phase.equals("unknown")).toList();

        // seconds without commits, over the load window
        List<Long> times = new ArrayList<>(committed.stream().map(Outcome::atMs).sorted().toList());
        long gap = 0;
        long prev = start;
        for (long t : times) {
            gap = Math.max(gap, t - prev);
            prev = t;
        }
        gap = Math.max(gap, stopAt - prev);

        log("load over: " + seq + " sent, " + committed.size() + " committed, " + refused.size() + " refused, "
                + unknown.size() + " unknown outcome, " + skipped + " ticks skipped; waiting for the peers to agree");
        boolean inSync = net.waitInSync(180);
        long[] heights = net.heights();

        // every committed tx on every peer
        int foundOnAll = 0;
        List<String> missing = new ArrayList<>();
        for (Outcome o : committed) {
            boolean everywhere = true;
            for (String org : RealNet.PEER_ORGS) {
                if (!validOn(org, o.txId)) {
                    everywhere = false;
                    missing.add(o.household + "@" + org);
                }
            }
            if (everywhere) {
                foundOnAll++;
            }
        }
        // world state on every peer
        Map<String, String> states = new LinkedHashMap<>();
        Map<String, Set<String>> households = new LinkedHashMap<>();
        for (int i = 0; i < RealNet.PEER_ORGS.length; i++) {
            String org = RealNet.PEER_ORGS[i];
            Set<String> hh = new TreeSet<>();
            states.put(org, stateOf(org, USERS[i], gb, hh));
            households.put(org, hh);
        }
        boolean identical = states.values().stream().distinct().count() == 1 && !states.containsValue(null);
        // nothing half-written: committed households present, refused ones absent, nothing else
        Set<String> state = households.get("leader");
        List<String> problems = new ArrayList<>();
        for (Outcome o : committed) {
            if (!state.contains(o.household)) {
                problems.add("committed " + o.household + " not in state");
            }
        }
        for (Outcome o : refused) {
            if (state.contains(o.household)) {
                problems.add("refused " + o.household + " is in state");
            }
        }
        Set<String> known = new TreeSet<>();
        all.forEach(o -> known.add(o.household));
        for (String h : state) {
            if (!known.contains(h)) {
                problems.add("unexpected " + h);
            }
        }
        // outcome unknown to the client (its orderer or peer died): each either landed whole or not at all
        long unknownLanded = unknown.stream().filter(o -> state.contains(o.household)).count();
        Map<String, Integer> codes = new TreeMap<>();
        refused.forEach(o -> codes.merge(o.code, 1, Integer::sum));
        unknown.forEach(o -> codes.merge("unknown:" + o.code, 1, Integer::sum));

        boolean pass = !committed.isEmpty() && foundOnAll == committed.size() && identical && inSync && problems.isEmpty();
        if (expectOutage) {
            // the outage reached the client as an error: refused at endorsement (peers down) or
            // at submit (too few orderers to reach the BFT quorum; such a transaction may still
            // be ordered later, so its outcome is unknown, and it must land whole or not at all)
            pass = pass && !(refused.isEmpty() && unknown.isEmpty());
        }
        if (!missing.isEmpty()) {
            log("not found VALID: " + missing.subList(0, Math.min(20, missing.size())));
        }
        if (!problems.isEmpty()) {
            log("problems: " + problems.subList(0, Math.min(20, problems.size())));
        }
        if (!identical) {
            states.forEach((org, s) -> log("state on " + org + ": " + (s == null ? "no answer" : s.hashCode() + " "
                    + households.get(org).size() + " households")));
        }
        String line = String.format("scenario %s: committed %d, on every peer %d/%d, seconds without commits %.1f, "
                        + "world state %s (%d households, heights %s), refused %d %s, unknown %d (%d of them in the state) -> %s",
                scenario, committed.size(), foundOnAll, committed.size(), gap / 1000.0,
                identical ? "identical on 5 peers" : "DIFFERENT", state.size(), java.util.Arrays.toString(heights),
                refused.size(), codes.isEmpty() ? "" : codes.toString(), unknown.size(), unknownLanded,
                pass ? "PASS" : "FAIL");
        Files.writeString(dir.resolve("summary"), line + "\n");
        System.out.println("SUMMARY " + line);
        return pass;
    }

    /**
     * Endorse, submit, wait for the commit, through the client's Chaincode (transient failures
     * retried there, each retry a new transaction); the failure's phase says how far it got.
     */
    private Outcome submitOrder(Conn leader, String gb, String household) {
        Invocation order = Invocation.of(Transaction.ADD_HOUSEHOLD_ORDERS, gb,
                "[" + Fixtures.order(gb, household, 1, 1) + "]");
        try {
            Answer answer = leader.chaincode().submit(order);
            return new Outcome(household, answer.transactionId(), "committed", "VALID", System.currentTimeMillis());
        } catch (LedgerFailure f) {
            String phase = switch (f.phase()) {
                case EVALUATE, ENDORSE -> "refused";
                case SUBMIT -> "unknown";
                // a validation code means it is in a block, invalid; no status means the outcome is not known
                case COMMIT -> f.source() == LedgerFailure.Source.VALIDATION ? "invalid" : "unknown";
            };
            String code = phase.equals("invalid") ? f.code() : RealNet.failure(f).code();
            String msg = f.getMessage().replaceAll("\\s+", " ");
            lastMessages.putIfAbsent(code, msg.length() > 300 ? msg.substring(0, 300) : msg);
            return new Outcome(household, f.transactionId(), phase, code, System.currentTimeMillis());
        }
    }

    private static final Map<String, String> lastMessages = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> lastMessages.forEach((c, m) ->
                System.out.println("[faultload] error " + c + ": " + m))));
    }

    /** qscc GetTransactionByID on {@code org}'s peer (as that org's admin): committed and VALID there. */
    private boolean validOn(String org, String txId) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                byte[] processed = new SystemQueries(net.as(org, "admin").session(), net.org(org).mspId())
                        .transaction(txId);
                return ProcessedTransaction.parseFrom(processed).getValidationCode() == 0;
            } catch (Exception e) {
                if (String.valueOf(e.getMessage()).contains("not found")
                        || e.toString().contains("not found")) {
                    return false;
                }
                Fixtures.sleep(500);
            }
        }
        return false;
    }

    /** The group buy and all its household orders as {@code org}'s peer answers them; null when it does not answer. */
    private String stateOf(String org, String user, String gb, Set<String> households) {
        Conn c = net.as(org, user);
        String[] endorsers = {net.org(org).mspId()};
        StringBuilder all = new StringBuilder();
        RealNet.Result g = c.evaluateWith(Transaction.GET_GROUP_BUY, null, endorsers, gb);
        if (!g.ok()) {
            log("GetGroupBuy on " + org + ": " + g);
            return null;
        }
        all.append(g.text()).append('\n');
        List<String> records = new ArrayList<>();
        String bookmark = "";
        for (int page = 0; page < 100; page++) {
            RealNet.Result r = c.evaluateWith(Transaction.LIST_HOUSEHOLD_ORDERS, null, endorsers, gb, "100", bookmark);
            if (!r.ok()) {
                log("ListHouseholdOrders on " + org + ": " + r);
                return null;
            }
            JsonObject o = r.json();
            JsonArray recs = o.getAsJsonArray("records");
            for (JsonElement e : recs) {
                records.add(e.toString());
                JsonObject rec = e.getAsJsonObject();
                String h = rec.has("household") ? rec.get("household").getAsString() : e.toString();
                if (!households.add(h)) {
                    households.add(h + "#DUPLICATE");
                }
            }
            bookmark = o.has("bookmark") && !o.get("bookmark").isJsonNull() ? o.get("bookmark").getAsString() : "";
            if (recs.isEmpty() || bookmark.isEmpty()) {
                break;
            }
        }
        Collections.sort(records);
        records.forEach(r -> all.append(r).append('\n'));
        return all.toString();
    }

    // ---------------------------------------------------------------- import check

    private boolean importCheck(String gb, Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        Set<String> expected = new TreeSet<>();
        for (String l : lines.subList(1, lines.size())) {
            if (!l.isBlank()) {
                expected.add(l.split(",", 2)[0].trim());
            }
        }
        net.waitInSync(120);
        Map<String, String> states = new LinkedHashMap<>();
        boolean ok = true;
        int dup = 0;
        int miss = 0;
        int extra = 0;
        for (int i = 0; i < RealNet.PEER_ORGS.length; i++) {
            String org = RealNet.PEER_ORGS[i];
            Set<String> hh = new TreeSet<>();
            states.put(org, stateOf(org, USERS[i], gb, hh));
            int d = (int) hh.stream().filter(h -> h.endsWith("#DUPLICATE")).count();
            hh.removeIf(h -> h.endsWith("#DUPLICATE"));
            Set<String> m = new TreeSet<>(expected);
            m.removeAll(hh);
            Set<String> x = new TreeSet<>(hh);
            x.removeAll(expected);
            log(org + ": " + hh.size() + " households, " + d + " duplicate, " + m.size() + " missing, " + x.size() + " extra"
                    + (m.isEmpty() ? "" : " missing e.g. " + m.iterator().next()));
            dup = Math.max(dup, d);
            miss = Math.max(miss, m.size());
            extra = Math.max(extra, x.size());
        }
        boolean identical = states.values().stream().distinct().count() == 1 && !states.containsValue(null);
        // the private details (name, phone, address) of every household, on the two orgs that hold them
        Map<String, Integer> noDetails = new TreeMap<>();
        for (String[] who : new String[][] {{"leader", "leader1"}, {"committee", "committee1"}}) {
            List<String> none = new ArrayList<>();
            for (String h : expected) {
                RealNet.Result r = net.as(who[0], who[1]).evaluateWith(Transaction.GET_HOUSEHOLD_DETAILS, null,
                        new String[] {net.org(who[0]).mspId()}, gb, h);
                if (!r.ok()) {
                    none.add(h);
                }
            }
            noDetails.put(who[0], none.size());
            if (!none.isEmpty()) {
                log("no details on " + who[0] + "'s peer for " + none.size() + " households, e.g. "
                        + none.subList(0, Math.min(5, none.size())));
            }
        }
        int detailsMissing = noDetails.values().stream().max(Integer::compare).orElse(0);
        ok = identical && dup == 0 && miss == 0 && extra == 0 && detailsMissing == 0;
        String line = String.format("import check %s: %d households expected, duplicates %d, missing %d, extra %d, "
                        + "without private details %s, world state %s, heights %s -> %s", gb, expected.size(), dup, miss,
                extra, noDetails, identical ? "identical on 5 peers" : "DIFFERENT", java.util.Arrays.toString(net.heights()),
                ok ? "PASS" : "FAIL");
        System.out.println("SUMMARY " + line);
        return ok;
    }
}
