package org.socialworkshop.piecework;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import org.socialworkshop.receipts.render.DocumentPdf;
import org.socialworkshop.receipts.render.QrCodes;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A signed monthly statement as an A4 PDF a maker can hand in as proof of income: Chinese with English, every
 * line with its pieces and rate, opening and closing balances, and the QR code of its public check.
 */
@Component
class StatementPdf {

    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private final DocumentPdf pdf;
    private final QrCodes qrCodes;

    StatementPdf(DocumentPdf pdf, QrCodes qrCodes) {
        this.pdf = pdf;
        this.qrCodes = qrCodes;
    }

    byte[] render(SignedStatements.Issued statement, String verificationUrl, ZoneId zone) {
        JsonNode content = statement.content();
        StringBuilder lines = new StringBuilder();
        for (JsonNode line : content.get("lines")) {
            lines.append("<tr><td>").append(text(line.get("day").asString())).append("</td><td>")
                    .append(text(line.get("reason").asString())).append("</td><td>")
                    .append(text(line.get("operation").isNull() ? line.get("description").asString() : line.get("operation").asString()))
                    .append("</td><td class=\"n\">").append(line.get("pieces").isNull() ? "" : line.get("pieces").asString())
                    .append("</td><td class=\"n\">").append(line.get("rate").isNull() ? "" : money(line.get("rate")))
                    .append("</td><td class=\"n\">").append(money(line.get("amount"))).append("</td></tr>");
        }
        String qr = Base64.getEncoder().encodeToString(qrCodes.png(verificationUrl, 300));
        String html = """
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><meta charset="UTF-8"/><title>收入明细 Earnings statement</title>
                <style>
                @page { size: A4; margin: 16mm; }
                body { font-family: '%s'; font-size: 10.5pt; color: #000; }
                h1 { font-size: 18pt; margin: 0 0 2mm; } .en { color: #333; font-size: 9pt; }
                table { width: 100%%; border-collapse: collapse; margin-top: 4mm; }
                th, td { border-bottom: 0.3mm solid #999; padding: 1.2mm 1mm; text-align: left; } .n { text-align: right; }
                .totals td { border: none; font-weight: 700; } .qr { margin-top: 6mm; } .qr img { width: 32mm; height: 32mm; }
                .small { font-size: 8pt; word-break: break-all; }
                </style></head><body>
                <h1>收入明细 <span class="en">Earnings statement</span></h1>
                %s<p>手作人 <span class="en">Maker</span>：%s<br/>月份 <span class="en">Month</span>：%s<br/>
                签发 <span class="en">Issued</span>：%s</p>
                <table><thead><tr><th>日期 <span class="en">Day</span></th><th>类别 <span class="en">Kind</span></th>
                <th>内容 <span class="en">What</span></th><th class="n">件数 <span class="en">Pieces</span></th>
                <th class="n">单价 <span class="en">Rate</span></th><th class="n">金额 <span class="en">Amount</span></th></tr></thead>
                <tbody>%s</tbody></table>
                <table class="totals">
                <tr><td>上月结余 <span class="en">Opening balance</span></td><td class="n">%s</td></tr>
                <tr><td>本月收入 <span class="en">Earned this month</span>（%s 件 <span class="en">pieces</span>）</td><td class="n">%s</td></tr>
                <tr><td>本月已付 <span class="en">Paid out this month</span></td><td class="n">%s</td></tr>
                <tr><td>月末结余 <span class="en">Closing balance</span></td><td class="n">%s</td></tr>
                </table>
                <div class="qr"><img src="data:image/png;base64,%s" alt="QR"/>
                <p class="small">扫码核验 Scan to verify：%s<br/>签名密钥 Key：%s · SHA-256：%s</p></div>
                </body></html>""".formatted(DocumentPdf.fontFamily(), issuer(content), text(content.get("maker").get("name").asString()),
                text(content.get("month").asString()), statement.issuedAt().atZoneSameInstant(zone).format(ISSUED), lines,
                money(content.get("openingBalance")), content.get("pieces").asString(), money(content.get("earned")),
                money(content.get("paidOut")), money(content.get("closingBalance")), qr, text(verificationUrl), text(statement.keyId()),
                statement.hash().substring(0, 16));
        return pdf.render(html);
    }

    /** The shop that issued it, as signed; statements signed before the shop's identity existed name none. */
    private static String issuer(JsonNode content) {
        JsonNode issuer = content.get("issuer");
        if (issuer == null || issuer.isNull()) {
            return "";
        }
        return "<p>" + text(issuer.get("nameZh").asString()) + " <span class=\"en\">" + text(issuer.get("nameEn").asString())
                + "</span><br/>" + text(issuer.get("addressZh").asString()) + " <span class=\"en\">"
                + text(issuer.get("addressEn").asString()) + "</span></p>\n";
    }

    private static String money(JsonNode money) {
        String amount = Money.fen(money.get("amount").asLong()).decimal();
        return amount.startsWith("-") ? "-¥" + amount.substring(1) : "¥" + amount;
    }

    private static String text(String value) {
        return DocumentPdf.escape(value);
    }
}
