package org.groupbuy.client.backoffice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Printable pickup slips, one A6 page per household: group buy and household reference, the items,
 * the pickup token as a QR code and as text (monospaced, for residents who read it out), and a
 * reminder to keep it private. Nothing personal is printed: a lost slip names no one.
 */
public final class SlipBook {
    private static final float MARGIN = 24;
    private static final float QR_SIDE = 150;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);

    /** Writes the slips to {@code file} (replaced), through a temporary file beside it. */
    public void write(List<PickupSlip> slips, Path file) throws IOException {
        Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".part");
        try (PDDocument document = new PDDocument()) {
            for (PickupSlip slip : slips) {
                page(document, slip);
            }
            document.save(partial.toFile());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private void page(PDDocument document, PickupSlip slip) throws IOException {
        PDPage page = new PDPage(PDRectangle.A6);
        document.addPage(page);
        float width = page.getMediaBox().getWidth();
        float top = page.getMediaBox().getHeight() - MARGIN;
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            text(content, regular, 9, MARGIN, top, "Pickup slip - group buy " + slip.groupBuyId());
            text(content, bold, 20, MARGIN, top - 26, "Household " + slip.household());
            float y = top - 48;
            for (PickupSlip.Line line : slip.lines()) {
                String name = printable(line.name()) && !line.name().equals(line.sku()) ? "  " + line.name() : "";
                text(content, regular, 10, MARGIN, y, line.quantity() + " x " + line.sku() + name);
                y -= 13;
            }
            QrSymbol qr = QrSymbol.of(slip.token());
            float module = QR_SIDE / qr.size();
            float left = (width - QR_SIDE) / 2;
            float bottom = MARGIN + 64;
            content.setNonStrokingColor(0f);
            for (int row = 0; row < qr.size(); row++) {
                for (int col = 0; col < qr.size(); col++) {
                    if (qr.dark(col, row)) {
                        content.addRect(left + col * module, bottom + QR_SIDE - (row + 1) * module, module, module);
                    }
                }
            }
            content.fill();
            float size = fitting(slip.token(), width - 2 * MARGIN);
            float tokenWidth = mono.getStringWidth(slip.token()) / 1000 * size;
            text(content, mono, size, (width - tokenWidth) / 2, MARGIN + 36, slip.token());
            text(content, regular, 8, MARGIN, MARGIN + 12, "Show this slip at the hand-over point. Keep the code private:");
            text(content, regular, 8, MARGIN, MARGIN + 2, "whoever holds it can collect the goods.");
        }
    }

    /** The token's font size: 16 points, smaller for a long token so that it fits the line. */
    private float fitting(String token, float room) throws IOException {
        float at16 = mono.getStringWidth(token) / 1000 * 16;
        return at16 <= room ? 16 : 16 * room / at16;
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(printable(text) ? text : text.replaceAll("[^\\x20-\\x7E]", "?"));
        content.endText();
    }

    /** Whether the standard fonts can print the text (printable ASCII; item names in Chinese are left out). */
    static boolean printable(String text) {
        return text != null && text.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
    }
}
