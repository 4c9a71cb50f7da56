package org.groupbuy.client.output;

import java.util.ArrayList;
import java.util.List;

/** A plain aligned text table for terminals. */
public final class TextTable {
    private static final int MAX_CELL = 48;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    public TextTable row(List<String> cells) {
        rows.add(cells.stream().map(TextTable::clip).toList());
        return this;
    }

    public String render() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], cell(row, i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths);
        rows.forEach(row -> line(out, row, widths));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String cell = cell(cells, i);
            text.append(cell).append(" ".repeat(widths[i] - cell.length())).append("  ");
        }
        out.append(text.toString().stripTrailing()).append(System.lineSeparator());
    }

    private static String cell(List<String> row, int index) {
        return index < row.size() && row.get(index) != null ? row.get(index) : "";
    }

    private static String clip(String text) {
        String flat = text == null ? "" : text.replace('\n', ' ');
        return flat.length() <= MAX_CELL ? flat : flat.substring(0, MAX_CELL - 1) + "~";
    }
}
