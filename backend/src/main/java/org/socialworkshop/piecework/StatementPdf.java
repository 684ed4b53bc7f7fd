package org.socialworkshop.piecework;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import org.socialworkshop.receipts.render.DocumentPdf;
import org.socialworkshop.receipts.render.QrCodes;
import org.socialworkshop.shared.Language;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A signed monthly statement as an A4 PDF a maker can hand in as proof of income, in the maker's language: every line
 * in plain words with its pieces and rate, opening and closing balances, and the check (QR code and its address) at
 * the top of the first page, beside the maker and month, so it never lands alone on a page of its own (ADR 0028).
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

    byte[] render(SignedStatements.Issued statement, String verificationUrl, ZoneId zone, Language language) {
        JsonNode content = statement.content();
        StatementPdfWords words = StatementPdfWords.of(language);
        StringBuilder lines = new StringBuilder();
        for (JsonNode line : content.get("lines")) {
            lines.append("<tr><td>").append(text(line.get("day").asString())).append("</td><td>")
                    .append(text(words.what(line)))
                    .append("</td><td class=\"n\">").append(line.get("pieces").isNull() ? "" : line.get("pieces").asString())
                    .append("</td><td class=\"n\">").append(line.get("rate").isNull() ? "" : money(line.get("rate")))
                    .append("</td><td class=\"n\">").append(money(line.get("amount"))).append("</td></tr>");
        }
        String qr = Base64.getEncoder().encodeToString(qrCodes.png(verificationUrl, 300));
        String html = """
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="%s"><head><meta charset="UTF-8"/><title>%s</title>
                <style>
                @page { size: A4; margin: 16mm; }
                body { font-family: '%s'; font-size: 10.5pt; color: #000; }
                h1 { font-size: 18pt; margin: 0 0 2mm; }
                .check { float: right; width: 62mm; margin: 0 0 4mm 6mm; text-align: center; }
                .check img { width: 30mm; height: 30mm; }
                .small { font-size: 8pt; word-wrap: break-word; text-align: left; }
                table { width: 100%%; border-collapse: collapse; margin-top: 4mm; clear: both; }
                th, td { border-bottom: 0.3mm solid #999; padding: 1.2mm 1mm; text-align: left; } .n { text-align: right; }
                thead { display: table-header-group; } tr { page-break-inside: avoid; }
                .totals td { border: none; font-weight: 700; }
                </style></head><body>
                <div class="check" id="check"><img src="data:image/png;base64,%s" alt="QR"/>
                <p class="small">%s<br/>%s<br/>%s %s · SHA-256 %s</p></div>
                <h1>%s</h1>
                %s<p>%s: %s<br/>%s: %s<br/>%s: %s</p>
                <table><thead><tr><th>%s</th><th>%s</th><th class="n">%s</th><th class="n">%s</th><th class="n">%s</th></tr></thead>
                <tbody>%s</tbody></table>
                <table class="totals">
                <tr><td>%s</td><td class="n">%s</td></tr>
                <tr><td>%s</td><td class="n">%s</td></tr>
                <tr><td>%s</td><td class="n">%s</td></tr>
                <tr><td>%s</td><td class="n">%s</td></tr>
                </table>
                </body></html>""".formatted(language.tag(), words.title(), DocumentPdf.fontFamily(), qr,
                words.scanToVerify(), text(verificationUrl), words.key(), text(statement.keyId()), statement.hash().substring(0, 16),
                words.title(), issuer(content, language),
                words.maker(), text(words.makerName(content.get("maker"))),
                words.month(), text(content.get("month").asString()),
                words.issued(), statement.issuedAt().atZoneSameInstant(zone).format(ISSUED),
                words.day(), words.whatHeading(), words.pieces(), words.rate(), words.amount(), lines,
                words.opening(), money(content.get("openingBalance")),
                words.earned(content.get("pieces").asInt()), money(content.get("earned")),
                words.paidOut(), money(content.get("paidOut")),
                words.closing(), money(content.get("closingBalance")));
        return pdf.render(html);
    }

    /** The shop that issued it, as signed; statements signed before the shop's identity existed name none. */
    private static String issuer(JsonNode content, Language language) {
        JsonNode issuer = content.get("issuer");
        if (issuer == null || issuer.isNull()) {
            return "";
        }
        return "<p>" + text(language.pick(issuer.get("nameZh").asString(), issuer.get("nameEn").asString())) + "<br/>"
                + text(language.pick(issuer.get("addressZh").asString(), issuer.get("addressEn").asString())) + "</p>\n";
    }

    private static String money(JsonNode money) {
        return Money.fen(money.get("amount").asLong()).yuan();
    }

    private static String text(String value) {
        return DocumentPdf.escape(value);
    }
}
