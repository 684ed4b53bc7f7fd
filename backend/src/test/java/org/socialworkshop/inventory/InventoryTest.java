package org.socialworkshop.inventory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.catalog.Channel;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.outbox.OutboxDispatcher;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Stock never goes below zero, the journal always explains the level, and low stock raises an alert. */
@WorkshopTest
class InventoryTest {

    static final String ONLINE = "ONLINE_STORE_ROOM";

    @Autowired
    WebTestClient client;

    @Autowired
    Inventory inventory;

    @Autowired
    StockReads reads;

    @Autowired
    Database db;

    @Autowired
    OutboxDispatcher dispatcher;

    WebTestClient staff;

    @BeforeEach
    void signIn() {
        staff = CatalogFixtures.coordinator(client);
    }

    @Test
    void fiftyConcurrentReservationsAgainstTenUnitsTakeExactlyTen() {
        VariantId variant = trackedVariant(10);
        AtomicInteger refused = new AtomicInteger();
        List<Reservation> held = Flux.range(0, 50)
                .flatMap(i -> inventory.reserve(variant, Channel.ONLINE, 1, "order:" + i, Duration.ofMinutes(15))
                        .subscribeOn(Schedulers.parallel())
                        .onErrorResume(StockProblem.class, insufficient -> {
                            refused.incrementAndGet();
                            return reactor.core.publisher.Mono.empty();
                        }), 50)
                .collectList().block();

        assertThat(held).hasSize(10);
        assertThat(refused).hasValue(40);
        StockLevel level = level(variant);
        assertThat(level.onHand()).isEqualTo(10);
        assertThat(level.reserved()).isEqualTo(10);
        assertThat(level.available()).isZero();
        assertJournalExplainsLevels(variant);
    }

    @Test
    void severalLinesAreReservedAllOrNone() {
        VariantId cups = trackedVariant(5);
        VariantId plates = trackedVariant(2);

        List<Reservation> held = inventory.reserveAll(List.of(new Inventory.Wanted(cups, 3), new Inventory.Wanted(plates, 2)),
                Channel.ONLINE, "order:both", Duration.ofMinutes(15)).block();
        assertThat(held).extracting(Reservation::variantId, Reservation::location, Reservation::quantity)
                .containsExactly(tuple(cups, ONLINE, 3L), tuple(plates, ONLINE, 2L));

        // 2 cups are left but no plate: neither is set aside, and the journal shows only the first order's
        StepVerifier.create(inventory.reserveAll(List.of(new Inventory.Wanted(cups, 2), new Inventory.Wanted(plates, 1)),
                        Channel.ONLINE, "order:short", Duration.ofMinutes(15)))
                .expectError(StockProblem.class).verify();
        assertThat(level(cups).reserved()).isEqualTo(3);
        assertThat(level(plates).reserved()).isEqualTo(2);
        assertThat(db.sql("SELECT count(*) AS n FROM stock_movements WHERE reference = 'order:short'")
                .map(row -> row.get("n", Long.class)).one().block()).isZero();
        assertThat(db.sql("SELECT count(*) AS n FROM stock_reservations WHERE reference = 'order:both' AND status = 'HELD'")
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(2);
    }

    @Test
    void confirmingSellsAndReleasingGivesBack() {
        VariantId variant = trackedVariant(5);
        Reservation sold = inventory.reserve(variant, Channel.ONLINE, 2, "order:a", Duration.ofMinutes(15)).block();
        Reservation dropped = inventory.reserve(variant, Channel.ONLINE, 2, "order:b", Duration.ofMinutes(15)).block();
        inventory.confirm(sold.id()).block();
        inventory.release(dropped.id()).block();
        StockLevel level = level(variant);
        assertThat(level.onHand()).isEqualTo(3);
        assertThat(level.reserved()).isZero();
        assertThat(inventory.confirm(sold.id()).onErrorResume(StockProblem.class, twice -> reactor.core.publisher.Mono.empty())
                .then(reactor.core.publisher.Mono.just(level(variant).onHand())).block()).isEqualTo(3);
        assertJournalExplainsLevels(variant);
    }

    @Test
    void unpaidReservationsExpire() {
        VariantId variant = trackedVariant(4);
        inventory.reserve(variant, Channel.ONLINE, 3, "order:late", Duration.ofSeconds(1)).block();
        assertThat(level(variant).available()).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> inventory.expireDue().block() >= 0
                && level(variant).available() == 4);
        assertThat(level(variant).reserved()).isZero();
        assertJournalExplainsLevels(variant);
    }

    @Test
    void lowStockRaisesAnAlertOnce() {
        VariantId variant = trackedVariant(6);
        staff.put().uri("/api/admin/stock/thresholds")
                .bodyValue(Map.of("variantId", variant.value().toString(), "location", ONLINE, "lowStockThreshold", 3))
                .exchange().expectStatus().isNoContent();
        inventory.reserve(variant, Channel.ONLINE, 2, "order:1", Duration.ofMinutes(5)).block();
        assertThat(alertsFor(variant)).isZero();
        inventory.reserve(variant, Channel.ONLINE, 1, "order:2", Duration.ofMinutes(5)).block();
        inventory.reserve(variant, Channel.ONLINE, 1, "order:3", Duration.ofMinutes(5)).block();
        dispatcher.drain().block();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> alertsFor(variant) == 1);
        staff.get().uri("/api/admin/stock/alerts").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.variantId == '" + variant.value() + "')].available").isEqualTo(3);
    }

    @Test
    void adjustmentsNeedAReasonAndNeverGoBelowZero() {
        VariantId variant = trackedVariant(2);
        staff.post().uri("/api/admin/stock/adjustments")
                .bodyValue(Map.of("variantId", variant.value().toString(), "location", ONLINE, "delta", -3, "reason", "broken in transit"))
                .exchange().expectStatus().isEqualTo(409);
        staff.post().uri("/api/admin/stock/adjustments")
                .bodyValue(Map.of("variantId", variant.value().toString(), "location", ONLINE, "delta", -1))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'reason')]").exists();
        staff.post().uri("/api/admin/stock/adjustments")
                .bodyValue(Map.of("variantId", variant.value().toString(), "location", "MOON_BASE", "delta", 1, "reason", "found"))
                .exchange().expectStatus().isBadRequest();
        staff.post().uri("/api/admin/stock/adjustments")
                .bodyValue(Map.of("variantId", variant.value().toString(), "location", ONLINE, "delta", -1, "reason", "broken in transit"))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.kind").isEqualTo("ADJUSTED").jsonPath("$.reason").isEqualTo("broken in transit")
                .jsonPath("$.actor").isEqualTo("coordinator@example.org");
        assertThat(level(variant).onHand()).isEqualTo(1);
        staff.post().uri("/api/admin/stock/transfers")
                .bodyValue(Map.of("variantId", variant.value().toString(), "from", ONLINE, "to", "WORKSHOP_SHOP", "quantity", 1))
                .exchange().expectStatus().isCreated();
        assertJournalExplainsLevels(variant);

        // The journal as staff read it, newest first, for the variant and for one place.
        staff.get().uri("/api/admin/stock/movements?variantId={v}", variant.value()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(4)
                .jsonPath("$.items[2].kind").isEqualTo("ADJUSTED")
                .jsonPath("$.items[3].kind").isEqualTo("RECEIVED");
        staff.get().uri("/api/admin/stock/movements?variantId={v}&location=WORKSHOP_SHOP", variant.value()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1);
        staff.get().uri("/api/admin/stock/movements?size=2").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(2);
    }

    @Test
    void madeToOrderItemsHaveNoStock() {
        Map<String, Object> meal = CatalogFixtures.create(staff, CatalogFixtures.product("担担面", "Dan dan noodles", false));
        staff.post().uri("/api/admin/stock/receipts")
                .bodyValue(Map.of("variantId", CatalogFixtures.firstVariantId(meal), "location", ONLINE, "quantity", 5))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void theJournalCannotBeRewritten() {
        trackedVariant(1);
        assertThat(db.sql("UPDATE stock_movements SET on_hand_delta = 1000").update()
                .map(rows -> "updated").onErrorResume(error -> reactor.core.publisher.Mono.just(error.getMessage())).block())
                .contains("append-only");
        assertThat(db.sql("DELETE FROM stock_movements").update()
                .map(rows -> "deleted").onErrorResume(error -> reactor.core.publisher.Mono.just(error.getMessage())).block())
                .contains("append-only");
    }

    private VariantId trackedVariant(long onlineStock) {
        Map<String, Object> product = CatalogFixtures.create(staff,
                CatalogFixtures.product("库存测试" + UUID.randomUUID(), "Stock test", true));
        String variant = CatalogFixtures.firstVariantId(product);
        CatalogFixtures.receive(staff, variant, ONLINE, onlineStock);
        return new VariantId(UUID.fromString(variant));
    }

    private StockLevel level(VariantId variant) {
        return inventory.levelsOf(variant).block().stream().filter(level -> level.location().equals(ONLINE)).findFirst().orElseThrow();
    }

    private long alertsFor(VariantId variant) {
        return db.sql("SELECT count(*) AS n FROM stock_alerts WHERE variant_id = :id").bind("id", variant.value())
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private void assertJournalExplainsLevels(VariantId variant) {
        Map<String, long[]> rebuilt = reads.rebuiltFromJournal(variant).block();
        for (StockLevel level : inventory.levelsOf(variant).block()) {
            assertThat(rebuilt.get(level.location())).as("journal of " + level.location())
                    .containsExactly(level.onHand(), level.reserved());
        }
    }
}
