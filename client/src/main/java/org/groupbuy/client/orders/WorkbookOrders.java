package org.groupbuy.client.orders;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The leader's orders from an {@code .xlsx} workbook (its first sheet), headers in English or as
 * group-chain exports write them in Chinese ({@link HeaderAliases}). Two layouts: one row per
 * household with a column per sku (as our CSV), or one row per household and item with the
 * columns {@code 商品} (sku) and {@code 数量} (quantity), rows of one household merged. Either way the
 * rows become the CSV's rows and pass {@link OrderSheet}'s checks; problems name sheet row numbers.
 */
public final class WorkbookOrders {
    private static final Set<String> YES = Set.of("是", "√", "✓", "有");
    private static final Pattern ROW = Pattern.compile("\\bline (\\d+)");

    private WorkbookOrders() {
    }

    public static SheetCheck check(Path file, ItemCatalog catalog) throws IOException {
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            if (FileMagic.valueOf(in) != FileMagic.OOXML) {
                return new SheetCheck(List.of(), List.of("row 1: not an .xlsx workbook (an old .xls, or another kind of file); save it in Excel as "
                        + "\"Excel Workbook (*.xlsx)\" or export CSV"));
            }
            try (Workbook workbook = WorkbookFactory.create(in)) {
                return check(workbook, catalog);
            }
        }
    }

    static SheetCheck check(Workbook workbook, ItemCatalog catalog) {
        List<CsvLines.Record> rows = rows(workbook.getNumberOfSheets() == 0 ? null : workbook.getSheetAt(0));
        if (rows.isEmpty()) {
            return new SheetCheck(List.of(), List.of("row 1: the sheet is empty; expected a header row"));
        }
        Columns columns = new Columns(rows.get(0));
        List<String> problems = new ArrayList<>(columns.problems());
        if (!problems.isEmpty()) {
            return new SheetCheck(List.of(), problems);
        }
        List<CsvLines.Record> sheet = columns.itemRows()
                ? new ItemRowMerge(columns, catalog, problems).merge(rows.subList(1, rows.size()))
                : columns.householdRows(rows.subList(1, rows.size()));
        SheetCheck check = OrderSheet.check(sheet, catalog);
        check.problems().stream().map(p -> ROW.matcher(p).replaceAll("row $1")).forEach(problems::add);
        problems.sort(Comparator.comparingInt(WorkbookOrders::rowOf));
        return problems.isEmpty() ? check : new SheetCheck(List.of(), problems);
    }

    /** The first sheet's non-blank rows as text cells, each with its sheet row number (1-based). */
    static List<CsvLines.Record> rows(Sheet sheet) {
        List<CsvLines.Record> rows = new ArrayList<>();
        if (sheet == null) {
            return rows;
        }
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                cells.add(text(row.getCell(c)));
            }
            CsvLines.Record record = new CsvLines.Record(row.getRowNum() + 1, List.copyOf(cells));
            if (!record.blank()) {
                rows.add(record);
            }
        }
        return rows;
    }

    /** A cell as text: whole numbers without ".0" or exponent (phone numbers, quantities), formulas by result. */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().strip();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> cell.getBooleanCellValue() ? "yes" : "no";
            default -> "";
        };
    }

    private static int rowOf(String problem) {
        Matcher m = Pattern.compile("^row (\\d+)").matcher(problem);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Where each of our columns is in the header row; the other columns are skus (or, with item rows, ignored). */
    static final class Columns {
        final CsvLines.Record header;
        final Map<String, Integer> ours = new LinkedHashMap<>();
        final Map<String, Integer> skus = new LinkedHashMap<>();
        private final List<String> problems = new ArrayList<>();

        Columns(CsvLines.Record header) {
            this.header = header;
            for (int c = 0; c < header.cells().size(); c++) {
                String cell = header.cells().get(c);
                Optional<String> column = HeaderAliases.columnOf(cell);
                if (column.isPresent() && ours.putIfAbsent(column.get(), c) != null) {
                    problems.add(prefix() + "columns " + header.cells().get(ours.get(column.get())) + " and " + cell
                            + " both mean " + column.get() + "; keep one");
                } else if (column.isEmpty() && !cell.isBlank()) {
                    skus.put(cell, c);
                }
            }
            for (String required : List.of("household", "name", "phone")) {
                if (!ours.containsKey(required)) {
                    problems.add(prefix() + "no column for " + required + " (headers accepted: "
                            + HeaderAliases.accepted(required) + ")");
                }
            }
            if (!ours.containsKey("address") && !ours.containsKey("building") && !ours.containsKey("door")) {
                problems.add(prefix() + "no column for the address (headers accepted: "
                        + HeaderAliases.accepted("address") + "; or " + HeaderAliases.accepted("building") + " with "
                        + HeaderAliases.accepted("door") + ")");
            }
            if (ours.containsKey("sku") != ours.containsKey("quantity")) {
                problems.add(prefix() + "a workbook with one row per item needs both a sku column ("
                        + HeaderAliases.accepted("sku") + ") and a quantity column (" + HeaderAliases.accepted("quantity") + ")");
            }
        }

        List<String> problems() {
            return problems;
        }

        boolean itemRows() {
            return ours.containsKey("sku");
        }

        String prefix() {
            return "row " + header.line() + ": ";
        }

        String cell(CsvLines.Record row, String column) {
            Integer index = ours.get(column);
            return index == null || index >= row.cells().size() ? "" : row.cells().get(index);
        }

        /** building-door when the workbook has those columns and the row fills one, else the address column. */
        String address(CsvLines.Record row) {
            String building = cell(row, "building");
            String door = cell(row, "door");
            if (building.isEmpty() && door.isEmpty()) {
                return cell(row, "address");
            }
            return building.isEmpty() ? door : door.isEmpty() ? building : building + "-" + door;
        }

        String offline(CsvLines.Record row) {
            String value = cell(row, "offline");
            return YES.contains(value) ? "yes" : value;
        }

        /** Our CSV header for these skus. */
        CsvLines.Record csvHeader(List<String> skuColumns) {
            List<String> cells = new ArrayList<>(OrderSheet.FIXED_COLUMNS);
            cells.addAll(skuColumns);
            cells.add("offline");
            return new CsvLines.Record(header.line(), cells);
        }

        /** One row per household, a column per sku: the same rows in our CSV's column order. */
        List<CsvLines.Record> householdRows(List<CsvLines.Record> rows) {
            List<CsvLines.Record> out = new ArrayList<>();
            out.add(csvHeader(new ArrayList<>(skus.keySet())));
            for (CsvLines.Record row : rows) {
                List<String> cells = new ArrayList<>(List.of(cell(row, "household"), cell(row, "name"),
                        cell(row, "phone"), address(row)));
                skus.values().forEach(c -> cells.add(c < row.cells().size() ? row.cells().get(c) : ""));
                cells.add(offline(row));
                out.add(new CsvLines.Record(row.line(), cells));
            }
            return out;
        }
    }
}
