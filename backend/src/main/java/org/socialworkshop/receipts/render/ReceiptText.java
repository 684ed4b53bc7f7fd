package org.socialworkshop.receipts.render;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.socialworkshop.receipts.ReceiptContent;
import org.socialworkshop.shared.Money;

/** The words and numbers of a receipt, the same in every rendering. */
final class ReceiptText {

    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    static final Bilingual SALE = new Bilingual("销售小票", "Sales receipt");
    static final Bilingual REFUND = new Bilingual("退款小票", "Refund receipt");
    static final Bilingual PAYMENT = new Bilingual("收款收据", "Payment receipt");
    static final Bilingual TOTAL_RECEIVED = new Bilingual("本次收款", "Amount received");
    static final Bilingual TAX_ID = new Bilingual("税号", "Tax ID");
    static final Bilingual REGISTER = new Bilingual("收款台", "Register");
    static final Bilingual NUMBER = new Bilingual("票号", "No.");
    static final Bilingual TIME = new Bilingual("时间", "Time");
    static final Bilingual ORDER = new Bilingual("订单", "Order");
    static final Bilingual PICKUP = new Bilingual("取餐号", "Pickup number");
    static final Bilingual ITEM = new Bilingual("商品", "Item");
    static final Bilingual AMOUNT = new Bilingual("金额", "Amount");
    static final Bilingual TAX_RATE = new Bilingual("税率", "Tax rate");
    static final Bilingual TAX = new Bilingual("税额", "Tax");
    static final Bilingual NET = new Bilingual("不含税", "Net");
    static final Bilingual TOTAL = new Bilingual("合计", "Total");
    static final Bilingual TOTAL_REFUNDED = new Bilingual("退款合计", "Total refunded");
    static final Bilingual PAID = new Bilingual("支付", "Paid");
    static final Bilingual GIVEN = new Bilingual("实收", "Given");
    static final Bilingual CHANGE = new Bilingual("找零", "Change");
    static final Bilingual SCAN = new Bilingual("扫码验真", "Scan to verify");
    static final Bilingual KEY = new Bilingual("密钥", "Key");
    static final Bilingual HASH = new Bilingual("哈希", "Hash");

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int SHORT_HASH = 16;

    private ReceiptText() {
    }

    static Bilingual title(ReceiptContent content) {
        return switch (content.kind()) {
            case SALE -> SALE;
            case REFUND -> REFUND;
            case PAYMENT -> PAYMENT;
        };
    }

    static Bilingual totalLabel(ReceiptContent content) {
        return switch (content.kind()) {
            case SALE -> TOTAL;
            case REFUND -> TOTAL_REFUNDED;
            case PAYMENT -> TOTAL_RECEIVED;
        };
    }

    /** {@code 退款 ONLINE-12} / {@code Refund of ONLINE-12}. */
    static Bilingual refundOf(String sale) {
        return new Bilingual("退款 " + sale, "Refund of " + sale);
    }

    /**
     * The item's name with its variant in brackets ({@code 青花茶杯（大号）} / {@code Blue teacup (Large)}; a receipt before
     * format 3 has its variant in Chinese only, and the English name stands alone); then the chosen options
     * ({@code 拿铁（大杯、燕麦奶 +¥4.00）} / {@code Latte (Large, Oat milk +¥4.00)}) and a discount with its reason
     * ({@code 优惠 −¥2.00：员工餐} / {@code discount −¥2.00: 员工餐}), when there are any.
     */
    static Bilingual item(ReceiptContent.Line line) {
        List<ReceiptContent.Option> options = line.options() == null ? List.of() : line.options();
        List<String> zhParts = new ArrayList<>();
        if (!line.variant().isBlank()) {
            zhParts.add(line.variant());
        }
        options.forEach(option -> zhParts.add(option.name() + priced(option.price())));
        String zh = zhParts.isEmpty() ? line.name() : line.name() + "（" + String.join("、", zhParts) + "）";
        List<String> enParts = new ArrayList<>();
        String variantEn = line.variantEn();
        if (variantEn != null && !variantEn.isBlank()) {
            enParts.add(variantEn);
        }
        options.forEach(option -> enParts.add(option.nameEn() + priced(option.price())));
        String en = enParts.isEmpty() ? line.nameEn() : line.nameEn() + " (" + String.join(", ", enParts) + ")";
        ReceiptContent.Discount discount = line.discount();
        if (discount != null) {
            zh += " 优惠 −" + money(discount.amount()) + "：" + discount.reason();
            en += ", discount −" + money(discount.amount()) + ": " + discount.reason();
        }
        return new Bilingual(zh, en);
    }

    /** What an option adds ({@code  +¥4.00}, {@code  −¥1.00}); nothing when it costs nothing. */
    private static String priced(Money price) {
        return price.minor() == 0 ? "" : price.minor() > 0 ? " +" + money(price) : " −" + money(new Money(-price.minor(), price.currency()));
    }

    static Bilingual tender(ReceiptContent.Tender tender) {
        Bilingual type = switch (tender.type()) {
            case "CASH" -> new Bilingual("现金", "Cash");
            case "CARD" -> new Bilingual("银行卡", "Card");
            case "WECHAT_PAY" -> new Bilingual("微信支付", "WeChat Pay");
            case "ALIPAY" -> new Bilingual("支付宝", "Alipay");
            case "WALLET" -> new Bilingual("电子钱包", "Wallet");
            case "ONLINE" -> new Bilingual("在线支付", "Online payment");
            case "BANK_TRANSFER" -> new Bilingual("银行转账", "Bank transfer");
            case "PREPAID" -> new Bilingual("已付（收据 " + tender.reference() + "）", "Paid before (receipt " + tender.reference() + ")");
            default -> new Bilingual("其他付款方式", "Other payment");
        };
        String provider = tender.provider();
        if (provider == null || provider.isBlank()) {
            return type;
        }
        Bilingual by = provider(provider);
        return new Bilingual(type.zh() + "（" + by.zh() + "）", type.en() + " (" + by.en() + ")");
    }

    /** The payment provider in words: Stripe by name, the demo stand-in said to be one. */
    private static Bilingual provider(String provider) {
        return switch (provider) {
            case "stripe" -> new Bilingual("Stripe", "Stripe");
            case "demo" -> new Bilingual("演示，未真实付款", "demo, no real payment");
            default -> new Bilingual(provider, provider);
        };
    }

    /**
     * Who made what was bought, by public name ({@code 手作：李梅、王强} / {@code Made by 李梅, 王强}); in words
     * when no maker consented to be named. A refund receipt names the makers of what was refunded, and says nothing
     * when it names none (an amount refunded, or a return signed at the counter): see {@link #makersLine}.
     */
    static Bilingual makers(ReceiptContent content) {
        if (content.makers().isEmpty()) {
            return new Bilingual("手作：工坊的手作人", "Made by workshop makers");
        }
        return new Bilingual("手作：" + String.join("、", content.makers()), "Made by " + String.join(", ", content.makersLatin()));
    }

    /** The seller's name: the legal name, and from format 3 the shop's English name for English readers. */
    static Bilingual sellerName(ReceiptContent.Seller seller) {
        return new Bilingual(seller.name(), seller.nameEn() == null ? "" : seller.nameEn());
    }

    /** The seller's address in Chinese, and from format 3 in English. */
    static Bilingual sellerAddress(ReceiptContent.Seller seller) {
        return new Bilingual(seller.address(), seller.addressEn() == null ? "" : seller.addressEn());
    }

    /** The "made by" line of a receipt, or none: a refund receipt that names no makers leaves it out. */
    static java.util.Optional<Bilingual> makersLine(ReceiptContent content) {
        return content.kind() == ReceiptContent.Kind.REFUND && content.makers().isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(makers(content));
    }

    /** Wall-clock time where the receipt is read: {@code 2026-11-29 22:03:12}. */
    static String localTime(Instant instant, ZoneId zone) {
        return LOCAL_TIME.format(instant.atZone(zone));
    }

    /** The amount in major units with the currency's decimals, no symbol: {@code 76.00}. */
    static String amount(Money money) {
        return money.decimal();
    }

    /** With the currency's sign where it has a common one ({@code ¥76.00}), else its code ({@code USD 76.00}). */
    static String money(Money money) {
        return money.currency().equals(Money.CNY) ? "¥" + amount(money) : money.currency().getCurrencyCode() + " " + amount(money);
    }

    /** {@code 0.13} as {@code 13%}. */
    static String rate(String rate) {
        return new BigDecimal(rate).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** The first {@value #SHORT_HASH} hex digits of the receipt's hash, enough to tell receipts apart by eye. */
    static String shortHash(String hash) {
        return hash.length() <= SHORT_HASH ? hash : hash.substring(0, SHORT_HASH);
    }
}
