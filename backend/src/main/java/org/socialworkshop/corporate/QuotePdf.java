package org.socialworkshop.corporate;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.socialworkshop.receipts.CounterReceipts;
import org.socialworkshop.receipts.ReceiptContent;
import org.socialworkshop.receipts.render.DocumentPdf;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A version of a quote as an A4 PDF for the company's purchasing: Chinese with English, the seller and the company
 * (credit code, invoice title), each line with its unit price and where it comes from, customisations with their
 * set-up, the coordinator's lines, delivery, the total, how long it is valid and when it can be delivered.
 */
@Component
class QuotePdf {

    private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final ZoneId WORKSHOP = ZoneId.of("Asia/Shanghai");

    private final DocumentPdf pdf;
    private final CounterReceipts receipts;

    QuotePdf(DocumentPdf pdf, CounterReceipts receipts) {
        this.pdf = pdf;
        this.receipts = receipts;
    }

    byte[] render(Quotes.Quote quote, Quotes.Version version, Company company) {
        JsonNode priced = version.priced();
        StringBuilder rows = new StringBuilder();
        for (JsonNode line : priced.get("lines")) {
            JsonNode unit = line.get("unitPrice");
            rows.append(row(line.get("productNameZh").asString() + " · " + line.get("variantNameZh").asString(),
                    line.get("productNameEn").asString() + " · " + line.get("variantNameEn").asString(), basis(unit),
                    line.get("quantity").asString(), money(unit.get("amount")), money(line.get("goods"))));
            for (JsonNode custom : line.get("customisations")) {
                rows.append(row("　" + custom.get("nameZh").asString(), custom.get("nameEn").asString(),
                        "设置费 set-up " + money(custom.get("setupPrice")), line.get("quantity").asString(), money(custom.get("unitPrice")),
                        money(custom.get("amount"))));
            }
        }
        for (JsonNode manual : priced.get("manual")) {
            Money amount = Money.fen(manual.get("unitPrice").get("amount").asLong() * manual.get("quantity").asLong());
            rows.append(row(manual.get("nameZh").asString(), manual.get("nameEn").asString(), "", manual.get("quantity").asString(),
                    money(manual.get("unitPrice")), amount.yuan()));
        }
        if (priced.get("delivery").get("amount").asLong() > 0) {
            rows.append(row("配送", "Delivery", "", "1", money(priced.get("delivery")), money(priced.get("delivery"))));
        }
        ReceiptContent.Seller seller = receipts.seller();
        String html = """
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><meta charset="UTF-8"/><title>报价单 Quotation %s</title>
                <style>
                @page { size: A4; margin: 16mm; }
                body { font-family: '%s'; font-size: 10pt; color: #000; }
                h1 { font-size: 18pt; margin: 0 0 2mm; } .en { color: #333; font-size: 8.5pt; }
                table { width: 100%%; border-collapse: collapse; margin-top: 4mm; }
                th, td { border-bottom: 0.3mm solid #999; padding: 1.2mm 1mm; text-align: left; vertical-align: top; } .n { text-align: right; }
                .parties td { border: none; width: 50%%; } .total td { border: none; font-weight: 700; font-size: 12pt; }
                </style></head><body>
                <h1>报价单 <span class="en">Quotation</span> %s</h1>
                <p>版本 <span class="en">Version</span> %d · 发出 <span class="en">Sent</span> %s ·
                有效期至 <span class="en">Valid until</span> %s</p>
                <table class="parties"><tr>
                <td>供方 <span class="en">From</span><br/>%s<br/>%s<br/>%s</td>
                <td>需方 <span class="en">To</span><br/>%s<br/>统一社会信用代码 <span class="en">Credit code</span> %s<br/>
                发票抬头 <span class="en">Invoice title</span> %s</td></tr></table>
                <p>需要日期 <span class="en">Wanted by</span> %s · 最早交付 <span class="en">Earliest delivery</span> %s%s</p>
                <table><thead><tr><th>品名 <span class="en">Item</span></th><th>价格依据 <span class="en">Price</span></th>
                <th class="n">数量 <span class="en">Qty</span></th><th class="n">单价 <span class="en">Unit</span></th>
                <th class="n">金额 <span class="en">Amount</span></th></tr></thead><tbody>%s</tbody></table>
                <table class="total"><tr><td>合计（含税） <span class="en">Total, tax included</span></td><td class="n">%s</td></tr></table>
                %s
                <p class="en">接受本报价请在采购门户中填写采购单号。Accept this quotation in the buyers' portal with your purchase-order number.</p>
                </body></html>""".formatted(text(quote.number()), DocumentPdf.fontFamily(), text(quote.number()), version.version(),
                version.sentAt().atZoneSameInstant(WORKSHOP).format(SENT), version.validUntil(), text(seller.name()),
                text(nullable(seller.address())), text(nullable(seller.taxId())), text(company.legalName()), text(company.creditCode()),
                text(company.invoice().title()), quote.wantedBy(), version.earliestDelivery(),
                version.meetsWantedDate() ? "" : " <strong>（晚于需要日期 <span class=\"en\">after the date wanted</span>）</strong>", rows,
                version.total().yuan(), version.note() == null ? "" : "<p>说明 <span class=\"en\">Note</span>：" + text(version.note()) + "</p>");
        return pdf.render(html);
    }

    private static String row(String zh, String en, String basis, String quantity, String unit, String amount) {
        return "<tr><td>" + text(zh) + "<br/><span class=\"en\">" + text(en) + "</span></td><td>" + text(basis) + "</td><td class=\"n\">"
                + text(quantity) + "</td><td class=\"n\">" + text(unit) + "</td><td class=\"n\">" + text(amount) + "</td></tr>";
    }

    private static String basis(JsonNode unit) {
        return switch (unit.get("basis").asString()) {
            case "TIER" -> "批量价 " + unit.get("tierFrom").asInt() + " 件起 Volume price from " + unit.get("tierFrom").asInt();
            case "NEGOTIATED" -> "协议价 Contract price";
            default -> "目录价 List price";
        };
    }

    private static String money(JsonNode money) {
        return Money.fen(money.get("amount").asLong()).yuan();
    }

    private static String nullable(String value) {
        return value == null ? "" : value;
    }

    private static String text(String value) {
        return DocumentPdf.escape(value);
    }
}
