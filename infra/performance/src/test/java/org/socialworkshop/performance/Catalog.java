package org.socialworkshop.performance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a load scenario may buy, read once from the shop's public catalog API before the load starts (plain
 * java.net.http, Jackson from Gatling's own classpath): every variant sold online that is made to order, or
 * that has at least {@code minStock} units available online.
 */
final class Catalog {

    /** One variant to put in carts. */
    record Item(String productId, String variantId, String sku) {
        @Override
        public String toString() {
            return sku;
        }
    }

    private static final int PAGE_SIZE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Catalog() {
    }

    static List<Item> sellable(String baseUrl, int minStock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Item> items = new ArrayList<>();
        for (String productId : productIds(http, baseUrl)) {
            JsonNode product = get(http, baseUrl + "/api/products/" + productId + "?channel=ONLINE");
            for (JsonNode variant : product.path("variants")) {
                JsonNode available = variant.path("available");
                if (available.isNull() || available.asInt() >= minStock) {
                    items.add(new Item(productId, variant.path("id").asText(), variant.path("sku").asText()));
                }
            }
        }
        return items;
    }

    private static List<String> productIds(HttpClient http, String baseUrl) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode result = get(http, baseUrl + "/api/products?channel=ONLINE&size=" + PAGE_SIZE + "&page=" + page);
            result.path("items").forEach(item -> ids.add(URLEncoder.encode(item.path("id").asText(), StandardCharsets.UTF_8)));
            if (result.path("items").isEmpty() || ids.size() >= result.path("total").asInt()) {
                return ids;
            }
        }
    }

    private static JsonNode get(HttpClient http, String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + url, e);
        }
    }
}
