package org.socialworkshop.receipts;

import java.util.UUID;

import org.socialworkshop.receipts.render.Paper;
import org.socialworkshop.receipts.render.ReceiptPdf;
import org.socialworkshop.shared.Language;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** What an e-mail about an order needs from receipts: the sale receipt's code and its PDF. */
@Service
public class ReceiptMailing {

    private final ReceiptBook book;
    private final ReceiptPdf pdfs;
    private final ReceiptSettings settings;

    ReceiptMailing(ReceiptBook book, ReceiptPdf pdfs, ReceiptSettings settings) {
        this.book = book;
        this.pdfs = pdfs;
        this.settings = settings;
    }

    /** The code of the order's sale receipt; empty until it is issued. */
    public Mono<String> saleReceiptCode(UUID orderId) {
        return book.of(orderId).flatMap(receipts -> Mono.justOrEmpty(receipts.stream()
                .filter(receipt -> "SALE".equals(receipt.kind())).map(receipt -> receipt.code()).findFirst()));
    }

    /** The receipt as the PDF its page offers (A4, in the buyer's language), rendered off the event loop; empty for an unknown code. */
    public Mono<byte[]> pdf(String code, String shopUrl, Language language) {
        return book.find(code).flatMap(checked -> Mono.fromCallable(() -> pdfs.render(checked.receipt(),
                shopUrl + checked.receipt().path(), Paper.A4, settings.timeZone(), language)).subscribeOn(Schedulers.boundedElastic()));
    }
}
