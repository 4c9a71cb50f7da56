package org.groupbuy.client.commands;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.groupbuy.client.failure.CliFailure;
import org.groupbuy.client.failure.ErrorReport;
import org.groupbuy.client.failure.ExitCode;
import java.util.function.Function;
import org.groupbuy.client.ledger.Answer;
import org.groupbuy.client.ledger.GroupBuyLedger;

/**
 * Many transactions of one group buy, one per household, in one connection. The first goes alone, so
 * that a refusal common to every household (rest time not over, wrong group buy) shows before the
 * others are sent; the rest go a few at a time, since each writes only keys of its own household. One line per household, then a
 * summary; a refusal does not stop the others, but the command ends with exit 1.
 */
public final class BatchSubmission {
    /** One household's transaction, as a typed call on the ledger. */
    public interface Call extends Function<GroupBuyLedger, Answer> {
    }

    private final GroupBuyLedger ledger;
    private final ErrorReport errors;
    private final int parallel;

    public BatchSubmission(GroupBuyLedger ledger, ErrorReport errors, int parallel) {
        this.ledger = ledger;
        this.errors = errors;
        this.parallel = Math.max(1, parallel);
    }

    /** What happened to one household's transaction. */
    record Outcome(String household, boolean done, String text) {
    }

    /** Submits each household's call; prints one line each with the verb, then the summary. */
    public void run(Map<String, Call> byHousehold, String verb, PrintWriter out) throws InterruptedException {
        List<Map.Entry<String, Call>> work = new ArrayList<>(new LinkedHashMap<>(byHousehold).entrySet());
        int refused = 0;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Outcome>> pending = new ArrayList<>();
            for (int i = 0; i < work.size(); i++) {
                Map.Entry<String, Call> one = work.get(i);
                pending.add(pool.submit(() -> submit(one.getKey(), one.getValue())));
                if (i == 0) {
                    await(pending.get(0));
                }
            }
            for (Future<Outcome> future : pending) {
                Outcome outcome = await(future);
                refused += outcome.done() ? 0 : 1;
                out.println((outcome.done() ? verb + " " : "refused ") + outcome.household() + "  " + outcome.text());
                out.flush();
            }
        } finally {
            pool.shutdownNow();
        }
        out.println((work.size() - refused) + " " + verb + ", " + refused + " refused, "
                + ledger.retries() + " transient failure(s) retried");
        if (refused > 0) {
            throw new CliFailure(ExitCode.REFUSED, "SOME_REFUSED",
                    refused + " of " + work.size() + " transactions were refused; see the lines above");
        }
    }

    private Outcome submit(String household, Call call) {
        try {
            return new Outcome(household, true, "transaction " + call.apply(ledger).transactionId());
        } catch (Exception e) {
            return new Outcome(household, false, errors.describe(e).getMessage());
        }
    }

    private static Outcome await(Future<Outcome> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
