package org.groupbuy.client.ledger;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.groupbuy.chaincode.domain.ErrorCode;

/**
 * Which failures are worth a new attempt, how many, and how long to wait between them. Only
 * failures after which nothing can have been committed retry, each with a NEW proposal (a new
 * transaction id; an envelope is never sent twice): endorsing peers that disagreed (different
 * heights), an endorsing or querying peer that could not be reached, a commit marked invalid
 * for an MVCC or phantom read conflict, and household details refused [NOT_FOUND] at endorsement
 * (the committee's peer has not yet committed the block with the orders they belong to). Chaincode refusals, orderer failures (the envelope may be
 * ordered later) and an unknown commit status never retry. Counts the retries it allowed.
 */
public final class RetryPolicy {
    /** How the policy waits between attempts; tests hand in a recording one. */
    @FunctionalInterface
    public interface Pause {
        void sleep(long millis) throws InterruptedException;
    }

    private static final Set<String> COMMIT_CONFLICTS = Set.of("MVCC_READ_CONFLICT", "PHANTOM_READ_CONFLICT");
    private static final Set<String> NOT_REACHED = Set.of("UNAVAILABLE");
    /**
     * Attempts for household details refused because the committee's peer lacks the orders' block:
     * after a partition that peer's block delivery reconnects with a backoff of its own, and in a
     * fault run it lagged longer than the 1.4 s of the standard 4 attempts (netns scenario 8).
     */
    public static final int LAGGING_PEER_ATTEMPTS = 10;
    /** No single wait is longer than this (before jitter). */
    public static final long MAX_BACKOFF_MILLIS = 2000;

    private final int maxAttempts;
    private final long firstBackoffMillis;
    private final Pause pause;
    private final AtomicLong retries = new AtomicLong();
    private final Map<String, AtomicLong> retriesByCode = new ConcurrentHashMap<>();

    public RetryPolicy(int maxAttempts, long firstBackoffMillis, Pause pause) {
        if (maxAttempts < 1 || firstBackoffMillis < 0) {
            throw new IllegalArgumentException("maxAttempts must be >= 1 and the backoff >= 0");
        }
        this.maxAttempts = maxAttempts;
        this.firstBackoffMillis = firstBackoffMillis;
        this.pause = pause;
    }

    /**
     * 4 attempts, 200 ms then 400 then 800 ms apart (with up to 50% jitter); details the committee's peer
     * refuses for lack of the orders' block: 10 attempts, the waits doubling to at most 2 s (about 15 s).
     */
    public static RetryPolicy standard() {
        return new RetryPolicy(4, 200, Thread::sleep);
    }

    /** Never retries (a caller that wants to see every transient failure, e.g. a fault test). */
    public static RetryPolicy none() {
        return new RetryPolicy(1, 0, Thread::sleep);
    }

    /** True when nothing of {@code failure}'s transaction can have been committed and a new one may work. */
    public boolean isTransient(LedgerFailure failure) {
        return switch (failure.phase()) {
            case EVALUATE -> failure.source() == LedgerFailure.Source.TRANSPORT && NOT_REACHED.contains(failure.code());
            case ENDORSE -> failure.source() == LedgerFailure.Source.TRANSPORT
                    && (LedgerFailure.ENDORSEMENT_MISMATCH.equals(failure.code()) || NOT_REACHED.contains(failure.code()))
                    || ordersNotYetSeen(failure);
            case COMMIT -> failure.source() == LedgerFailure.Source.VALIDATION && COMMIT_CONFLICTS.contains(failure.code());
            case SUBMIT -> false;
        };
    }

    /**
     * PutHouseholdDetails is endorsed right after its orders committed on the own peer; a peer that
     * lags a block refuses it [NOT_FOUND] in endorsement, where nothing was submitted, and agrees once
     * it has caught up. (A household that truly has no order is refused again after the last attempt.)
     */
    private static boolean ordersNotYetSeen(LedgerFailure failure) {
        return failure.transaction() == Transaction.PUT_HOUSEHOLD_DETAILS && failure.fromChaincode()
                && ErrorCode.NOT_FOUND.name().equals(failure.code());
    }

    /**
     * Called after attempt number {@code attempt} (1-based) failed with {@code failure}: waits and
     * returns normally when another attempt should be made, else throws the failure.
     */
    public void beforeRetry(int attempt, LedgerFailure failure) {
        if (attempt >= attemptsFor(failure) || !isTransient(failure)) {
            throw failure;
        }
        long backoff = Math.min(firstBackoffMillis << Math.min(attempt - 1, 20), MAX_BACKOFF_MILLIS);
        long jitter = backoff == 0 ? 0 : java.util.concurrent.ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
        try {
            pause.sleep(backoff + jitter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
        retries.incrementAndGet();
        retriesByCode.computeIfAbsent(failure.phase() + " " + failure.code(), k -> new AtomicLong()).incrementAndGet();
    }

    /** A policy that retries at all gives a lagging committee's peer {@link #LAGGING_PEER_ATTEMPTS}. */
    private int attemptsFor(LedgerFailure failure) {
        return maxAttempts > 1 && ordersNotYetSeen(failure) ? Math.max(maxAttempts, LAGGING_PEER_ATTEMPTS) : maxAttempts;
    }

    /** Retries allowed so far, over every call that used this policy. */
    public long retries() {
        return retries.get();
    }

    /** Retries so far per "PHASE CODE" of the failure retried, e.g. {@code ENDORSE ENDORSEMENT_MISMATCH}. */
    public Map<String, Long> retriesByCode() {
        Map<String, Long> copy = new TreeMap<>();
        retriesByCode.forEach((code, count) -> copy.put(code, count.get()));
        return copy;
    }

    public int maxAttempts() {
        return maxAttempts;
    }
}
