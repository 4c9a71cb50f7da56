package org.groupbuy.client.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbookOrdersTest {
    private static final ItemCatalog GB7 = catalog();
    private static final String CSV = "household,name,phone,address,VEG-BOX,MILK-12,offline\n"
            + "H-001,王丽,13800000001,3号楼-402,2,,\n"
            + "H-002,赵敏,13800000002,4号楼-101,1,1,yes\n";

    private static ItemCatalog catalog() {
        Map<String, Integer> items = new LinkedHashMap<>();
        items.put("VEG-BOX", 2);
        items.put("MILK-12", 1);
        return new ItemCatalog(Optional.of(items));
    }

    /** A workbook whose first sheet holds these rows from row 1; a Long becomes a numeric cell, as Excel stores it. */
    static Workbook workbook(List<List<Object>> rows) {
        Workbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("订单");
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            List<Object> cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                Object value = cells.get(c);
                if (value instanceof Long number) {
                    row.createCell(c).setCellValue(number);
                } else if (value != null) {
                    row.createCell(c).setCellValue(value.toString());
                }
            }
        }
        return workbook;
    }

    @Nested
    class AWorkbookWithAColumnPerSku {
        @Test
        void givesTheSameOrdersAsTheEquivalentCsv() {
            SheetCheck check = WorkbookOrders.check(workbook(List.of(
                    List.of("户号", "姓名", "手机", "楼号", "房号", "VEG-BOX", "MILK-12", "无智能手机", "备注"),
                    List.of("H-001", "王丽", 13800000001L, "3号楼", 402L, 2L, "", "", "放门口"),
                    List.of("H-002", "赵敏", 13800000002L, "4号楼", 101L, 1L, 1L, "是", ""))), GB7);

            assertThat(check.problems()).isEmpty();
            assertThat(check.orders()).isEqualTo(OrderSheet.check(CSV, GB7).orders()).hasSize(2);
        }

        @Test
        void takesTheAddressColumnWhenThereIsNoBuildingOrDoor() {
            SheetCheck check = WorkbookOrders.check(workbook(List.of(
                    List.of("编号", "收货人", "电话", "收货地址", "VEG-BOX"),
                    List.of("H-009", "Li", "13800000009", "Building 2 Room 101", 1L))), GB7);

            assertThat(check.orders()).containsExactly(new HouseholdOrder("H-009", "Li", "13800000009",
                    "Building 2 Room 101", Map.of("VEG-BOX", 1), false));
        }
    }

    @Nested
    class AWorkbookWithOneRowPerItem {
        @Test
        void mergesTheRowsOfAHouseholdIntoTheSameOrdersAsTheCsv() {
            SheetCheck check = WorkbookOrders.check(workbook(List.of(
                    List.of("跟团号", "姓名", "手机号", "楼号", "门牌号", "商品", "数量（件）", "代下单", "备注"),
                    List.of("H-001", "王丽", 13800000001L, "3号楼", 402L, "VEG-BOX", 2L, "", ""),
                    List.of("H-002", "赵敏", 13800000002L, "4号楼", 101L, "VEG-BOX", 1L, "是", ""),
                    List.of("H-002", "", "", "", "", "MILK-12", 1L, "", "要冷藏"))), GB7);

            assertThat(check.problems()).isEmpty();
            assertThat(check.orders()).isEqualTo(OrderSheet.check(CSV, GB7).orders());
        }

        @Test
        void namesTheSheetRowOfEveryBadRowAndReturnsNoOrder() {
            SheetCheck check = WorkbookOrders.check(workbook(List.of(
                    List.of("跟团号", "姓名", "手机号", "楼号", "门牌号", "商品", "数量"),
                    List.of("H-001", "王丽", 13800000001L, "3号楼", 402L, "VEG-BOX", 2L),
                    List.of(),
                    List.of("H-002", "赵敏", "12", "4号楼", 101L, "EGGS-30", 1L),
                    List.of("H-001", "王丽", 13800000001L, "3号楼", 402L, "VEG-BOX", 1L),
                    List.of("H-003", "钱", 13800000003L, "5号楼", 1L, "MILK-12", 5L))), GB7);

            assertThat(check.orders()).isEmpty();
            assertThat(check.problems()).containsExactly(
                    "row 4: sku EGGS-30 is not an item of this group buy (items: VEG-BOX, MILK-12)",
                    "row 4: phone '12' is not a phone number (7 to 15 digits)",
                    "row 5: household H-001 lists sku VEG-BOX again (first on row 2)",
                    "row 6: quantity of MILK-12 is 5, above the maximum of 1 per household");
        }
    }

    @Nested
    class AWorkbookItCannotRead {
        @Test
        void namesTheColumnsItMisses() {
            SheetCheck check = WorkbookOrders.check(workbook(List.of(
                    List.of("姓名", "商品", "VEG-BOX"), List.of("王丽", "VEG-BOX", 1L))), GB7);

            assertThat(check.orders()).isEmpty();
            assertThat(check.problems()).containsExactly(
                    "row 1: no column for household (headers accepted: household, 户号, 住户编号, 编号, 跟团号)",
                    "row 1: no column for phone (headers accepted: phone, 电话, 手机, 手机号, 手机号码, 联系电话, 电话号码)",
                    "row 1: no column for the address (headers accepted: address, 地址, 收货地址, 详细地址, 住址; "
                            + "or building, 楼号, 楼栋, 楼栋号, 栋号 with door, 门牌号, 房号, 房间号, 室号)",
                    "row 1: a workbook with one row per item needs both a sku column (sku, 商品, 商品编码, 商品编号, 规格编码) "
                            + "and a quantity column (quantity, 数量, 购买数量, 件数)");
        }

        @Test
        void saysAFileThatIsNotAWorkbookIsNot(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("orders.xlsx");
            Files.writeString(file, CSV);

            SheetCheck check = WorkbookOrders.check(file, GB7);

            assertThat(check.orders()).isEmpty();
            assertThat(check.problems()).singleElement().asString().startsWith("row 1: not an .xlsx workbook");
        }

        @Test
        void asksForAnXlsxInsteadOfAnOldXlsWorkbook(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("orders.xls");
            try (org.apache.poi.hssf.usermodel.HSSFWorkbook old = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
                    java.io.OutputStream out = Files.newOutputStream(file)) {
                old.createSheet().createRow(0).createCell(0).setCellValue("户号");
                old.write(out);
            }

            assertThat(WorkbookOrders.check(file, GB7).problems()).containsExactly("row 1: not an .xlsx workbook (an old "
                    + ".xls, or another kind of file); save it in Excel as \"Excel Workbook (*.xlsx)\" or export CSV");
        }

        @Test
        void reportsAnUnknownSkuColumnOnTheHeaderRow() {
            SheetCheck check = WorkbookOrders.check(workbook(List.of(
                    List.of("户号", "姓名", "手机", "地址", "下单时间"),
                    List.of("H-001", "王丽", 13800000001L, "3-402", "2026-04-10"))), GB7);

            assertThat(check.problems()).containsExactly(
                    "row 1: column 下单时间 is not an item of this group buy (items: VEG-BOX, MILK-12)");
        }
    }
}
