package org.groupbuy.client.failure;

/** A failure already worded for the user: printed as one line, ends the process with its exit code. */
public final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public CliFailure(int exitCode, String code, String message) {
        super("[" + code + "] " + message);
        this.exitCode = exitCode;
    }

    public static CliFailure usage(String code, String message) {
        return new CliFailure(ExitCode.USAGE, code, message);
    }

    public static CliFailure connection(String code, String message) {
        return new CliFailure(ExitCode.CONNECTION, code, message);
    }

    public int exitCode() {
        return exitCode;
    }

    /** The line printed on stderr. */
    public String line() {
        return "error: " + getMessage();
    }
}
