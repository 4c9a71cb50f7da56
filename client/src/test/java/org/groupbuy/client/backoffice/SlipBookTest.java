package org.groupbuy.client.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slips as a printer sees them: the PDF is rendered by poppler's pdftoppm (scripts/prerequisites.sh
 * installs poppler-utils) and each page's QR code is decoded from the PNG.
 */
class SlipBookTest {
    /** Tokens of the lengths in use: today's 6 digits, 16 base32 characters in groups of four. */
    private static final List<PickupSlip> SLIPS = List.of(
            new PickupSlip("GB-7", "H-001", List.of(new PickupSlip.Line("VEG-BOX", "Vegetable box 5kg", 2)), "482913"),
            new PickupSlip("GB-7", "H-002", List.of(new PickupSlip.Line("VEG-BOX", "Vegetable box 5kg", 1),
                    new PickupSlip.Line("MILK-12", "牛奶", 1)), "ABCD-EFGH-JKLM-NPQR"),
            new PickupSlip("GB-7", "H-010", List.of(new PickupSlip.Line("MILK-12", "Milk", 1)), "7Q2MZX4KT6WB3RDA"));

    @TempDir
    static Path dir;
    static Path pdf;

    @BeforeAll
    static void printTheSlips() throws IOException {
        pdf = dir.resolve("slips.pdf");
        new SlipBook().write(SLIPS, pdf);
    }

    @Test
    void hasOnePagePerHouseholdNamingItsHouseholdItemsAndToken() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            PDFTextStripper text = new PDFTextStripper();
            for (int page = 1; page <= 3; page++) {
                text.setStartPage(page);
                text.setEndPage(page);
                PickupSlip slip = SLIPS.get(page - 1);
                assertThat(text.getText(document)).contains("Household " + slip.household(), slip.token(),
                        slip.lines().get(0).quantity() + " x " + slip.lines().get(0).sku());
            }
        }
    }

    @Test
    void rendersWithPdftoppmAndEachQrCodeDecodesToItsHouseholdsToken() throws Exception {
        List<Path> pages = render();

        assertThat(pages).hasSize(3);
        List<String> decoded = new ArrayList<>();
        for (Path page : pages) {
            decoded.add(decode(ImageIO.read(page.toFile())));
        }
        assertThat(decoded).containsExactly("482913", "ABCD-EFGH-JKLM-NPQR", "7Q2MZX4KT6WB3RDA");
    }

    @Test
    void leavesNoPersonalDetailOrPartialFileBehind() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part"))).isEmpty();
        }
    }

    /** pdftoppm -r 150 -png: one PNG per page, in page order. */
    private static List<Path> render() throws Exception {
        Path prefix = dir.resolve("page");
        Process process = new ProcessBuilder("pdftoppm", "-r", "150", "-png", pdf.toString(), prefix.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("pdftoppm: " + output).isZero();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("page-\\d+\\.png")).sorted().toList();
        }
    }

    private static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
