package org.groupbuy.client.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A query the ledger refused or could not answer, worded "[CODE] message" as the chaincode wrote it. */
public final class ConsoleRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final Pattern CODE = Pattern.compile("^\\[([A-Z_]+)\\]");

    public ConsoleRefusal(String message) {
        super(message);
    }

    public String code() {
        Matcher m = CODE.matcher(getMessage());
        return m.find() ? m.group(1) : "INTERNAL";
    }

    /** The HTTP status that tells the browser what kind of refusal it was. */
    public int httpStatus() {
        return switch (code()) {
            case "NOT_FOUND" -> 404;
            case "FORBIDDEN" -> 403;
            case "INVALID_ARGUMENT", "USAGE" -> 400;
            default -> 502;
        };
    }
}
