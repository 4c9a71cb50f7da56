package org.groupbuy.client.orders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The leader's spreadsheet as CSV: {@code household,name,phone,address,<sku1>,<sku2>...}, one row
 * per household, quantities per item column (blank = 0). An optional column {@code offline}
 * (yes/no) marks residents who cannot use a phone.
 */
public final class OrderSheet {
    static final List<String> FIXED_COLUMNS = List.of("household", "name", "phone", "address");
    private static final String OFFLINE = "offline";
    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "x");

    private OrderSheet() {
    }

    /** Checks every row; reports all problems, each prefixed with its line number. */
    public static SheetCheck check(String csv, ItemCatalog catalog) {
        return check(CsvLines.parse(csv), catalog);
    }

    /** The same checks on rows read elsewhere (a workbook), each with the line or row number it came from. */
    static SheetCheck check(List<CsvLines.Record> rows, ItemCatalog catalog) {
        List<CsvLines.Record> records = rows.stream().filter(r -> !r.blank()).toList();
        if (records.isEmpty()) {
            return new SheetCheck(List.of(), List.of("line 1: the sheet is empty; expected a header "
                    + String.join(",", FIXED_COLUMNS) + ",<sku>..."));
        }
        CsvLines.Record header = records.get(0);
        List<String> problems = new ArrayList<>(headerProblems(header));
        header.cells().stream().skip(FIXED_COLUMNS.size())
                .filter(column -> !column.equalsIgnoreCase(OFFLINE) && !column.isBlank() && !catalog.knows(column))
                .forEach(column -> problems.add("line " + header.line() + ": column " + column
                        + " is not an item of this group buy (items: " + catalog.skus() + ")"));
        if (!problems.isEmpty()) {
            return new SheetCheck(List.of(), problems);
        }
        List<String> columns = header.cells();
        OrderRules rules = new OrderRules(catalog);
        List<HouseholdOrder> orders = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (CsvLines.Record row : records.subList(1, records.size())) {
            List<String> rowProblems = new ArrayList<>();
            if (row.cells().size() > columns.size()) {
                rowProblems.add("has " + row.cells().size() + " cells but the header has " + columns.size());
            }
            Map<String, String> cells = cells(columns, row.cells());
            String household = cells.get("household");
            Integer seen = household.isBlank() ? null : firstLine.putIfAbsent(household, row.line());
            if (seen != null) {
                rowProblems.add("household " + household + " appears again (first on line " + seen + ")");
            }
            Map<String, String> quantities = new LinkedHashMap<>(cells);
            FIXED_COLUMNS.forEach(quantities::remove);
            quantities.remove(OFFLINE);
            rowProblems.addAll(rules.problems(household, cells.get("phone"), quantities));
            rowProblems.forEach(p -> problems.add("line " + row.line() + ": " + p));
            if (rowProblems.isEmpty()) {
                orders.add(new HouseholdOrder(household, cells.get("name"), cells.get("phone"), cells.get("address"),
                        OrderRules.quantities(quantities), YES.contains(cells.getOrDefault(OFFLINE, "").toLowerCase(Locale.ROOT))));
            }
        }
        if (problems.isEmpty() && orders.isEmpty()) {
            problems.add("line " + header.line() + ": the sheet has a header but no households");
        }
        return new SheetCheck(problems.isEmpty() ? orders : List.of(), problems);
    }

    private static List<String> headerProblems(CsvLines.Record header) {
        List<String> columns = header.cells().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        List<String> problems = new ArrayList<>();
        String prefix = "line " + header.line() + ": ";
        if (columns.size() < FIXED_COLUMNS.size() || !columns.subList(0, FIXED_COLUMNS.size()).equals(FIXED_COLUMNS)) {
            problems.add(prefix + "header must start with " + String.join(",", FIXED_COLUMNS) + ", got "
                    + String.join(",", header.cells()));
            return problems;
        }
        if (columns.stream().filter(c -> !c.equals(OFFLINE)).count() == FIXED_COLUMNS.size()) {
            problems.add(prefix + "no item columns: add one column per sku after address");
        }
        Set<String> seen = new java.util.HashSet<>();
        for (String column : header.cells()) {
            if (column.isBlank()) {
                problems.add(prefix + "a column has no name");
            } else if (!seen.add(column)) {
                problems.add(prefix + "column " + column + " appears twice");
            }
        }
        return problems;
    }

    private static Map<String, String> cells(List<String> columns, List<String> values) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            String key = FIXED_COLUMNS.contains(column.toLowerCase(Locale.ROOT))
                    || column.equalsIgnoreCase(OFFLINE) ? column.toLowerCase(Locale.ROOT) : column;
            cells.put(key, i < values.size() ? values.get(i) : "");
        }
        return cells;
    }
}
