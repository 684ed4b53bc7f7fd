package org.socialworkshop.ordering;

import java.math.BigDecimal;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialworkshop.catalog.Catalog;
import org.socialworkshop.catalog.Channel;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.catalog.VariantInfo;
import org.socialworkshop.inventory.Inventory;
import org.socialworkshop.inventory.Reservation;
import org.socialworkshop.inventory.StockProblem;
import org.socialworkshop.ordering.Orders.Address;
import org.socialworkshop.ordering.Orders.FulfilmentType;
import org.socialworkshop.ordering.Orders.LineKind;
import org.socialworkshop.ordering.Orders.StoredLine;
import org.socialworkshop.ordering.domain.OrderLine;
import org.socialworkshop.ordering.domain.OrderNumber;
import org.socialworkshop.ordering.domain.OrderStatus;
import org.socialworkshop.payments.PaymentRequest;
import org.socialworkshop.payments.PaymentSession;
import org.socialworkshop.payments.PaymentStatus;
import org.socialworkshop.payments.Payments;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.platform.web.RequestId;
import org.socialworkshop.shared.Language;
import org.socialworkshop.shared.Money;
import org.socialworkshop.shop.Shop;
import org.socialworkshop.shop.ShopIdentity;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns a cart into an order awaiting payment. Prices, tax and the delivery fee are taken from the catalog now
 * and frozen in the order. The work runs in three steps so that nothing half-made is ever left behind:
 * <ol>
 * <li>the limits on unpaid orders are checked and the order number taken (one statement), then one transaction
 * reserves the stock (all or nothing);</li>
 * <li>the payment provider opens a payment page (no transaction is held open while it is called);</li>
 * <li>one transaction stores the order, its lines, the payment attempt, and closes the cart.</li>
 * </ol>
 * If step 2 or 3 fails, the reservations are released and the buyer is told; the number taken in step 1 is then
 * skipped (see docs/adr/0010-checkout-and-payments.md).
 */
@Service
public class Checkout {

    private static final Logger log = LoggerFactory.getLogger(Checkout.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BigDecimal DELIVERY_TAX_RATE = new BigDecimal("0.09");

    private final Database db;
    private final Carts carts;
    private final Catalog catalog;
    private final Inventory inventory;
    private final Payments payments;
    private final Orders orders;
    private final AuditLog audit;
    private final OrderingSettings settings;
    private final ShopIdentity shop;
    private final Clock clock;

    Checkout(Database db, Carts carts, Catalog catalog, Inventory inventory, Payments payments, Orders orders, AuditLog audit,
            OrderingSettings settings, ShopIdentity shop, Clock clock) {
        this.db = db;
        this.carts = carts;
        this.catalog = catalog;
        this.inventory = inventory;
        this.payments = payments;
        this.orders = orders;
        this.audit = audit;
        this.settings = settings;
        this.shop = shop;
        this.clock = clock.withZone(settings.timeZone());
    }

    /** Who orders; {@code networkAddress} is where from, kept only while the order waits for payment. */
    public record Buyer(String email, @Nullable String phone, @Nullable String name, @Nullable String note,
            @Nullable String networkAddress) {
    }

    public record Fulfilment(FulfilmentType type, @Nullable OffsetDateTime slot, @Nullable Address address) {
    }

    public record Placed(UUID orderId, String orderNumber, String accessToken, Payment payment) {

        public record Payment(String provider, String redirectUrl) {
        }
    }

    public record Options(Money subtotal, PickupOption pickup, DeliveryOption delivery) {
    }

    public record PickupOption(boolean available, boolean slotRequired, List<OffsetDateTime> slots, Money total, String address) {
    }

    public record DeliveryOption(boolean available, Money fee, Money freeFrom, Money total) {
    }

    /** A cart line with the catalog's facts about it now. */
    private record Priced(Carts.Line line, VariantInfo info) {

        Money amount() {
            return info.price().times(line.quantity());
        }
    }

    /** How this cart can be fulfilled and what each way costs. */
    public Mono<Options> options(UUID cartId, Language language) {
        return Mono.zip(priced(cartId), shop.current()).map(found -> {
            List<Priced> items = found.getT1();
            Shop identity = found.getT2();
            Money subtotal = subtotal(items);
            boolean catering = items.stream().anyMatch(item -> item.info().catering());
            Money fee = deliveryFee(subtotal);
            return new Options(subtotal,
                    new PickupOption(true, catering, slots(identity), subtotal, pickupAddress(identity, language)),
                    new DeliveryOption(!catering, Money.fen(settings.delivery().fee()), Money.fen(settings.delivery().freeFrom()),
                            subtotal.plus(fee)));
        });
    }

    /**
     * Places the order and opens its payment page. {@code withOrder} runs in the transaction that stores the order,
     * for what must commit with it or not at all (the answer a retry of this checkout replays).
     */
    public Mono<Placed> place(UUID cartId, Buyer buyer, Fulfilment fulfilment, URI shopUrl, Language language,
            Function<Placed, Mono<Void>> withOrder) {
        return Mono.zip(priced(cartId), shop.current()).flatMap(found -> {
            List<Priced> items = found.getT1();
            check(items, fulfilment, found.getT2());
            return admitted(items, buyer)
                    .flatMap(number -> place(cartId, number, items, buyer, fulfilment, shopUrl, language, withOrder));
        });
    }

    private Mono<Placed> place(UUID cartId, OrderNumber number, List<Priced> items, Buyer buyer, Fulfilment fulfilment,
            URI shopUrl, Language language, Function<Placed, Mono<Void>> withOrder) {
        UUID orderId = UUID.randomUUID();
        String token = token();
        OffsetDateTime payBy = OffsetDateTime.now(clock).plus(settings.paymentWindow());
        Duration hold = settings.paymentWindow().plus(settings.reservationGrace());
        return reserve(orderId, items, hold)
                .flatMap(reservations -> openPayment(orderId, number, lines(items, reservations, fulfilment),
                                buyer, shopUrl, token, payBy, language)
                        .flatMap(opened -> store(cartId, orderId, opened, buyer, fulfilment, token, payBy, language, withOrder))
                        .onErrorResume(failure -> release(reservations).then(Mono.error(failure))));
    }

    /**
     * What an unpaid order may hold ({@link OrderingSettings.Limits}), checked before anything is reserved; within the
     * limits, the order's number from its sequence in the same statement (a refused checkout takes none).
     */
    private Mono<OrderNumber> admitted(List<Priced> items, Buyer buyer) {
        OrderingSettings.Limits limits = settings.limits();
        List<OrderingProblem.Item> tooMany = items.stream()
                .filter(item -> item.info().stockTracked() && item.line().quantity() > limits.unitsPerItem())
                .map(item -> new OrderingProblem.Item(item.info().id().value().toString(), item.info().productNameZh(),
                        (long) limits.unitsPerItem()))
                .toList();
        if (!tooMany.isEmpty()) {
            return Mono.error(OrderingProblem.tooManyUnits(tooMany));
        }
        int year = LocalDate.now(clock).getYear();
        return db.sql("""
                        SELECT by_buyer, by_address,
                               CASE WHEN by_buyer < :perBuyer AND by_address < :perAddress THEN next_order_number(:year) END AS number
                        FROM (SELECT (SELECT count(*) FROM (SELECT FROM orders WHERE lower(email) = lower(:email)
                                         AND status = 'PENDING_PAYMENT' AND pay_by > now() LIMIT :perBuyer) b) AS by_buyer,
                                     (SELECT count(*) FROM (SELECT FROM orders WHERE placed_from = CAST(:address AS inet)
                                         AND status = 'PENDING_PAYMENT' AND pay_by > now() LIMIT :perAddress) a) AS by_address
                             ) counted""")
                .bind("email", buyer.email())
                .bindNullable("address", buyer.networkAddress(), String.class)
                // Counted only up to each limit: a crowd behind one address must not make every checkout count them all.
                .bind("perBuyer", limits.unpaidOrdersPerBuyer())
                .bind("perAddress", limits.unpaidOrdersPerAddress())
                .bind("year", year)
                .map(row -> new Admission(row.get("by_buyer", Long.class), row.get("by_address", Long.class),
                        row.get("number", Long.class)))
                .one()
                .flatMap(admission -> {
                    if (admission.byBuyer() >= limits.unpaidOrdersPerBuyer()) {
                        return Mono.error(OrderingProblem.tooManyUnpaid(limits.unpaidOrdersPerBuyer()));
                    }
                    if (admission.byAddress() >= limits.unpaidOrdersPerAddress()) {
                        return Mono.error(OrderingProblem.tooManyUnpaidFromAddress(limits.unpaidOrdersPerAddress()));
                    }
                    return Mono.just(new OrderNumber(year, Objects.requireNonNull(admission.number(), "number within the limits")));
                });
    }

    /** The unpaid orders counted up to each limit, and the order number when within both. */
    private record Admission(long byBuyer, long byAddress, @Nullable Long number) {
    }

    private record Opened(OrderNumber number, List<StoredLine> lines, PaymentRequest request, PaymentSession session) {
    }

    /**
     * Step 1: the stock, all or nothing, in one statement of its own transaction; the levels are held only from that
     * statement to its commit. The number was taken before, with the limits (a failed reservation skips it).
     */
    private Mono<Map<VariantId, Reservation>> reserve(UUID orderId, List<Priced> items, Duration hold) {
        List<Inventory.Wanted> wanted = items.stream().filter(item -> item.info().stockTracked())
                .map(item -> new Inventory.Wanted(item.info().id(), item.line().quantity())).toList();
        return inventory.reserveAll(wanted, Channel.ONLINE, "order:" + orderId, hold)
                .map(reservations -> reservations.stream().collect(Collectors.toMap(Reservation::variantId, reservation -> reservation)))
                .onErrorResume(StockProblem.class, shortage -> outOfStock(items));
    }

    /** Step 2: the provider's payment page. Failing to reach the provider is the buyer's 503, not a 500. */
    private Mono<Opened> openPayment(UUID orderId, OrderNumber number, List<StoredLine> lines, Buyer buyer, URI shopUrl,
            String token, OffsetDateTime payBy, Language language) {
        PaymentRequest request = paymentRequest(orderId, number, lines, buyer.email(), shopUrl, token, payBy, language);
        return open(request).map(session -> new Opened(number, lines, request, session));
    }

    private Mono<PaymentSession> open(PaymentRequest request) {
        return payments.open(request)
                .timeout(Duration.ofSeconds(30))
                .onErrorResume(failure -> Mono.deferContextual(context -> Mono.error(RequestId.inLogs(context, () -> {
                    log.warn("Could not open a payment for order {}: {}", request.orderNumber(), failure.toString());
                    return OrderingProblem.paymentUnavailable();
                }))));
    }

    private static PaymentRequest paymentRequest(UUID orderId, OrderNumber number, List<StoredLine> lines, @Nullable String email,
            URI shopUrl, String token, OffsetDateTime payBy, Language language) {
        URI orderPage = shopUrl.resolve("/shop/order.html?id=" + orderId + "&token=" + token);
        UUID paymentId = UUID.randomUUID();
        List<PaymentRequest.Item> items = lines.stream().map(line -> {
            String variant = language.pick(line.variantZh(), line.variantEn());
            return new PaymentRequest.Item(language.pick(line.nameZh(), line.nameEn()) + (variant.isBlank() ? "" : " · " + variant),
                    line.line().quantity(), line.line().unitPrice());
        }).toList();
        Money total = lines.stream().map(line -> line.line().amount()).reduce(Money::plus).orElseThrow();
        return new PaymentRequest(paymentId, orderId, number.toString(), items, total, email == null ? "" : email,
                language.locale(), orderPage, orderPage, payBy.toInstant(), "payment:" + paymentId + ":open");
    }

    /**
     * Pay again: the open attempt if there is one, else a new attempt after closing the last one at the provider
     * (so a buyer can never pay twice). Refused once the order is paid, cancelled, or past its payment window.
     */
    public Mono<Placed.Payment> payAgain(UUID orderId, String token, URI shopUrl, Language language) {
        return orders.load(orderId).switchIfEmpty(Mono.error(OrderingProblem::unknownOrder)).flatMap(stored -> {
            if (stored.order().status() != OrderStatus.PENDING_PAYMENT || !stored.payBy().isAfter(OffsetDateTime.now(clock))) {
                return Mono.error(OrderingProblem.notPayable());
            }
            return payments.confirm(orderId).flatMap(latest -> switch (latest.status()) {
                case SUCCEEDED -> Mono.<Placed.Payment>error(OrderingProblem.notPayable());
                case OPEN -> Mono.just(new Placed.Payment(latest.provider(), latest.redirectUrl()));
                case FAILED, EXPIRED -> payments.close(orderId).flatMap(closed -> closed.status() == PaymentStatus.SUCCEEDED
                        ? Mono.error(OrderingProblem.notPayable())
                        : openAttempt(stored, latest.attempt() + 1, token, shopUrl, language));
            }).switchIfEmpty(Mono.defer(() -> openAttempt(stored, 1, token, shopUrl, language)));
        });
    }

    private Mono<Placed.Payment> openAttempt(Orders.StoredOrder stored, int attempt, String token, URI shopUrl, Language language) {
        PaymentRequest request = paymentRequest(stored.order().id(), stored.order().number(), stored.lines(), stored.email(),
                shopUrl, token, stored.payBy(), language);
        return open(request)
                .flatMap(session -> db.inTransaction(() -> payments.record(request, attempt, session)))
                .map(recorded -> new Placed.Payment(recorded.provider(), recorded.redirectUrl()))
                .onErrorResume(DataIntegrityViolationException.class, raced -> payments.latest(stored.order().id())
                        .map(latest -> new Placed.Payment(latest.provider(), latest.redirectUrl())));
    }

    /** Step 3: the order, its lines and payment attempt, and the cart closed; a cart checked out meanwhile fails it. */
    private Mono<Placed> store(UUID cartId, UUID orderId, Opened opened, Buyer buyer, Fulfilment fulfilment, String token,
            OffsetDateTime payBy, Language language, Function<Placed, Mono<Void>> withOrder) {
        OrderNumber number = opened.number();
        Placed placed = new Placed(orderId, number.toString(), token,
                new Placed.Payment(payments.providerName(), opened.session().redirectUrl().toString()));
        Orders.NewOrder order = new Orders.NewOrder(orderId, number, Channel.ONLINE, OrderStatus.PENDING_PAYMENT, opened.lines(),
                buyer.email(), buyer.phone(), buyer.name(), buyer.note(), fulfilment.type(), fulfilment.slot(), fulfilment.address(),
                Orders.hash(token), cartId, payBy, buyer.networkAddress(), null, language);
        return db.inTransaction(() -> orders.insert(order)
                .flatMap(stored -> stored ? Mono.<Void>empty() : Mono.error(OrderingProblem.cartCheckedOut()))
                .then(payments.record(opened.request(), 1, opened.session()))
                .then(audit.record("order.placed", "order:" + orderId, Map.of("number", number.toString(),
                        "total", opened.request().total().minor(), "fulfilment", fulfilment.type().name())))
                .then(withOrder.apply(placed))
                .thenReturn(placed));
    }

    private Mono<Void> release(Map<VariantId, Reservation> reservations) {
        return Flux.fromIterable(reservations.values())
                .concatMap(reservation -> inventory.release(reservation.id())
                        .onErrorResume(StockProblem.class, alreadyGone -> Mono.empty()))
                .then();
    }

    private List<StoredLine> lines(List<Priced> items, Map<VariantId, Reservation> reservations, Fulfilment fulfilment) {
        List<StoredLine> lines = new ArrayList<>();
        for (Priced item : items) {
            VariantInfo info = item.info();
            Reservation reservation = reservations.get(info.id());
            lines.add(new StoredLine(new OrderLine(UUID.randomUUID(), info.id().value(), info.sku(), info.productNameZh(),
                    item.line().quantity(), info.price(), info.taxRate()), LineKind.ITEM, info.productId().value(),
                    info.productNameZh(), info.productNameEn(), info.variantNameZh(), info.variantNameEn(),
                    reservation == null ? null : reservation.id(), reservation == null ? null : reservation.location(), 0));
        }
        Money fee = fulfilment.type() == FulfilmentType.DELIVERY ? deliveryFee(subtotal(items)) : Money.fen(0);
        if (fee.minor() > 0) {
            lines.add(new StoredLine(new OrderLine(UUID.randomUUID(), null, "DELIVERY", "配送费", 1, fee, DELIVERY_TAX_RATE),
                    LineKind.DELIVERY, null, "配送费", "Delivery", "", "", null, null, 0));
        }
        return lines;
    }

    /** The cart's lines priced from the catalog; refuses an empty cart and items no longer sold online. */
    private Mono<List<Priced>> priced(UUID cartId) {
        return carts.openLines(cartId).flatMap(lines -> {
            if (lines.isEmpty()) {
                return Mono.error(OrderingProblem.cartEmpty());
            }
            return catalog.variants(lines.stream().map(Carts.Line::variant).toList()).flatMap(infos -> {
                List<OrderingProblem.Item> gone = lines.stream()
                        .filter(line -> infos.get(line.variant()) == null || !infos.get(line.variant()).sellableOn(Channel.ONLINE))
                        .map(line -> new OrderingProblem.Item(line.variant().value().toString(),
                                infos.get(line.variant()) == null ? "" : infos.get(line.variant()).productNameZh(), 0L))
                        .toList();
                if (!gone.isEmpty()) {
                    return Mono.error(OrderingProblem.notPurchasable(gone));
                }
                return Mono.just(lines.stream().map(line -> new Priced(line, infos.get(line.variant()))).toList());
            });
        });
    }

    private Mono<Map<VariantId, Reservation>> outOfStock(List<Priced> items) {
        List<VariantId> ids = items.stream().map(item -> item.info().id()).toList();
        return inventory.available(ids, Channel.ONLINE).flatMap(available -> Mono.error(OrderingProblem.outOfStock(items.stream()
                .filter(item -> item.info().stockTracked())
                .filter(item -> available.getOrDefault(item.info().id(), 0L) < item.line().quantity())
                .map(item -> new OrderingProblem.Item(item.info().id().value().toString(),
                        item.info().productNameZh() + " / " + item.info().productNameEn(),
                        Math.max(0, available.getOrDefault(item.info().id(), 0L))))
                .toList())));
    }

    /** Rules that depend on what is in the cart: catering is picked up, in a slot that is offered. */
    private void check(List<Priced> items, Fulfilment fulfilment, Shop identity) {
        boolean catering = items.stream().anyMatch(item -> item.info().catering());
        if (fulfilment.type() == FulfilmentType.DELIVERY) {
            if (catering) {
                throw InvalidInput.field("fulfilment.type", "canteen and café items are for pickup only");
            }
            if (fulfilment.address() == null) {
                throw InvalidInput.field("fulfilment.address", "must not be blank");
            }
            return;
        }
        if (fulfilment.slot() == null) {
            if (catering) {
                throw InvalidInput.field("fulfilment.slot", "choose a pickup time for canteen and café items");
            }
            return;
        }
        boolean offered = slots(identity).stream().anyMatch(slot -> slot.toInstant().equals(fulfilment.slot().toInstant()));
        if (!offered) {
            throw InvalidInput.field("fulfilment.slot", "is not one of the pickup times offered");
        }
    }

    /** Pickup slots from the lead time ahead, within the shop's opening hours, for the configured number of days. */
    List<OffsetDateTime> slots(Shop identity) {
        return PickupSlots.offered(identity, settings.pickup(), ZonedDateTime.now(clock));
    }

    /** Where pickups are collected, as the order and checkout pages show it. */
    static String pickupAddress(Shop identity, Language language) {
        return language.pick(identity.pickupPointZh(), identity.pickupPointEn()) + language.pick("，", ", ")
                + language.pick(identity.addressZh(), identity.addressEn());
    }

    private Money deliveryFee(Money goods) {
        return goods.minor() >= settings.delivery().freeFrom() ? Money.fen(0) : Money.fen(settings.delivery().fee());
    }

    private static Money subtotal(List<Priced> items) {
        return items.stream().map(Priced::amount).reduce(Money.fen(0), Money::plus);
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
