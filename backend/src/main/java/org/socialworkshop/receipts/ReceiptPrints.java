package org.socialworkshop.receipts;

import org.socialworkshop.receipts.render.EscPos;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Genuine receipts as bytes for the counter's thermal printer, for the POS to send to its printer. */
@Service
public class ReceiptPrints {

    private final ReceiptBook book;
    private final EscPos escPos;
    private final ReceiptSettings settings;

    ReceiptPrints(ReceiptBook book, EscPos escPos, ReceiptSettings settings) {
        this.book = book;
        this.escPos = escPos;
        this.settings = settings;
    }

    /** The receipt's register, for the caller to check whose it is; empty when no genuine receipt has this code. */
    public record Printable(String register, byte[] escPos) {
    }

    /**
     * The receipt of {@code code} in ESC/POS on {@code widthMm} paper, its QR code pointing under {@code shopUrl};
     * empty when no genuine receipt has this code. Rendered off the event loop.
     */
    public Mono<Printable> escPos(String code, String shopUrl, int widthMm) {
        return book.find(code)
                .flatMap(checked -> Mono.fromCallable(() -> new Printable(checked.receipt().content().register(),
                                escPos.render(checked.receipt(), shopUrl + checked.receipt().path(), widthMm, settings.timeZone())))
                        .subscribeOn(Schedulers.boundedElastic()));
    }
}
