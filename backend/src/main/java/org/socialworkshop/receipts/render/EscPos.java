package org.socialworkshop.receipts.render;

import java.time.ZoneId;
import java.util.List;

import org.socialworkshop.receipts.ReceiptContent;
import org.socialworkshop.receipts.SignedReceipt;
import org.socialworkshop.shared.Language;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Component;

/**
 * A receipt as ESC/POS bytes for a 58 mm (32 columns) or 80 mm (48 columns) thermal printer at 203 dpi, font A.
 * Assumes a Chinese-market printer: text goes out in GB18030 after {@code FS &} (Chinese mode), so an ASCII
 * character takes one column and a Chinese one two; characters outside GBK need a printer with a full GB18030 font.
 * The QR code is drawn by the printer's own QR command. Labels are Chinese with English after them; amounts are
 * right-aligned, and the total is bold and double height.
 */
@Component
public class EscPos {

    private static final Language FIRST = Language.ZH_CN;

    private final QrCodes qrCodes;

    public EscPos(QrCodes qrCodes) {
        this.qrCodes = qrCodes;
    }

    /**
     * The printer bytes: reset, the receipt, the QR code for {@code verificationUrl} with the URL beneath, and a
     * partial cut.
     *
     * @param widthMm 58 or 80
     * @param zone where the receipt's local date and time are told
     * @throws IllegalArgumentException for another paper width
     */
    public byte[] render(SignedReceipt receipt, String verificationUrl, int widthMm, ZoneId zone) {
        Roll roll = Roll.of(widthMm);
        ReceiptContent content = receipt.content();
        EscPosBuilder out = new EscPosBuilder().initialise();
        header(out, content, roll.columns());
        facts(out, content, zone, roll.columns());
        lines(out, content, roll.columns());
        taxes(out, content, roll.columns());
        total(out, content, roll.columns());
        tenders(out, content, roll.columns());
        ReceiptText.makersLine(content).ifPresent(makers -> both(out, makers, roll.columns()));
        qrCode(out, verificationUrl, roll);
        text(out, Columns.center(ReceiptText.KEY.joined(FIRST) + " " + content.keyId(), roll.columns()));
        text(out, Columns.center(ReceiptText.HASH.joined(FIRST) + " " + ReceiptText.shortHash(receipt.hash()), roll.columns()));
        return out.feed(1).cut().toBytes();
    }

    private static void header(EscPosBuilder out, ReceiptContent content, int columns) {
        out.bold(true).tall(true);
        text(out, Columns.center(content.seller().name(), columns));
        out.tall(false).bold(false);
        // from format 3 the shop's English name and address follow the Chinese ones
        String nameEn = content.seller().nameEn();
        if (nameEn != null && !nameEn.isBlank()) {
            text(out, Columns.center(nameEn, columns));
        }
        text(out, Columns.center(content.seller().address(), columns));
        String addressEn = content.seller().addressEn();
        if (addressEn != null && !addressEn.isBlank()) {
            text(out, Columns.center(addressEn, columns));
        }
        text(out, Columns.center(ReceiptText.TAX_ID.joined(FIRST) + " " + content.seller().taxId(), columns));
        out.bold(true);
        text(out, Columns.center(ReceiptText.title(content).joined(FIRST), columns));
        out.bold(false);
        String refundOf = content.refundOf();
        if (refundOf != null) {
            both(out, ReceiptText.refundOf(refundOf), columns);
        }
    }

    private static void facts(EscPosBuilder out, ReceiptContent content, ZoneId zone, int columns) {
        rule(out, columns);
        pair(out, ReceiptText.REGISTER, content.register(), columns);
        pair(out, ReceiptText.NUMBER, Long.toString(content.number()), columns);
        pair(out, ReceiptText.TIME, ReceiptText.localTime(content.issuedAt(), zone), columns);
        pair(out, ReceiptText.ORDER, content.orderNumber(), columns);
        if (content.pickupNumber() != null) {
            pair(out, ReceiptText.PICKUP, content.pickupNumber().toString(), columns);
        }
    }

    private static void lines(EscPosBuilder out, ReceiptContent content, int columns) {
        rule(out, columns);
        pair(out, ReceiptText.ITEM, ReceiptText.AMOUNT.joined(FIRST), columns);
        for (ReceiptContent.Line line : content.lines()) {
            both(out, ReceiptText.item(line), columns);
            String quantity = "  " + line.quantity() + " × " + ReceiptText.amount(line.unitPrice());
            text(out, Columns.spread(quantity, ReceiptText.amount(line.amount()), columns));
        }
    }

    private static void taxes(EscPosBuilder out, ReceiptContent content, int columns) {
        rule(out, columns);
        for (ReceiptContent.Tax tax : content.taxes()) {
            text(out, Columns.wrap(ReceiptText.TAX_RATE.joined(FIRST) + " " + ReceiptText.rate(tax.rate()), columns));
            text(out, Columns.spread("  " + ReceiptText.TAX.joined(FIRST), ReceiptText.amount(tax.tax()), columns));
            text(out, Columns.spread("  " + ReceiptText.NET.joined(FIRST), ReceiptText.amount(tax.net()), columns));
        }
    }

    private static void total(EscPosBuilder out, ReceiptContent content, int columns) {
        rule(out, columns);
        out.bold(true).tall(true);
        pair(out, ReceiptText.totalLabel(content), withSign(content.total()), columns);
        out.tall(false).bold(false);
    }

    private static void tenders(EscPosBuilder out, ReceiptContent content, int columns) {
        for (ReceiptContent.Tender tender : content.tenders()) {
            pair(out, ReceiptText.tender(tender), ReceiptText.amount(tender.amount()), columns);
            if (tender.given() != null) {
                pair(out, ReceiptText.GIVEN, ReceiptText.amount(tender.given()), columns);
            }
            if (tender.change() != null) {
                pair(out, ReceiptText.CHANGE, ReceiptText.amount(tender.change()), columns);
            }
        }
        rule(out, columns);
    }

    /** Centred, with a blank line above; the URL beneath it, broken anywhere (it has no spaces). */
    private void qrCode(EscPosBuilder out, String url, Roll roll) {
        out.centredQrCode(url, roll, qrCodes);
        text(out, Columns.center(ReceiptText.SCAN.joined(FIRST), roll.columns()));
        text(out, Columns.wrap(url, roll.columns()));
    }

    private static void pair(EscPosBuilder out, Bilingual label, String value, int columns) {
        text(out, Columns.spread(label.joined(FIRST), value, columns));
    }

    /** Chinese on one line, English on the next (when there is English). */
    private static void both(EscPosBuilder out, Bilingual text, int columns) {
        text(out, Columns.wrap(text.first(FIRST), columns));
        if (!text.second(FIRST).isEmpty()) {
            text(out, Columns.wrap(text.second(FIRST), columns));
        }
    }

    private static void rule(EscPosBuilder out, int columns) {
        out.line("-".repeat(columns));
    }

    private static void text(EscPosBuilder out, List<String> lines) {
        lines.forEach(out::line);
    }

    /** The fullwidth yuan sign (one GB2312 character, unlike ¥) for CNY, the currency code otherwise. */
    private static String withSign(Money money) {
        String amount = ReceiptText.amount(money);
        return money.currency().equals(Money.CNY) ? "￥" + amount : money.currency().getCurrencyCode() + " " + amount;
    }
}
