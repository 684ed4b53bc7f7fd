package org.socialworkshop.receipts.render;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import static com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.H;
import static com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.L;
import static com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M;
import static com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.Q;

/**
 * ESC/POS command bytes, as Epson documents them and Chinese thermal printers (Xprinter, GPrinter, Sunmi and the
 * like) accept them. Text is sent in GB18030 with the printer in Chinese mode ({@code FS &}); control characters
 * in text become spaces, so no receipt text can smuggle in a command.
 */
final class EscPosBuilder {

    static final Charset GB18030 = Charset.forName("GB18030");

    private static final byte ESC = 0x1B;
    private static final byte GS = 0x1D;
    private static final byte FS = 0x1C;
    private static final byte LF = 0x0A;
    /** {@code GS ( k} with {@code cn = 49}: the QR code functions. */
    private static final byte[] QR = {GS, '(', 'k'};

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);

    /** {@code ESC @} (reset), then {@code FS &}: bytes 0x80 and above start a double-byte Chinese character. */
    EscPosBuilder initialise() {
        return add(ESC, '@').add(FS, '&');
    }

    /** {@code ESC a n}: 0 left, 1 centre. */
    EscPosBuilder centred(boolean centred) {
        return add(ESC, 'a', centred ? 1 : 0);
    }

    /** {@code ESC E n}: emphasised. */
    EscPosBuilder bold(boolean bold) {
        return add(ESC, 'E', bold ? 1 : 0);
    }

    /**
     * Double height, same width, so the columns stay: {@code GS ! n} for ASCII and {@code FS ! n} (bit 3) for
     * Chinese characters.
     */
    EscPosBuilder tall(boolean tall) {
        return add(GS, '!', tall ? 0x01 : 0x00).add(FS, '!', tall ? 0x08 : 0x00);
    }

    /** One line of text, ended by LF; the caller keeps it within the paper's columns. */
    EscPosBuilder line(String text) {
        bytes.writeBytes(printable(text).getBytes(GB18030));
        return add(LF);
    }

    /**
     * A QR code printed by the printer itself ({@code GS ( k}): model 2 (function 165), the module size in dots
     * (167), error correction (169: 48 L, 49 M, 50 Q, 51 H), the data (180), then print (181).
     */
    EscPosBuilder qrCode(String data, int moduleDots, ErrorCorrectionLevel errorCorrection) {
        byte[] payload = data.getBytes(StandardCharsets.UTF_8);
        qrFunction(new byte[] {'A', '2', 0});
        qrFunction(new byte[] {'C', (byte) moduleDots});
        qrFunction(new byte[] {'E', (byte) ('0' + List.of(L, M, Q, H).indexOf(errorCorrection))});
        byte[] store = new byte[payload.length + 2];
        store[0] = 'P';
        store[1] = '0';
        System.arraycopy(payload, 0, store, 2, payload.length);
        qrFunction(store);
        return qrFunction(new byte[] {'Q', '0'});
    }

    /**
     * The QR code of {@code url} centred on {@code roll}, with a blank line above and below: its modules as large as the
     * printable width allows (at most 6 dots), counting the quiet zone {@code qrCodes} draws, since the printer adds none.
     */
    EscPosBuilder centredQrCode(String url, Roll roll, QrCodes qrCodes) {
        int modules = qrCodes.matrix(url).getWidth();
        int moduleDots = Math.max(1, Math.min(6, roll.dots() / modules));
        return line("").centred(true).qrCode(url, moduleDots, QrCodes.ERROR_CORRECTION).centred(false).line("");
    }

    /** {@code ESC d n}: prints and feeds n lines. */
    EscPosBuilder feed(int lines) {
        return add(ESC, 'd', lines);
    }

    /** {@code GS V 66 0}: feeds to the cutter and cuts, leaving a tab (partial cut). */
    EscPosBuilder cut() {
        return add(GS, 'V', 66, 0);
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }

    /** {@code GS ( k pL pH 49 fn ...}: the length counts {@code cn}, {@code fn} and the parameters. */
    private EscPosBuilder qrFunction(byte[] functionAndParameters) {
        int length = functionAndParameters.length + 1;
        bytes.writeBytes(QR);
        add(length & 0xFF, length >>> 8, '1');
        bytes.writeBytes(functionAndParameters);
        return this;
    }

    private EscPosBuilder add(int... values) {
        for (int value : values) {
            bytes.write(value);
        }
        return this;
    }

    private static String printable(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return clean.toString();
    }
}
