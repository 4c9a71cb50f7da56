package org.groupbuy.client.orders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.groupbuy.client.failure.CliFailure;

/**
 * The pickup codes an earlier {@code leader import} wrote to its {@code --codes-out} file, as the
 * re-run reads them: every code a household was given, and whether it was marked {@code issued}.
 * Lenient: a malformed line (e.g. cut off when the client died) is skipped and counted.
 */
public final class CodesOnFile {
    private final Map<String, Map<String, Boolean>> codes;
    private final int skippedLines;

    private CodesOnFile(Map<String, Map<String, Boolean>> codes, int skippedLines) {
        this.codes = codes;
        this.skippedLines = skippedLines;
    }

    public static CodesOnFile none() {
        return new CodesOnFile(Map.of(), 0);
    }

    /** The codes in {@code file}; none if it does not exist yet. */
    public static CodesOnFile read(Path file) {
        if (!Files.exists(file)) {
            return none();
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw CliFailure.usage("CODES_OUT", "cannot read " + file + ": " + e.getMessage());
        }
    }

    static CodesOnFile parse(List<String> lines) {
        Map<String, Map<String, Boolean>> codes = new LinkedHashMap<>();
        int skipped = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || PickupCodeFile.isHeader(line)) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (!PickupCodeFile.wellFormed(cells)) {
                skipped++;
                continue;
            }
            boolean issued = cells.length == 2 || cells[2].strip().equals("issued");
            codes.computeIfAbsent(cells[0].strip(), h -> new LinkedHashMap<>())
                    .merge(cells[1].strip(), issued, Boolean::logicalOr);
        }
        return new CodesOnFile(codes, skipped);
    }

    /** Malformed lines that were skipped. */
    public int skippedLines() {
        return skippedLines;
    }

    /** The household's code on file whose salted hash is the one on the ledger, if any. */
    public Optional<String> matching(String household, String salt, String codeHash) {
        return codes.getOrDefault(household, Map.of()).keySet().stream()
                .filter(code -> new PickupCode(salt, code).hash().equals(codeHash))
                .findFirst();
    }

    public boolean issued(String household, String code) {
        return codes.getOrDefault(household, Map.of()).getOrDefault(code, false);
    }

    /** The last code written for the household, e.g. a pending one whose orders never committed. */
    public Optional<String> latest(String household) {
        List<String> mine = new ArrayList<>(codes.getOrDefault(household, Map.of()).keySet());
        return mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(mine.size() - 1));
    }
}
