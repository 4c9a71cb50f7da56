package org.groupbuy.e2e.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.groupbuy.client.ledger.Transaction;
import org.groupbuy.e2e.access.RealNet.Result;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every transaction of the chaincode x every identity of the standard cast (plus the leader org's
 * admin, which carries no role), called on the real network. The expected table is
 * docs/contract.md's "who" column, written as data below. Each cell is evaluated (the chaincode
 * runs on a peer; nothing is ordered, so nothing changes) against fixtures where only the
 * caller's rights decide: an allowed cell must succeed or fail with any coded error but
 * FORBIDDEN; a refused cell must fail with FORBIDDEN.
 */
@Tag("e2e")
class AccessMatrixTest {
    /** label, org, user. */
    static final String[][] CAST = {
        {"L1", "leader", "leader1"}, {"L2", "leader", "leader2"}, {"S1", "supplier", "supplier1"},
        {"S2", "supplier", "supplier2"}, {"K1", "courier", "courier1"}, {"CM1", "committee", "committee1"},
        {"CM2", "committee", "committee2"}, {"V1", "committee", "volunteer1"}, {"V2", "committee", "volunteer2"},
        {"R1", "regulator", "regulator1"}, {"ADM", "leader", "admin"},
    };
    static final Set<String> ROLES = Set.of("L1", "L2", "S1", "S2", "K1", "CM1", "CM2", "V1", "V2", "R1");

    /** One row: the transaction, who may call it (docs/contract.md), its arguments per caller. */
    record Row(Transaction tx, Set<String> allowed, Function<String[], String[]> args, boolean details) {
    }

    static Row row(Transaction tx, Set<String> allowed, String... args) {
        return new Row(tx, allowed, who -> args, false);
    }

    static List<Row> rows(Fixtures f) {
        String t = f.gbTransit;
        String h = Fixtures.h64("matrix");
        String day = Instant.now().truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10);
        List<Row> r = new ArrayList<>();
        // Commitment
        r.add(row(Transaction.REGISTER_COMMUNITY, Set.of("CM1"), "C1", "Lane 88", "Pudong", Fixtures.POINTS,
                Fixtures.POLICY));
        r.add(new Row(Transaction.SIGN, Set.of("L1", "S1", "S2", "K1"), who -> new String[] {
            Fixtures.commitmentJson("CM-X-" + who[2] + "-" + f.run, who[1], who[2], "C1")}, false));
        r.add(row(Transaction.COUNTERSIGN, Set.of("CM1"), f.pendingCommitment));
        r.add(row(Transaction.SUSPEND, Set.of("CM1", "R1"), "CM-leader1-C1", "matrix"));
        r.add(row(Transaction.REINSTATE, Set.of("CM1"), f.suspendedCommitment));
        r.add(row(Transaction.REVOKE, Set.of("CM1"), f.pendingCommitment, "matrix"));
        r.add(row(Transaction.GET_COMMITMENT, ROLES, "CM-leader1-C1"));
        r.add(row(Transaction.LIST_COMMITMENTS, ROLES, "C1"));
        // GroupBuy, on the IN_TRANSIT group buy (its leader leader1, supplier supplier1, courier courier1)
        r.add(new Row(Transaction.OPEN, Set.of("L1"), who -> new String[] {
            Fixtures.groupBuyJson("GB-X-" + who[2] + "-" + f.run, "C1", "SupplierMSP/supplier1")}, false));
        r.add(row(Transaction.APPROVE, Set.of("CM1"), t));
        r.add(row(Transaction.DECLINE, Set.of("CM1"), t, "matrix"));
        r.add(row(Transaction.ADD_HOUSEHOLD_ORDERS, Set.of("L1"), t, "[" + Fixtures.order(t, "H-009", 1, 0) + "]"));
        r.add(new Row(Transaction.PUT_HOUSEHOLD_DETAILS, Set.of("L1", "CM1"), who -> new String[] {t}, true));
        r.add(row(Transaction.CANCEL_HOUSEHOLD_ORDER, Set.of("L1"), t, "H-002"));
        r.add(row(Transaction.CLOSE, Set.of("L1"), t));
        r.add(row(Transaction.CANCEL, Set.of("L1"), t, "matrix"));
        r.add(row(Transaction.ACCEPT, Set.of("S1"), t, Fixtures.iso(Instant.now().plusSeconds(7200))));
        r.add(row(Transaction.REJECT, Set.of("S1"), t, "matrix"));
        r.add(row(Transaction.PACK, Set.of("S1"), t, "{\"lots\":[{\"sku\":\"RICE-5KG\",\"lot\":\"R-9\",\"quantity\":1}],"
                + "\"evidenceHashes\":[\"" + h + "\"]}"));
        r.add(row(Transaction.REQUEST_ARRIVAL, Set.of("L1"), t, Fixtures.iso(Instant.now().plusSeconds(86400 * 300))));
        r.add(row(Transaction.APPROVE_ARRIVAL, Set.of("CM1"), t));
        r.add(row(Transaction.ARRIVAL_QUEUE, ROLES, "C1", day));
        r.add(row(Transaction.DISPATCH, Set.of("K1"), t, "{\"passNumber\":\"SH-1\",\"vehicle\":\"HU-1\","
                + "\"driverHealthCheckHash\":\"" + h + "\"}"));
        r.add(row(Transaction.CHECKPOINT, Set.of("K1"), t, "Xupu bridge", "matrix"));
        r.add(row(Transaction.REPORT_INCIDENT, Set.of("S1", "K1", "CM1"), t, "DELAY", h));
        r.add(row(Transaction.RESOLVE_INCIDENT, Set.of("CM1"), t, "RELEASE"));
        r.add(row(Transaction.ARRIVE, Set.of("CM1", "V1"), t, Fixtures.received(3, 1)));
        r.add(row(Transaction.DISINFECT, Set.of("CM1", "V1"), t, "spray", "1"));
        r.add(row(Transaction.DELIVER, Set.of("V1", "L1"), t, "H-001", Fixtures.code(t, "H-001")));
        r.add(row(Transaction.MARK_UNDELIVERABLE, Set.of("V1", "CM1", "L1"), t, "H-001", "matrix"));
        r.add(row(Transaction.COMPLETE, Set.of("L1", "CM1"), t));
        r.add(row(Transaction.RECORD_PAYMENT, Set.of("L1"), t, "H-002", "100", h));
        r.add(row(Transaction.RECORD_SUPPLIER_PAYMENT, Set.of("L1"), t, "100", h));
        r.add(row(Transaction.RECORD_REFUND, Set.of("L1"), t, "H-001", "100", h));
        r.add(row(Transaction.RECORD_SUPPLIER_REFUND, Set.of("S1"), t, "100", h));
        String noEntry = Fixtures.h64("no such payment");
        r.add(row(Transaction.CONFIRM_SUPPLIER_PAYMENT, Set.of("S1"), t, noEntry));
        r.add(row(Transaction.WITHDRAW_SUPPLIER_PAYMENT, Set.of("L1"), t, noEntry));
        r.add(row(Transaction.CONFIRM_SUPPLIER_REFUND, Set.of("L1"), t, noEntry));
        r.add(row(Transaction.WITHDRAW_SUPPLIER_REFUND, Set.of("S1"), t, noEntry));
        r.add(row(Transaction.SETTLE, Set.of("L1", "CM1"), t));
        r.add(row(Transaction.OPEN_DISPUTE, Set.of("L1", "CM1"), f.gbDispute, "H-001", "matrix", "100"));
        r.add(row(Transaction.RULE_DISPUTE, Set.of("CM1"), f.disputeId, "REJECTED", "0", ""));
        // Audit
        r.add(row(Transaction.GET_GROUP_BUY, ROLES, t));
        r.add(row(Transaction.LIST_GROUP_BUYS, ROLES, "C1", "", "10", ""));
        r.add(row(Transaction.LIST_HOUSEHOLD_ORDERS, ROLES, t, "10", ""));
        r.add(new Row(Transaction.GET_HOUSEHOLD_DETAILS, Set.of("L1", "CM1"), who -> new String[] {t, "H-001"}, true));
        r.add(row(Transaction.TRACE, ROLES, t));
        r.add(row(Transaction.TRACE_HOUSEHOLD, ROLES, t, "H-001"));
        r.add(row(Transaction.PARTY_RECORD, ROLES, "SupplierMSP/supplier1"));
        r.add(row(Transaction.VERIFY_EVIDENCE, ROLES, Fixtures.h64("inspect" + t)));
        return r;
    }

    @Test
    void everyTransactionTimesEveryIdentityMatchesTheContract() throws Exception {
        Fixtures f = Fixtures.get();
        RealNet net = f.net;
        List<Row> rows = rows(f);
        assertThat(rows.stream().map(Row::tx)).as("one row per transaction of the chaincode")
                .containsExactlyInAnyOrder(Transaction.values());
        long t0 = System.nanoTime();
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (Row row : rows) {
            Map<String, String> line = new LinkedHashMap<>();
            for (String[] who : CAST) {
                RealNet.Conn conn = net.as(who[1], who[2]);
                String[] args = row.args().apply(who);
                Result res = row.details()
                        ? conn.evaluateWith(row.tx(), Fixtures.details("{\"H-001\":{\"name\":\"Matrix Test\","
                                + "\"phone\":\"10000000009\",\"address\":\"Matrix Bldg\",\"salt\":\"5a1e0c9d3b7f2a6e8c4d0b1f9e3a7c5d\"}}"), Fixtures.DETAIL_ORGS, args)
                        : conn.evaluate(row.tx(), args);
                cells++;
                boolean expectAllowed = row.allowed().contains(who[0]);
                boolean uncoded = !res.ok() && !RealNet.CHAINCODE_CODES.contains(res.code());
                boolean good = expectAllowed ? !uncoded && !"FORBIDDEN".equals(res.code())
                        : "FORBIDDEN".equals(res.code());
                String cell = abbreviate(res) + (good ? "" : "!");
                line.put(who[0], cell);
                if (!good) {
                    mismatches.add(String.format("%s as %s (%s/%s): expected %s, got %s", row.tx(), who[0], who[1],
                            who[2], expectAllowed ? "allowed" : "FORBIDDEN", res));
                }
            }
            table.put(row.tx().qualifiedName(), line);
        }
        long secs = (System.nanoTime() - t0) / 1_000_000_000L;
        print(table);
        System.out.printf("access matrix: %d transactions x %d identities = %d cells in %d s, %d differ from "
                + "docs/contract.md%n", rows.size(), CAST.length, cells, secs, mismatches.size());
        mismatches.forEach(m -> System.out.println("  DIFFERS: " + m));
        assertThat(mismatches).as("cells that differ from docs/contract.md").isEmpty();
    }

    static String abbreviate(Result r) {
        if (r.ok()) {
            return "ok";
        }
        return switch (r.code()) {
            case "FORBIDDEN" -> "--";
            case "INVALID_STATE" -> "st";
            case "NOT_FOUND" -> "nf";
            case "CONFLICT" -> "cf";
            case "INVALID_ARGUMENT" -> "arg";
            case "EXPIRED" -> "exp";
            default -> "ERR";
        };
    }

    static void print(Map<String, Map<String, String>> table) {
        StringBuilder sb = new StringBuilder();
        sb.append("\nAccess matrix (ok = allowed and succeeded; st/nf/cf/arg/exp = allowed, refused for state/"
                + "not found/conflict/argument/expiry; -- = FORBIDDEN; ! = differs from docs/contract.md)\n");
        sb.append(String.format("%-32s", "transaction"));
        for (String[] who : CAST) {
            sb.append(String.format("%-6s", who[0]));
        }
        sb.append('\n');
        table.forEach((tx, line) -> {
            sb.append(String.format("%-32s", tx));
            line.values().forEach(c -> sb.append(String.format("%-6s", c)));
            sb.append('\n');
        });
        System.out.println(sb);
    }
}
