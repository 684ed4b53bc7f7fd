package org.socialworkshop.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.web.reactive.server.WebTestClient;

/** Builds catalog data through the real admin API, each call with unique names and SKUs. */
public final class CatalogFixtures {

    private CatalogFixtures() {
    }

    /** A product body with one variant; change entries of the map to vary it. */
    public static Map<String, Object> product(String nameZh, String nameEn, boolean tracked) {
        Map<String, Object> body = new HashMap<>();
        body.put("category", "HANDCRAFT");
        body.put("nameZh", nameZh);
        body.put("nameEn", nameEn);
        body.put("descriptionZh", nameZh + "，工坊手作。");
        body.put("descriptionEn", nameEn + ", made in the workshop.");
        body.put("taxCategory", "GOODS");
        body.put("channels", List.of("ONLINE", "POS"));
        body.put("stockTracked", tracked);
        body.put("variants", new ArrayList<>(List.of(variant("SKU-" + UUID.randomUUID().toString().substring(0, 8), 6800))));
        return body;
    }

    public static Map<String, Object> variant(String sku, long priceFen) {
        Map<String, Object> variant = new HashMap<>();
        variant.put("sku", sku);
        variant.put("nameZh", "标准");
        variant.put("nameEn", "Standard");
        variant.put("price", Map.of("amount", priceFen, "currency", "CNY"));
        return variant;
    }

    /** Creates the product and returns the admin product JSON as a map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> create(WebTestClient staff, Map<String, Object> body) {
        return staff.post().uri("/api/admin/products").bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    public static String firstVariantId(Map<String, Object> product) {
        return (String) ((List<Map<String, Object>>) product.get("variants")).get(0).get("id");
    }

    public static void receive(WebTestClient staff, String variantId, String location, long quantity) {
        staff.post().uri("/api/admin/stock/receipts")
                .bodyValue(Map.of("variantId", variantId, "location", location, "quantity", quantity))
                .exchange().expectStatus().isCreated();
    }

    public static WebTestClient coordinator(WebTestClient client) {
        return SignIn.as(client, "coordinator@example.org", "workshop-coordinator");
    }
}
