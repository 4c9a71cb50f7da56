package org.groupbuy.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.groupbuy.e2e.access.RealNet;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Status;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The import's yardstick (issue 15, acceptance 1): {@code KV:PutMany} of the baseline chaincode, driven exactly as
 * {@code groupbuy leader import} drives its batches: a closed loop of {@code inFlight} submits, each waiting for its
 * commit before the next starts, {@code batch} keys of {@code valueSize} bytes per transaction, until {@code keys} keys
 * are written. Caliper's fixed-load controller sent three times the load before the first answer and then slept for
 * tens of seconds, so its figure measured the controller. Writes one line per transaction
 * ({@code startMillis,endMillis,1,keys}) to {@code groupbuy.putmany.out} for benchmarks/summarize.js. Run by
 * {@code scripts/bench.sh}; tagged {@code bench}, never part of {@code scripts/test.sh}.
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
            AtomicInteger next = new AtomicInteger();
            List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
            long start = System.nanoTime();
            List<Future<Integer>> loops = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                loops.add(pool.submit(() -> {
                    int failed = 0;
                    for (int n = next.getAndIncrement(); n < transactions; n = next.getAndIncrement()) {
                        int keys = Math.min(BATCH, KEYS - n * BATCH);
                        long t0 = System.currentTimeMillis();
                        Status status = kv.newProposal("PutMany")
                                .addArguments("PM-" + RUN + "-" + n, Integer.toString(keys), Integer.toString(VALUE_SIZE))
                                .build().endorse().submitAsync().getStatus();
                        long t1 = System.currentTimeMillis();
                        if (status.isSuccessful()) {
                            lines.add(t0 + "," + t1 + ",1," + keys);
                        } else {
                            failed++;
                            lines.add(t0 + "," + t1 + ",0," + keys);
                            System.out.println("putmany: transaction " + status.getTransactionId() + " committed as "
                                    + status.getCode());
                        }
                    }
                    return failed;
                }));
            }
            int failed = 0;
            for (Future<Integer> loop : loops) {
                failed += loop.get(30, TimeUnit.MINUTES);
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "putmany: %d keys in %d transactions (batch %d, %d bytes, %d in flight) "
                    + "in %.1f s: %.0f keys/s; %d failed%n", KEYS, transactions, BATCH, VALUE_SIZE, IN_FLIGHT, seconds,
                    KEYS / seconds, failed);
            write(lines);
            assertThat(failed).as("PutMany transactions not committed as VALID").isZero();
        }
    }

    private static void write(List<String> lines) throws IOException {
        if (!OUT.isBlank()) {
            Files.write(Path.of(OUT), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
