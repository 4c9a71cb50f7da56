package org.groupbuy.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.groupbuy.client.ledger.Chaincode;
import org.groupbuy.client.ledger.GroupBuyLedger;
import org.groupbuy.client.orders.HouseholdImport;
import org.groupbuy.client.orders.HouseholdOrder;
import org.groupbuy.client.orders.ImportPipeline;
import org.groupbuy.client.orders.ImportedHouseholds;
import org.groupbuy.client.orders.PickupCode;
import org.groupbuy.client.ledger.Transaction;
import org.groupbuy.e2e.access.Fixtures;
import org.groupbuy.e2e.access.RealNet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A district's lockdown morning (issue 15): many leaders of many communities import their sheets
 * into group buys of their own at the same time, each through the CLI's own import pipeline
 * (orders, then personal details, batches in flight), then close. Prints the figures; checks on the
 * ledger that no order is lost or counted twice. Run by {@code scripts/district-day.sh}, which
 * enrolls the identities first; tagged {@code bench}, never part of {@code scripts/test.sh}.
 */
@Tag("bench")
class DistrictDayBench {
    private static final int COMMUNITIES = Integer.getInteger("groupbuy.district.communities", 10);
    private static final int LEADERS = Integer.getInteger("groupbuy.district.leaders", 5);
    private static final int HOUSEHOLDS = Integer.getInteger("groupbuy.district.households", 1000);
    private static final int BATCH = Integer.getInteger("groupbuy.district.batch", 100);
    private static final int IN_FLIGHT = Integer.getInteger("groupbuy.district.inFlight", 1);
    private static final String RUN = System.getProperty("groupbuy.district.run", Long.toString(System.currentTimeMillis() / 1000));

    /** One leader's morning: its group buy, its import and close times. */
    private record Leader(String community, String user, String committee, String groupBuy) {
    }

    private record Morning(Leader leader, long importMillis, long closeMillis, int committed, int stored,
            String failure, long retries, Map<String, Long> retriesByCode) {
    }

    @Test
    void leadersOfADistrictImportAndCloseAtOnce() throws Exception {
        RealNet net = RealNet.open();
        List<Leader> leaders = new ArrayList<>();
        for (int c = 1; c <= COMMUNITIES; c++) {
            for (int l = 1; l <= LEADERS; l++) {
                leaders.add(new Leader("D" + c, "d" + c + "-leader" + l, "d" + c + "-committee",
                        "GB-DD-" + RUN + "-" + c + "-" + l));
            }
        }
        long setupStart = System.nanoTime();
        setUp(net, leaders);
        System.out.printf("district day: set up %d communities, %d leaders, %d group buys in %.1f s%n", COMMUNITIES,
                leaders.size(), leaders.size(), (System.nanoTime() - setupStart) / 1e9);

        ExecutorService morning = Executors.newFixedThreadPool(leaders.size());
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        List<Future<Morning>> runs = new ArrayList<>();
        for (Leader leader : leaders) {
            runs.add(morning.submit(() -> importAndClose(net, leader)));
        }
        List<Morning> mornings = new ArrayList<>();
        for (Future<Morning> run : runs) {
            mornings.add(run.get(60, TimeUnit.MINUTES));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        morning.shutdown();
        // the timed window, for scripts/district-day.sh to take the network's CPU over it alone
        System.out.printf("district day: window %d %d%n", startMillis, System.currentTimeMillis());

        Map<String, Long> retriesByCode = new TreeMap<>();
        mornings.forEach(m -> m.retriesByCode().forEach((k, v) -> retriesByCode.merge(k, v, Long::sum)));
        int households = leaders.size() * HOUSEHOLDS;
        List<Long> imports = mornings.stream().map(Morning::importMillis).sorted().toList();
        List<Long> closes = mornings.stream().map(Morning::closeMillis).sorted().toList();
        long failures = mornings.stream().filter(m -> m.failure() != null).count();
        System.out.printf("district day: %d leaders x %d households = %d households imported and closed in %.1f s: "
                + "%.0f households/s; import per leader p50 %.1f s, p95 %.1f s, max %.1f s; close p50 %.1f s, p95 %.1f s; "
                + "%d retries %s (MVCC/phantom conflicts: %d); %d leaders failed%n",
                leaders.size(), HOUSEHOLDS, households, seconds, households / seconds, pct(imports, 50) / 1e3,
                pct(imports, 95) / 1e3, imports.get(imports.size() - 1) / 1e3, pct(closes, 50) / 1e3,
                pct(closes, 95) / 1e3, retriesByCode.values().stream().mapToLong(Long::longValue).sum(), retriesByCode,
                retriesByCode.entrySet().stream().filter(e -> e.getKey().contains("CONFLICT"))
                        .mapToLong(Map.Entry::getValue).sum(), failures);
        mornings.stream().filter(m -> m.failure() != null).forEach(m ->
                System.out.println("district day: " + m.leader().user() + " failed: " + m.failure()));

        // on the ledger: every group buy SUBMITTED with exactly its households (ImportedHouseholds reads
        // every page; an order's key is its household's, so none can be there twice)
        int lost = 0;
        int onLedger = 0;
        RealNet.Conn regulator = net.as("regulator", "regulator1");
        GroupBuyLedger reader = new GroupBuyLedger(regulator.chaincode());
        for (Leader leader : leaders) {
            int found = ImportedHouseholds.read(reader, leader.groupBuy()).size();
            onLedger += found;
            lost += HOUSEHOLDS - found;
            String status = regulator.evaluate(Transaction.GET_GROUP_BUY, leader.groupBuy()).json()
                    .get("status").getAsString();
            assertThat(status).as("status of " + leader.groupBuy()).isEqualTo("SUBMITTED");
        }
        System.out.printf("district day: on the ledger %d orders in %d group buys: %d lost%n", onLedger,
                leaders.size(), lost);
        assertThat(failures).as("leaders whose import or close failed").isZero();
        assertThat(lost).as("households lost").isZero();
        net.close();
    }

    private static void setUp(RealNet net, List<Leader> leaders) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> steps = new ArrayList<>();
        for (int c = 1; c <= COMMUNITIES; c++) {
            String community = "D" + c;
            String committee = "d" + c + "-committee";
            steps.add(pool.submit(() -> {
                Fixtures.tolerate(() -> net.as("committee", committee).submit(Transaction.REGISTER_COMMUNITY, community,
                        "District estate " + community, "District", Fixtures.POINTS, Fixtures.POLICY),
                        "register " + community, "CONFLICT");
                commit(net, "supplier", "supplier1", community, committee);
            }));
        }
        await(steps);
        steps.clear();
        for (Leader leader : leaders) {
            steps.add(pool.submit(() -> {
                commit(net, "leader", leader.user(), leader.community(), leader.committee());
                Fixtures.must(() -> net.as("leader", leader.user()).submit(Transaction.OPEN,
                        Fixtures.groupBuyJson(leader.groupBuy(), leader.community(), "SupplierMSP/supplier1")),
                        "open " + leader.groupBuy());
                Fixtures.must(() -> net.as("committee", leader.committee()).submit(Transaction.APPROVE,
                        leader.groupBuy()), "approve " + leader.groupBuy());
            }));
        }
        await(steps);
        pool.shutdown();
    }

    private static void commit(RealNet net, String org, String user, String community, String committee) {
        String id = "CM-" + user + "-" + community;
        Fixtures.tolerate(() -> net.as(org, user).submit(Transaction.SIGN,
                Fixtures.commitmentJson(id, org, user, community)), "sign " + id, "CONFLICT");
        Fixtures.tolerate(() -> net.as("committee", committee).submit(Transaction.COUNTERSIGN, id),
                "countersign " + id, "INVALID_STATE");
    }

    private static void await(List<Future<?>> steps) throws Exception {
        for (Future<?> step : steps) {
            step.get(20, TimeUnit.MINUTES);
        }
    }

    /** The leader's sheet through the CLI's pipeline (orders, then details), then Close. */
    private static Morning importAndClose(RealNet net, Leader leader) throws Exception {
        RealNet.Conn conn = net.as("leader", leader.user());
        Chaincode chaincode = conn.chaincode();
        long retriesBefore = chaincode.retries();
        Map<String, Long> byCodeBefore = new TreeMap<>(chaincode.retriesByCode());
        List<List<HouseholdOrder>> batches = new ArrayList<>();
        for (int from = 0; from < HOUSEHOLDS; from += BATCH) {
            List<HouseholdOrder> batch = new ArrayList<>();
            for (int i = from; i < Math.min(HOUSEHOLDS, from + BATCH); i++) {
                batch.add(household(leader, i));
            }
            batches.add(batch);
        }
        long t0 = System.nanoTime();
        ImportPipeline.Outcome outcome = new ImportPipeline(new HouseholdImport(new GroupBuyLedger(chaincode), leader.groupBuy(),
                new SecureRandom()), IN_FLIGHT).run(batches, new ImportPipeline.Listener() {
                    @Override
                    public void ordersCommitted(int index, List<HouseholdOrder> batch, Map<String, PickupCode> codes) {
                    }

                    @Override
                    public void detailsStored(int index, List<HouseholdOrder> batch) {
                    }
                });
        long t1 = System.nanoTime();
        String failure = outcome.ok() ? null : outcome.failures().get(0).stage() + " " + outcome.failures().get(0).cause();
        long t2 = t1;
        if (failure == null) {
            RealNet.Result closed = conn.submit(Transaction.CLOSE, leader.groupBuy());
            t2 = System.nanoTime();
            failure = closed.ok() ? null : "Close: " + closed;
        }
        Map<String, Long> byCode = new TreeMap<>();
        chaincode.retriesByCode().forEach((k, v) -> {
            long d = v - byCodeBefore.getOrDefault(k, 0L);
            if (d > 0) {
                byCode.put(k, d);
            }
        });
        return new Morning(leader, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, outcome.committed(),
                outcome.detailsStored(), failure, chaincode.retries() - retriesBefore, byCode);
    }

    private static HouseholdOrder household(Leader leader, int i) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        quantities.put("RICE-5KG", i % 2 + 1);
        if (i % 3 != 0) {
            quantities.put("EGGS-30", 1);
        }
        String ref = String.format(java.util.Locale.ROOT, "H-%05d", i + 1);
        return new HouseholdOrder(ref, "Resident " + (i + 1), String.format(java.util.Locale.ROOT, "139%08d", i + 1),
                "Building " + (i % 50 + 1) + " Room " + (i % 400 + 100), quantities, false);
    }

    private static double pct(List<Long> sorted, int p) {
        int i = Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        return sorted.get(i);
    }
}
