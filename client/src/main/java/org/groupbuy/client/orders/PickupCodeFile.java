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
 * A file of pickup codes as {@code leader import --codes-out} writes it: lines {@code household,code},
 * an optional header {@code household,code}, blank lines ignored. Read in file order.
 */
public final class PickupCodeFile {
    private static final Pattern HOUSEHOLD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern CODE = Pattern.compile("[0-9]{4,12}");

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
            if (line.isEmpty() || (i == 0 && line.equalsIgnoreCase("household,code"))) {
                continue;
            }
            String[] cells = line.split(",", -1);
            int number = i + 1;
            if (cells.length != 2 || !HOUSEHOLD.matcher(cells[0].strip()).matches()
                    || !CODE.matcher(cells[1].strip()).matches()) {
                problems.add("line " + number + ": expected 'household,code', got '" + line + "'");
            } else if (codes.putIfAbsent(cells[0].strip(), cells[1].strip()) != null) {
                problems.add("line " + number + ": household " + cells[0].strip() + " appears twice");
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
}
