package org.socialworkshop.corporate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.corporate.CorporateFixtures.Registered;
import org.socialworkshop.piecework.domain.WorkingDays;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialworkshop.corporate.CorporateFixtures.code;
import static org.socialworkshop.corporate.CorporateFixtures.registerWithBuyer;

/**
 * Issue 13, step 5: an accepted order becomes pieces per operation (an operation of one variant only for that variant's
 * units); the coordinator splits them across makers, with a suggestion from recent checked output that sums exactly to
 * what is needed; progress counts the accepted pieces checked for the order; the forecast warns when the date wanted
 * cannot be met at recent output and names the bottleneck; a quote is checked against the same forecast. The buyer
 * sees a summary of their own order only, without makers' names.
 */
@WorkshopTest
class ProductionTest {

    private static final String PROBLEMS = "https://social-workshop.org/problems/";
    private static final String PASSWORD = "long enough passphrase";

    @Autowired
    WebTestClient client;

    @Autowired
    Clock clock;

    WebTestClient coordinator;
    LocalDate today;
    String box;
    String standard;
    String large;
    String soap;
    String weaving;
    String engraving;
    UUID wang;
    UUID li;
    UUID zhao;
    UUID chen;

    /**
     * A gift box in two sizes (weaving for both, engraving for the large one only) and a soap without operations; four
     * makers, three of whom wove lately (50, 30 and 20 accepted pieces in the last four weeks) and one who engraved 10.
     */
    @BeforeEach
    @SuppressWarnings("unchecked")
    void aWorkshopWithRecentOutput() {
        coordinator = CatalogFixtures.coordinator(client);
        today = LocalDate.now(clock);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = CatalogFixtures.product("竹编茶礼盒 " + tag, "Bamboo tea box " + tag, false);
        body.put("channels", List.of("CORPORATE"));
        Map<String, Object> big = CatalogFixtures.variant("BIG-" + tag, 12800);
        big.put("nameZh", "大号");
        big.put("nameEn", "Large");
        ((List<Object>) body.get("variants")).add(big);
        Map<String, Object> product = CatalogFixtures.create(coordinator, body);
        box = (String) product.get("id");
        List<Map<String, Object>> variants = (List<Map<String, Object>>) product.get("variants");
        standard = (String) variants.stream().filter(v -> !("BIG-" + tag).equals(v.get("sku"))).findFirst().orElseThrow().get("id");
        large = (String) variants.stream().filter(v -> ("BIG-" + tag).equals(v.get("sku"))).findFirst().orElseThrow().get("id");
        Map<String, Object> soapBody = CatalogFixtures.product("手工皂 " + tag, "Handmade soap " + tag, false);
        soapBody.put("channels", List.of("CORPORATE"));
        soap = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, soapBody));

        weaving = operation(Map.of("productId", box, "nameZh", "编织", "nameEn", "Weaving"));
        engraving = operation(Map.of("productId", box, "variantId", large, "nameZh", "刻字", "nameEn", "Engraving"));
        wang = maker("王编织" + tag);
        li = maker("李编织" + tag);
        zhao = maker("赵编织" + tag);
        chen = maker("陈新手" + tag);
        work(wang, weaving, today.minusDays(3), 50, 0, null);
        work(li, weaving, today.minusDays(10), 30, 4, null);
        work(zhao, weaving, today.minusDays(20), 20, 0, null);
        work(zhao, weaving, today.minusDays(40), 500, 0, null); // before the four weeks: not recent
        work(wang, engraving, today.minusDays(5), 10, 0, null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOrderIsSplitAcrossMakersFollowedAndForecast() {
        Registered company = registerWithBuyer(coordinator, "茶礼公司", code("91510104MA67000"));
        WebTestClient buyer = SignIn.as(client, company.email(), PASSWORD);
        LocalDate far = today.plusDays(200);
        String quote = quote(buyer, far, List.of(line(standard, 41), line(large, 20), line(soap, 10)));
        capacity(quote).jsonPath("$.forecast.verdict").isEqualTo("ON_TIME").jsonPath("$.forecast.meetsWantedDate").isEqualTo(true);
        String order = accept(buyer, quote);

        // Pieces needed: weaving for all 61 boxes, engraving for the 20 large ones; the soap has no operations.
        Map<String, Object> work = production(order);
        Map<String, Object> woven = operation(work, weaving);
        Map<String, Object> engraved = operation(work, engraving);
        assertThat(woven).containsEntry("needed", 61).containsEntry("checked", 0).containsEntry("remaining", 61).containsEntry("planned", 0);
        assertThat(engraved).containsEntry("needed", 20);
        assertThat((List<Map<String, Object>>) ((Map<String, Object>) work.get("production")).get("untracked"))
                .singleElement().satisfies(untracked -> assertThat(untracked).containsEntry("quantity", 10));

        // The suggestion follows recent output (50:30:20 of 61: 30.5, 18.3, 12.2) and sums exactly; 陈 made none: not suggested.
        assertThat((List<Map<String, Object>>) woven.get("suggested")).extracting(s -> s.get("makerId"), s -> s.get("pieces"), s -> s.get("dailyOutput"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(wang.toString(), 31, 2.5),
                        org.assertj.core.groups.Tuple.tuple(li.toString(), 18, 1.5),
                        org.assertj.core.groups.Tuple.tuple(zhao.toString(), 12, 1.0));
        assertThat((List<Map<String, Object>>) engraved.get("suggested")).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("makerId", wang.toString()).containsEntry("pieces", 20));
        assertThat(woven).containsEntry("noRecentOutput", false);
        assertThat((List<Map<String, Object>>) ((Map<String, Object>) work.get("production")).get("makers"))
                .anySatisfy(maker -> assertThat(maker).containsEntry("id", chen.toString()));

        // Forecast: weaving 61 at 5 a day = 13 working days; engraving 20 at 0.5 a day = 40: the bottleneck, in time for day 200.
        Map<String, Object> forecast = (Map<String, Object>) ((Map<String, Object>) work.get("production")).get("forecast");
        assertThat(forecast).containsEntry("verdict", "ON_TIME").containsEntry("meetsWantedDate", true)
                .containsEntry("finishes", WorkingDays.after(today, 40).toString()).containsEntry("wantedBy", far.toString());
        assertThat((Map<String, Object>) forecast.get("bottleneck")).containsEntry("operationId", engraving).containsEntry("workingDays", 40);

        // The split: more than needed is refused, saying so; unknown makers, operations of other products and repeats are 400s.
        plan(order, List.of(assign(weaving, wang, 50), assign(weaving, li, 20))).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "plan-exceeds-needed")
                .jsonPath("$.operations[0].operationId").isEqualTo(weaving)
                .jsonPath("$.operations[0].needed").isEqualTo(61).jsonPath("$.operations[0].planned").isEqualTo(70);
        plan(order, List.of(assign(weaving, UUID.randomUUID(), 5))).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("assignments[0].makerId");
        String otherOperation = operation(Map.of("productId", CatalogFixtures.create(coordinator, CatalogFixtures.product("别的 " + UUID.randomUUID(),
                "Other", false)).get("id"), "nameZh", "别的", "nameEn", "Other"));
        plan(order, List.of(assign(otherOperation, wang, 5))).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("assignments[0].operationId");
        plan(order, List.of(assign(weaving, wang, 5), assign(weaving, wang, 6))).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("assignments[1]");
        coordinator.put().uri("/api/admin/corporate/orders/{id}/production/plan", order)
                .bodyValue(Map.of("assignments", List.of(Map.of("operationId", weaving, "makerId", wang, "pieces", -1)))).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType("application/problem+json");
        plan(order, List.of()).expectStatus().isOk();
        assertThat(operation(production(order), weaving)).containsEntry("planned", 0);

        // A plan that fits, saved twice, is the same plan; 陈, new, weaves too; the forecast follows the planned makers.
        List<Map<String, Object>> split = List.of(assign(weaving, wang, 40), assign(weaving, chen, 21), assign(engraving, wang, 20),
                assign(engraving, li, 0));
        plan(order, split).expectStatus().isOk();
        Map<String, Object> planned = body(plan(order, split).expectStatus().isOk());
        woven = operation(planned, weaving);
        assertThat(woven).containsEntry("planned", 61);
        assertThat((List<Map<String, Object>>) woven.get("makers")).extracting(m -> m.get("makerId"), m -> m.get("assigned"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(wang.toString(), 40),
                        org.assertj.core.groups.Tuple.tuple(chen.toString(), 21));
        assertThat((List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) planned.get("production")).get("forecast"))
                .get("operations")).anySatisfy(op -> assertThat(op).containsEntry("operationId", weaving)
                .containsEntry("workingDays", 25).containsEntry("dailyOutput", 2.5));

        // Progress: accepted pieces checked for the order, per maker; rejected ones do not count.
        work(wang, weaving, today, 28, 2, order);
        work(chen, weaving, today, 10, 0, order);
        woven = operation(production(order), weaving);
        assertThat(woven).containsEntry("checked", 38).containsEntry("remaining", 23);
        assertThat((List<Map<String, Object>>) woven.get("makers")).extracting(m -> m.get("makerId"), m -> m.get("assigned"), m -> m.get("checked"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(wang.toString(), 40, 28),
                        org.assertj.core.groups.Tuple.tuple(chen.toString(), 21, 10));

        // The buyer's summary: per product, the share made (38 of 81 pieces of the box's operations), no makers named.
        String summary = buyer.get().uri("/api/corporate/orders/{id}/progress", order).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(summary).doesNotContain("王编织").doesNotContain("陈新手").doesNotContain(wang.toString());
        buyer.get().uri("/api/corporate/orders/{id}/progress", order).exchange().expectBody()
                .jsonPath("$.products[0].productId").isEqualTo(box).jsonPath("$.products[0].quantity").isEqualTo(61)
                .jsonPath("$.products[0].percent").isEqualTo(46)
                .jsonPath("$.products[1].percent").doesNotExist()
                .jsonPath("$.percent").isEqualTo(46);

        // Another company's buyer reaches none of it.
        WebTestClient other = SignIn.as(client, registerWithBuyer(coordinator, "旁观茶礼公司", code("91510104MA67001")).email(), PASSWORD);
        other.get().uri("/api/corporate/orders/{id}/progress", order).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
        other.get().uri("/api/admin/corporate/orders/{id}/production", order).exchange().expectStatus().isForbidden();
        other.put().uri("/api/admin/corporate/orders/{id}/production/plan", order).bodyValue(Map.of("assignments", List.of()))
                .exchange().expectStatus().isForbidden();
        other.get().uri("/api/admin/corporate/quotes/{id}/capacity", quote).exchange().expectStatus().isForbidden();
        buyer.get().uri("/api/admin/corporate/orders/{id}/production", order).exchange().expectStatus().isForbidden();
        client.get().uri("/api/corporate/orders/{id}/progress", order).exchange().expectStatus().isUnauthorized();
        coordinator.get().uri("/api/admin/corporate/orders/{id}/production", UUID.randomUUID()).exchange().expectStatus().isNotFound();
        plan(UUID.randomUUID().toString(), List.of()).expectStatus().isNotFound();
        coordinator.get().uri("/api/admin/corporate/orders/{id}/production", "not-an-id").exchange().expectStatus().isBadRequest();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDateTooSoonIsWarnedOfWithItsBottleneckAndAQuoteIsCheckedTheSameWay() {
        Registered company = registerWithBuyer(coordinator, "急单公司", code("91510104MA67002"));
        WebTestClient buyer = SignIn.as(client, company.email(), PASSWORD);
        LocalDate soon = today.plusDays(14);
        String quote = quote(buyer, soon, List.of(line(standard, 10), line(large, 20)));
        // Weaving 30 at 5 a day takes 6 working days; engraving 20 at 0.5 a day takes 40: not by the date wanted.
        capacity(quote).jsonPath("$.quoteId").isEqualTo(quote)
                .jsonPath("$.forecast.verdict").isEqualTo("LATE").jsonPath("$.forecast.meetsWantedDate").isEqualTo(false)
                .jsonPath("$.forecast.finishes").isEqualTo(WorkingDays.after(today, 40).toString())
                .jsonPath("$.forecast.bottleneck.operationId").isEqualTo(engraving)
                .jsonPath("$.forecast.bottleneck.nameEn").isEqualTo("Engraving")
                .jsonPath("$.forecast.bottleneck.remaining").isEqualTo(20);
        String order = accept(buyer, quote);
        Map<String, Object> forecast = (Map<String, Object>) ((Map<String, Object>) production(order).get("production")).get("forecast");
        assertThat(forecast).containsEntry("verdict", "LATE").containsEntry("meetsWantedDate", false);
        assertThat((Map<String, Object>) forecast.get("bottleneck")).containsEntry("operationId", engraving);

        // Planned on a maker who never engraved: no pace to forecast from, and the response says so.
        plan(order, List.of(assign(engraving, chen, 20))).expectStatus().isOk().expectBody()
                .jsonPath("$.production.forecast.verdict").isEqualTo("NO_RECENT_OUTPUT")
                .jsonPath("$.production.forecast.meetsWantedDate").isEqualTo(false)
                .jsonPath("$.production.forecast.bottleneck.operationId").isEqualTo(engraving)
                .jsonPath("$.production.forecast.finishes").doesNotExist();

        // Only soap (no operations): nothing to forecast, said as such.
        String soapQuote = quote(buyer, soon, List.of(line(soap, 10)));
        capacity(soapQuote).jsonPath("$.forecast.verdict").isEqualTo("NOTHING_TO_MAKE").jsonPath("$.forecast.meetsWantedDate").doesNotExist();
        coordinator.get().uri("/api/admin/corporate/quotes/{id}/capacity", UUID.randomUUID()).exchange().expectStatus().isNotFound();
    }

    private String operation(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("rate", 120);
        body.put("validFrom", today.minusDays(60).toString());
        return (String) coordinator.post().uri("/api/admin/piecework/operations").bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private UUID maker(String name) {
        return UUID.fromString((String) coordinator.post().uri("/api/admin/makers").bodyValue(Map.of("name", name, "displayName", name))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
    }

    private void work(UUID maker, String operation, LocalDate day, int accepted, int rejected, String order) {
        Map<String, Object> body = new HashMap<>(Map.of("makerId", maker, "operationId", operation, "workDate", day.toString(),
                "pieces", accepted + rejected, "check", rejected > 0 ? Map.of("accepted", accepted, "rejected", rejected, "reason", "裂了")
                        : Map.of("accepted", accepted, "rejected", 0)));
        if (order != null) {
            body.put("orderId", order);
        }
        coordinator.post().uri("/api/admin/piecework/work").bodyValue(body).exchange().expectStatus().isCreated();
    }

    private static Map<String, Object> line(String variant, int quantity) {
        return Map.of("variantId", variant, "quantity", quantity, "customisations", List.of());
    }

    private static Map<String, Object> assign(String operation, UUID maker, int pieces) {
        return Map.of("operationId", operation, "makerId", maker.toString(), "pieces", pieces);
    }

    @SuppressWarnings("unchecked")
    private String quote(WebTestClient buyer, LocalDate wantedBy, List<Map<String, Object>> lines) {
        String id = (String) buyer.post().uri("/api/corporate/quotes").bodyValue(Map.of("lines", lines, "wantedBy", wantedBy.toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        coordinator.post().uri("/api/admin/corporate/quotes/{id}/versions", id).bodyValue(Map.of("validUntil", today.plusDays(7).toString(),
                "delivery", Map.of("amount", 0, "currency", "CNY"), "manual", List.of())).exchange().expectStatus().isOk();
        return id;
    }

    private String accept(WebTestClient buyer, String quote) {
        return (String) buyer.post().uri("/api/corporate/quotes/{id}/accept", quote).bodyValue(Map.of("version", 1, "poNumber", "PO-5"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("orderId");
    }

    private WebTestClient.BodyContentSpec capacity(String quote) {
        return coordinator.get().uri("/api/admin/corporate/quotes/{id}/capacity", quote).exchange().expectStatus().isOk().expectBody();
    }

    private Map<String, Object> production(String order) {
        return body(coordinator.get().uri("/api/admin/corporate/orders/{id}/production", order).exchange().expectStatus().isOk());
    }

    private WebTestClient.ResponseSpec plan(String order, List<Map<String, Object>> assignments) {
        return coordinator.put().uri("/api/admin/corporate/orders/{id}/production/plan", order)
                .bodyValue(Map.of("assignments", assignments)).exchange();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(WebTestClient.ResponseSpec response) {
        return response.expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> operation(Map<String, Object> work, String operation) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) work.get("production")).get("operations")).stream()
                .filter(op -> operation.equals(op.get("operationId"))).findFirst().orElseThrow();
    }
}
