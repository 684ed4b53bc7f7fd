package org.socialworkshop.corporate;

import org.socialworkshop.receipts.CounterReceipts;
import org.socialworkshop.receipts.ReceiptContent;
import org.socialworkshop.receipts.render.DocumentPdf;
import org.springframework.stereotype.Component;

/**
 * A delivery note (送货单) as an A4 PDF, Chinese with English: the seller, the company and where the goods went, the
 * order and purchase-order numbers, each line with the pieces of this delivery and what had been delivered of it with
 * this one, of what was ordered, and a box for the receiver's signature (with their name once it is recorded).
 */
@Component
class DeliveryNotePdf {

    private final DocumentPdf pdf;
    private final CounterReceipts receipts;

    DeliveryNotePdf(DocumentPdf pdf, CounterReceipts receipts) {
        this.pdf = pdf;
        this.receipts = receipts;
    }

    byte[] render(Deliveries.OrderDeliveries order, Deliveries.Delivery delivery) {
        StringBuilder rows = new StringBuilder();
        for (Deliveries.DeliveredLine line : delivery.lines()) {
            rows.append("<tr><td>").append(text(line.nameZh() + (line.variantZh().isEmpty() ? "" : " · " + line.variantZh())))
                    .append("<br/><span class=\"en\">").append(text(line.nameEn() + (line.variantEn().isEmpty() ? "" : " · " + line.variantEn())))
                    .append("</span></td><td>").append(text(line.sku())).append("</td><td class=\"n\"><strong>").append(line.pieces())
                    .append("</strong></td><td class=\"n\">").append(line.deliveredSoFar()).append(" / ").append(line.ordered())
                    .append("</td></tr>");
        }
        ReceiptContent.Seller seller = receipts.seller();
        Company.Location to = delivery.location();
        String html = """
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><meta charset="UTF-8"/><title>送货单 Delivery note %s</title>
                <style>
                @page { size: A4; margin: 16mm; }
                body { font-family: '%s'; font-size: 10pt; color: #000; }
                h1 { font-size: 18pt; margin: 0 0 2mm; } .en { color: #333; font-size: 8.5pt; }
                table { width: 100%%; border-collapse: collapse; margin-top: 4mm; }
                th, td { border-bottom: 0.3mm solid #999; padding: 1.2mm 1mm; text-align: left; vertical-align: top; } .n { text-align: right; }
                .parties td { border: none; width: 50%%; }
                .sign { margin-top: 10mm; border: 0.4mm solid #000; } .sign td { border: none; height: 18mm; width: 50%%; }
                </style></head><body>
                <h1>送货单 <span class="en">Delivery note</span> %s</h1>
                <p>订单 <span class="en">Order</span> %s · 采购单号 <span class="en">PO</span> %s · 第 %d 批 <span class="en">Delivery %d</span> ·
                送货日期 <span class="en">Delivered on</span> %s</p>
                <table class="parties"><tr>
                <td>发货方 <span class="en">From</span><br/>%s<br/>%s</td>
                <td>收货方 <span class="en">To</span><br/>%s<br/>%s<br/>%s<br/>%s %s</td></tr></table>
                %s
                <table><thead><tr><th>品名 <span class="en">Item</span></th><th>货号 <span class="en">SKU</span></th>
                <th class="n">本次件数 <span class="en">Pieces this delivery</span></th>
                <th class="n">累计已送 / 订购 <span class="en">Delivered so far / ordered</span></th></tr></thead><tbody>%s</tbody></table>
                <table class="sign"><tr><td>收货人签字 <span class="en">Received by (signature)</span><br/>%s</td>
                <td>日期 <span class="en">Date</span></td></tr></table>
                <p class="en">请核对件数后签字，一份留存，一份交送货人带回。Check the pieces, sign, keep one copy and give one back to the driver.</p>
                </body></html>""".formatted(text(delivery.number()), DocumentPdf.fontFamily(), text(delivery.number()),
                text(order.orderNumber()), text(order.poNumber()), delivery.sequence(), delivery.sequence(), delivery.deliveredOn(),
                text(seller.name()), text(nullable(seller.address())), text(order.companyName()), text(to.label()), text(to.address()),
                text(to.recipient()), text(to.phone()), transport(delivery), rows,
                delivery.receivedBy() == null ? "" : text(delivery.receivedBy()));
        return pdf.render(html);
    }

    private static String transport(Deliveries.Delivery delivery) {
        StringBuilder how = new StringBuilder();
        if (delivery.carrier() != null) {
            how.append("承运 <span class=\"en\">Carrier</span> ").append(text(delivery.carrier())).append(' ');
        }
        if (delivery.tracking() != null) {
            how.append("运单号 <span class=\"en\">Tracking</span> ").append(text(delivery.tracking())).append(' ');
        }
        if (delivery.note() != null) {
            how.append("说明 <span class=\"en\">Note</span>：").append(text(delivery.note()));
        }
        return how.length() == 0 ? "" : "<p>" + how.toString().strip() + "</p>";
    }

    private static String nullable(String value) {
        return value == null ? "" : value;
    }

    private static String text(String value) {
        return DocumentPdf.escape(value);
    }
}
