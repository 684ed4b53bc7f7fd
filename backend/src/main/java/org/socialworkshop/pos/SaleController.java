package org.socialworkshop.pos;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.identity.StaffPins;
import org.socialworkshop.payments.CounterMethod;
import org.socialworkshop.shared.SignatureText;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Selling at the counter: what the tablet sells from, where its register's receipt series stands, and cash sales
 * with the receipts it signed. See docs/api/pos.md, step 4. A sale is known by the id the tablet gave it, so sending
 * it again (an answer lost, a queue replayed) stores nothing twice; no {@code Idempotency-Key} is needed.
 */
@RestController
class SaleController {

    private static final String BASE64URL = "[A-Za-z0-9_-]+";

    private final Counters counters;
    private final Sales sales;
    private final CounterCatalog catalog;
    SaleController(Counters counters, Sales sales, CounterCatalog catalog) {
        this.counters = counters;
        this.sales = sales;
        this.catalog = catalog;
    }

    /** What the paired tablet sells from; a cashier need not be signed in (the tablet loads it on start). */
    @GetMapping("/api/pos/catalog")
    Mono<CounterCatalog.Laid> catalog(ServerWebExchange exchange) {
        return counters.tablet(exchange).then(catalog.laidOut());
    }

    /**
     * The tablet, its register, who is signed in at it (and how much of a line they may take off, percent), and where
     * the register's receipt series stands.
     */
    record Tablet(PosRegisters.Device device, PosRegisters.Register register, StaffPins.@Nullable Cashier cashier,
            Permissions permissions, Sales.Series series) {
    }

    record Permissions(int discountUpTo) {
    }

    @GetMapping("/api/pos/device")
    Mono<Tablet> device(ServerWebExchange exchange) {
        return counters.atCounter(exchange).flatMap(counter -> sales.series(counter)
                .map(series -> new Tablet(counter.device(), counter.register(), counter.cashier(), new Permissions(counter.discountUpTo()),
                        series)));
    }

    /**
     * A line: the variant and how many; the options chosen from its product's modifier groups; a discount taken off the
     * line with its reason (for cashiers allowed to); a note for the kitchen or bar.
     */
    record SaleLine(@NotNull UUID variantId, @Min(1) @Max(999) int quantity, @Nullable @Size(max = 30) List<@NotNull UUID> options,
            @Nullable @Valid LineDiscount discount, @Nullable @Size(max = 140) String note) {
    }

    record LineDiscount(@NotNull @Valid ShiftController.MovedCash amount, @NotBlank @Size(max = 100) String reason) {
    }

    /**
     * How part of the sale was paid: {@code CASH} with what the customer {@code given}, or {@code CARD},
     * {@code WECHAT_PAY}, {@code ALIPAY} with the {@code payment} taken for this sale (see {@link CounterPaymentController}).
     */
    record Tender(@NotNull @Pattern(regexp = "CASH|CARD|WECHAT_PAY|ALIPAY") String type,
            @NotNull @Valid ShiftController.MovedCash amount, @Valid ShiftController.@Nullable MovedCash given, @Nullable UUID payment) {

        @AssertTrue(message = "cash needs what was given and no payment; a card or wallet tender needs its payment and nothing given")
        boolean isWellFormed() {
            return "CASH".equals(type) ? given != null && payment == null : given == null && payment != null;
        }

        Sales.Tender tender() {
            return "CASH".equals(type) ? new Sales.Cash(amount.money(), Objects.requireNonNull(given).money())
                    : new Sales.Paid(CounterMethod.valueOf(type), amount.money(), Objects.requireNonNull(payment));
        }
    }

    /** The receipt's canonical bytes and the tablet's Ed25519 signature of them, both base64url without padding. */
    record SignedReceipt(@NotNull @Size(min = 1, max = 65_536) @Pattern(regexp = BASE64URL) String payload,
            @NotNull @Size(min = 86, max = 86) @Pattern(regexp = BASE64URL) String signature) {
    }

    /**
     * A sale; {@code priceList} the one the cashier chose (by code), {@code pickupNumber} the one given to the customer,
     * {@code offline} when it was made without the network, its receipt handed over before it was sent.
     */
    record SaleBody(@NotNull UUID clientId, @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid SaleLine> lines,
            @Nullable @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String priceList,
            @NotNull @Size(min = 1, max = 5) List<@NotNull @Valid Tender> tenders, @Nullable @Min(1) @Max(9999) Integer pickupNumber,
            @NotNull @Valid SignedReceipt receipt, @Nullable Boolean offline) {

        @AssertTrue(message = "at most one cash tender, and each payment once")
        boolean isTenderedOnce() {
            if (tenders == null || tenders.contains(null)) {
                return true;
            }
            long cash = tenders.stream().filter(tender -> "CASH".equals(tender.type())).count();
            long payments = tenders.stream().map(Tender::payment).filter(Objects::nonNull).count();
            return cash <= 1 && tenders.stream().map(Tender::payment).filter(Objects::nonNull).distinct().count() == payments;
        }
    }

    /** A sale: 201 when stored now, 200 with the same answer when it was stored before. */
    @PostMapping("/api/pos/sales")
    Mono<ResponseEntity<Sales.Sold>> sell(@Valid @RequestBody SaleBody body, ServerWebExchange exchange) {
        Sales.Sale sale = new Sales.Sale(body.clientId(),
                body.lines().stream().map(line -> new CounterPricing.Wanted(new VariantId(line.variantId()), line.quantity(),
                        line.options() == null ? List.of() : line.options(),
                        line.discount() == null ? null : new CounterPricing.Discount(line.discount().amount().money(), line.discount().reason().trim()),
                        line.note() == null || line.note().isBlank() ? null : line.note().trim())).toList(),
                body.priceList(), body.tenders().stream().map(Tender::tender).toList(), body.pickupNumber(),
                SignatureText.parse(body.receipt().payload()).orElse(new byte[0]),
                SignatureText.parse(body.receipt().signature()).orElse(new byte[0]), Boolean.TRUE.equals(body.offline()));
        return counters.staffed(exchange).flatMap(counter -> sales.sell(counter, sale))
                .map(sold -> ResponseEntity.status(sold.created() ? 201 : 200).body(sold));
    }
}
