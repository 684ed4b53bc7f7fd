package org.socialworkshop.pos;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, step 7, on the server: a counter sale of a meal, a drink and a cup sends the kitchen and the bar a ticket
 * each (the cup needs none), with options, notes and the pickup number; marking one ready puts the number on the
 * customers' list, which a screen following the stream hears at once; the order is handed over when the last ticket
 * is collected, also when both are collected at once. Online pickups due today are found at the counter and handed
 * over. Tickets are for staff only.
 */
@WorkshopTest
class TicketsTest {

    @Autowired
    WebTestClient client;

    @Autowired
    Accounts accounts;

    @Autowired
    Database db;

    @Autowired
    SignedDocuments documents;

    StaffedCounter counter;
    WebTestClient coordinator;
    String meal;
    String drink;
    String cup;

    @BeforeEach
    void aCounterSellingMealsDrinksAndCups() {
        coordinator = CatalogFixtures.coordinator(client);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        meal = product("担担面 " + tag, "Dandan noodles " + tag, "CANTEEN_MEAL", "CATERING", 1500);
        drink = product("柠檬茶 " + tag, "Lemon tea " + tag, "CAFE_DRINK", "CATERING", 1200);
        cup = product("茶杯 " + tag, "Cup " + tag, "HANDCRAFT", "GOODS", 6800);
        counter = new StaffedCounter(client, coordinator, accounts);
        counter.post("/api/pos/shift", Map.of("openingFloat", TabletSale.money(10000)), null).expectStatus().isCreated();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSaleSendsTheStationsTheirTicketsAndTheOrderIsHandedOverWhenTheLastIsCollected() {
        int pickup = 100 + new java.util.Random().nextInt(9000);
        TabletSale sale = new TabletSale(counter.catalog()).pickup(pickup).add(meal, 2, List.of(), 0, null, "一份不要葱").add(drink, 1).add(cup, 1);
        Map<String, Object> sold = counter.post("/api/pos/sales", sale.body(counter.tablet, documents, counter.registerId, counter.series(), 12000), null)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String orderId = (String) sold.get("orderId");
        assertThat(status(orderId)).isEqualTo("PAID");

        Map<String, Object> kitchen = ticketOf(orderId, "KITCHEN");
        assertThat(kitchen).containsEntry("pickupNumber", pickup).containsEntry("status", "NEW");
        List<Map<String, Object>> lines = (List<Map<String, Object>>) kitchen.get("lines");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).containsEntry("quantity", 2).containsEntry("note", "一份不要葱");
        Map<String, Object> bar = ticketOf(orderId, "BAR");
        assertThat((List<?>) bar.get("lines")).hasSize(1);

        // A customers' screen follows the ready list: it hears the number as soon as the bar marks the drink ready.
        Flux<ServerSentEvent<List<Map<String, Object>>>> screen = client.get().uri("/api/pos/ready/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<List<Map<String, Object>>>>() {
                }).getResponseBody().filter(event -> event.data() != null);
        StepVerifier.create(screen)
                .assertNext(first -> assertThat(first.data()).noneMatch(ready -> ready.get("number").equals(String.valueOf(pickup))))
                .then(() -> counter.post("/api/pos/tickets/" + bar.get("id") + "/ready", Map.of(), null).expectStatus().isOk())
                .thenConsumeWhile(event -> event.data().stream().noneMatch(ready -> ready.get("number").equals(String.valueOf(pickup))))
                .thenCancel()
                .verify(Duration.ofSeconds(10));
        client.get().uri("/api/pos/ready").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.number == '%s')].station".formatted(pickup)).isEqualTo("BAR");

        // Both stations collect at once: the order is handed over once.
        List<Integer> answers = Flux.just(kitchen.get("id"), bar.get("id"))
                .flatMap(id -> Mono.fromCallable(() -> counter.post("/api/pos/tickets/" + id + "/collected", Map.of(), null)
                        .returnResult(Map.class).getStatus().value()).subscribeOn(Schedulers.boundedElastic()))
                .collectList().block();
        assertThat(answers).containsOnly(200);
        assertThat(status(orderId)).isEqualTo("FULFILLED");
        counter.post("/api/pos/tickets/" + bar.get("id") + "/collected", Map.of(), null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("COLLECTED");
        assertThat(open("KITCHEN")).noneMatch(ticket -> ticket.get("id").equals(kitchen.get("id")));
    }

    @Test
    void aSaleOfGoodsAloneIsHandedOverAtOnceWithoutTickets() {
        Map<String, Object> sold = counter.post("/api/pos/sales",
                        new TabletSale(counter.catalog()).add(cup, 1).body(counter.tablet, documents, counter.registerId, counter.series(), 6800), null)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(status((String) sold.get("orderId"))).isEqualTo("FULFILLED");
        assertThat(db.sql("SELECT count(*)::text AS v FROM pos_tickets WHERE order_id = :id")
                .bind("id", UUID.fromString((String) sold.get("orderId"))).map(row -> row.get("v", String.class)).one().block()).isEqualTo("0");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOnlinePickupIsFoundAtTheCounterAndHandedOver() {
        Map<String, Object> product = CatalogFixtures.create(coordinator, CatalogFixtures.product("书签 " + UUID.randomUUID(), "Bookmark", false));
        Shop shop = new Shop(client);
        Shop.Placed order = shop.paidOrder((String) product.get("id"), CatalogFixtures.firstVariantId(product), 1);
        List<Map<String, Object>> found = counter.get("/api/pos/pickups?number=" + order.orderNumber().toLowerCase()).expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).containsEntry("number", order.orderNumber());
        assertThat((List<String>) found.get(0).get("items")).singleElement().asString().startsWith("书签");
        assertThat((List<Map<String, Object>>) counter.get("/api/pos/pickups").expectBody(List.class).returnResult().getResponseBody())
                .as("a pickup without a time is due any day").anyMatch(pickup -> pickup.get("number").equals(order.orderNumber()));
        counter.post("/api/pos/pickups/" + order.orderId() + "/handed-over", Map.of(), null).expectStatus().isOk();
        shop.awaitStatus(order, "FULFILLED");
        counter.post("/api/pos/pickups/" + order.orderId() + "/handed-over", Map.of(), null).expectStatus().isOk();
        assertThat(counter.get("/api/pos/pickups?number=" + order.orderNumber()).expectBody(List.class).returnResult().getResponseBody()).isEmpty();
    }

    @Test
    void ticketsAreForStaffOnly() {
        client.get().uri("/api/pos/tickets?station=KITCHEN").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/pos/pickups").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/pos/ready").exchange().expectStatus().isOk();
        counter.get("/api/pos/tickets?station=GARDEN").expectStatus().isBadRequest();
    }

    private String product(String nameZh, String nameEn, String category, String tax, long price) {
        Map<String, Object> body = CatalogFixtures.product(nameZh, nameEn, false);
        body.put("category", category);
        body.put("taxCategory", tax);
        body.put("variants", List.of(CatalogFixtures.variant("T-" + UUID.randomUUID().toString().substring(0, 8), price)));
        return CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, body));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> open(String station) {
        return counter.get("/api/pos/tickets?station=" + station).expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
    }

    private Map<String, Object> ticketOf(String orderId, String station) {
        String number = db.sql("SELECT number FROM orders WHERE id = :id").bind("id", UUID.fromString(orderId))
                .map(row -> row.get("number", String.class)).one().block();
        return open(station).stream().filter(ticket -> ticket.get("orderNumber").equals(number)).findFirst().orElseThrow();
    }

    private String status(String orderId) {
        return db.sql("SELECT status FROM orders WHERE id = :id").bind("id", UUID.fromString(orderId))
                .map(row -> row.get("status", String.class)).one().block();
    }


}
