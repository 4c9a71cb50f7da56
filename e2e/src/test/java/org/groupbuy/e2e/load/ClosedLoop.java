package org.groupbuy.e2e.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A closed loop of submits, the shape in which {@code groupbuy leader import} drives the ledger: {@code inFlight}
 * senders, each waiting for its transaction's commit before it sends the next, until {@code transactions} were sent.
 * Caliper's fixed-load controller, meant for the same, sent several times the load before the first answer and then
 * slept for tens of seconds with nothing in flight, so its figures measured the controller. Records one line per
 * transaction ({@code startMillis,endMillis,1|0,items}) in the format benchmarks/summarize.js reads, and prints
 * progress every tenth of the way.
 */
final class ClosedLoop {
    /** Sends transaction {@code n} and waits for its commit; true when it committed as VALID. */
    @FunctionalInterface
    interface Send {
        boolean send(int n) throws Exception;
    }

    record Result(int transactions, int failed, double seconds, List<String> lines) {
        void write(String file) throws IOException {
            if (!file.isBlank()) {
                Files.write(Path.of(file), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private final String label;
    private final int transactions;
    private final int inFlight;
    private final long limitMinutes;

    ClosedLoop(String label, int transactions, int inFlight, long limitMinutes) {
        this.label = label;
        this.transactions = transactions;
        this.inFlight = inFlight;
        this.limitMinutes = limitMinutes;
    }

    /**
     * Runs the loop: {@code send.send(n)} sends transaction n and is true when it committed as VALID;
     * {@code items.applyAsInt(n)} is how many business items (keys, orders) it carries.
     */
    Result run(Send send, IntUnaryOperator items) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(inFlight);
        long start = System.nanoTime();
        int step = Math.max(1, transactions / 10);
        List<Future<Integer>> senders = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            senders.add(pool.submit(() -> {
                int failed = 0;
                for (int n = next.getAndIncrement(); n < transactions; n = next.getAndIncrement()) {
                    long t0 = System.currentTimeMillis();
                    boolean ok = send.send(n);
                    long t1 = System.currentTimeMillis();
                    lines.add(t0 + "," + t1 + "," + (ok ? 1 : 0) + "," + items.applyAsInt(n));
                    failed += ok ? 0 : 1;
                    int finished = done.incrementAndGet();
                    if (finished % step == 0 && finished < transactions) {
                        System.out.printf(Locale.ROOT, "%s: %d of %d transactions in %.0f s%n", label, finished,
                                transactions, (System.nanoTime() - start) / 1e9);
                    }
                }
                return failed;
            }));
        }
        int failed = 0;
        try {
            for (Future<Integer> sender : senders) {
                failed += sender.get(limitMinutes, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(transactions, failed, (System.nanoTime() - start) / 1e9, List.copyOf(lines));
    }
}
