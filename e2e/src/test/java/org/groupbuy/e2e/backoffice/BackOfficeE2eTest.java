package org.groupbuy.e2e.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.groupbuy.e2e.GroupBuyFixture;
import org.groupbuy.e2e.Ledger;
import org.groupbuy.e2e.TestCommunity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.groupbuy.client.ledger.Transaction;

/**
 * Issue 16, acceptance 3 and 4 on the real network: a group buy imported from a Chinese workbook gets
 * printable slips whose QR codes (rendered by pdftoppm) decode to each household's pickup code; the
 * picking and sorting lists are what was ordered; once it is SETTLED, the money export's figures
 * equal the settlement's, and the stats count what happened.
 */
@Tag("e2e")
class BackOfficeE2eTest {
    /** The rendered slips, kept as test artifacts (Maven runs this in the e2e module). */
    private static final Path ARTIFACTS = Path.of("target", "backoffice-artifacts");
    @TempDir
    Path dir;

    @Test
    void slipsListsAndTheMoneyExportOfAGroupBuyRunToSettled() throws Exception {
        Ledger leader = TestCommunity.leader();
        GroupBuyFixture gb = GroupBuyFixture.open("office", true);
        Path codes = dir.resolve("codes.csv");
        assertOk(leader("import", "--group-buy", gb.id, Sheets.chineseWorkbook(dir.resolve("订单.xlsx")).toString(),
                "--codes-out", codes.toString()));
        Map<String, String> issued = issued(codes);
        assertThat(issued).containsOnlyKeys("H-001", "H-002", "H-003");

        assertOk(leader("slips", gb.id, "--codes", codes.toString(), "--out", dir.resolve("slips.pdf").toString()));
        assertThat(decodedPages(dir.resolve("slips.pdf"))).containsExactlyElementsOf(issued.values());

        assertOk(leader("export", "picking", gb.id, "--out", dir.resolve("picking.csv").toString()));
        assertThat(Files.readString(dir.resolve("picking.csv")))
                .isEqualTo("sku,item,quantity,households\nRICE-5KG,Rice 5 kg,4,3\n");
        assertOk(leader("export", "sorting", gb.id, "--out", dir.resolve("sorting.csv").toString()));
        assertThat(Files.readString(dir.resolve("sorting.csv"))).isEqualTo(
                "building,door,household,items,units,offline,status\n3号楼,402,H-001,RICE-5KG x2,2,,JOINED\n"
                        + "4号楼,101,H-002,RICE-5KG x1,1,yes,JOINED\n4号楼,1201,H-003,RICE-5KG x1,1,,JOINED\n");

        runToSettled(gb, issued);

        Cli.Run money = leader("export", "money", gb.id, "--out", dir.resolve("money.csv").toString());
        assertOk(money);
        assertOk(leader("export", "money", gb.id, "--format", "xlsx", "--out", dir.resolve("money.xlsx").toString()));
        assertThat(Files.size(dir.resolve("money.xlsx"))).isPositive();
        JsonObject settlement = gb.read().getAsJsonObject("settlement");
        Map<String, Long> exported = figures(Files.readAllLines(dir.resolve("money.csv")));
        assertThat(exported).hasSize(6).allSatisfy((figure, cents) ->
                assertThat(cents).as(figure).isEqualTo(settlement.get(figure).getAsLong()));
        assertThat(exported).containsEntry("collectedCents", 14000L).containsEntry("leaderFeeCents", 300L);
        assertThat(Files.readAllLines(dir.resolve("money.csv"))).contains("TOTAL,,14000,14000,3500,10500");
        assertThat(money.err()).contains("reconciles with its settlement");

        Cli.Run stats = leader("stats", gb.id);
        assertOk(stats);
        assertThat(stats.out()).contains("delivered   2, still to hand over 0",
                "disputes    0 opened, 0 upheld, 0 rejected, 0 open", "units       3 of the supplier's minimum 2");
    }

    /** Close, ship, hand over H-001 and H-002 with their codes, H-003 undeliverable and refunded; pay; settle. */
    private static void runToSettled(GroupBuyFixture gb, Map<String, String> codes) {
        Ledger leader = TestCommunity.leader();
        Ledger supplier = TestCommunity.supplier();
        Ledger committee = TestCommunity.committee();
        Ledger volunteer = TestCommunity.volunteer();
        leader.submit(Transaction.RECORD_PAYMENT, gb.id, "H-001", "7000", GroupBuyFixture.hash("pay 1 " + gb.id));
        leader.submit(Transaction.RECORD_PAYMENT, gb.id, "H-002", "3500", GroupBuyFixture.hash("pay 2 " + gb.id));
        leader.submit(Transaction.RECORD_PAYMENT, gb.id, "H-003", "3500", GroupBuyFixture.hash("pay 3 " + gb.id));
        leader.submit(Transaction.CLOSE, gb.id);
        supplier.submit(Transaction.ACCEPT, gb.id, Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        supplier.submit(Transaction.PACK, gb.id, "{\"lots\":[{\"sku\":\"RICE-5KG\",\"lot\":\"BO-" + gb.id
                + "\",\"quantity\":4}],\"evidenceHashes\":[\"" + GroupBuyFixture.hash("inspection " + gb.id) + "\"]}");
        leader.submit(Transaction.REQUEST_ARRIVAL, gb.id, TestCommunity.slotDay() + "T10:00:00Z");
        committee.submit(Transaction.APPROVE_ARRIVAL, gb.id);
        TestCommunity.courier().submit(Transaction.DISPATCH, gb.id, "{\"passNumber\":\"SH-PASS-BO\",\"vehicle\":\"HU-BO01\","
                + "\"driverHealthCheckHash\":\"" + GroupBuyFixture.hash("driver " + gb.id) + "\"}");
        volunteer.submit(Transaction.ARRIVE, gb.id, "{\"received\":[{\"sku\":\"RICE-5KG\",\"quantity\":4}],"
                + "\"staff\":[{\"staffRef\":\"V-32\",\"temperatureCheckHash\":\"" + GroupBuyFixture.hash("temp " + gb.id) + "\"}]}");
        volunteer.submit(Transaction.DISINFECT, gb.id, "chlorine spray", "0");
        volunteer.submit(Transaction.DELIVER, gb.id, "H-001", codes.get("H-001"));
        leader.submit(Transaction.DELIVER, gb.id, "H-002", codes.get("H-002"));
        committee.submit(Transaction.MARK_UNDELIVERABLE, gb.id, "H-003", "in a quarantine hotel");
        committee.submit(Transaction.COMPLETE, gb.id);
        leader.submit(Transaction.RECORD_REFUND, gb.id, "H-003", "3500", GroupBuyFixture.hash("refund 3 " + gb.id));
        // goods delivered: 3 x 35.00 = 105.00; fee cap 3% = 3.15; the leader keeps 3.00
        TestCommunity.paySupplier(gb.id, 10200);
        assertThat(leader.submit(Transaction.SETTLE, gb.id).getAsJsonObject().get("status").getAsString())
                .isEqualTo("SETTLED");
    }

    private Cli.Run leader(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("leader"));
        all.addAll(List.of(args));
        all.addAll(List.of("--org", "leader", "--user", "leader3"));
        return Cli.run(dir, all.toArray(String[]::new));
    }

    private static void assertOk(Cli.Run run) {
        assertThat(run.exitCode()).as(run.describe()).isZero();
    }

    /** household -> code of the lines marked issued in the import's codes file. */
    private static Map<String, String> issued(Path codes) throws Exception {
        Map<String, String> issued = new LinkedHashMap<>();
        for (String line : Files.readAllLines(codes)) {
            String[] cells = line.split(",");
            if (cells.length == 3 && cells[2].equals("issued")) {
                issued.put(cells[0], cells[1]);
            }
        }
        return issued;
    }

    /** The settlement figures of the money export: the rows after its "figure,ledger,settlement,match" line. */
    private static Map<String, Long> figures(List<String> lines) {
        Map<String, Long> figures = new LinkedHashMap<>();
        boolean after = false;
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            if (after) {
                assertThat(cells[3]).as(line).isEqualTo("yes");
                figures.put(cells[0], Long.parseLong(cells[1]));
            }
            after = after || line.equals("figure,ledger,settlement,match");
        }
        return figures;
    }

    /** Each page rendered by pdftoppm (kept in {@link #ARTIFACTS}), its QR code decoded, in page order. */
    private List<String> decodedPages(Path pdf) throws Exception {
        Path prefix = dir.resolve("slip");
        Process process = new ProcessBuilder("pdftoppm", "-r", "150", "-png", pdf.toString(), prefix.toString())
                .inheritIO().start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        List<String> decoded = new ArrayList<>();
        try (Stream<Path> pages = Files.list(dir)) {
            for (Path page : pages.filter(p -> p.getFileName().toString().matches("slip-\\d+\\.png")).sorted().toList()) {
                Files.copy(page, Files.createDirectories(ARTIFACTS).resolve(page.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
                BufferedImage image = ImageIO.read(page.toFile());
                int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
                decoded.add(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(
                        image.getWidth(), image.getHeight(), pixels))), Map.of(DecodeHintType.TRY_HARDER, true)).getText());
            }
        }
        return decoded;
    }
}
