package org.groupbuy.chaincode.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/** Argument checks shared by every record; each failure is {@code [INVALID_ARGUMENT]} naming the field. */
public final class Args {
    private static final Pattern NUMBER_LIKE = Pattern.compile("[0-9]([ ().+-]?[0-9]){2,}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern PARTY = Pattern.compile("[A-Za-z0-9]+MSP/[^/\\s]{1,128}");

    /** The largest amount of money any one field may hold: 10^12 cents (10 billion), so sums never overflow. */
    public static final long MAX_CENTS = 1_000_000_000_000L;
    /** The largest quantity of one sku in any one field (order line, lot, minimum, received). */
    public static final long MAX_QUANTITY = 1_000_000L;

    private Args() {
    }

    public static <T> T present(final T value, final String what) {
        ErrorCode.INVALID_ARGUMENT.check(value != null, "%s is missing", what);
        return value;
    }

    public static String id(final String value, final String what) {
        ErrorCode.INVALID_ARGUMENT.check(ID.matcher(present(value, what)).matches(),
                "%s '%s' is not an id: use 1-64 letters, digits, '.', '_' or '-'", what, abbreviate(value));
        return value;
    }

    public static String party(final String value, final String what) {
        ErrorCode.INVALID_ARGUMENT.check(PARTY.matcher(present(value, what)).matches(),
                "%s '%s' is not a party: use MSPID/commonName, e.g. SupplierMSP/supplier1", what, abbreviate(value));
        return value;
    }

    public static String hash(final String value, final String what) {
        ErrorCode.INVALID_ARGUMENT.check(value != null && HASH.matcher(value).matches(),
                "%s must be a lowercase hex SHA-256 (64 characters)", what);
        return value;
    }

    public static String text(final String value, final String what, final int max) {
        ErrorCode.INVALID_ARGUMENT.check(!present(value, what).isBlank() && value.length() <= max,
                "%s must be 1-%d characters", what, max);
        return value;
    }

    /**
     * Free text that goes into public state and events (a reason, a note): 1..max characters with nothing that
     * reads as a phone, door, id or account number (three or more digits in a row, even with spaces, dots, dashes,
     * brackets or a plus between them) and no e-mail address ('@'). "cold chain 2C" passes; "call 139 1234 5678",
     * "Room 301" and "a@b.cn" are refused.
     */
    public static String publicText(final String value, final String what, final int max) {
        text(value, what, max);
        ErrorCode.INVALID_ARGUMENT.check(!NUMBER_LIKE.matcher(value).find() && value.indexOf('@') < 0, "%s goes on the "
                + "public ledger and may not hold three or more digits in a row or an '@' (no phone, door or id "
                + "numbers, no e-mail); say what happened in words, and keep personal details to the private "
                + "details", what);
        return value;
    }

    public static Instant instant(final String value, final String what) {
        try {
            return Instant.parse(present(value, what));
        } catch (DateTimeException e) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s '%s' is not an ISO-8601 UTC instant like 2026-04-10T20:00:00Z",
                    what, abbreviate(value));
        }
    }

    public static LocalDate day(final String value, final String what) {
        try {
            return LocalDate.parse(present(value, what));
        } catch (DateTimeException e) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s '%s' is not a day like 2026-04-10", what, abbreviate(value));
        }
    }

    /** A whole-number string argument in {@code min..max}. */
    public static long whole(final String value, final String what, final long min, final long max) {
        final long parsed;
        try {
            parsed = Long.parseLong(present(value, what).trim());
        } catch (NumberFormatException e) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s '%s' is not a whole number", what, abbreviate(value));
        }
        return between(parsed, min, max, what);
    }

    /** A money string argument: whole cents in {@code min..}{@link #MAX_CENTS}. */
    public static long amount(final String value, final String what, final long min) {
        return whole(value, what, min, MAX_CENTS);
    }

    /** A money field: whole cents in {@code min..}{@link #MAX_CENTS}. */
    public static long cents(final long value, final String what, final long min) {
        return between(value, min, MAX_CENTS, what);
    }

    /** A quantity field in {@code min..}{@link #MAX_QUANTITY}. */
    public static long quantity(final long value, final String what, final long min) {
        return between(value, min, MAX_QUANTITY, what);
    }

    public static long atLeast(final long value, final long min, final String what) {
        ErrorCode.INVALID_ARGUMENT.check(value >= min, "%s must be at least %d, got %d", what, min, value);
        return value;
    }

    public static long between(final long value, final long min, final long max, final String what) {
        ErrorCode.INVALID_ARGUMENT.check(value >= min && value <= max, "%s must be %d-%d, got %d", what, min, max,
                value);
        return value;
    }

    private static String abbreviate(final String value) {
        return value != null && value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }

    public static <E extends Enum<E>> E oneOf(final String value, final Class<E> type, final String what) {
        try {
            return Enum.valueOf(type, present(value, what).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s '%s' must be one of %s", what, abbreviate(value),
                    java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
