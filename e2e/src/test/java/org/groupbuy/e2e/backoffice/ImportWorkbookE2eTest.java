package org.groupbuy.e2e.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.groupbuy.e2e.GroupBuyFixture;
import org.groupbuy.e2e.TestCommunity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.groupbuy.client.ledger.Transaction;

/**
 * Issue 16, acceptance 2: a workbook with Chinese headers made with POI and the equivalent CSV, each
 * imported by {@code groupbuy leader import} into a group buy of its own, give the same ledger (public
 * orders and private details); a workbook with bad rows is refused with its sheet row numbers and
 * nothing is written; importing the workbook again changes nothing.
 */
@Tag("e2e")
class ImportWorkbookE2eTest {
    @TempDir
    Path dir;

    @Test
    void aChineseWorkbookGivesTheSameLedgerAsTheEquivalentCsv() throws Exception {
        GroupBuyFixture fromXlsx = GroupBuyFixture.open("xlsx", true);
        GroupBuyFixture fromCsv = GroupBuyFixture.open("csv", true);

        Cli.Run xlsx = importInto(fromXlsx, Sheets.chineseWorkbook(dir.resolve("订单.xlsx")), "xlsx.codes");
        Cli.Run csv = importInto(fromCsv, Sheets.equivalentCsv(dir.resolve("orders.csv")), "csv.codes");

        assertThat(xlsx.exitCode()).as(xlsx.describe()).isZero();
        assertThat(csv.exitCode()).as(csv.describe()).isZero();
        assertThat(xlsx.out()).contains("imported 3 household(s) into " + fromXlsx.id);
        assertThat(ledger(fromXlsx)).isEqualTo(ledger(fromCsv)).hasSize(3);
        assertThat(ledger(fromXlsx).get("H-002")).isEqualTo("lines=[{\"sku\":\"RICE-5KG\",\"quantity\":1}] offline=true "
                + "status=JOINED amountCents=3500 details={\"name\":\"赵敏\",\"phone\":\"13800000002\",\"address\":\"4号楼-101\"}");

        Cli.Run again = importInto(fromXlsx, dir.resolve("订单.xlsx"), "xlsx.codes");
        assertThat(again.exitCode()).as(again.describe()).isZero();
        assertThat(again.out()).contains("imported 0 household(s) into " + fromXlsx.id + ", skipped 3");
        assertThat(ledger(fromXlsx)).isEqualTo(ledger(fromCsv));
    }

    @Test
    void aWorkbookWithBadRowsIsRefusedWithItsSheetRowNumbersAndNothingIsWritten() throws Exception {
        GroupBuyFixture gb = GroupBuyFixture.open("badxlsx", true);
        Path bad = Sheets.workbook(dir.resolve("bad.xlsx"), List.of(Sheets.CHINESE_HEADER,
                List.of("H-001", "王丽", 13800000001L, "3号楼", 402L, "RICE-5KG", 2L, "", ""),
                List.of("H-002", "赵敏", "12", "4号楼", 101L, "RICE-5KG", 1L, "", ""),
                List.of("H-003", "钱伟", 13800000003L, "4号楼", 1201L, "RICE-5KG", 3L, "", ""),
                List.of("H-003", "钱伟", 13800000003L, "4号楼", 1201L, "EGGS-30", 1L, "", "")));

        Cli.Run run = importInto(gb, bad, "bad.codes");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.err()).contains(bad + ": row 3: phone '12' is not a phone number (7 to 15 digits)",
                bad + ": row 4: quantity of RICE-5KG is 3, above the maximum of 2 per household",
                bad + ": row 5: sku EGGS-30 is not an item of this group buy (items: RICE-5KG)",
                "[INVALID_SHEET] 3 problem(s) in " + bad + "; nothing was sent");
        assertThat(gb.orders()).isEmpty();
    }

    private Cli.Run importInto(GroupBuyFixture gb, Path sheet, String codes) throws Exception {
        return Cli.run(dir, "leader", "import", "--group-buy", gb.id, sheet.toString(),
                "--codes-out", dir.resolve(codes).toString(), "--org", "leader", "--user", "leader3");
    }

    /** household -> its public order (lines, offline, status, amount) and private details, as leader3 reads them. */
    private static Map<String, String> ledger(GroupBuyFixture gb) {
        Map<String, String> ledger = new TreeMap<>();
        gb.orders().forEach((household, order) -> {
            JsonObject details = TestCommunity.leader().evaluate(Transaction.GET_HOUSEHOLD_DETAILS, gb.id, household)
                    .getAsJsonObject();
            // each import draws its own salt for every stored value (docs/contract.md): 32 hex digits, compared apart
            assertThat(details.remove("salt").getAsString()).matches("[0-9a-f]{32}");
            ledger.put(household, "lines=" + order.get("lines") + " offline=" + order.get("offline") + " status="
                    + order.get("status").getAsString() + " amountCents=" + order.get("amountCents")
                    + " details=" + details);
        });
        return ledger;
    }
}
