package org.groupbuy.client.orders;

import java.io.PrintWriter;

/** A one-line progress bar redrawn in place on stderr. */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final int total;
    private final String unit;

    public ProgressBar(PrintWriter err, int total, String unit) {
        this.err = err;
        this.total = total;
        this.unit = unit;
    }

    public void show(int done) {
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + unit);
        if (done >= total) {
            err.println();
        }
        err.flush();
    }
}
