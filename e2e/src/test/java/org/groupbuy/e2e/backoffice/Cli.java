package org.groupbuy.e2e.backoffice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code groupbuy} command line of this checkout, run as a process as a leader runs it. */
final class Cli {
    /** What a run printed and how it ended. */
    record Run(int exitCode, String out, String err) {
        String describe() {
            return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private Cli() {
    }

    /** The checkout: $GROUPBUY_ROOT, else the folder above the e2e module Maven runs in. */
    static Path root() {
        String root = System.getenv("GROUPBUY_ROOT");
        if (root != null && !root.isBlank()) {
            return Path.of(root);
        }
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return Files.exists(here.resolve("groupbuy")) ? here : here.getParent();
    }

    static Run run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(root().resolve("groupbuy").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "cli", ".out");
        Path err = Files.createTempFile(workDir, "cli", ".err");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("groupbuy " + String.join(" ", args) + " did not end within 300 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
