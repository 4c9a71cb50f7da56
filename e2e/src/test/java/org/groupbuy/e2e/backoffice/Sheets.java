package org.groupbuy.e2e.backoffice;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Order sheets as the tests hand them to {@code leader import}: a workbook made with POI, and the same as CSV. */
final class Sheets {
    /** A group-chain export's headers: one row per household and item. */
    static final List<Object> CHINESE_HEADER = List.of("跟团号", "姓名", "手机", "楼号", "房号", "商品", "数量", "代下单", "备注");

    private Sheets() {
    }

    /** Writes the rows to the first sheet; numbers (Long) become numeric cells, as Excel keeps phone numbers. */
    static Path workbook(Path file, List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("团购订单");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Long number) {
                        row.createCell(c).setCellValue(number);
                    } else {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
        }
        return file;
    }

    /** Three households of C3 in a group-chain export (H-002 over two rows, once without its contact). */
    static Path chineseWorkbook(Path file) throws IOException {
        return workbook(file, List.of(CHINESE_HEADER,
                List.of("H-001", "王丽", 13800000001L, "3号楼", 402L, "RICE-5KG", 2L, "", "放门口"),
                List.of("H-002", "赵敏", 13800000002L, "4号楼", 101L, "RICE-5KG", 1L, "是", ""),
                List.of("H-003", "钱伟", 13800000003L, "4号楼", 1201L, "RICE-5KG", 1L, "", "")));
    }

    /** The same orders as our CSV. */
    static Path equivalentCsv(Path file) throws IOException {
        return Files.writeString(file, "household,name,phone,address,RICE-5KG,offline\n"
                + "H-001,王丽,13800000001,3号楼-402,2,\n"
                + "H-002,赵敏,13800000002,4号楼-101,1,yes\n"
                + "H-003,钱伟,13800000003,4号楼-1201,1,\n");
    }
}
