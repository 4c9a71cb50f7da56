package org.groupbuy.client.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.groupbuy.client.orders.PickupCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The back-office commands behind the real command line, on a mocked ledger. */
class BackOfficeCommandsTest {
    /** Codes as the codes file holds them today (digits); SlipBookTest prints 16-character tokens too. */
    private static final PickupCode H1 = new PickupCode("aa11", "004829131234");
    private static final PickupCode H2 = new PickupCode("bb22", "482913");
    private final LedgerDouble ledger = new LedgerDouble();
    @TempDir
    Path dir;

    @BeforeEach
    void aGroupBuyWithThreeOrders() {
        ledger.answers.put(org.groupbuy.client.ledger.Transaction.GET_GROUP_BUY, "{\"id\":\"GB-7\",\"status\":\"SETTLED\",\"items\":[{\"sku\":\"VEG-BOX\","
                + "\"name\":\"Vegetable box\",\"unitPriceCents\":3500,\"maxPerHousehold\":2}],\"minimum\":{\"quantity\":2},"
                + "\"settlement\":{\"collectedCents\":7000,\"refundedCents\":0,\"supplierPaidCents\":6800,"
                + "\"supplierRefundedCents\":0,\"leaderFeeCents\":200,\"deliveredGoodsCents\":0}}");
        ledger.answers.put(org.groupbuy.client.ledger.Transaction.LIST_HOUSEHOLD_ORDERS, "{\"records\":["
                + order("H-001", "CONFIRMED", H1) + "," + order("H-002", "CONFIRMED", H2) + ","
                + order("H-003", "CANCELLED", H2) + "],\"bookmark\":\"\",\"fetched\":3}");
        ledger.answers.put(org.groupbuy.client.ledger.Transaction.TRACE, "[{\"type\":\"PaymentRecorded\",\"household\":\"H-001\",\"details\":{\"amountCents\":\"3500\"}},"
                + "{\"type\":\"PaymentRecorded\",\"household\":\"H-002\",\"details\":{\"amountCents\":\"3500\"}},"
                + "{\"type\":\"SupplierPaymentRecorded\",\"details\":{\"amountCents\":\"6800\"}}]");
    }

    private static String order(String household, String status, PickupCode code) {
        return "{\"household\":\"" + household + "\",\"lines\":[{\"sku\":\"VEG-BOX\",\"quantity\":1}],\"status\":\""
                + status + "\",\"amountCents\":3500,\"offline\":true,\"pickupSalt\":\"" + code.salt()
                + "\",\"pickupCodeHash\":\"" + code.hash() + "\"}";
    }

    @Nested
    class Slips {
        @Test
        void printOnePagePerWaitingHouseholdWithTheCodeOnFileThatMatchesTheLedger() throws Exception {
            Path codes = Files.writeString(dir.resolve("codes.csv"), "household,code,status\nH-001,004829131234,"
                    + "pending\nH-001,004829131234,issued\nH-002,111111,issued\nH-002,482913,issued\n");
            Path pdf = dir.resolve("slips.pdf");

            int exit = ledger.run("leader", "slips", "GB-7", "--codes", codes.toString(), "--out", pdf.toString());

            assertThat(exit).as(ledger.err.toString()).isZero();
            assertThat(ledger.out.toString()).isEqualTo("wrote 2 pickup slip(s) for GB-7 to " + pdf + "\n");
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                assertThat(document.getNumberOfPages()).isEqualTo(2);
                assertThat(new PDFTextStripper().getText(document)).contains("Household H-001", "004829131234",
                        "Household H-002", "482913", "1 x VEG-BOX").doesNotContain("111111", "H-003");
            }
        }

        @Test
        void nameTheHouseholdsWithoutACodeAndWriteNothing() throws Exception {
            Path codes = Files.writeString(dir.resolve("codes.csv"), "H-001,004829131234,issued\n");
            Path pdf = dir.resolve("slips.pdf");

            int exit = ledger.run("leader", "slips", "GB-7", "--codes", codes.toString(), "--out", pdf.toString());

            assertThat(exit).isEqualTo(2);
            assertThat(ledger.err.toString()).contains("[CODES_MISSING] 1 household(s) have no pickup code in " + codes
                    + " that matches the ledger: H-002; nothing was written");
            assertThat(pdf).doesNotExist();
        }
    }

    @Nested
    class Exports {
        @Test
        void writeTheMoneyAsAWorkbookAndSayItReconciles() throws Exception {
            Path xlsx = dir.resolve("money.xlsx");

            int exit = ledger.run("leader", "export", "money", "GB-7", "--format", "xlsx", "--out", xlsx.toString());

            assertThat(exit).as(ledger.err.toString()).isZero();
            assertThat(ledger.err.toString()).contains("GB-7: collectedCents 7000, refundedCents 0, supplierPaidCents 6800, "
                    + "supplierRefundedCents 0, leaderFeeCents 200, deliveredGoodsCents 0; reconciles with its settlement");
            try (InputStream in = Files.newInputStream(xlsx); Workbook workbook = WorkbookFactory.create(in)) {
                Sheet sheet = workbook.getSheet("money");
                assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("orderedCents");
                assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("TOTAL");
                assertThat(sheet.getRow(4).getCell(3).getNumericCellValue()).isEqualTo(7000);
            }
        }

        @Test
        void printCsvWithoutAFile() {
            int exit = ledger.run("leader", "export", "picking", "GB-7");

            assertThat(exit).isZero();
            assertThat(ledger.out.toString()).isEqualTo("sku,item,quantity,households\nVEG-BOX,Vegetable box,2,2\n");
        }

        @Test
        void refuseAWorkbookWithoutAFileBeforeReadingTheLedger() {
            int exit = ledger.run("leader", "export", "sorting", "GB-7", "--format", "xlsx");

            assertThat(exit).isEqualTo(2);
            assertThat(ledger.err.toString()).contains("[NO_OUT] --format xlsx needs --out FILE");
            assertThat(ledger.builders).doesNotContainKey(org.groupbuy.client.ledger.Transaction.LIST_HOUSEHOLD_ORDERS);
        }
    }

    @Test
    void importRefusesABadWorkbookWithItsRowNumbersAndSendsNothing() throws Exception {
        Path xlsx = dir.resolve("orders.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); var out = Files.newOutputStream(xlsx)) {
            Sheet sheet = workbook.createSheet();
            String[][] rows = {{"户号", "姓名", "手机", "地址", "VEG-BOX"}, {"H-001", "王丽", "13800000001", "3-402", "1"},
                {"H-002", "赵敏", "13800000002", "4-101", "9"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
        }

        int exit = ledger.run("leader", "import", "--group-buy", "GB-7", xlsx.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(ledger.err.toString()).contains(xlsx + ": row 3: quantity of VEG-BOX is 9, above the maximum of 2 "
                + "per household", "[INVALID_SHEET] 1 problem(s)");
        assertThat(ledger.builders).doesNotContainKey(org.groupbuy.client.ledger.Transaction.ADD_HOUSEHOLD_ORDERS);
    }
}
