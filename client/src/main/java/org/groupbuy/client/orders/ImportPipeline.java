package org.groupbuy.client.orders;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the batches of an import with several in flight over one Gateway connection. Each batch:
 * its public orders are endorsed and handed to the orderer ({@code submitAsync}), their commit is
 * awaited, only then are its pickup codes released and its personal details submitted the same way
 * (the listener hears of the codes before the submit too, to keep them as pending).
 * Up to {@code inFlight} order batches and {@code inFlight} detail batches run at once, so the
 * endorsement of batch k+1 overlaps the commit wait of batch k and the details of batch k overlap the
 * orders of the next ones. Batches touch disjoint keys (each household's order key, a trace key per
 * transaction; the group buy record is only read), so they do not conflict with one another.
 *
 * <p>After the first failure no new batch is started; batches already in flight run to their end
 * (their codes are released if they commit, their details are stored).
 */
public final class ImportPipeline {
    /** Told of each batch's progress; calls come from the pipeline's threads, one at a time. */
    public interface Listener {
        /**
         * Batch {@code index} is about to be submitted with these codes (e.g. write them as pending);
         * an exception here fails the batch before anything is sent.
         */
        default void aboutToSubmit(int index, List<HouseholdOrder> batch, Map<String, PickupCode> codes) {
        }

        /** The orders of batch {@code index} (0-based) committed: its codes may be handed out. */
        void ordersCommitted(int index, List<HouseholdOrder> batch, Map<String, PickupCode> codes);

        /** The personal details of batch {@code index} committed as well. */
        void detailsStored(int index, List<HouseholdOrder> batch);
    }

    /** Which transaction of a batch failed. */
    public enum Stage { ORDERS, DETAILS }

    /** A batch that did not go through, with the households it held. */
    public record Failure(int index, List<HouseholdOrder> batch, Stage stage, Exception cause) {
    }

    /** How the import ended: batches whose orders committed, whose details were stored, failures, unsent. */
    public record Outcome(int batches, int committed, int detailsStored, List<Failure> failures, int notSent) {
        public boolean ok() {
            return failures.isEmpty() && notSent == 0;
        }
    }

    private final HouseholdImport sender;
    private final int inFlight;
    private final Map<String, String> knownCodes;

    public ImportPipeline(HouseholdImport sender, int inFlight) {
        this(sender, inFlight, Map.of());
    }

    /** {@code knownCodes}: household -> pickup code to reuse (written as pending by an earlier run). */
    public ImportPipeline(HouseholdImport sender, int inFlight, Map<String, String> knownCodes) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("inFlight must be >= 1, got " + inFlight);
        }
        this.sender = sender;
        this.inFlight = inFlight;
        this.knownCodes = Map.copyOf(knownCodes);
    }

    public Outcome run(List<List<HouseholdOrder>> batches, Listener listener) throws InterruptedException {
        ExecutorService orders = Executors.newFixedThreadPool(inFlight, threads("import-orders"));
        ExecutorService details = Executors.newFixedThreadPool(inFlight, threads("import-details"));
        Run run = new Run(listener, details);
        try {
            for (int i = 0; i < batches.size(); i++) {
                int index = i;
                List<HouseholdOrder> batch = batches.get(i);
                orders.execute(() -> run.orders(index, batch));
            }
            orders.shutdown();
            awaitForever(orders);
            details.shutdown();
            awaitForever(details);
        } catch (InterruptedException e) {
            orders.shutdownNow();
            details.shutdownNow();
            throw e;
        }
        List<Failure> failures = new ArrayList<>(run.failures);
        failures.sort(Comparator.comparingInt(Failure::index));
        return new Outcome(batches.size(), run.committed.get(), run.stored.get(), List.copyOf(failures),
                run.notSent.get());
    }

    private final class Run {
        final Listener listener;
        final ExecutorService details;
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger committed = new AtomicInteger();
        final AtomicInteger stored = new AtomicInteger();
        final AtomicInteger notSent = new AtomicInteger();
        final List<Failure> failures = new ArrayList<>();

        Run(Listener listener, ExecutorService details) {
            this.listener = listener;
            this.details = details;
        }

        void orders(int index, List<HouseholdOrder> batch) {
            if (stop.get()) {
                notSent.incrementAndGet();
                return;
            }
            HouseholdImport.SubmittedOrders submitted;
            try {
                Map<String, PickupCode> codes = sender.drawCodes(batch, knownCodes);
                synchronized (this) {
                    listener.aboutToSubmit(index, batch, codes);
                }
                submitted = sender.submitOrders(batch, codes);
                submitted.pending().commit();
            } catch (Exception e) {
                fail(new Failure(index, batch, Stage.ORDERS, e));
                return;
            }
            committed.incrementAndGet();
            synchronized (this) {
                listener.ordersCommitted(index, batch, submitted.codes());
            }
            details.execute(() -> details(index, batch));
        }

        void details(int index, List<HouseholdOrder> batch) {
            try {
                sender.submitBatchDetails(batch).commit();
            } catch (Exception e) {
                fail(new Failure(index, batch, Stage.DETAILS, e));
                return;
            }
            stored.incrementAndGet();
            synchronized (this) {
                listener.detailsStored(index, batch);
            }
        }

        synchronized void fail(Failure failure) {
            stop.set(true);
            failures.add(failure);
        }
    }

    private static void awaitForever(ExecutorService pool) throws InterruptedException {
        while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
            // keep waiting: each commit wait has its own deadline (GROUPBUY_COMMIT_TIMEOUT)
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
