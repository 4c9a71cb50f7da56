package org.groupbuy.client.backoffice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table the back office writes as CSV or XLSX: a sheet name, a header and rows whose cells are
 * text or whole numbers (money in cents, quantities). Rows may be shorter than the header (a blank
 * row separates a summary, for example).
 */
public record ExportTable(String sheetName, List<String> header, List<List<Object>> rows) {

    public ExportTable {
        header = List.copyOf(header);
        rows = rows.stream().map(r -> List.copyOf(r)).toList();
    }

    /** Collects rows in order. */
    public static final class Builder {
        private final String sheetName;
        private final List<String> header;
        private final List<List<Object>> rows = new ArrayList<>();

        public Builder(String sheetName, String... header) {
            this.sheetName = sheetName;
            this.header = List.of(header);
        }

        public Builder row(Object... cells) {
            rows.add(Arrays.asList(cells));
            return this;
        }

        public ExportTable build() {
            return new ExportTable(sheetName, header, rows);
        }
    }
}
