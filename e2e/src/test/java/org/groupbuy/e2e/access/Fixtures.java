package org.groupbuy.e2e.access;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.groupbuy.client.ledger.Transaction;
import org.groupbuy.e2e.access.RealNet.Conn;
import org.groupbuy.e2e.access.RealNet.Result;

/**
 * Ledger fixtures for the issue-7 tests, built once per JVM on the real network: communities C1
 * and C2, the standard cast's commitments, one PENDING and one SUSPENDED commitment, group buy
 * {@link #gbTransit} in IN_TRANSIT (leader1, supplier1, courier1, households H-001 and H-002) and
 * group buy {@link #gbDispute} in DISINFECTED (one household delivered) with an open dispute {@link #disputeId}.
 */
public final class Fixtures {
    public static final String POLICY = "{\"dailyCapacity\":{\"HP1\":2,\"HP2\":1},\"minRestMinutes\":{\"GUARANTEE\":1,"
            + "\"IMPROVEMENT\":2},\"maxLeaderFeePercent\":5,\"approvalRequired\":true}";
    public static final String POINTS = "[{\"id\":\"HP1\",\"name\":\"North gate\"},{\"id\":\"HP2\",\"name\":\"East gate\"}]";
    public static final Map<String, String> OBLIGATIONS = Map.of(
            "leader", "[\"SOURCE_SAFETY\",\"WAREHOUSING\",\"TRANSSHIPMENT\",\"DISTRIBUTION\",\"DISINFECTION\","
                    + "\"OFFLINE_RESIDENT_CARE\"]",
            "supplier", "[\"QUALITY\",\"STATED_PRICES\",\"INSPECTION\"]",
            "courier", "[\"TRANSPORT_PASS\",\"HEALTH_CHECKS\",\"COLD_CHAIN\"]");

    private static Fixtures instance;

    public final RealNet net;
    public final String run;
    public final String gbTransit;
    public final String gbDispute;
    public final String pendingCommitment;
    public final String suspendedCommitment;
    public String disputeId;
    private static int daySeq;

    private Fixtures(RealNet net) {
        this.net = net;
        this.run = Long.toString(System.currentTimeMillis() / 1000, 36).toUpperCase();
        this.gbTransit = "GB-AT-" + run;
        this.gbDispute = "GB-AD-" + run;
        this.pendingCommitment = "CM-P-" + run;
        this.suspendedCommitment = "CM-S-" + run;
    }

    /** Builds everything once (about two minutes: the goods rest one minute after disinfection). */
    public static synchronized Fixtures get() throws InterruptedException {
        if (instance == null) {
            Fixtures f = new Fixtures(RealNet.open());
            f.build();
            instance = f;
        }
        return instance;
    }

    /** Only communities C1, C2 and the cast's commitments (idempotent), for tests that need no group buy fixture. */
    public static Fixtures communitiesOn(RealNet net) {
        Fixtures f = new Fixtures(net);
        f.setupCommunities();
        return f;
    }

    public static synchronized RealNet net() {
        return instance != null ? instance.net : RealNet.open();
    }

    // ---------------------------------------------------------------- helpers

    public static Result must(Result r, String what) {
        if (!r.ok()) {
            throw new IllegalStateException(what + " failed: " + r);
        }
        return r;
    }

    /**
     * Runs a step until it succeeds: the Gateway waits for the commit on its own peer only, so the
     * next step's endorsers may not have the block yet (INVALID_STATE, NOT_FOUND, MVCC conflicts).
     */
    public static Result must(java.util.function.Supplier<Result> step, String what) {
        Result r = step.get();
        for (int i = 0; i < 20 && !r.ok() && List.of("INVALID_STATE", "NOT_FOUND", "COMMIT_MVCC_READ_CONFLICT", "GRPC_ABORTED",
                "FORBIDDEN").contains(r.code()); i++) {
            sleep(250);
            r = step.get();
        }
        return must(r, what);
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Result tolerate(java.util.function.Supplier<Result> step, String what, String... codes) {
        Result r = step.get();
        for (int i = 0; i < 20 && !r.ok() && !List.of(codes).contains(r.code()) && List.of("INVALID_STATE",
                "NOT_FOUND", "COMMIT_MVCC_READ_CONFLICT", "FORBIDDEN").contains(r.code()); i++) {
            sleep(250);
            r = step.get();
        }
        if (!r.ok() && !List.of(codes).contains(r.code())) {
            throw new IllegalStateException(what + " failed: " + r);
        }
        return r;
    }

    public static String h64(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String iso(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public static String commitmentJson(String id, String role, String user, String community) {
        JsonObject c = new JsonObject();
        c.addProperty("id", id);
        c.addProperty("community", community);
        c.add("obligations", com.google.gson.JsonParser.parseString(OBLIGATIONS.getOrDefault(role,
                OBLIGATIONS.get("leader"))));
        c.addProperty("statementHash", h64("statement of " + user + " for " + community));
        JsonArray creds = new JsonArray();
        JsonObject cred = new JsonObject();
        cred.addProperty("type", "HEALTH_CERTIFICATE");
        cred.addProperty("hash", h64("credential of " + user));
        cred.addProperty("expires", iso(Instant.now().plus(Duration.ofDays(90))));
        creds.add(cred);
        c.add("credentials", creds);
        c.addProperty("validFrom", iso(Instant.now().minus(Duration.ofDays(1))));
        c.addProperty("validUntil", iso(Instant.now().plus(Duration.ofDays(90))));
        return c.toString();
    }

    public static String groupBuyJson(String id, String community, String supplier) {
        return groupBuyJson(id, community, supplier, Instant.now().plus(Duration.ofDays(1)));
    }

    public static String groupBuyJson(String id, String community, String supplier, Instant cutoff) {
        return "{\"id\":\"" + id + "\",\"community\":\"" + community + "\",\"supplier\":\"" + supplier + "\","
                + "\"items\":[{\"sku\":\"RICE-5KG\",\"name\":\"Rice 5 kg\",\"category\":\"GUARANTEE\","
                + "\"unitPriceCents\":3500,\"maxPerHousehold\":2},{\"sku\":\"EGGS-30\",\"name\":\"Eggs, tray of 30\","
                + "\"category\":\"GUARANTEE\",\"unitPriceCents\":2800,\"maxPerHousehold\":1}],"
                + "\"minimum\":{\"quantity\":1,\"amountCents\":0},\"cutoff\":\""
                + iso(cutoff) + "\",\"handoverPoint\":\"HP1\",\"leaderFeePercent\":0}";
    }

    public static String code(String gb, String household) {
        return String.format("%06d", Math.floorMod(h64(gb + household).hashCode(), 1_000_000));
    }

    public static String salt(String gb, String household) {
        return h64("salt" + gb + household).substring(0, 16);
    }

    public static String order(String gb, String household, int rice, int eggs) {
        String lines = "";
        if (rice > 0) {
            lines += "{\"sku\":\"RICE-5KG\",\"quantity\":" + rice + "}";
        }
        if (eggs > 0) {
            lines += (lines.isEmpty() ? "" : ",") + "{\"sku\":\"EGGS-30\",\"quantity\":" + eggs + "}";
        }
        return "{\"household\":\"" + household + "\",\"lines\":[" + lines + "],\"pickupSalt\":\"" + salt(gb, household)
                + "\",\"pickupCodeHash\":\"" + h64(salt(gb, household) + ":" + code(gb, household))
                + "\",\"offline\":false}";
    }

    public static Map<String, byte[]> details(String json) {
        return Map.of("details", json.getBytes(StandardCharsets.UTF_8));
    }

    public static final String[] DETAIL_ORGS = {"LeaderMSP", "CommitteeMSP"};

    /** A future day of its own for each arrival request (a hand-over point takes 2 a day). */
    public static synchronized String freshSlot() {
        long base = 400 + (System.currentTimeMillis() / 1000 / 7) % 20000;
        return iso(Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(base + (daySeq++)))
                .plus(Duration.ofHours(9)));
    }

    // ---------------------------------------------------------------- the fixture

    public void setupCommunities() {
        tolerate(() -> net.as("committee", "committee1").submit(Transaction.REGISTER_COMMUNITY, "C1", "Lane 88 compound",
                "Pudong", POINTS, POLICY), "register C1", "CONFLICT");
        tolerate(() -> net.as("committee", "committee2").submit(Transaction.REGISTER_COMMUNITY, "C2", "Riverside estate",
                "Xuhui", POINTS, POLICY), "register C2", "CONFLICT");
        commit("leader", "leader1", "C1", "committee1");
        commit("leader", "leader2", "C2", "committee2");
        commit("supplier", "supplier1", "C1", "committee1");
        commit("supplier", "supplier2", "C1", "committee1");
        commit("supplier", "supplier2", "C2", "committee2");
        commit("courier", "courier1", "C1", "committee1");
    }

    private void commit(String org, String user, String c, String committee) {
        String id = "CM-" + user + "-" + c;
        tolerate(() -> net.as(org, user).submit(Transaction.SIGN, commitmentJson(id, org, user, c)), "sign " + id,
                "CONFLICT");
        tolerate(() -> net.as("committee", committee).submit(Transaction.COUNTERSIGN, id), "countersign " + id,
                "INVALID_STATE");
    }

    /** Opens, approves, orders (H-001, H-002), closes, accepts, packs, gets a slot and dispatches {@code gb}. */
    public void toInTransit(String gb, boolean withDetails) {
        Conn leader = net.as("leader", "leader1");
        Conn committee = net.as("committee", "committee1");
        Conn supplier = net.as("supplier", "supplier1");
        must(() -> leader.submit(Transaction.OPEN, groupBuyJson(gb, "C1", "SupplierMSP/supplier1")), "open " + gb);
        must(() -> committee.submit(Transaction.APPROVE, gb), "approve " + gb);
        must(() -> leader.submit(Transaction.ADD_HOUSEHOLD_ORDERS, gb,
                "[" + order(gb, "H-001", 1, 1) + "," + order(gb, "H-002", 2, 0) + "]"), "orders of " + gb);
        if (withDetails) {
            must(() -> leader.submitWith(Transaction.PUT_HOUSEHOLD_DETAILS, details("{\"H-001\":{\"name\":\"Fixture One\","
                    + "\"phone\":\"10000000001\",\"address\":\"Fixture Bldg 1\",\"salt\":\"5a1e0c9d3b7f2a6e8c4d0b1f9e3a7c5d\"},\"H-002\":{\"name\":\"Fixture Two\","
                    + "\"phone\":\"10000000002\",\"address\":\"Fixture Bldg 2\",\"salt\":\"5a1e0c9d3b7f2a6e8c4d0b1f9e3a7c5d\"}}"), DETAIL_ORGS, gb), "details " + gb);
        }
        must(() -> leader.submit(Transaction.RECORD_PAYMENT, gb, "H-001", "6300", h64("pay1" + gb)), "pay " + gb);
        must(() -> leader.submit(Transaction.CLOSE, gb), "close " + gb);
        must(() -> supplier.submit(Transaction.ACCEPT, gb, iso(Instant.now().plus(Duration.ofHours(6)))), "accept " + gb);
        must(() -> supplier.submit(Transaction.PACK, gb, "{\"lots\":[{\"sku\":\"RICE-5KG\",\"lot\":\"R-1\",\"quantity\":3},"
                + "{\"sku\":\"EGGS-30\",\"lot\":\"E-1\",\"quantity\":1}],\"evidenceHashes\":[\"" + h64("inspect" + gb)
                + "\"]}"), "pack " + gb);
        must(() -> leader.submit(Transaction.REQUEST_ARRIVAL, gb, freshSlot()), "request arrival " + gb);
        must(() -> committee.submit(Transaction.APPROVE_ARRIVAL, gb), "approve arrival " + gb);
        must(() -> net.as("courier", "courier1").submit(Transaction.DISPATCH, gb, "{\"passNumber\":\"SH-PASS-0042\","
                + "\"vehicle\":\"HU-A12345\",\"driverHealthCheckHash\":\"" + h64("driver" + gb) + "\"}"), "dispatch " + gb);
    }

    public static String received(int rice, int eggs) {
        return "{\"received\":[{\"sku\":\"RICE-5KG\",\"quantity\":" + rice + "},{\"sku\":\"EGGS-30\",\"quantity\":"
                + eggs + "}],\"staff\":[{\"staffRef\":\"V-01\",\"temperatureCheckHash\":\"" + h64("temp") + "\"}]}";
    }

    private void build() throws InterruptedException {
        long t0 = System.nanoTime();
        setupCommunities();
        // dispute group buy first: its one-minute rest runs while the rest is built
        toInTransit(gbDispute, false);
        Conn volunteer = net.as("committee", "volunteer1");
        must(() -> volunteer.submit(Transaction.ARRIVE, gbDispute, received(3, 1)), "arrive " + gbDispute);
        must(() -> volunteer.submit(Transaction.DISINFECT, gbDispute, "chlorine spray", "1"), "disinfect " + gbDispute);
        Instant restOver = Instant.now().plus(Duration.ofSeconds(62));
        toInTransit(gbTransit, true);
        must(() -> net.as("supplier", "supplier2").submit(Transaction.SIGN,
                commitmentJson(pendingCommitment, "supplier", "supplier2", "C1")), "sign " + pendingCommitment);
        must(() -> net.as("courier", "courier1").submit(Transaction.SIGN,
                commitmentJson(suspendedCommitment, "courier", "courier1", "C1")), "sign " + suspendedCommitment);
        must(() -> net.as("committee", "committee1").submit(Transaction.COUNTERSIGN, suspendedCommitment), "countersign");
        must(() -> net.as("committee", "committee1").submit(Transaction.SUSPEND, suspendedCommitment, "fixture"), "suspend");
        long wait = Duration.between(Instant.now(), restOver).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        must(() -> volunteer.submit(Transaction.DELIVER, gbDispute, "H-001", code(gbDispute, "H-001")), "deliver " + gbDispute);
        Result d = must(() -> net.as("leader", "leader1").submit(Transaction.OPEN_DISPUTE, gbDispute, "H-001", "eggs broken",
                "500"), "dispute " + gbDispute);
        disputeId = d.json().get("id").getAsString();
        net.waitInSync(30);
        System.out.printf("fixtures: %s IN_TRANSIT, %s DISINFECTED with dispute %s, built in %d s%n", gbTransit,
                gbDispute, disputeId, (System.nanoTime() - t0) / 1_000_000_000L);
    }
}
