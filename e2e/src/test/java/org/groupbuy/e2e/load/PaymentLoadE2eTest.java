package org.groupbuy.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.groupbuy.client.connection.GatewayConnector;
import org.groupbuy.client.ledger.Chaincode;
import org.groupbuy.client.ledger.GroupBuyLedger;
import org.groupbuy.client.ledger.LedgerFailure;
import org.groupbuy.client.ledger.LedgerSession;
import org.groupbuy.client.ledger.RetryPolicy;
import org.groupbuy.client.ledger.Transaction;
import org.groupbuy.e2e.access.Fixtures;
import org.groupbuy.e2e.access.RealNet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * RecordPayment at the benchmark's saturation rate through the client's API (issue 17): each
 * payment reads the household's earlier payments, so endorsing peers a block apart answer
 * differently ("ProposalResponsePayloads do not match") and payments of one household conflict at
 * commit. The API retries those as new transactions: no call may fail for them. Bounded: a fixed
 * number of payments at a fixed rate, then it waits for the last one.
 */
@Tag("e2e")
class PaymentLoadE2eTest {
    private static final int HOUSEHOLDS = 50;
    private static final int PAYMENTS = Integer.getInteger("groupbuy.load.payments", 400);
    private static final int PER_SECOND = Integer.getInteger("groupbuy.load.rate", 25);

    @Test
    void recordPaymentAtTheSaturationRateNeverFailsForPeersOutOfStep() throws Exception {
        RealNet net = RealNet.open();
        Fixtures fixtures = Fixtures.communitiesOn(net);
        String gb = "GB-LOAD-" + fixtures.run;
        RealNet.Conn leader = net.as("leader", "leader1");
        Fixtures.must(() -> leader.submit(Transaction.OPEN, Fixtures.groupBuyJson(gb, "C1", "SupplierMSP/supplier1")),
                "open " + gb);
        Fixtures.must(() -> net.as("committee", "committee1").submit(Transaction.APPROVE, gb), "approve " + gb);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            orders.add(Fixtures.order(gb, "H-" + (100 + i), 1, 1));
        }
        Fixtures.must(() -> leader.submit(Transaction.ADD_HOUSEHOLD_ORDERS, gb, "[" + String.join(",", orders) + "]"),
                "orders of " + gb);
        assertThat(net.waitInSync(30)).as("peers in sync before the load").isTrue();

        // -Dgroupbuy.load.retry=none: the same load without the API's retries, to see what they absorb
        boolean noRetry = "none".equals(System.getProperty("groupbuy.load.retry"));
        LedgerSession session = noRetry ? new GatewayConnector(RetryPolicy.none()).connect(net.org("leader").settings())
                : leader.session();
        Chaincode chaincode = session.chaincode();
        GroupBuyLedger ledger = new GroupBuyLedger(chaincode);
        long retriesBefore = chaincode.retries();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        Map<String, String> messages = new ConcurrentHashMap<>();
        AtomicInteger committed = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(48);
        List<Future<?>> sent = new ArrayList<>();
        long start = System.nanoTime();
        for (int n = 0; n < PAYMENTS; n++) {
            long due = start + n * 1_000_000_000L / PER_SECOND;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String household = "H-" + (100 + n % HOUSEHOLDS);
            String ref = Fixtures.h64("load payment " + gb + " " + n);
            sent.add(senders.submit(() -> {
                try {
                    ledger.recordPayment(gb, household, 100, ref);
                    committed.incrementAndGet();
                } catch (LedgerFailure f) {
                    failures.computeIfAbsent(f.phase() + " " + f.code(), k -> new AtomicInteger()).incrementAndGet();
                    messages.putIfAbsent(f.phase() + " " + f.code(), f.getMessage());
                }
            }));
        }
        for (Future<?> f : sent) {
            f.get(5, TimeUnit.MINUTES);
        }
        senders.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        long retries = chaincode.retries() - retriesBefore;
        Map<String, Integer> failed = new TreeMap<>();
        failures.forEach((k, v) -> failed.put(k, v.get()));
        System.out.printf("payment load: %d RecordPayment at %d/s over %d households in %.1f s: %d committed, "
                + "%d retries %s, failed %s%n", PAYMENTS, PER_SECOND, HOUSEHOLDS, seconds, committed.get(), retries,
                chaincode.retriesByCode(), failed);
        if (noRetry) {
            session.close();
        }

        messages.forEach((code, message) -> System.out.println("payment load: first " + code + ": " + message));
        // what the API retries never reaches the caller; an orderer that refused an envelope is not
        // retried (it may still order it), so such a failure is told apart, not hidden
        assertThat(failed.keySet()).as("calls that failed for peers out of step or read conflicts")
                .noneMatch(k -> k.endsWith(LedgerFailure.ENDORSEMENT_MISMATCH) || k.endsWith("READ_CONFLICT"));
        int notRetriable = failed.entrySet().stream().filter(e -> e.getKey().startsWith("SUBMIT"))
                .mapToInt(Map.Entry::getValue).sum();
        assertThat(failed.values().stream().mapToInt(Integer::intValue).sum()).as("failures other than at the orderer")
                .isEqualTo(notRetriable);
        assertThat(committed.get()).isEqualTo(PAYMENTS - notRetriable);
        net.close();
    }
}
