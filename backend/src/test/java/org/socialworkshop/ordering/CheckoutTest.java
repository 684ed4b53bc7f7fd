package org.socialworkshop.ordering;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.inventory.Inventory;
import org.socialworkshop.inventory.StockLevel;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.Race;
import org.socialworkshop.support.SecondInstance;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.TestPostgres;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/** Carts, checkout and demo payments over HTTP, against the real database: nothing lost, nothing doubled. */
@WorkshopTest
class CheckoutTest {

    static final String STORE_ROOM = "ONLINE_STORE_ROOM";

    @Autowired
    WebTestClient client;

    @Autowired
    Inventory inventory;

    @Autowired
    Database db;

    @Autowired
    UnpaidOrders unpaidOrders;

    WebTestClient staff;
    Shop shop;

    @BeforeEach
    void setUp() {
        staff = CatalogFixtures.coordinator(client);
        shop = new Shop(client);
    }

    record Item(String productId, String variantId) {
    }

    Item tracked(long units, long priceFen) {
        return product(true, units, priceFen);
    }

    Item madeToOrder(long priceFen) {
        return product(false, 0, priceFen);
    }

    Item product(boolean tracked, long units, long priceFen) {
        Map<String, Object> body = CatalogFixtures.product("测试杯", "Test cup", tracked);
        body.put("variants", List.of(CatalogFixtures.variant("T-" + UUID.randomUUID().toString().substring(0, 8), priceFen)));
        Map<String, Object> product = CatalogFixtures.create(staff, body);
        String variant = CatalogFixtures.firstVariantId(product);
        if (units > 0) {
            CatalogFixtures.receive(staff, variant, STORE_ROOM, units);
        }
        return new Item((String) product.get("id"), variant);
    }

    StockLevel level(Item item) {
        return inventory.levelsOf(new VariantId(UUID.fromString(item.variantId()))).block().stream()
                .filter(level -> level.location().equals(STORE_ROOM)).findFirst().orElseThrow();
    }

    @Test
    void aBuyerChecksOutPaysInDemoModeAndTheStockIsSold() {
        Item cup = tracked(5, 6800);
        String cart = shop.cartWith(Map.of(cup.productId(), cup.variantId()), 2);

        Shop.Placed placed = shop.checkout(cart);

        assertThat(placed.orderNumber()).matches("WS-\\d{4}-\\d{6,}");
        assertThat(placed.provider()).isEqualTo("demo");
        assertThat(placed.redirectUrl()).startsWith("/shop/demo-payment.html?session=demo_cs_");
        Map<String, Object> pending = shop.order(placed);
        assertThat(pending.get("status")).isEqualTo("PENDING_PAYMENT");
        assertThat(pending.get("total")).isEqualTo(Map.of("amount", 13600, "currency", "CNY"));
        assertThat(level(cup).reserved()).isEqualTo(2);

        shop.payDemo(placed).expectStatus().isOk().expectBody().jsonPath("$.returnUrl").value(url ->
                assertThat((String) url).contains("/shop/order.html?id=" + placed.orderId()));
        Map<String, Object> paid = shop.awaitStatus(placed, "PAID");

        assertThat(paid.get("paidAt")).isNotNull();
        assertThat(level(cup).onHand()).isEqualTo(3);
        assertThat(level(cup).reserved()).isZero();
        assertThat(taxes(paid)).singleElement().satisfies(tax -> {
            assertThat(tax.get("gross")).isEqualTo(Map.of("amount", 13600, "currency", "CNY"));
            assertThat(tax.get("tax")).isEqualTo(Map.of("amount", 1565, "currency", "CNY"));
        });
        shop.add(cart, cup.productId(), cup.variantId(), 1).expectStatus().isEqualTo(409);
        // Pressing "pay" again (a retry after a lost answer or a crash after the commit) gets the same answer and
        // pays nothing twice; pressing "fail" now is refused.
        shop.payDemo(placed).expectStatus().isOk().expectBody().jsonPath("$.returnUrl").value(url ->
                assertThat((String) url).contains("/shop/order.html?id=" + placed.orderId()));
        shop.failDemo(placed).expectStatus().isEqualTo(409);
        assertThat(shop.order(placed).get("status")).isEqualTo("PAID");
        assertThat(level(cup).onHand()).isEqualTo(3);
    }

    @Test
    void theOrderIsPrivateToItsLink() {
        Item cup = tracked(3, 1000);
        Shop.Placed placed = shop.checkout(shop.cartWith(Map.of(cup.productId(), cup.variantId()), 1));

        client.get().uri("/api/orders/{id}?token=wrong", placed.orderId()).exchange().expectStatus().isNotFound();
        client.get().uri("/api/orders/{id}", placed.orderId()).exchange().expectStatus().isNotFound();
        client.get().uri("/api/orders/{id}?token={token}", UUID.randomUUID(), placed.accessToken()).exchange().expectStatus().isNotFound();
        staff.get().uri("/api/orders/{id}", placed.orderId()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.orderNumber").isEqualTo(placed.orderNumber());
    }

    @Test
    void theSameCheckoutSentTwiceWithOneKeyMakesOneOrder() {
        Item cup = tracked(5, 2500);
        String cart = shop.cartWith(Map.of(cup.productId(), cup.variantId()), 1);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Shop.pickup(cart);

        List<byte[]> answers = Flux.range(0, 5)
                .flatMap(i -> Mono.fromCallable(() -> shop.checkout(body, key).expectStatus().isCreated()
                        .expectBody().returnResult().getResponseBody()).subscribeOn(Schedulers.boundedElastic()), 5)
                .collectList().block();

        assertThat(answers).hasSize(5).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
        assertThat(db.sql("SELECT count(*) AS n FROM orders WHERE cart_id = :cart").bind("cart", UUID.fromString(cart))
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1);
        assertThat(level(cup).reserved()).isEqualTo(1);
    }

    /** One buyer's go: what checkout answered, and what paying answered if there was an order to pay. */
    record Attempt(int checkout, @Nullable MediaType type, Map<String, Object> answer, int payment) {
    }

    /**
     * Fifty buyers, ten units. Every cart also holds a cup there is plenty of, half of them in the other order, and
     * each buyer who gets an order pays at once: checkouts set stock aside while paid orders take it out of the same
     * rows, locked from both sides.
     */
    @Test
    void fiftyBuyersRaceForTenUnitsExactlyTenGetOneAndTheJournalAddsUp() {
        Item scarce = tracked(10, 4500);
        Item plenty = tracked(100, 1200);
        List<String> carts = IntStream.range(0, 50)
                .mapToObj(i -> cartOf(i % 2 == 0 ? List.of(scarce, plenty) : List.of(plenty, scarce))).toList();
        Shop buyers = new Shop(Race.unpooled(client));

        List<Attempt> attempts = Race.run(50, i -> buy(buyers, carts.get(i)));

        assertThat(attempts.stream().collect(Collectors.groupingBy(Attempt::checkout, Collectors.counting())))
                .isEqualTo(Map.of(201, 10L, 409, 40L));
        assertThat(attempts).filteredOn(attempt -> attempt.checkout() == 201).extracting(Attempt::payment).containsOnly(200);
        assertThat(attempts).filteredOn(attempt -> attempt.checkout() == 409).allSatisfy(refused -> {
            assertThat(refused.type()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat((String) refused.answer().get("type")).endsWith("/out-of-stock");
            assertThat(refused.answer().get("items")).isEqualTo(List.of(Map.of("variantId", scarce.variantId(),
                    "name", "测试杯 / Test cup", "available", 0)));
        });
        attempts.stream().filter(attempt -> attempt.checkout() == 201)
                .forEach(won -> shop.awaitStatus(Shop.placed(won.answer()), "PAID"));

        assertThat(movements(scarce)).isEqualTo(Map.of("RECEIVED", 1L, "RESERVED", 10L, "SOLD", 10L));
        assertThat(reservations(scarce)).isEqualTo(Map.of("CONFIRMED", 10L));
        assertThat(level(scarce)).extracting(StockLevel::onHand, StockLevel::reserved).containsExactly(0L, 0L);
        assertThat(level(plenty)).extracting(StockLevel::onHand, StockLevel::reserved).containsExactly(90L, 0L);
        for (Item item : List.of(scarce, plenty)) {
            Journal journal = journal(item);
            assertThat(journal.onHand()).isEqualTo(level(item).onHand());
            assertThat(journal.reserved()).isEqualTo(level(item).reserved());
            assertThat(journal.lowest()).as("on hand, reserved and available at every step of the journal")
                    .allSatisfy(lowest -> assertThat(lowest).isNotNegative());
        }
    }

    /**
     * Sixteen buyers, four goods, each cart three of them in its own order, three rounds; half the buyers pay and
     * half let the payment fail, so reserving, selling and releasing lock the same stock rows from every side at
     * once. Every step answers as it would alone: no deadlock reaches a buyer (it would be a 500) and the stock adds up.
     */
    @Test
    void sixteenBuyersWithOverlappingCartsNeverDeadlock() {
        List<Item> goods = IntStream.range(0, 4).mapToObj(i -> tracked(1_000, 1000 + i)).toList();
        Shop buyers = new Shop(Race.unpooled(client));
        for (int round = 0; round < 3; round++) {
            int shift = round;
            List<String> carts = IntStream.range(0, 16).mapToObj(i -> {
                List<Item> picked = new ArrayList<>(goods);
                picked.remove((i + shift) % 4);
                Collections.rotate(picked, i % 3);
                if (i % 2 == 1) {
                    Collections.reverse(picked);
                }
                return cartOf(picked);
            }).toList();

            List<Attempt> attempts = Race.run(16, i -> i % 2 == 0 ? buy(buyers, carts.get(i)) : buyAndFail(buyers, carts.get(i)));

            assertThat(attempts).extracting(Attempt::checkout).as("checkouts in round %d", round).containsOnly(201);
            assertThat(attempts).extracting(Attempt::payment).as("payments in round %d", round).containsOnly(200);
            IntStream.range(0, 16).filter(i -> i % 2 == 0)
                    .forEach(i -> shop.awaitStatus(Shop.placed(attempts.get(i).answer()), "PAID"));
        }
        for (Item item : goods) {
            Journal journal = journal(item);
            assertThat(journal.onHand()).isEqualTo(level(item).onHand());
            assertThat(journal.reserved()).isEqualTo(level(item).reserved());
        }
        // 3 rounds × 8 paying buyers, each buying 3 of the 4 goods: 72 units sold; the 72 units of the failed
        // payments stay set aside for the buyer's next try until the payment window closes
        assertThat(goods.stream().mapToLong(item -> level(item).onHand()).sum()).isEqualTo(4 * 1_000 - 72);
        assertThat(goods.stream().mapToLong(item -> level(item).reserved()).sum()).isEqualTo(72);
    }

    @SuppressWarnings("unchecked")
    static Attempt buyAndFail(Shop buyer, String cart) {
        EntityExchangeResult<Map> checkout = buyer.checkout(Shop.pickup(cart), UUID.randomUUID().toString())
                .expectBody(Map.class).returnResult();
        Map<String, Object> answer = checkout.getResponseBody() == null ? Map.of() : checkout.getResponseBody();
        int failed = checkout.getStatus().value() != 201 ? 0
                : buyer.failDemo(Shop.placed(answer)).expectBody().returnResult().getStatus().value();
        return new Attempt(checkout.getStatus().value(), checkout.getResponseHeaders().getContentType(), answer, failed);
    }

    String cartOf(List<Item> items) {
        String cart = shop.newCart();
        items.forEach(item -> shop.add(cart, item.productId(), item.variantId(), 1).expectStatus().isOk());
        return cart;
    }

    @SuppressWarnings("unchecked")
    static Attempt buy(Shop buyer, String cart) {
        EntityExchangeResult<Map> checkout = buyer.checkout(Shop.pickup(cart), UUID.randomUUID().toString())
                .expectBody(Map.class).returnResult();
        Map<String, Object> answer = checkout.getResponseBody() == null ? Map.of() : checkout.getResponseBody();
        int paid = checkout.getStatus().value() != 201 ? 0
                : buyer.payDemo(Shop.placed(answer)).expectBody().returnResult().getStatus().value();
        return new Attempt(checkout.getStatus().value(), checkout.getResponseHeaders().getContentType(), answer, paid);
    }

    /** The journal's movements of this variant by kind, counted. */
    Map<String, Long> movements(Item item) {
        return db.sql("SELECT kind, count(*) AS n FROM stock_movements WHERE variant_id = :variant GROUP BY kind")
                .bind("variant", UUID.fromString(item.variantId()))
                .map(row -> Map.entry(row.get("kind", String.class), row.get("n", Long.class)))
                .stream().collectMap(Map.Entry::getKey, Map.Entry::getValue).block();
    }

    /** Units held for orders of this variant, by the reservation's status. */
    Map<String, Long> reservations(Item item) {
        return db.sql("SELECT status, sum(quantity) AS units FROM stock_reservations WHERE variant_id = :variant GROUP BY status")
                .bind("variant", UUID.fromString(item.variantId()))
                .map(row -> Map.entry(row.get("status", String.class), row.get("units", Number.class).longValue()))
                .stream().collectMap(Map.Entry::getKey, Map.Entry::getValue).block();
    }

    /** What the journal sums to at the store room, and the lowest on hand, reserved and available it ever went through. */
    record Journal(long onHand, long reserved, List<Long> lowest) {
    }

    Journal journal(Item item) {
        return db.sql("""
                        SELECT sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved, min(running_on_hand) AS lowest_on_hand,
                               min(running_reserved) AS lowest_reserved, min(running_on_hand - running_reserved) AS lowest_available
                        FROM (SELECT on_hand_delta, reserved_delta,
                                     sum(on_hand_delta) OVER (ORDER BY id) AS running_on_hand,
                                     sum(reserved_delta) OVER (ORDER BY id) AS running_reserved
                              FROM stock_movements WHERE variant_id = :variant AND location = :location) steps""")
                .bind("variant", UUID.fromString(item.variantId())).bind("location", STORE_ROOM)
                .map(row -> new Journal(number(row, "on_hand"), number(row, "reserved"),
                        List.of(number(row, "lowest_on_hand"), number(row, "lowest_reserved"), number(row, "lowest_available"))))
                .one().block();
    }

    static long number(io.r2dbc.spi.Readable row, String column) {
        return row.get(column, Number.class).longValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnpaidOrderHoldsAtMostTwentyOfAnItemAndABuyerAtMostThreeUnpaidOrders() {
        Item cup = tracked(100, 2500);
        String big = shop.cartWith(Map.of(cup.productId(), cup.variantId()), 21);
        shop.checkout(Shop.pickup(big), UUID.randomUUID().toString()).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.title").isEqualTo("Too many of one item")
                .jsonPath("$.items[0].variantId").isEqualTo(cup.variantId())
                .jsonPath("$.items[0].available").isEqualTo(20);
        assertThat(level(cup).reserved()).isZero();

        String email = "Many-" + UUID.randomUUID() + "@example.org";
        List<Shop.Placed> unpaid = new java.util.ArrayList<>();
        for (int order = 0; order < 3; order++) {
            Map<String, Object> body = new java.util.HashMap<>(Shop.pickup(shop.cartWith(Map.of(cup.productId(), cup.variantId()), 20)));
            body.put("email", order == 0 ? email : email.toLowerCase());
            unpaid.add(Shop.placed(shop.checkout(body, UUID.randomUUID().toString()).expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody()));
        }
        Map<String, Object> fourth = new java.util.HashMap<>(Shop.pickup(shop.cartWith(Map.of(cup.productId(), cup.variantId()), 1)));
        fourth.put("email", email.toUpperCase());
        long lastNumber = lastOrderNumber();
        shop.checkout(fourth, UUID.randomUUID().toString()).expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.title").isEqualTo("Too many unpaid orders");
        assertThat(level(cup).reserved()).isEqualTo(60);
        assertThat(lastOrderNumber()).as("a refused checkout takes no order number").isEqualTo(lastNumber);

        shop.payDemo(unpaid.get(0)).expectStatus().isOk();
        shop.awaitStatus(unpaid.get(0), "PAID");
        shop.checkout(fourth, UUID.randomUUID().toString()).expectStatus().isCreated();
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneNetworkAddressHoldsAtMostItsLimitOfUnpaidOrdersWhateverTheEmailsAndIsForgottenOncePaid() {
        Item cup = tracked(10, 2500);
        // Behind a proxy (forwarded addresses honoured), with a limit of two unpaid orders per address.
        try (SecondInstance proxied = SecondInstance.start("workshop.database.url=" + TestPostgres.url(),
                "server.forward-headers-strategy=native", "workshop.ordering.limits.unpaid-orders-per-address=2")) {
            String address = "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + ".7";
            Shop fromAddress = new Shop(proxied.client().mutate().defaultHeader("X-Forwarded-For", address).build());
            Shop fromElsewhere = new Shop(proxied.client().mutate().defaultHeader("X-Forwarded-For", "192.0.2.99").build());
            List<Shop.Placed> unpaid = new ArrayList<>();
            for (int order = 0; order < 2; order++) {
                unpaid.add(fromAddress.checkout(fromAddress.cartWith(Map.of(cup.productId(), cup.variantId()), 1)));
            }
            String third = fromAddress.cartWith(Map.of(cup.productId(), cup.variantId()), 1);
            fromAddress.checkout(Shop.pickup(third), UUID.randomUUID().toString()).expectStatus().isEqualTo(429)
                    .expectBody().jsonPath("$.type").value(type -> assertThat((String) type).endsWith("too-many-unpaid-from-address"));
            assertThat(level(cup).reserved()).isEqualTo(2);
            fromElsewhere.checkout(fromElsewhere.cartWith(Map.of(cup.productId(), cup.variantId()), 1));

            fromAddress.payDemo(unpaid.get(0)).expectStatus().isOk();
            fromAddress.awaitStatus(unpaid.get(0), "PAID");
            fromAddress.checkout(Shop.pickup(third), UUID.randomUUID().toString()).expectStatus().isCreated();
            assertThat(db.sql("SELECT host(placed_from) AS placed_from FROM orders WHERE id = :id")
                    .bind("id", UUID.fromString(unpaid.get(1).orderId())).map(row -> row.get("placed_from", String.class)).one()
                    .block()).as("kept while unpaid").isEqualTo(address);
            assertThat(db.sql("SELECT count(*) AS kept FROM orders WHERE id = :id AND placed_from IS NOT NULL")
                    .bind("id", UUID.fromString(unpaid.get(0).orderId())).map(row -> row.get("kept", Long.class)).one().block())
                    .as("forgotten once paid").isZero();
        }
    }

    /** The last order number handed out in the newest year. */
    private long lastOrderNumber() {
        return db.sql("""
                        SELECT coalesce(last_value, 0) AS last FROM pg_sequences
                        WHERE sequencename LIKE 'order\\_number\\_%' ORDER BY sequencename DESC LIMIT 1""")
                .map(row -> row.get("last", Long.class)).one().block();
    }

    @Test
    void outOfStockSaysWhatIsLeftAndReservesNothing() {
        Item scarce = tracked(2, 1500);
        Item plenty = tracked(10, 1500);
        String cart = shop.newCart();
        shop.add(cart, plenty.productId(), plenty.variantId(), 3).expectStatus().isOk();
        // More than there is does not even go in the cart: said at once, with what is left.
        shop.add(cart, scarce.productId(), scarce.variantId(), 3).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").value(type -> assertThat((String) type).endsWith("/out-of-stock"))
                .jsonPath("$.items[0].available").isEqualTo(2);
        shop.add(cart, scarce.productId(), scarce.variantId(), 2).expectStatus().isOk();
        shop.add(cart, scarce.productId(), scarce.variantId(), 1).expectStatus().isEqualTo(409);
        // Someone else buys one meanwhile.
        shop.checkout(shop.cartWith(Map.of(scarce.productId(), scarce.variantId()), 1));

        shop.checkout(Shop.pickup(cart), UUID.randomUUID().toString()).expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].variantId").isEqualTo(scarce.variantId())
                .jsonPath("$.items[0].available").isEqualTo(1);

        assertThat(level(plenty).reserved()).isZero();
        assertThat(level(scarce).reserved()).as("the other buyer's only").isEqualTo(1);
        client.get().uri("/api/carts/{id}", cart).exchange().expectStatus().isOk().expectBody().jsonPath("$.checkedOut").isEqualTo(false);
    }

    @Test
    void aFailedPaymentLeavesTheOrderPayableAndPayingAgainWorks() {
        Item cup = tracked(4, 3000);
        Shop.Placed placed = shop.checkout(shop.cartWith(Map.of(cup.productId(), cup.variantId()), 1));

        shop.failDemo(placed).expectStatus().isOk();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(payment(shop.order(placed))).containsEntry("status", "FAILED").containsEntry("payable", true));
        assertThat(shop.order(placed).get("status")).isEqualTo("PENDING_PAYMENT");

        String again = (String) client.post().uri("/api/orders/{id}/payment?token={token}", placed.orderId(), placed.accessToken())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("redirectUrl");
        Shop.Placed retry = new Shop.Placed(placed.orderId(), placed.orderNumber(), placed.accessToken(), "demo", again);
        assertThat(retry.demoSession()).isNotEqualTo(placed.demoSession());
        shop.payDemo(retry).expectStatus().isOk();
        shop.awaitStatus(placed, "PAID");
        client.post().uri("/api/orders/{id}/payment?token={token}", placed.orderId(), placed.accessToken())
                .exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void anOrderNotPaidInTimeIsCancelledAndItsStockFreed() {
        Item cup = tracked(2, 3000);
        Shop.Placed placed = shop.checkout(shop.cartWith(Map.of(cup.productId(), cup.variantId()), 2));
        db.sql("UPDATE orders SET pay_by = now() - interval '1 second' WHERE id = :id").bind("id", UUID.fromString(placed.orderId()))
                .update().block();

        unpaidOrders.cancelOverdue().block();

        assertThat(shop.order(placed).get("status")).isEqualTo("CANCELLED");
        assertThat(level(cup).reserved()).isZero();
        shop.payDemo(placed).expectStatus().isEqualTo(409);
        client.post().uri("/api/orders/{id}/payment?token={token}", placed.orderId(), placed.accessToken())
                .exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void cartsUntouchedForThirtyDaysAreForgottenButCheckedOutOnesStay() {
        Item cup = madeToOrder(900);
        String abandoned = shop.cartWith(Map.of(cup.productId(), cup.variantId()), 1);
        String recent = shop.cartWith(Map.of(cup.productId(), cup.variantId()), 1);
        String ordered = shop.cartWith(Map.of(cup.productId(), cup.variantId()), 1);
        shop.checkout(ordered);
        db.sql("UPDATE carts SET updated_at = now() - interval '31 days' WHERE id = ANY(:ids)")
                .bind("ids", new UUID[] {UUID.fromString(abandoned), UUID.fromString(ordered)}).update().block();

        unpaidOrders.cancelOverdue().block();

        client.get().uri("/api/carts/{id}", abandoned).exchange().expectStatus().isNotFound();
        client.get().uri("/api/carts/{id}", recent).exchange().expectStatus().isOk();
        client.get().uri("/api/carts/{id}", ordered).exchange().expectStatus().isOk().expectBody().jsonPath("$.checkedOut").isEqualTo(true);
    }

    @Test
    void orderNumbersFollowEachOtherWithinTheYear() {
        Item cup = madeToOrder(1200);
        Shop.Placed first = shop.checkout(shop.cartWith(Map.of(cup.productId(), cup.variantId()), 1));
        Shop.Placed second = shop.checkout(shop.cartWith(Map.of(cup.productId(), cup.variantId()), 1));

        long a = Long.parseLong(first.orderNumber().substring(8));
        long b = Long.parseLong(second.orderNumber().substring(8));
        assertThat(b).isGreaterThan(a);
        assertThat(first.orderNumber().substring(0, 8)).isEqualTo(second.orderNumber().substring(0, 8));
    }

    @Test
    void badCheckoutsAreClearProblemsAndChangeNothing() {
        Item cup = tracked(5, 1000);
        String cart = shop.cartWith(Map.of(cup.productId(), cup.variantId()), 1);

        shop.checkout(Map.of("cartId", cart, "email", "not-an-email", "fulfilment", Map.of("type", "PICKUP")), UUID.randomUUID().toString())
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
        shop.checkout(Map.of("cartId", cart, "email", "a@example.org", "fulfilment", Map.of("type", "DELIVERY")), UUID.randomUUID().toString())
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors.length()").isEqualTo(4);
        shop.checkout(Map.of("cartId", cart, "email", "a@example.org", "fulfilment", Map.of("type", "PICKUP", "slot", "2020-01-01T10:00:00+08:00")),
                UUID.randomUUID().toString()).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("fulfilment.slot");
        shop.checkout(Map.of("cartId", cart, "email", "a@example.org", "fulfilment", Map.of("type", "BOAT")), UUID.randomUUID().toString())
                .expectStatus().isBadRequest();
        shop.checkout(Shop.pickup(UUID.randomUUID().toString()), UUID.randomUUID().toString()).expectStatus().isNotFound();
        shop.checkout(Shop.pickup(shop.newCart()), UUID.randomUUID().toString()).expectStatus().isEqualTo(422);

        assertThat(level(cup).reserved()).isZero();
        client.get().uri("/api/carts/{id}", cart).exchange().expectBody().jsonPath("$.checkedOut").isEqualTo(false);
    }

    @Test
    void deliveryAddsTheFeeBelowTheFreeAmountAndOptionsSayWhatEachWayCosts() {
        Item cup = tracked(5, 5000);
        String cart = shop.cartWith(Map.of(cup.productId(), cup.variantId()), 1);

        client.get().uri("/api/checkout/options?cartId={cart}", cart).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.pickup.slotRequired").isEqualTo(false)
                .jsonPath("$.pickup.slots.length()").value(count -> assertThat((Integer) count).isPositive())
                .jsonPath("$.delivery.available").isEqualTo(true)
                .jsonPath("$.delivery.total.amount").isEqualTo(6500);
        Map<String, Object> body = Map.of("cartId", cart, "email", "d@example.org", "fulfilment", Map.of("type", "DELIVERY",
                "recipient", "王芳", "phone", "13800000000", "address", "武侯区一环路 1 号", "city", "成都"));
        String orderId = (String) shop.checkout(body, UUID.randomUUID().toString()).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("orderId");

        staff.get().uri("/api/admin/orders/{id}", orderId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total.amount").isEqualTo(6500)
                .jsonPath("$.lines[1].kind").isEqualTo("DELIVERY")
                .jsonPath("$.fulfilment.city").isEqualTo("成都")
                .jsonPath("$.email").isEqualTo("d@example.org");
    }

    @Test
    void cartsAddChangeAndRemove() {
        Item cup = tracked(5, 700);
        String cart = shop.newCart();
        shop.add(cart, cup.productId(), cup.variantId(), 2).expectStatus().isOk();
        shop.add(cart, cup.productId(), cup.variantId(), 1).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].quantity").isEqualTo(3)
                .jsonPath("$.subtotal.amount").isEqualTo(2100)
                .jsonPath("$.items[0].available").isEqualTo(5);
        client.put().uri("/api/carts/{id}/items/{v}", cart, cup.variantId()).bodyValue(Map.of("quantity", 1)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.itemCount").isEqualTo(1);
        shop.add(cart, cup.productId(), cup.variantId(), 99).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity");
        shop.add(cart, cup.productId(), UUID.randomUUID().toString(), 1).expectStatus().isBadRequest();
        client.delete().uri("/api/carts/{id}/items/{v}", cart, cup.variantId()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        client.get().uri("/api/carts/{id}", UUID.randomUUID()).exchange().expectStatus().isNotFound();
        client.get().uri("/api/carts/not-a-uuid").exchange().expectStatus().isBadRequest();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> taxes(Map<String, Object> order) {
        return (List<Map<String, Object>>) order.get("taxes");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> payment(Map<String, Object> order) {
        return (Map<String, Object>) order.get("payment");
    }

}
