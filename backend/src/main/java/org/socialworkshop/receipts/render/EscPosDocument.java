package org.socialworkshop.receipts.render;

import org.socialworkshop.receipts.ReceiptContent;
import org.socialworkshop.shared.Language;
import org.socialworkshop.shared.Money;

/**
 * Another document than a receipt on the counter's thermal printer (a shift's X or Z report), laid out as receipts
 * are ({@link EscPos}): text in GB18030 in Chinese mode, wrapped to the roll's columns, labels on the left and amounts
 * on the right, the QR code drawn by the printer with its address beneath, then a partial cut. Not thread-safe: one
 * document per instance.
 */
public final class EscPosDocument {

    private final EscPosBuilder out = new EscPosBuilder().initialise();
    private final Roll roll;
    private final QrCodes qrCodes;

    /** @param widthMm 58 or 80 */
    public EscPosDocument(int widthMm, QrCodes qrCodes) {
        this.roll = Roll.of(widthMm);
        this.qrCodes = qrCodes;
    }

    /** Centred, bold and double height. */
    public EscPosDocument title(String text) {
        out.bold(true).tall(true);
        Columns.center(text, roll.columns()).forEach(out::line);
        out.tall(false).bold(false);
        return this;
    }

    /** Bold, on a line of its own after a rule. */
    public EscPosDocument heading(String text) {
        rule();
        out.bold(true);
        Columns.wrap(text, roll.columns()).forEach(out::line);
        out.bold(false);
        return this;
    }

    public EscPosDocument text(String text) {
        Columns.wrap(text, roll.columns()).forEach(out::line);
        return this;
    }

    /** A label on the left, a value (an amount, a count) on the right; the label wraps when both do not fit. */
    public EscPosDocument row(String label, String value) {
        Columns.spread(label, value, roll.columns()).forEach(out::line);
        return this;
    }

    public EscPosDocument rule() {
        out.line("-".repeat(roll.columns()));
        return this;
    }

    /** The QR code of {@code url}, centred, with the URL beneath. */
    public EscPosDocument qrCode(String url) {
        out.centredQrCode(url, roll, qrCodes);
        Columns.wrap(url, roll.columns()).forEach(out::line);
        return this;
    }

    /** The bytes, fed and cut. */
    public byte[] toBytes() {
        return out.feed(1).cut().toBytes();
    }

    /** A tender type as receipts name it, Chinese then English ({@code 微信支付 WeChat Pay}). */
    public static String tenderName(String type) {
        return ReceiptText.tender(new ReceiptContent.Tender(type, null, Money.fen(0), null, null, null)).joined(Language.ZH_CN);
    }

    /** {@code ESC p 0 t1 t2}: the pulse that opens a cash drawer wired to the printer's drawer port (pin 2). */
    public static byte[] openDrawer() {
        return new byte[] {0x1B, 'p', 0, 25, (byte) 250};
    }

}
