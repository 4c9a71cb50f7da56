package org.groupbuy.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groupbuy.client.ledger.GroupBuyLedger;
import org.groupbuy.client.ledger.LedgerFailure;
import org.groupbuy.e2e.access.Fixtures;
import org.groupbuy.e2e.access.RealNet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The data generator of scripts/bench.sh (issue 15, acceptance 4): {@code orders} household orders added by leader1
 * through {@link GroupBuyLedger#addHouseholdOrders} in batches of {@code batch}, round-robin over the OPEN group buys
 * {@code groupBuys}, in a {@link ClosedLoop} of {@code inFlight} submits, so that the ledger grows as fast as the
 * network commits and no faster. One line per transaction to {@code groupbuy.fill.out}. Tagged {@code bench}.
 */
@Tag("bench")
class FillBench {
    private static final int ORDERS = Integer.getInteger("groupbuy.fill.orders", 10000);
    private static final int BATCH = Integer.getInteger("groupbuy.fill.batch", 200);
    private static final int IN_FLIGHT = Integer.getInteger("groupbuy.fill.inFlight", 8);
    private static final String GROUP_BUYS = System.getProperty("groupbuy.fill.groupBuys", "");
    private static final String OUT = System.getProperty("groupbuy.fill.out", "");
    private static final String RUN = System.getProperty("groupbuy.fill.run", Long.toString(System.currentTimeMillis()));

    @Test
    void fillTheLedgerInAClosedLoop() throws Exception {
        String[] groupBuys = GROUP_BUYS.split(",");
        assertThat(GROUP_BUYS).as("-Dgroupbuy.fill.groupBuys: the OPEN group buys to fill, comma-separated").isNotBlank();
        int transactions = (ORDERS + BATCH - 1) / BATCH;
        try (RealNet net = RealNet.open()) {
            GroupBuyLedger ledger = GroupBuyLedger.of(net.as("leader", "leader1").session());
            ClosedLoop.Result result = new ClosedLoop("fill", transactions, IN_FLIGHT, 24 * 60).run(n -> {
                String gb = groupBuys[n % groupBuys.length];
                List<String> orders = new ArrayList<>(orders(n));
                for (int i = 0; i < orders(n); i++) {
                    orders.add(Fixtures.order(gb, "H-F" + RUN + "-" + n + "-" + i, 1, 0));
                }
                try {
                    ledger.addHouseholdOrders(gb, "[" + String.join(",", orders) + "]");
                    return true;
                } catch (LedgerFailure e) {
                    System.out.println("fill: transaction " + n + " on " + gb + " failed: " + e.getMessage());
                    return false;
                }
            }, FillBench::orders);
            System.out.printf(Locale.ROOT, "fill: %d orders in %d transactions (batch %d, %d in flight, %d group buys) "
                    + "in %.1f s: %.0f orders/s; %d failed, %d retries%n", ORDERS, transactions, BATCH, IN_FLIGHT,
                    groupBuys.length, result.seconds(), ORDERS / result.seconds(), result.failed(), ledger.retries());
            result.write(OUT);
            assertThat(result.failed()).as("AddHouseholdOrders transactions that failed").isZero();
        }
    }

    private static int orders(int n) {
        return Math.min(BATCH, ORDERS - n * BATCH);
    }
}
