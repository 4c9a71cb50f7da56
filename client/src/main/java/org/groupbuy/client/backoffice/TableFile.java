package org.groupbuy.client.backoffice;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes an {@link ExportTable} as CSV (UTF-8, RFC 4180 quoting) or as an XLSX workbook of one sheet. */
public enum TableFile {
    CSV {
        @Override
        void write(ExportTable table, OutputStream out) throws IOException {
            Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(line(table.header()));
            for (List<Object> row : table.rows()) {
                writer.write(line(row));
            }
            writer.flush();
        }
    },
    XLSX {
        @Override
        void write(ExportTable table, OutputStream out) throws IOException {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                Sheet sheet = workbook.createSheet(table.sheetName());
                CellStyle bold = workbook.createCellStyle();
                Font font = workbook.createFont();
                font.setBold(true);
                bold.setFont(font);
                Row header = sheet.createRow(0);
                for (int c = 0; c < table.header().size(); c++) {
                    Cell cell = header.createCell(c);
                    cell.setCellValue(table.header().get(c));
                    cell.setCellStyle(bold);
                }
                for (int r = 0; r < table.rows().size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<Object> cells = table.rows().get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        Object value = cells.get(c);
                        if (value instanceof Number number) {
                            row.createCell(c).setCellValue(number.doubleValue());
                        } else if (value != null) {
                            row.createCell(c).setCellValue(value.toString());
                        }
                    }
                }
                for (int c = 0; c < table.header().size(); c++) {
                    sheet.autoSizeColumn(c);
                }
                workbook.write(out);
            }
        }
    };

    abstract void write(ExportTable table, OutputStream out) throws IOException;

    /** Writes the table to {@code file} (replaced if it exists), through a temporary file beside it. */
    public void write(ExportTable table, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            write(table, out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The file's bytes. */
    public byte[] bytes(ExportTable table) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        write(table, out);
        return out.toByteArray();
    }

    /** {@code csv} or {@code xlsx}, any case. */
    public static TableFile named(String format) {
        return valueOf(format.toUpperCase(Locale.ROOT));
    }

    private static String line(List<?> cells) {
        return cells.stream().map(TableFile::quoted).collect(Collectors.joining(",")) + "\n";
    }

    /**
     * RFC 4180 quoting; text that a spreadsheet would take for a formula (=, +, -, @ first) gets a
     * leading apostrophe, so a resident's address can never run as one.
     */
    private static String quoted(Object cell) {
        if (cell instanceof Number) {
            return cell.toString();
        }
        String text = cell == null ? "" : cell.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.contains("\"") || text.contains(",") || text.contains("\n") || text.contains("\r")
                || text.startsWith(" ") || text.endsWith(" ");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
