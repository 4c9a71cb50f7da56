package org.groupbuy.client.failure;

/** Exit codes of the groupbuy command, relied on by scripts. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;
    public static final int CONNECTION = 3;
    public static final int COMMIT_FAILED = 4;

    private ExitCode() {
    }
}
