package org.socialworkshop.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;


/** Coordinators manage products; buyers find them in either language; bad input changes nothing. */
@WorkshopTest
class CatalogApiTest {

    @Autowired
    WebTestClient client;

    WebTestClient staff;

    @BeforeEach
    void signIn() {
        staff = CatalogFixtures.coordinator(client);
    }

    @Test
    void chineseSearchFindsBySubstring() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        CatalogFixtures.create(staff, CatalogFixtures.product("青花茶杯" + tag, "Blue teacup " + tag, true));
        CatalogFixtures.create(staff, CatalogFixtures.product("茉莉花茶" + tag, "Jasmine tea " + tag, true));
        CatalogFixtures.create(staff, CatalogFixtures.product("竹编篮" + tag, "Bamboo basket " + tag, true));

        client.get().uri(uri -> uri.path("/api/products").queryParam("q", "茶" + tag.substring(0, 0)).queryParam("size", 100).build())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.name == '青花茶杯" + tag + "')]").exists()
                .jsonPath("$.items[?(@.name == '茉莉花茶" + tag + "')]").exists()
                .jsonPath("$.items[?(@.name == '竹编篮" + tag + "')]").doesNotExist();
        client.get().uri(uri -> uri.path("/api/products").queryParam("q", "TEACUP " + tag).queryParam("lang", "en").build())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].name").isEqualTo("Blue teacup " + tag);
    }

    @Test
    void severalWordsFindWhatHasAllOfThemInAnyOrder() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        CatalogFixtures.create(staff, CatalogFixtures.product("青花茶杯" + tag, "Blue tea cup " + tag, true));
        CatalogFixtures.create(staff, CatalogFixtures.product("青花茶壶" + tag, "Blue teapot " + tag, true));

        client.get().uri(uri -> uri.path("/api/products").queryParam("q", "cup  blue " + tag).queryParam("lang", "en").build())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].name").isEqualTo("Blue tea cup " + tag);
        client.get().uri(uri -> uri.path("/api/products").queryParam("q", "青花 杯 " + tag).build())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].name").isEqualTo("青花茶杯" + tag);
        client.get().uri(uri -> uri.path("/api/products").queryParam("q", "青花 " + tag).build())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(2);
        client.get().uri(uri -> uri.path("/api/products").queryParam("q", "blue saucer " + tag).build())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        staff.get().uri(uri -> uri.path("/api/admin/products").queryParam("q", "杯 " + tag + " 青花").build())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1);
    }

    @Test
    void sortedByPriceNameOrNewestAndFilteredByPrice() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        for (Object[] each : new Object[][] {{"乙杯", "Bowl", 3000L}, {"甲杯", "Cup", 1200L}, {"丙杯", "Amber mug", 8800L}}) {
            Map<String, Object> body = CatalogFixtures.product(each[0] + tag, each[1] + " " + tag, false);
            body.put("variants", List.of(CatalogFixtures.variant("S-" + UUID.randomUUID().toString().substring(0, 8), (Long) each[2])));
            CatalogFixtures.create(staff, body);
        }

        assertThat(names("sort=PRICE_ASC&lang=en&q=" + tag)).containsExactly("Cup " + tag, "Bowl " + tag, "Amber mug " + tag);
        assertThat(names("sort=PRICE_DESC&lang=en&q=" + tag)).containsExactly("Amber mug " + tag, "Bowl " + tag, "Cup " + tag);
        assertThat(names("sort=NAME&lang=en&q=" + tag)).containsExactly("Amber mug " + tag, "Bowl " + tag, "Cup " + tag);
        assertThat(names("sort=NEWEST&lang=en&q=" + tag)).containsExactly("Amber mug " + tag, "Cup " + tag, "Bowl " + tag);
        // From ¥12 to ¥30, both ends included; open at either end.
        assertThat(names("sort=PRICE_ASC&lang=en&minPrice=1200&maxPrice=3000&q=" + tag)).containsExactly("Cup " + tag, "Bowl " + tag);
        assertThat(names("sort=PRICE_ASC&lang=en&minPrice=3001&q=" + tag)).containsExactly("Amber mug " + tag);
        assertThat(names("sort=PRICE_ASC&lang=en&maxPrice=1199&q=" + tag)).isEmpty();
        client.get().uri("/api/products?sort=CHEAPEST").exchange().expectStatus().isBadRequest();
        client.get().uri("/api/products?minPrice=-1").exchange().expectStatus().isBadRequest();
    }

    @SuppressWarnings("unchecked")
    private List<String> names(String query) {
        Map<String, Object> page = client.get().uri("/api/products?" + query).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().map(item -> (String) item.get("name")).toList();
    }

    @Test
    void searchTreatsWildcardsAsText() {
        client.get().uri("/api/products?q=%25%25%25_").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void listsOnlyWhatTheChannelSellsAndArchivedProductsDisappear() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = CatalogFixtures.product("柚子茶" + tag, "Yuzu tea " + tag, false);
        body.put("channels", List.of("POS"));
        Map<String, Object> product = CatalogFixtures.create(staff, body);
        client.get().uri("/api/products?channel=ONLINE&q=" + tag).exchange().expectBody().jsonPath("$.total").isEqualTo(0);
        client.get().uri("/api/products?channel=POS&q=" + tag).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].available").isEmpty();

        body.put("status", "ARCHIVED");
        staff.put().uri("/api/admin/products/" + product.get("id")).bodyValue(body).exchange().expectStatus().isOk();
        client.get().uri("/api/products?channel=POS&q=" + tag).exchange().expectBody().jsonPath("$.total").isEqualTo(0);
        client.get().uri("/api/products/" + product.get("id")).exchange().expectStatus().isNotFound();
        staff.get().uri("/api/admin/products/" + product.get("id")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ARCHIVED");
    }

    @Test
    void droppedVariantIsArchivedNotDeleted() {
        Map<String, Object> body = CatalogFixtures.product("手提袋", "Tote bag", true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> variants = (List<Map<String, Object>>) body.get("variants");
        variants.add(CatalogFixtures.variant("TOTE-" + UUID.randomUUID().toString().substring(0, 8), 9800));
        Map<String, Object> product = CatalogFixtures.create(staff, body);
        String keep = CatalogFixtures.firstVariantId(product);
        Map<String, Object> kept = CatalogFixtures.variant((String) variants.get(0).get("sku"), 7200);
        kept.put("id", keep);
        body.put("variants", List.of(kept));
        staff.put().uri("/api/admin/products/" + product.get("id")).bodyValue(body).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.variants.length()").isEqualTo(2)
                .jsonPath("$.variants[?(@.id == '" + keep + "')].price.amount").isEqualTo(7200)
                .jsonPath("$.variants[?(@.id != '" + keep + "')].status").isEqualTo("ARCHIVED");
        client.get().uri("/api/products/" + product.get("id")).exchange()
                .expectBody().jsonPath("$.variants.length()").isEqualTo(1).jsonPath("$.price.amount").isEqualTo(7200);
    }

    @Test
    void badInputGetsAProblemAndStoresNothing() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        assertInvalid(with(CatalogFixtures.product("负价" + tag, "Negative " + tag, true), "variants",
                List.of(CatalogFixtures.variant("NEG-" + tag, -100))), "variants[0].price.amount");
        assertInvalid(with(CatalogFixtures.product("天价" + tag, "Absurd " + tag, true), "variants",
                List.of(CatalogFixtures.variant("ABS-" + tag, 100_000_000_000L))), "variants[0].price.amount");
        assertInvalid(with(CatalogFixtures.product("未知" + tag, "Unknown " + tag, true), "category", "SPACESHIPS"), "category");
        assertInvalid(with(CatalogFixtures.product("长" + tag, "Long " + tag, true), "nameZh", "长".repeat(121)), "nameZh");
        assertInvalid(with(CatalogFixtures.product("坏码" + tag, "Bad SKU " + tag, true), "variants",
                List.of(CatalogFixtures.variant("has space", 100))), "variants[0].sku");
        assertInvalid(with(CatalogFixtures.product("无渠道" + tag, "No channel " + tag, true), "channels", List.of()), "channels");
        assertInvalid(with(CatalogFixtures.product("坏图" + tag, "Bad image " + tag, true), "imageIds",
                List.of(UUID.randomUUID().toString())), "imageIds");

        String sku = "DUP-" + tag;
        CatalogFixtures.create(staff, with(CatalogFixtures.product("原品" + tag, "Original " + tag, true), "variants",
                List.of(CatalogFixtures.variant(sku, 100))));
        staff.post().uri("/api/admin/products")
                .bodyValue(with(CatalogFixtures.product("重码" + tag, "Duplicate " + tag, true), "variants",
                        List.of(CatalogFixtures.variant(sku.toLowerCase(), 100))))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("variants[0].sku");

        staff.get().uri("/api/admin/products?size=100&q=" + tag).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].nameZh").isEqualTo("原品" + tag);
        client.get().uri("/api/products?page=abc").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/api/products?channel=MOON").exchange().expectStatus().isBadRequest();
        client.get().uri("/api/products/not-a-uuid").exchange().expectStatus().isBadRequest();
    }

    @Test
    void onlyStaffChangeTheCatalog() {
        client.post().uri("/api/admin/products").bodyValue(CatalogFixtures.product("x", "x", true))
                .exchange().expectStatus().isUnauthorized();
        org.socialworkshop.support.SignIn.as(client, "cashier@example.org", "workshop-cashier")
                .post().uri("/api/admin/products").bodyValue(CatalogFixtures.product("x", "x", true))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void categoriesComeInTheRequestedLanguage() {
        client.get().uri("/api/categories").header("Accept-Language", "en-GB,en;q=0.9").exchange()
                .expectBody().jsonPath("$[0].name").isEqualTo("Handcrafts");
        client.get().uri("/api/categories?lang=zh-CN").header("Accept-Language", "en").exchange()
                .expectBody().jsonPath("$[0].name").isEqualTo("手工艺品");
        client.get().uri("/api/categories").exchange()
                .expectBody().jsonPath("$[0].name").isEqualTo("手工艺品");
    }

    @Test
    void categoriesSayWhichChannelsSellThem() {
        String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
        String counterOnly = "COUNTER_" + tag;
        String empty = "EMPTY_" + tag;
        for (String code : List.of(counterOnly, empty)) {
            staff.post().uri("/api/admin/categories").header("Idempotency-Key", "category-" + code)
                    .bodyValue(Map.of("code", code, "nameZh", "柜台" + tag, "nameEn", "Counter " + tag, "position", 900))
                    .exchange().expectStatus().isCreated();
        }
        Map<String, Object> drink = CatalogFixtures.product("柜台饮品" + tag, "Counter drink " + tag, false);
        drink.put("category", counterOnly);
        drink.put("channels", List.of("POS"));
        CatalogFixtures.create(staff, drink);

        client.get().uri("/api/categories").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.code == 'HANDCRAFT')].channels[*]").value(List.class,
                        channels -> assertThat(channels).contains("ONLINE", "POS"))
                .jsonPath("$[?(@.code == '" + counterOnly + "')].channels[*]").isEqualTo(List.of("POS"))
                .jsonPath("$[?(@.code == '" + empty + "')].channels[*]").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void photosSayWhatTheyShowAndListsSayFromWhenOptionsDifferInPrice() throws java.io.IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String cup = uploadPhoto();
        String detail = uploadPhoto();
        Map<String, Object> body = CatalogFixtures.product("青花杯" + tag, "Blue cup " + tag, true);
        body.put("variants", List.of(CatalogFixtures.variant("CUP-S-" + tag, 6800), CatalogFixtures.variant("CUP-L-" + tag, 9800)));
        body.put("imageIds", List.of(cup, detail));
        body.put("imageAlts", List.of(Map.of("imageId", detail, "altZh", "杯底的手写签名", "altEn", "The maker's signature under the cup")));
        Map<String, Object> created = CatalogFixtures.create(staff, body);
        assertThat((List<Map<String, Object>>) created.get("imageAlts")).singleElement()
                .satisfies(alt -> assertThat(alt).containsEntry("imageId", detail).containsEntry("altEn", "The maker's signature under the cup"));

        client.get().uri("/api/products/{id}?lang=en", created.get("id")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.images[0].alt").isEqualTo("")
                .jsonPath("$.images[1].alt").isEqualTo("The maker's signature under the cup");
        client.get().uri("/api/products/{id}?lang=zh-CN", created.get("id")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.images[1].alt").isEqualTo("杯底的手写签名");
        client.get().uri(uri -> uri.path("/api/products").queryParam("q", tag).build()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].price.amount").isEqualTo(6800)
                .jsonPath("$.items[0].priceVaries").isEqualTo(true)
                .jsonPath("$.items[0].options").isEqualTo(2);

        body.put("imageAlts", List.of(Map.of("imageId", UUID.randomUUID().toString(), "altEn", "Not one of its photos")));
        assertInvalid(body, "imageAlts");
        body.put("imageAlts", List.of(Map.of("imageId", cup, "altEn", "x".repeat(201))));
        assertInvalid(body, "imageAlts[0].altEn");
    }

    private String uploadPhoto() throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D graphics = image.createGraphics();
        graphics.setColor(new java.awt.Color(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x1000000)));
        graphics.fillRect(0, 0, 64, 48);
        graphics.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        return (String) staff.post().uri("/api/admin/images").contentType(MediaType.IMAGE_PNG).bodyValue(png.toByteArray())
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private void assertInvalid(Map<String, Object> body, String field) {
        staff.post().uri("/api/admin/products").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }

}
