package org.groupbuy.client.orders;

import java.util.ArrayList;
import java.util.List;

/** Splits CSV text (RFC 4180 quoting) into records, remembering the line each record starts on. */
final class CsvLines {

    /** A CSV record and the 1-based line it starts on. */
    record Record(int line, List<String> cells) {
        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    private CsvLines() {
    }

    static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else if (c == '\n') {
                cells.add(cell.toString().trim());
                records.add(new Record(recordLine, List.copyOf(cells)));
                cells.clear();
                cell.setLength(0);
                line++;
                recordLine = line;
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString().trim());
            records.add(new Record(recordLine, List.copyOf(cells)));
        }
        return records;
    }
}
