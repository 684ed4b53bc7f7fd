package org.socialworkshop.receipts.render;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import org.socialworkshop.receipts.ReceiptContent;
import org.socialworkshop.receipts.ReceiptContent.Kind;
import org.socialworkshop.receipts.ReceiptContent.Line;
import org.socialworkshop.receipts.ReceiptContent.Seller;
import org.socialworkshop.receipts.ReceiptContent.Tax;
import org.socialworkshop.receipts.ReceiptContent.Tender;
import org.socialworkshop.receipts.SignedReceipt;
import org.socialworkshop.shared.Money;

/**
 * Receipts to render: a cash sale at two tax rates with two makers, and a card refund of part of it. The
 * signature is 64 arbitrary bytes: renderings show it (in the URL), they do not check it.
 */
public final class SampleReceipts {

    static final Seller SELLER = new Seller("成都市锦江区锦爱社会工坊", "四川省成都市锦江区工坊路1号", "91510104MA6C8XYZ1K");
    static final Instant ISSUED_AT = Instant.parse("2026-11-29T14:03:12.123456Z");
    static final String LOCAL_TIME = "2026-11-29 22:03:12";

    private SampleReceipts() {
    }

    /** 2 blue tea cups, a soap and 3 osmanthus cakes: ¥137.00 paid with ¥200.00 cash, ¥63.00 change. */
    public static SignedReceipt sale() {
        Line cups = line("青花茶杯", "Blue tea cup", "大号", 2, 3800, "0.13");
        Line soap = line("手工皂", "Handmade soap", "薰衣草", 1, 2500, "0.13");
        Line cakes = line("桂花糕", "Osmanthus cake", "", 3, 1200, "0.09");
        Money total = Money.fen(13700);
        Tender cash = new Tender("CASH", null, total, Money.fen(20000), Money.fen(6300), null);
        ReceiptContent content = new ReceiptContent("POS-1", 42, Kind.SALE, ISSUED_AT, "WS-2026-000123", null, SELLER,
                List.of(cups, soap, cakes), List.of(tax("0.13", 10100), tax("0.09", 3600)), total, List.of(cash),
                List.of("李梅", "王强"), sha256("POS-1"), "rk-2026-11-29-1");
        return signed(content);
    }

    /** One blue tea cup of sale ONLINE-12 given back to the card it was paid with; its maker did not consent. */
    static SignedReceipt refund() {
        Line cup = line("青花茶杯", "Blue tea cup", "大号", 1, 3800, "0.13");
        Money total = Money.fen(3800);
        Tender card = new Tender("CARD", "stripe", total, null, null, "re_3Q");
        ReceiptContent content = new ReceiptContent("ONLINE", 13, Kind.REFUND, ISSUED_AT, "WS-2026-000118", "ONLINE-12",
                SELLER, List.of(cup), List.of(tax("0.13", 3800)), total, List.of(card), List.of(), sha256("ONLINE"),
                "rk-2026-11-29-1");
        return signed(content);
    }

    static String url(SignedReceipt receipt) {
        return "https://shop.example" + receipt.path();
    }

    private static Line line(String name, String nameEn, String variant, int quantity, long unitFen, String rate) {
        return new Line(name, nameEn, variant, quantity, Money.fen(unitFen), Money.fen(unitFen).times(quantity), rate);
    }

    private static Tax tax(String rate, long grossFen) {
        Money gross = Money.fen(grossFen);
        Money tax = gross.includedTax(new BigDecimal(rate));
        return new Tax(rate, gross, tax, gross.minus(tax));
    }

    private static SignedReceipt signed(ReceiptContent content) {
        byte[] payload = (content.register() + "-" + content.number() + " " + content).getBytes(StandardCharsets.UTF_8);
        byte[] signature = new byte[64];
        IntStream.range(0, 64).forEach(i -> signature[i] = (byte) (i * 37 + content.number()));
        return new SignedReceipt(content, payload, sha256(payload), signature);
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
