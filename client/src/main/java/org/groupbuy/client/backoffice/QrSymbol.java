package org.groupbuy.client.backoffice;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A QR code of a text as its grid of modules (no quiet zone: the printer leaves four modules of white). */
public record QrSymbol(BitMatrix modules) {

    /** Error correction M (15 %): a slip may be creased or smudged. */
    public static QrSymbol of(String text) {
        try {
            return new QrSymbol(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name())));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot make a QR code of a " + text.length() + "-character token: "
                    + e.getMessage(), e);
        }
    }

    /** Modules per side. */
    public int size() {
        return modules.getWidth();
    }

    public boolean dark(int x, int y) {
        return modules.get(x, y);
    }
}
