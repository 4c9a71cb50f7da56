package org.groupbuy.client.orders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.groupbuy.client.failure.CliFailure;

/**
 * A file of pickup codes as {@code leader import --codes-out} writes it: lines {@code household,code} or
 * {@code household,code,status} (status {@code pending} or {@code issued}), an optional header
 * {@code household,code} or {@code household,code,status}, blank lines ignored. A household may appear
 * more than once with the same code (pending, then issued); the last line counts. Read in file order.
 */
public final class PickupCodeFile {
    private static final Pattern HOUSEHOLD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** A pickup token (16 base32 characters, in groups of four or not), or a numeric code of an older file. */
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{4}(-?[0-9A-Za-z]{4}){3}|[0-9]{4,12}");
    private static final Pattern STATUS = Pattern.compile("pending|issued");

    private PickupCodeFile() {
    }

    /** household -> code, in file order; every bad line is listed and nothing is returned. */
    public static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliFailure.usage("BAD_CODES_FILE", "cannot read " + file + ": " + e.getMessage());
        }
        return parse(file.toString(), lines);
    }

    static Map<String, String> parse(String name, List<String> lines) {
        Map<String, String> codes = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || (i == 0 && isHeader(line))) {
                continue;
            }
            String[] cells = line.split(",", -1);
            int number = i + 1;
            if (!wellFormed(cells)) {
                problems.add("line " + number + ": expected 'household,code' or 'household,code,status', got '"
                        + line + "'");
            } else {
                String earlier = codes.putIfAbsent(cells[0].strip(), cells[1].strip());
                if (earlier != null && !earlier.equals(cells[1].strip())) {
                    problems.add("line " + number + ": household " + cells[0].strip()
                            + " appears twice with different codes");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw CliFailure.usage("BAD_CODES_FILE", name + ": " + String.join("; ", problems));
        }
        if (codes.isEmpty()) {
            throw CliFailure.usage("BAD_CODES_FILE", name + " holds no 'household,code' line");
        }
        return codes;
    }

    static boolean isHeader(String line) {
        return line.equalsIgnoreCase("household,code") || line.equalsIgnoreCase("household,code,status");
    }

    /** household, code and, optionally, {@code pending} or {@code issued}. */
    static boolean wellFormed(String[] cells) {
        return (cells.length == 2 || (cells.length == 3 && STATUS.matcher(cells[2].strip()).matches()))
                && HOUSEHOLD.matcher(cells[0].strip()).matches() && CODE.matcher(cells[1].strip()).matches();
    }
}
