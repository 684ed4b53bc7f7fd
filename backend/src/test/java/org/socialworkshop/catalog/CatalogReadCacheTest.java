package org.socialworkshop.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.shared.Language;
import org.socialworkshop.shared.Page;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.SecondInstance;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public catalog is answered from memory, yet a change made anywhere is read everywhere within a second: a second
 * instance, which sees no request of the change, hears it from PostgreSQL (NOTIFY) and reads afresh.
 */
@WorkshopTest
class CatalogReadCacheTest {

    private static final Duration WITHIN = Duration.ofSeconds(1);

    static SecondInstance other;

    @Autowired
    WebTestClient client;

    @Autowired
    ProductQueries queries;

    @Autowired
    JsonMapper json;

    WebTestClient staff;
    WebTestClient elsewhere;

    @BeforeAll
    static void startAnotherInstance() {
        other = SecondInstance.onTestDatabase();
    }

    @AfterAll
    static void stopIt() {
        other.close();
    }

    @BeforeEach
    void signIn() {
        staff = CatalogFixtures.coordinator(client);
        elsewhere = other.client();
    }

    @Test
    void aPriceTextOrStockChangeIsReadOnTheOtherInstanceWithinASecond() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = CatalogFixtures.product("缓存茶杯" + tag, "Cached cup " + tag, true);
        Map<String, Object> product = CatalogFixtures.create(staff, body);
        String id = (String) product.get("id");
        String variant = CatalogFixtures.firstVariantId(product);
        CatalogFixtures.receive(staff, variant, "ONLINE_STORE_ROOM", 5);
        Awaitility.await().atMost(WITHIN).untilAsserted(() -> assertThat(price(elsewhere, id)).isEqualTo(6800));
        String kept = etag(elsewhere, "/api/products/" + id);
        elsewhere.get().uri("/api/products/{id}", id).header(HttpHeaders.IF_NONE_MATCH, kept).exchange()
                .expectStatus().isNotModified();

        body.put("variants", List.of(CatalogFixtures.variant(sku(product), 7200)));
        staff.put().uri("/api/admin/products/{id}", id).bodyValue(body).exchange().expectStatus().isOk();
        Awaitility.await().atMost(WITHIN).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(price(elsewhere, id)).isEqualTo(7200));
        assertThat(etag(elsewhere, "/api/products/" + id)).isNotEqualTo(kept);

        body.put("nameZh", "改名茶杯" + tag);
        staff.put().uri("/api/admin/products/{id}", id).bodyValue(body).exchange().expectStatus().isOk();
        Awaitility.await().atMost(WITHIN).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(listed(elsewhere, tag)).containsEntry("name", "改名茶杯" + tag));

        CatalogFixtures.receive(staff, variant, "ONLINE_STORE_ROOM", 3);
        Awaitility.await().atMost(WITHIN).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(listed(elsewhere, tag)).containsEntry("available", 8));
    }

    @Test
    void checkoutPricesFromTheOtherInstanceFollowAPriceChangeWithinASecondAndOutliveSales() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = CatalogFixtures.product("价格茶杯" + tag, "Priced cup " + tag, true);
        Map<String, Object> product = CatalogFixtures.create(staff, body);
        String id = (String) product.get("id");
        VariantId variant = new VariantId(UUID.fromString(CatalogFixtures.firstVariantId(product)));
        Catalog catalog = other.bean(Catalog.class);
        assertThat(catalog.variants(List.of(variant)).block().get(variant).price().minor()).isEqualTo(6800);

        body.put("variants", List.of(CatalogFixtures.variant(sku(product), 7300)));
        staff.put().uri("/api/admin/products/{id}", id).bodyValue(body).exchange().expectStatus().isOk();
        Awaitility.await().atMost(WITHIN).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertThat(catalog.variants(List.of(variant)).block().get(variant).price().minor()).isEqualTo(7300));

        // A change of stock alone leaves names and prices as they were, and kept.
        VariantInfo before = catalog.variants(List.of(variant)).block().get(variant);
        CatalogFixtures.receive(staff, variant.value().toString(), "ONLINE_STORE_ROOM", 3);
        Awaitility.await().atMost(WITHIN).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(listed(elsewhere, tag)).containsEntry("available", 3));
        assertThat(catalog.variants(List.of(variant)).block().get(variant)).isSameAs(before);
    }

    @Test
    void whoeverChangesSomethingReadsItBackAtOnce() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = CatalogFixtures.product("即读茶杯" + tag, "Read-back cup " + tag, false);
        Map<String, Object> product = CatalogFixtures.create(staff, body);
        String id = (String) product.get("id");
        for (long price = 100; price < 110; price++) {
            assertThat(price(client, id)).isEqualTo(price == 100 ? 6800 : price - 1);
            body.put("variants", List.of(CatalogFixtures.variant(sku(product), price)));
            staff.put().uri("/api/admin/products/{id}", id).bodyValue(body).exchange().expectStatus().isOk();
        }
        assertThat(price(client, id)).isEqualTo(109);
    }

    @Test
    void aRepeatedReadOfTheSameAnswerIsNotModifiedOnEveryInstance() {
        String uri = "/api/products?size=5&lang=en";
        byte[] first = client.get().uri(uri).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                .expectHeader().valueEquals(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .expectBody().returnResult().getResponseBody();
        String tag = etag(client, uri);
        client.get().uri(uri).header(HttpHeaders.IF_NONE_MATCH, tag).exchange().expectStatus().isNotModified()
                .expectBody().isEmpty();
        elsewhere.get().uri(uri).header(HttpHeaders.IF_NONE_MATCH, tag).exchange().expectStatus().isNotModified();
        client.get().uri(uri).header(HttpHeaders.IF_NONE_MATCH, "\"something-else\"").exchange().expectStatus().isOk()
                .expectBody().consumeWith(result -> assertThat(result.getResponseBody()).isEqualTo(first));
    }

    @Test
    void aKeptAnswerIsTheSameJsonAsAFreshRead() {
        String uri = "/api/products?size=20&category=HANDCRAFT&lang=en";
        byte[] kept = client.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        byte[] again = client.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        Page<ProductSummary> fresh = queries.list(Channel.ONLINE, new ProductQueries.Listing(null, "HANDCRAFT", ProductQueries.Sort.SHELF, null, null),
                new Page.Request(0, 20), Language.EN).block();
        assertThat(again).isEqualTo(kept);
        assertThat(json.readTree(kept)).isEqualTo(json.readTree(json.writeValueAsBytes(fresh)));
        assertThat(json.readTree(kept).get("items").size()).isPositive();
    }

    @SuppressWarnings("unchecked")
    private static String sku(Map<String, Object> product) {
        return (String) ((List<Map<String, Object>>) product.get("variants")).get(0).get("sku");
    }

    @SuppressWarnings("unchecked")
    private static long price(WebTestClient reader, String id) {
        Map<String, Object> page = reader.get().uri("/api/products/{id}", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) ((Map<String, Object>) page.get("price")).get("amount")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> listed(WebTestClient reader, String tag) {
        Map<String, Object> page = reader.get().uri("/api/products?q={q}", tag).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static String etag(WebTestClient reader, String uri) {
        String tag = reader.get().uri(uri).exchange().expectStatus().isOk().returnResult(Void.class)
                .getResponseHeaders().getETag();
        assertThat(tag).isNotBlank();
        return tag;
    }
}
