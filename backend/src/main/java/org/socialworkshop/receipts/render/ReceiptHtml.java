package org.socialworkshop.receipts.render;

import java.time.ZoneId;
import java.util.Base64;

import org.socialworkshop.receipts.ReceiptContent;
import org.socialworkshop.receipts.SignedReceipt;
import org.socialworkshop.shared.Language;

/**
 * The XHTML a PDF receipt is rendered from. Every text from the receipt goes through {@link Xml#text}; labels
 * show the primary language first and the other in smaller type after it.
 */
final class ReceiptHtml {

    /** The element that ends the receipt: where it sits tells how tall a roll page must be. */
    static final String END_ID = "receipt-end";

    private static final String DOCUMENT = """
            <html xmlns="http://www.w3.org/1999/xhtml" lang="%s">
            <head><meta charset="UTF-8"/><title>%s</title><style>%s</style></head>
            <body><div class="receipt">
            %s</div><div id="%s"></div></body>
            </html>
            """;

    private ReceiptHtml() {
    }

    static String of(SignedReceipt receipt, String verificationUrl, byte[] qrPng, Paper paper, ZoneId zone, Language language) {
        ReceiptContent content = receipt.content();
        String body = new Parts(language).receipt(receipt, verificationUrl, qrPng, zone);
        String title = ReceiptText.title(content).joined(language) + " " + content.register() + "-" + content.number();
        return DOCUMENT.formatted(language.tag(), Xml.text(title), ReceiptCss.of(paper), body, END_ID);
    }

    /** The receipt's sections, top to bottom, in one primary language. */
    private record Parts(Language language) {

        String receipt(SignedReceipt receipt, String url, byte[] qrPng, ZoneId zone) {
            ReceiptContent content = receipt.content();
            return seller(content.seller()) + facts(content, zone) + lines(content) + taxes(content) + total(content)
                    + tenders(content) + ReceiptText.makersLine(content).map(makers -> para("makers", makers)).orElse("")
                    + qr(url, qrPng) + key(content.keyId(), receipt.hash());
        }

        private String seller(ReceiptContent.Seller seller) {
            Bilingual name = ReceiptText.sellerName(seller);
            Bilingual address = ReceiptText.sellerAddress(seller);
            return "<h1>" + Xml.text(name.first(language)) + "</h1>\n<p class=\"center\">"
                    + (name.second(language).isEmpty() ? "" : "<span class=\"second\">" + Xml.text(name.second(language)) + "</span><br/>")
                    + Xml.text(address.first(language))
                    + (address.second(language).isEmpty() ? "" : "<br/><span class=\"second\">" + Xml.text(address.second(language)) + "</span>")
                    + "<br/>" + label(ReceiptText.TAX_ID) + " " + Xml.text(seller.taxId()) + "</p>\n";
        }

        private String facts(ReceiptContent content, ZoneId zone) {
            StringBuilder html = new StringBuilder("<h2>" + label(ReceiptText.title(content)) + "</h2>\n");
            String refundOf = content.refundOf();
            if (refundOf != null) {
                html.append(para("refund", ReceiptText.refundOf(refundOf)));
            }
            html.append("<table class=\"facts\">\n")
                    .append(row(ReceiptText.REGISTER, content.register()))
                    .append(row(ReceiptText.NUMBER, Long.toString(content.number())))
                    .append(row(ReceiptText.TIME, ReceiptText.localTime(content.issuedAt(), zone)))
                    .append(row(ReceiptText.ORDER, content.orderNumber()));
            if (content.pickupNumber() != null) {
                html.append(row(ReceiptText.PICKUP, content.pickupNumber().toString()));
            }
            html.append("</table>\n");
            return html.toString();
        }

        private String lines(ReceiptContent content) {
            StringBuilder html = new StringBuilder("<table class=\"lines\">\n<tr><th>" + label(ReceiptText.ITEM)
                    + "</th><th class=\"num\">" + label(ReceiptText.AMOUNT) + "</th></tr>\n");
            for (ReceiptContent.Line line : content.lines()) {
                Bilingual item = ReceiptText.item(line);
                html.append("<tr><td><div>").append(Xml.text(item.first(language))).append("</div>");
                if (!item.second(language).isEmpty()) {
                    html.append("<div class=\"second\">").append(Xml.text(item.second(language))).append("</div>");
                }
                html.append("<div class=\"quantity\">").append(line.quantity()).append(" × ")
                        .append(Xml.text(ReceiptText.money(line.unitPrice()))).append("</div></td><td class=\"num\">")
                        .append(Xml.text(ReceiptText.money(line.amount()))).append("</td></tr>\n");
            }
            return html.append("</table>\n").toString();
        }

        private String taxes(ReceiptContent content) {
            StringBuilder html = new StringBuilder("<table class=\"taxes\">\n<tr><th>" + label(ReceiptText.TAX_RATE)
                    + "</th><th class=\"num\">" + label(ReceiptText.TAX) + "</th><th class=\"num\">"
                    + label(ReceiptText.NET) + "</th></tr>\n");
            for (ReceiptContent.Tax tax : content.taxes()) {
                html.append("<tr><td>").append(Xml.text(ReceiptText.rate(tax.rate()))).append("</td><td class=\"num\">")
                        .append(Xml.text(ReceiptText.money(tax.tax()))).append("</td><td class=\"num\">")
                        .append(Xml.text(ReceiptText.money(tax.net()))).append("</td></tr>\n");
            }
            return html.append("</table>\n").toString();
        }

        private String total(ReceiptContent content) {
            return "<table class=\"total\">\n" + row(ReceiptText.totalLabel(content), ReceiptText.money(content.total()))
                    + "</table>\n";
        }

        private String tenders(ReceiptContent content) {
            StringBuilder html = new StringBuilder("<table class=\"tenders\">\n");
            for (ReceiptContent.Tender tender : content.tenders()) {
                html.append(row(ReceiptText.tender(tender), ReceiptText.money(tender.amount())));
                if (tender.given() != null) {
                    html.append(row(ReceiptText.GIVEN, ReceiptText.money(tender.given())));
                }
                if (tender.change() != null) {
                    html.append(row(ReceiptText.CHANGE, ReceiptText.money(tender.change())));
                }
            }
            return html.append("</table>\n").toString();
        }

        private String qr(String url, byte[] png) {
            return "<div class=\"qr\"><img alt=\"QR\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png)
                    + "\"/>\n<p>" + label(ReceiptText.SCAN) + "</p>\n<p class=\"url\">" + Xml.text(url) + "</p></div>\n";
        }

        private String key(String keyId, String hash) {
            return "<p class=\"key\">" + label(ReceiptText.KEY) + " " + Xml.text(keyId) + "<br/>" + label(ReceiptText.HASH)
                    + " " + Xml.text(ReceiptText.shortHash(hash)) + "</p>\n";
        }

        private String row(Bilingual label, String value) {
            return "<tr><th>" + label(label) + "</th><td class=\"num\">" + Xml.text(value) + "</td></tr>\n";
        }

        /** A paragraph with the other language on a line of its own. */
        private String para(String cssClass, Bilingual text) {
            String second = text.second(language);
            return "<p class=\"" + cssClass + "\">" + Xml.text(text.first(language))
                    + (second.isEmpty() ? "" : "<br/><span class=\"second\">" + Xml.text(second) + "</span>") + "</p>\n";
        }

        /** The primary language's text, then the other's in a smaller span. */
        private String label(Bilingual text) {
            String second = text.second(language);
            return Xml.text(text.first(language)) + (second.isEmpty() ? "" : " <span class=\"second\">" + Xml.text(second) + "</span>");
        }
    }
}
