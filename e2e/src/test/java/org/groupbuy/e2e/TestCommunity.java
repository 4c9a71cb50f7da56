package org.groupbuy.e2e;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.groupbuy.client.ledger.Transaction;

/**
 * Community C3 of the test cast (leader3, committee3, volunteer3 in network/cast.txt): no rest time
 * after disinfection, a roomy hand-over point, and ACTIVE commitments of leader3, supplier1 and
 * courier1. Set up once per JVM; every step tolerates having been done by an earlier run.
 */
public final class TestCommunity {
    public static final String ID = "C3";
    public static final String SUPPLIER = "SupplierMSP/supplier1";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static boolean ready;

    private TestCommunity() {
    }

    public static Ledger leader() {
        return Ledger.as("leader", "leader3");
    }

    public static Ledger committee() {
        return Ledger.as("committee", "committee3");
    }

    public static Ledger volunteer() {
        return Ledger.as("committee", "volunteer3");
    }

    public static Ledger supplier() {
        return Ledger.as("supplier", "supplier1");
    }

    public static Ledger courier() {
        return Ledger.as("courier", "courier1");
    }

    public static Ledger regulator() {
        return Ledger.as("regulator", "regulator1");
    }

    /**
     * The leader records a supplier payment of {@code cents} and supplier1 confirms it (Settle counts only
     * confirmed ones); returns the payment's id.
     */
    public static String paySupplier(String groupBuy, long cents) {
        String payment = leader().submit(Transaction.RECORD_SUPPLIER_PAYMENT, groupBuy, Long.toString(cents),
                GroupBuyFixture.hash("supplier " + groupBuy)).getAsJsonObject().get("txId").getAsString();
        supplier().submit(Transaction.CONFIRM_SUPPLIER_PAYMENT, groupBuy, payment);
        return payment;
    }

    public static synchronized void ready() {
        if (ready) {
            return;
        }
        tolerate("[CONFLICT]", () -> committee().submit(Transaction.REGISTER_COMMUNITY, ID, "E2E test lane", "Jing'an",
                "[{\"id\":\"HP1\",\"name\":\"Test gate\"}]",
                "{\"dailyCapacity\":{\"HP1\":500},\"minRestMinutes\":{\"GUARANTEE\":0,\"IMPROVEMENT\":0},"
                        + "\"maxLeaderFeePercent\":5,\"approvalRequired\":true}"));
        commit(leader(), "leader3", "[\"SOURCE_SAFETY\",\"WAREHOUSING\",\"TRANSSHIPMENT\",\"DISTRIBUTION\","
                + "\"DISINFECTION\",\"OFFLINE_RESIDENT_CARE\"]", "HEALTH_CERTIFICATE");
        commit(supplier(), "supplier1", "[\"QUALITY\",\"STATED_PRICES\",\"INSPECTION\"]", "BUSINESS_LICENCE");
        commit(courier(), "courier1", "[\"TRANSPORT_PASS\",\"HEALTH_CHECKS\",\"COLD_CHAIN\"]", "TRANSPORT_PASS");
        ready = true;
    }

    private static void commit(Ledger party, String user, String obligations, String credential) {
        String id = "CM-" + user + "-" + ID;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String until = now.plus(90, ChronoUnit.DAYS).toString();
        String json = "{\"id\":\"" + id + "\",\"community\":\"" + ID + "\",\"obligations\":" + obligations
                + ",\"statementHash\":\"" + sha256("statement " + id) + "\",\"credentials\":[{\"type\":\"" + credential
                + "\",\"hash\":\"" + sha256(credential + " " + user) + "\",\"expires\":\"" + until + "\"}],"
                + "\"validFrom\":\"" + now.minus(1, ChronoUnit.DAYS) + "\",\"validUntil\":\"" + until + "\"}";
        tolerate("[CONFLICT]", () -> party.submit(Transaction.SIGN, json));
        tolerate("[INVALID_STATE]", () -> committee().submit(Transaction.COUNTERSIGN, id));
    }

    /** A group buy id no earlier run used. */
    public static String newGroupBuyId(String what) {
        return "GB-E2E-" + what + "-" + System.currentTimeMillis() + "-" + SEQUENCE.incrementAndGet();
    }

    /** A day of its own for this run's arrival slots (the demo and smoke book other days). */
    public static String slotDay() {
        long days = (System.currentTimeMillis() / 1000 / 7) % 3000 + 6200;
        return Instant.now().plus(days, ChronoUnit.DAYS).toString().substring(0, 10);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void tolerate(String code, Runnable step) {
        try {
            step.run();
        } catch (AssertionError e) {
            if (!String.valueOf(e.getMessage()).contains(code)) {
                throw e;
            }
        }
    }
}
