package org.socialworkshop.corporate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.socialworkshop.receipts.CounterReceipts;
import org.socialworkshop.receipts.render.DocumentPdf;
import org.socialworkshop.receipts.render.QrCodes;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A signed impact report as an A4 PDF for a company's CSR reporting: Chinese with English, the seller and the company,
 * the order (or the year and each order), makers (named with their consent, the others counted), pieces, the hours
 * recorded and for how many records, the piece-work earnings paid, per operation, and the QR code of its public check.
 */
@Component
class ImpactPdf {

    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private final DocumentPdf pdf;
    private final QrCodes qrCodes;
    private final CounterReceipts receipts;

    ImpactPdf(DocumentPdf pdf, QrCodes qrCodes, CounterReceipts receipts) {
        this.pdf = pdf;
        this.qrCodes = qrCodes;
        this.receipts = receipts;
    }

    byte[] render(ImpactReports.Issued report, String verificationUrl, ZoneId zone) {
        JsonNode content = report.content();
        boolean year = "YEAR".equals(content.get("kind").asString());
        StringBuilder operations = new StringBuilder();
        for (JsonNode line : content.get("operations")) {
            operations.append("<tr><td>").append(text(line.get("productZh").asString())).append(" · ").append(text(line.get("operationZh").asString()))
                    .append("<br/><span class=\"en\">").append(text(line.get("productEn").asString())).append(" · ")
                    .append(text(line.get("operationEn").asString())).append("</span></td><td class=\"n\">").append(line.get("makers").asLong())
                    .append("</td><td class=\"n\">").append(line.get("accepted").asLong()).append(" / ").append(line.get("checked").asLong())
                    .append("</td><td class=\"n\">").append(hours(line)).append("</td><td class=\"n\">").append(money(line.get("earnings")))
                    .append("</td></tr>");
        }
        StringBuilder orders = new StringBuilder();
        for (JsonNode line : content.get("orderLines")) {
            orders.append("<tr><td>").append(text(line.get("orderNumber").asString())).append("</td><td class=\"n\">").append(line.get("makers").asLong())
                    .append("</td><td class=\"n\">").append(line.get("accepted").asLong()).append(" / ").append(line.get("checked").asLong())
                    .append("</td><td class=\"n\">").append(hours(line)).append("</td><td class=\"n\">").append(money(line.get("earnings")))
                    .append("</td></tr>");
        }
        String subject = year
                ? content.get("year").asLong() + " 年度 <span class=\"en\">Year</span> " + content.get("year").asLong() + " · 订单 <span class=\"en\">orders</span> "
                        + content.get("orders").asLong()
                : "订单 <span class=\"en\">Order</span> " + text(content.get("order").get("number").asString()) + " · 采购单号 <span class=\"en\">PO</span> "
                        + text(content.get("order").get("poNumber").asString());
        String qr = Base64.getEncoder().encodeToString(qrCodes.png(verificationUrl, 300));
        String html = """
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><meta charset="UTF-8"/><title>社会影响报告 Impact report</title>
                <style>
                @page { size: A4; margin: 14mm; }
                body { font-family: '%s'; font-size: 10pt; color: #000; line-height: 1.3; }
                p { margin: 1.5mm 0; } h1 { font-size: 18pt; margin: 0 0 2mm; } h2 { font-size: 12pt; margin: 4mm 0 0; }
                .en { color: #333; font-size: 8.5pt; }
                table { width: 100%%; border-collapse: collapse; margin-top: 2mm; }
                th, td { border-bottom: 0.3mm solid #999; padding: 1mm; text-align: left; vertical-align: top; } .n { text-align: right; }
                .head td { border: none; padding: 0; } .head td.qr { width: 34mm; text-align: right; } .qr img { width: 32mm; height: 32mm; }
                .figures td { border: none; padding: 0.8mm 1mm; } .figures td.n { font-weight: 700; font-size: 12pt; }
                .small { font-size: 8pt; word-break: break-all; }
                </style></head><body>
                <table class="head"><tr><td>
                <h1>社会影响报告 <span class="en">Impact report</span></h1>
                <p>%s<br/>供方 <span class="en">From</span>：%s<br/>
                需方 <span class="en">For</span>：%s（统一社会信用代码 <span class="en">credit code</span> %s）<br/>
                签发 <span class="en">Issued</span>：%s</p></td>
                <td class="qr"><img src="data:image/png;base64,%s" alt="QR"/><br/><span class="small">扫码核验 Scan to verify</span></td></tr></table>
                <table class="figures">
                <tr><td>参与手作人 <span class="en">Makers who worked on it</span></td><td class="n">%d</td></tr>
                <tr><td colspan="2">%s</td></tr>
                <tr><td>合格件数 / 检验件数 <span class="en">Pieces accepted / checked</span></td><td class="n">%d / %d</td></tr>
                <tr><td>记录工时 <span class="en">Hours recorded</span>（%d / %d 条工作记录 <span class="en">of the work records</span>）</td><td class="n">%s</td></tr>
                <tr><td>支付的计件收入 <span class="en">Piece-work earnings paid</span></td><td class="n">%s</td></tr>
                </table>
                <h2>按工序 <span class="en">By operation</span></h2>
                <table><thead><tr><th>产品 · 工序 <span class="en">Product · operation</span></th><th class="n">手作人 <span class="en">Makers</span></th>
                <th class="n">合格 / 检验 <span class="en">Accepted / checked</span></th><th class="n">工时 <span class="en">Hours</span></th>
                <th class="n">收入 <span class="en">Earnings</span></th></tr></thead><tbody>%s</tbody></table>
                %s
                <p class="en">收入取自工坊的计件收入账簿（含冲正与更正），非估算；工时为随工作记录在案的时间。只有同意公开姓名的手作人才列出姓名。
                Earnings are summed from the workshop's piece-work ledger, reversals and corrections included, not estimated; hours are the time
                recorded with the work. Makers are named only with their consent.</p>
                <p class="small">核验 Verify：%s<br/>签名密钥 Key：%s · SHA-256：%s</p>
                </body></html>""".formatted(DocumentPdf.fontFamily(), subject, text(receipts.seller().name()),
                text(content.get("company").get("name").asString()), text(content.get("company").get("creditCode").asString()),
                report.issuedAt().atZoneSameInstant(zone).format(ISSUED), qr, content.get("makers").asInt(), makers(content),
                content.get("accepted").asLong(), content.get("checked").asLong(), content.get("timedRecords").asLong(),
                content.get("records").asLong(), hours(content), money(content.get("earnings")), operations, year ? ordersTable(orders) : "",
                text(verificationUrl), text(report.keyId()), report.hash().substring(0, 16));
        return pdf.render(html);
    }

    private static String ordersTable(CharSequence rows) {
        return """
                <h2>按订单 <span class="en">By order</span></h2>
                <table><thead><tr><th>订单 <span class="en">Order</span></th><th class="n">手作人 <span class="en">Makers</span></th>
                <th class="n">合格 / 检验 <span class="en">Accepted / checked</span></th><th class="n">工时 <span class="en">Hours</span></th>
                <th class="n">收入 <span class="en">Earnings</span></th></tr></thead><tbody>%s</tbody></table>""".formatted(rows);
    }

    /** "王芳、李静 and 3 other makers": the consenting makers by name, the others counted, never named. */
    private static String makers(JsonNode content) {
        List<String> named = new ArrayList<>();
        content.get("namedMakers").forEach(name -> named.add(text(name.asString())));
        int others = content.get("otherMakers").asInt();
        String makers = others == 1 ? " other maker" : " other makers";
        if (named.isEmpty()) {
            return others == 0 ? "" : others + " 位手作人均未同意公开姓名 <span class=\"en\">" + others + (others == 1 ? " maker, who has" : " makers, who have")
                    + " not agreed to be named</span>";
        }
        List<String> latin = new ArrayList<>();
        content.path("namedMakersEn").forEach(name -> latin.add(text(name.asString())));
        // from version 2 the makers are named in Latin script too, for English readers
        String who = "手作人 <span class=\"en\">Makers</span>：" + String.join("、", named)
                + (latin.size() == named.size() ? " <span class=\"en\">" + String.join(", ", latin) + "</span>" : "");
        return others == 0 ? who : who + "，以及另外 " + others + " 位手作人 <span class=\"en\">and " + others + makers + "</span>";
    }

    private static String hours(JsonNode figures) {
        return BigDecimal.valueOf(figures.get("minutes").asLong()).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String money(JsonNode money) {
        return Money.fen(money.get("amount").asLong()).yuan();
    }

    private static String text(String value) {
        return DocumentPdf.escape(value);
    }
}
