package org.groupbuy.chaincode.domain;

import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * The one list of failure codes. The Gateway passes only the message, so it starts with the code.
 * Lives in the codes module so the client and the tests read the same list; they never call
 * {@link #error}, and {@link #check} is written so that linking this class does not load the shim.
 */
public enum ErrorCode {
    NOT_FOUND, FORBIDDEN, INVALID_ARGUMENT, INVALID_STATE, CONFLICT, EXPIRED;

    /** An exception to throw: message {@code [CODE] text}, payload the code name. */
    public ChaincodeException error(final String format, final Object... args) {
        final String text = "[" + name() + "] " + String.format(java.util.Locale.ROOT, format, args);
        return new ChaincodeException(text, name());
    }

    /** Throws {@link #error} when the condition does not hold. */
    public void check(final boolean condition, final String format, final Object... args) {
        if (!condition) {
            // typed as RuntimeException so the verifier need not load ChaincodeException to link this enum
            final RuntimeException failure = (RuntimeException) (Object) error(format, args);
            throw failure;
        }
    }
}
