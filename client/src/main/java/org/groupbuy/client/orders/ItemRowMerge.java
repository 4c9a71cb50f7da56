package org.groupbuy.client.orders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges a workbook of one row per household and item (columns {@code 商品}/sku and {@code 数量}/quantity)
 * into one row per household with a column per sku, as our CSV has them. A merged row carries the
 * sheet row of the household's first row. Problems of a single row (no sku, an sku that is not an
 * item, an sku twice for one household, a name, phone or address that differs from the household's
 * first row) name that row; the quantities are checked afterwards by {@link OrderRules}.
 */
final class ItemRowMerge {
    private static final List<String> CONTACT = List.of("name", "phone", "address");
    private final WorkbookOrders.Columns columns;
    private final ItemCatalog catalog;
    private final List<String> problems;

    ItemRowMerge(WorkbookOrders.Columns columns, ItemCatalog catalog, List<String> problems) {
        this.columns = columns;
        this.catalog = catalog;
        this.problems = problems;
    }

    /** Household -> its first row's contact and the quantity per sku, in order of first appearance. */
    private record Household(int line, Map<String, String> contact, Map<String, String> quantities,
                             Map<String, Integer> skuRows, String offline) {
    }

    List<CsvLines.Record> merge(List<CsvLines.Record> rows) {
        Map<String, Household> households = new LinkedHashMap<>();
        List<CsvLines.Record> unnamed = new ArrayList<>();
        Set<String> skus = new LinkedHashSet<>();
        for (CsvLines.Record row : rows) {
            String household = columns.cell(row, "household");
            String sku = columns.cell(row, "sku");
            String quantity = columns.cell(row, "quantity");
            Map<String, String> contact = contact(row);
            if (household.isEmpty()) {
                unnamed.add(row);
                continue;
            }
            Household seen = households.computeIfAbsent(household, h -> new Household(row.line(), contact,
                    new LinkedHashMap<>(), new LinkedHashMap<>(), columns.offline(row)));
            for (String field : CONTACT) {
                String value = contact.get(field);
                if (!value.isEmpty() && !value.equals(seen.contact().get(field))) {
                    problem(row, "household " + household + " has " + field + " '" + value + "' here but '"
                            + seen.contact().get(field) + "' on row " + seen.line());
                }
            }
            if (sku.isEmpty()) {
                problem(row, "no sku for household " + household + " (quantity '" + quantity + "')");
            } else if (!catalog.knows(sku)) {
                problem(row, "sku " + sku + " is not an item of this group buy (items: " + catalog.skus() + ")");
            } else if (seen.skuRows().putIfAbsent(sku, row.line()) != null) {
                problem(row, "household " + household + " lists sku " + sku + " again (first on row "
                        + seen.skuRows().get(sku) + ")");
            } else {
                seen.quantities().put(sku, quantity);
                skus.add(sku);
            }
        }
        List<String> skuColumns = new ArrayList<>(skus);
        List<CsvLines.Record> out = new ArrayList<>();
        out.add(columns.csvHeader(skuColumns));
        households.forEach((household, h) -> {
            List<String> cells = new ArrayList<>(List.of(household));
            CONTACT.forEach(field -> cells.add(h.contact().get(field)));
            skuColumns.forEach(sku -> cells.add(h.quantities().getOrDefault(sku, "")));
            cells.add(h.offline());
            out.add(new CsvLines.Record(h.line(), cells));
        });
        for (CsvLines.Record row : unnamed) {
            List<String> cells = new ArrayList<>(List.of(""));
            CONTACT.forEach(field -> cells.add(contact(row).get(field)));
            skuColumns.forEach(sku -> cells.add(""));
            cells.add("");
            out.add(new CsvLines.Record(row.line(), cells));
        }
        return out;
    }

    private Map<String, String> contact(CsvLines.Record row) {
        return Map.of("name", columns.cell(row, "name"), "phone", columns.cell(row, "phone"),
                "address", columns.address(row));
    }

    private void problem(CsvLines.Record row, String problem) {
        problems.add("row " + row.line() + ": " + problem);
    }
}
