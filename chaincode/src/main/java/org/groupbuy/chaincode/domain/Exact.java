package org.groupbuy.chaincode.domain;

import java.util.function.ToLongFunction;

/**
 * Exact whole-number arithmetic for money and quantities: a sum or product beyond a {@code long} is refused as
 * {@code [INVALID_ARGUMENT]} naming the figure, never wrapped and never a bare {@link ArithmeticException}.
 */
final class Exact {
    private Exact() {
    }

    /** {@code a + b}, or a refusal naming {@code what}. */
    static long add(final long a, final long b, final String what) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw tooLarge(what);
        }
    }

    /** {@code a - b}, or a refusal naming {@code what}. */
    static long subtract(final long a, final long b, final String what) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw tooLarge(what);
        }
    }

    /** {@code a x b}, or a refusal naming {@code what}. */
    static long multiply(final long a, final long b, final String what) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw tooLarge(what);
        }
    }

    /** The sum of {@code figure} over {@code values}, or a refusal naming {@code what}. */
    static <T> long sum(final Iterable<T> values, final ToLongFunction<T> figure, final String what) {
        long total = 0;
        for (final T value : values) {
            total = add(total, figure.applyAsLong(value), what);
        }
        return total;
    }

    private static RuntimeException tooLarge(final String what) {
        return ErrorCode.INVALID_ARGUMENT.error("%s exceeds %d, the most a ledger figure holds; use smaller "
                + "quantities or amounts", what, Long.MAX_VALUE);
    }
}
