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
 * Where the pickup codes go, as CSV lines {@code household,code}: a file (appended batch by batch, so
 * the codes of committed batches survive a crash) or standard output.
 */
public final class CodeSink implements AutoCloseable {
    private final PrintWriter writer;
    private final boolean ownsWriter;

    private CodeSink(PrintWriter writer, boolean ownsWriter) {
        this.writer = writer;
        this.ownsWriter = ownsWriter;
    }

    public static CodeSink to(Path file) {
        try {
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            CodeSink sink = new CodeSink(new PrintWriter(out), true);
            if (fresh) {
                sink.writer.println("household,code");
            }
            return sink;
        } catch (IOException e) {
            throw CliFailure.usage("CODES_OUT", "cannot write " + file + ": " + e.getMessage());
        }
    }

    public static CodeSink to(PrintWriter out) {
        return new CodeSink(out, false);
    }

    public void write(Map<String, PickupCode> codes) {
        codes.forEach((household, code) -> writer.println(household + "," + code.code()));
        writer.flush();
    }

    @Override
    public void close() {
        if (ownsWriter) {
            writer.close();
        }
    }
}
