package org.socialworkshop.pos;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.socialworkshop.receipts.render.EscPosDocument;
import org.socialworkshop.receipts.render.QrCodes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * An X or Z report on the counter's 80 mm thermal printer, saying what its page says (`/pos/report.html`): which report
 * and register, when (the workshop's local time, its zone named), the sales by tender, category, product and price
 * list, discounts, lines taken off before payment, the drawer opened without a sale, taxes per rate and the drawer;
 * the QR code of its page, where anyone checks it. Labels in Chinese, then English.
 */
@Component
class ShiftReportPrint {

    private static final ZoneId WORKSHOP = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(WORKSHOP);

    private final QrCodes qrCodes;

    ShiftReportPrint(QrCodes qrCodes) {
        this.qrCodes = qrCodes;
    }

    byte[] render(JsonNode report, String pageUrl) {
        EscPosDocument out = new EscPosDocument(80, qrCodes);
        boolean z = "Z".equals(report.path("type").asString());
        out.title(z ? "Z 报表 Z report" : "X 报表 X report")
                .text(report.path("registerNameZh").asString() + " " + report.path("registerNameEn").asString()
                        + " (" + report.path("register").asString() + ")")
                .row("开班 Opened", when(report.path("openedAt")) + " " + report.path("openedBy").asString());
        if (z) {
            out.row("交班 Closed", when(report.path("closedAt")) + " " + report.path("closedBy").asString());
        }
        out.row("打印 Issued", when(report.path("issuedAt")) + " (UTC+8)");

        JsonNode sales = report.path("sales");
        out.heading("销售 Sales")
                .row("笔数 Sales", sales.path("count").asString())
                .row("合计 Total", money(sales.path("total")));
        out.heading("付款方式 By way of payment");
        sales.path("tenders").forEach(tender -> out.row(EscPosDocument.tenderName(tender.path("type").asString()) + " ×"
                + tender.path("count").asString(), money(tender.path("amount"))));
        out.heading("类别 By category");
        sales.path("categories").forEach(category -> out.row(category.path("nameZh").asString() + " " + category.path("nameEn").asString()
                + " ×" + category.path("quantity").asString(), money(category.path("amount"))));
        out.heading("商品 By product");
        sales.path("products").forEach(product -> out.row(product.path("name").asString() + " ×" + product.path("quantity").asString(),
                money(product.path("amount"))));
        if (!sales.path("priceLists").isEmpty()) {
            out.heading("价目表 Price lists");
            sales.path("priceLists").forEach(list -> out.row(list.path("nameZh").asString() + " ×" + list.path("count").asString(),
                    money(list.path("amount"))));
        }
        JsonNode discounts = sales.path("discounts");
        out.row("折扣 Discounts ×" + discounts.path("lines").asString(), money(discounts.path("amount")));

        JsonNode voided = report.path("voided");
        if (!voided.isMissingNode()) {
            out.heading("付款前删除 Taken off before payment")
                    .row(voided.path("lines").asString() + " 行 lines, " + voided.path("quantity").asString() + " 件 items",
                            money(voided.path("amount")));
            voided.path("each").forEach(line -> out.row("  " + line.path("nameZh").asString() + " ×" + line.path("quantity").asString()
                    + " " + line.path("cashier").asString(), money(line.path("amount"))));
            out.heading("无销售开钱箱 Drawer opened without a sale");
            if (report.path("noSales").isEmpty()) {
                out.text("没有 Never");
            }
            report.path("noSales").forEach(noSale -> out.text(when(noSale.path("at")) + " " + noSale.path("cashier").asString()
                    + ": " + noSale.path("reason").asString()));
        }

        out.heading("增值税（含在价格中）VAT included");
        report.path("taxes").forEach(tax -> out.row(new BigDecimal(tax.path("rate").asString()).movePointRight(2).stripTrailingZeros()
                .toPlainString() + "% 税额 tax", money(tax.path("tax"))));

        JsonNode drawer = report.path("drawer");
        out.heading("钱箱 Drawer")
                .row("备用金 Float", money(drawer.path("openingFloat")))
                .row("存入 Paid in", money(drawer.path("paidIn")))
                .row("取出 Paid out", money(drawer.path("paidOut")))
                .row("现金销售 Cash sales", money(drawer.path("cashSales")))
                .row("应有现金 Expected", money(drawer.path("expected")));
        if (z) {
            out.row("实点现金 Counted", money(drawer.path("counted")))
                    .row("差额 Difference", money(drawer.path("difference")));
        }
        return out.rule().qrCode(pageUrl).toBytes();
    }

    private static String when(JsonNode utc) {
        return utc.isString() ? LOCAL.format(Instant.parse(utc.asString())) : "";
    }

    /** {@code ￥12.50} (the fullwidth sign, one GB2312 character), {@code -￥1.00}. */
    private static String money(JsonNode money) {
        if (!money.has("amount")) {
            return "";
        }
        long fen = money.path("amount").asLong();
        return (fen < 0 ? "-" : "") + "￥" + BigDecimal.valueOf(Math.abs(fen), 2).toPlainString();
    }
}
