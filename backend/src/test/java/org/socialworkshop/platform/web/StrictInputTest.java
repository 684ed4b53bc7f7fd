package org.socialworkshop.platform.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input is taken as sent or refused, never guessed at or half stored (issue 11): wrong JSON types, fractions for
 * whole numbers, enum ordinals, repeated keys, and text PostgreSQL cannot store all get a 400 problem and leave
 * nothing behind; the same body with the mistake corrected is accepted, so each refusal is about that mistake.
 */
@WorkshopTest
class StrictInputTest {

    @Autowired
    WebTestClient anonymous;

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    WebTestClient staff;
    String tag;

    @BeforeEach
    void signIn() {
        staff = CatalogFixtures.coordinator(anonymous);
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aProductWithAMistypedFieldIsRefusedAndNotStored() {
        refused(with("stockTracked", 1));
        refused(with("stockTracked", "true"));
        refused(with("category", 0));
        refused(with("nameEn", 42));
        refused(with("nameEn", "Cup " + tag + "\u0000"));
        refused(with("nameEn", "Cup " + tag + "\u0007"));
        refusedRaw(json.writeValueAsString(valid()).replace("Strict cup " + tag, "Strict cup " + tag + "\\ud800"));
        refused(withPrice(1999.99));
        refused(withPrice("6800"));
        String twice = json.writeValueAsString(valid()).replaceFirst("\\{", "{\"nameEn\":\"First " + tag + "\",");
        refusedRaw(twice);
        assertThat(productsNamed(tag)).isZero();

        // The same body, as documented, is taken: text may hold line breaks and characters beyond the BMP.
        Map<String, Object> fine = valid();
        fine.put("descriptionEn", "Two lines,\nand a tea leaf 🍵.");
        CatalogFixtures.create(staff, fine);
        assertThat(productsNamed(tag)).isOne();
    }

    @Test
    void aCartQuantityMustBeAWholeNumber() {
        // Made to order, so that a whole number is all the cart asks of the quantity (no stock to run out of).
        Map<String, Object> product = CatalogFixtures.create(staff, with("stockTracked", false));
        Shop shop = new Shop(anonymous);
        String cart = shop.newCart();
        Map<String, Object> item = new HashMap<>(Map.of("productId", product.get("id"),
                "variantId", CatalogFixtures.firstVariantId(product)));
        for (Object quantity : new Object[] {"1", 1.5, true}) {
            item.put("quantity", quantity);
            anonymous.post().uri("/api/carts/{id}/items", cart).bodyValue(item).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        anonymous.get().uri("/api/carts/{id}", cart).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        item.put("quantity", 1);
        anonymous.post().uri("/api/carts/{id}/items", cart).bodyValue(item).exchange().expectStatus().isOk();
    }

    @Test
    void datesOutsideTheYearsAShopCanMeanAreRefusedBeforeAnythingIsLookedUp() {
        for (String date : List.of("+57443-04-15", "-0001-01-01", "0001-01-01", "1999-12-31", "2101-01-01")) {
            staff.post().uri("/api/admin/piecework/work").bodyValue(Map.of("makerId", UUID.randomUUID(),
                            "operationId", UUID.randomUUID(), "workDate", date, "pieces", 1)).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("workDate");
        }
        // The same request with a date of this century gets past the check, to the unknown maker.
        staff.post().uri("/api/admin/piecework/work").bodyValue(Map.of("makerId", UUID.randomUUID(),
                        "operationId", UUID.randomUUID(), "workDate", "2026-12-01", "pieces", 1)).exchange()
                .expectStatus().value(status -> assertThat(status).isIn(404, 422));
        staff.get().uri("/api/admin/piecework/overview?month=+57443-04").exchange().expectStatus().isBadRequest();
        staff.get().uri("/api/admin/piecework/overview?month=2026-12").exchange().expectStatus().isOk();
        SignIn.admin(anonymous).get().uri("/api/admin/audit-log/export?since=0001-01-01T00:00:00Z")
                .accept(MediaType.APPLICATION_NDJSON).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aNulInTheAddressIsABadRequest() {
        for (String address : new String[] {"/api/products?category=%00", "/api/products?q=tea%00", "/api/products/%00",
                "/api/statements/%00"}) {
            anonymous.get().uri(java.net.URI.create("http://localhost:" + port + address)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.requestId").isNotEmpty();
        }
        anonymous.get().uri("/api/products?q=tea").exchange().expectStatus().isOk();
    }

    private Map<String, Object> valid() {
        return CatalogFixtures.product("严格茶杯" + tag, "Strict cup " + tag, true);
    }

    private Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = valid();
        body.put(field, value);
        return body;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> withPrice(Object amount) {
        Map<String, Object> body = valid();
        Map<String, Object> variant = ((java.util.List<Map<String, Object>>) body.get("variants")).get(0);
        variant.put("price", Map.of("amount", amount, "currency", "CNY"));
        return body;
    }

    private void refused(Map<String, Object> body) {
        refusedRaw(json.writeValueAsString(body));
    }

    private void refusedRaw(String body) {
        staff.post().uri("/api/admin/products").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.requestId").isNotEmpty();
    }

    private int productsNamed(String text) {
        return staff.get().uri("/api/admin/products?q={q}&size=5", text).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("total") instanceof Number total ? total.intValue() : -1;
    }
}
