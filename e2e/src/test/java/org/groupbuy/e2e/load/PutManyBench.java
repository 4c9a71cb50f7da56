package org.groupbuy.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.groupbuy.e2e.access.RealNet;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Status;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The import's yardstick (issue 15, acceptance 1): {@code KV:PutMany} of the baseline chaincode, driven exactly as
 * {@code groupbuy leader import} drives its batches: a {@link ClosedLoop} of {@code inFlight} submits of {@code batch}
 * keys of {@code valueSize} bytes, until {@code keys} keys are written. One line per transaction to
 * {@code groupbuy.putmany.out}. Run by {@code scripts/bench.sh}; tagged {@code bench}, never part of
 * {@code scripts/test.sh}.
 */
@Tag("bench")
class PutManyBench {
    private static final int KEYS = Integer.getInteger("groupbuy.putmany.keys", 10000);
    private static final int BATCH = Integer.getInteger("groupbuy.putmany.batch", 200);
    private static final int IN_FLIGHT = Integer.getInteger("groupbuy.putmany.inFlight", 8);
    private static final int VALUE_SIZE = Integer.getInteger("groupbuy.putmany.valueSize", 400);
    private static final String OUT = System.getProperty("groupbuy.putmany.out", "");
    private static final String RUN = System.getProperty("groupbuy.putmany.run", Long.toString(System.currentTimeMillis()));

    @Test
    void putManyInAClosedLoopOfTheImportsShape() throws Exception {
        int transactions = (KEYS + BATCH - 1) / BATCH;
        try (RealNet net = RealNet.open()) {
            Contract kv = net.as("leader", "leader1").network().getContract("kvbaseline", "KV");
            ClosedLoop.Result result = new ClosedLoop("putmany", transactions, IN_FLIGHT, 30).run(n -> {
                Status status = kv.newProposal("PutMany")
                        .addArguments("PM-" + RUN + "-" + n, Integer.toString(keys(n)), Integer.toString(VALUE_SIZE))
                        .build().endorse().submitAsync().getStatus();
                if (!status.isSuccessful()) {
                    System.out.println("putmany: transaction " + status.getTransactionId() + " committed as " + status.getCode());
                }
                return status.isSuccessful();
            }, PutManyBench::keys);
            System.out.printf(Locale.ROOT, "putmany: %d keys in %d transactions (batch %d, %d bytes, %d in flight) "
                    + "in %.1f s: %.0f keys/s; %d failed%n", KEYS, transactions, BATCH, VALUE_SIZE, IN_FLIGHT,
                    result.seconds(), KEYS / result.seconds(), result.failed());
            result.write(OUT);
            assertThat(result.failed()).as("PutMany transactions not committed as VALID").isZero();
        }
    }

    private static int keys(int n) {
        return Math.min(BATCH, KEYS - n * BATCH);
    }
}
