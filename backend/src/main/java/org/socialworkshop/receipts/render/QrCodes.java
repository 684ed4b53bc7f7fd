package org.socialworkshop.receipts.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.springframework.stereotype.Component;

/**
 * QR codes for a receipt's verification URL: error correction level M (15 % of the symbol may be lost, enough for
 * a creased receipt while keeping a 120-character URL at version 7), a quiet zone of {@value #QUIET_ZONE} modules,
 * black on white.
 */
@Component
public class QrCodes {

    public static final ErrorCorrectionLevel ERROR_CORRECTION = ErrorCorrectionLevel.M;
    public static final int QUIET_ZONE = 4;
    public static final int MIN_SIZE = 128;
    public static final int MAX_SIZE = 1024;

    private static final Map<EncodeHintType, Object> ASCII = Map.of(
            EncodeHintType.ERROR_CORRECTION, ERROR_CORRECTION,
            EncodeHintType.MARGIN, QUIET_ZONE);
    private static final Map<EncodeHintType, Object> UTF_8 = Map.of(
            EncodeHintType.ERROR_CORRECTION, ERROR_CORRECTION,
            EncodeHintType.MARGIN, QUIET_ZONE,
            EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());

    /**
     * The symbol with its quiet zone, one bit per module ({@code true} is dark): its width less
     * {@code 2 * QUIET_ZONE} is the symbol's side (21 modules for version 1, 4 more per version).
     *
     * @throws IllegalArgumentException when the text is empty or too long for a QR code
     */
    public BitMatrix matrix(String url) {
        return encode(url, 0);
    }

    /**
     * A square PNG of {@code sizePx} pixels: every module the same whole number of pixels, the symbol centred, the
     * quiet zone (and any remaining pixels) white.
     *
     * @throws IllegalArgumentException when the size is outside {@value #MIN_SIZE}..{@value #MAX_SIZE}, or the
     *         symbol with its quiet zone has more modules than the image has pixels
     */
    public byte[] png(String url, int sizePx) {
        if (sizePx < MIN_SIZE || sizePx > MAX_SIZE) {
            throw new IllegalArgumentException("QR code size must be " + MIN_SIZE + ".." + MAX_SIZE + " px, not " + sizePx);
        }
        BitMatrix matrix = encode(url, sizePx);
        if (matrix.getWidth() != sizePx) {
            // zxing widens the image to one pixel per module when fewer pixels than modules were asked for.
            throw new IllegalArgumentException("A QR code for this text needs more than " + sizePx + " px");
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(4096);
        try {
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private static BitMatrix encode(String url, int sizePx) {
        if (url.isEmpty()) {
            throw new IllegalArgumentException("Nothing to encode in a QR code");
        }
        try {
            // A character set hint adds an ECI header that some older readers trip over: only for non-ASCII text.
            Map<EncodeHintType, Object> hints = StandardCharsets.US_ASCII.newEncoder().canEncode(url) ? ASCII : UTF_8;
            return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, sizePx, sizePx, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode as a QR code: " + e.getMessage(), e);
        }
    }
}
