package org.groupbuy.client.orders;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.groupbuy.client.failure.CliFailure;

/**
 * Where the pickup codes go. To a file: CSV lines {@code household,code,status}, appended and flushed
 * as {@code pending} before a batch's orders are submitted and as {@code issued} once they committed,
 * so no code of a batch that may have committed is lost when the client dies. To standard output:
 * {@code household,code} once a batch committed.
 */
public final class CodeSink implements AutoCloseable {
    public static final String HEADER = "household,code,status";
    private final PrintWriter writer;
    private final boolean file;

    private CodeSink(PrintWriter writer, boolean file) {
        this.writer = writer;
        this.file = file;
    }

    public static CodeSink to(Path file) {
        try {
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            CodeSink sink = new CodeSink(new PrintWriter(out), true);
            if (fresh) {
                sink.writer.println(HEADER);
            } else if (!endsWithNewline(file)) {
                sink.writer.println(); // a line cut off when an earlier run died stays a line of its own
            }
            sink.writer.flush();
            return sink;
        } catch (IOException e) {
            throw CliFailure.usage("CODES_OUT", "cannot write " + file + ": " + e.getMessage());
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "r")) {
            raf.seek(raf.length() - 1);
            return raf.read() == '\n';
        }
    }

    public static CodeSink to(PrintWriter out) {
        return new CodeSink(out, false);
    }

    /** True when codes go to a file (and so survive a crash between submit and commit). */
    public boolean isFile() {
        return file;
    }

    /** Before the orders are submitted: the codes, marked pending (a file only). */
    public void pending(Map<String, PickupCode> codes) {
        if (file) {
            codes.forEach((household, code) -> writer.println(household + "," + code.code() + ",pending"));
            checkedFlush();
        }
    }

    /** The orders committed: the codes may be handed out. */
    public void write(Map<String, PickupCode> codes) {
        codes.forEach((household, code) -> writer.println(household + "," + code.code() + (file ? ",issued" : "")));
        checkedFlush();
    }

    private void checkedFlush() {
        writer.flush();
        if (file && writer.checkError()) {
            throw CliFailure.usage("CODES_OUT", "cannot write the pickup codes file");
        }
    }

    @Override
    public void close() {
        if (file) {
            writer.close();
        }
    }
}
