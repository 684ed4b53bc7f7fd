package org.socialworkshop.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * An online order placed and paid the way a buyer does it, through the public HTTP API and the demo payment
 * provider: a cart, its items, checkout for pickup, then the demo payment page's "pay" button. Payment is
 * processed through the outbox, so {@link #place} waits until the order says PAID.
 */
record PaidDemoOrder(String id, String number, String accessToken, String buyerName, JsonNode order) {

    private static final Duration PAYMENT_PROCESSED = Duration.ofSeconds(20);

    /** One product of the demo catalog (its first variant) and how many of it. */
    record Item(DemoWorkshop.Product product, int quantity) {
    }

    static PaidDemoOrder place(WebTestClient client, String buyerName, String email, List<Item> items) {
        String cartId = body(client.post().uri("/api/carts").exchange().expectStatus().isCreated()).get("id").asString();
        for (Item item : items) {
            client.post().uri("/api/carts/{id}/items", cartId)
                    .bodyValue(Map.of("productId", DemoWorkshop.idOf(client, item.product()), "quantity", item.quantity()))
                    .exchange().expectStatus().isOk();
        }
        JsonNode placed = body(client.post().uri("/api/checkout")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(checkout(cartId, pickup(client, cartId), buyerName, email))
                .exchange().expectStatus().isCreated());
        String session = UriComponentsBuilder.fromUriString(placed.get("payment").get("redirectUrl").asString())
                .build().getQueryParams().getFirst("session");
        client.post().uri("/api/payments/demo/{session}/complete", session).exchange().expectStatus().isOk();

        String id = placed.get("orderId").asString();
        String token = placed.get("accessToken").asString();
        JsonNode paid = await("order " + placed.get("orderNumber").asString() + " is paid")
                .atMost(PAYMENT_PROCESSED).pollInterval(Duration.ofMillis(250))
                .until(() -> buyersView(client, id, token), order -> "PAID".equals(order.get("status").asString()));
        return new PaidDemoOrder(id, placed.get("orderNumber").asString(), token, buyerName, paid);
    }

    /** The order's line for the demo product's first variant. */
    JsonNode line(DemoWorkshop.Product product) {
        String sku = product.variants().get(0).sku();
        for (JsonNode line : order.get("lines")) {
            if (sku.equals(line.get("sku").asString())) {
                return line;
            }
        }
        throw new IllegalStateException("Order " + number + " has no line for " + sku + ": " + order);
    }

    private static Map<String, Object> pickup(WebTestClient client, String cartId) {
        JsonNode options = body(client.get().uri("/api/checkout/options?cartId={id}", cartId).exchange().expectStatus().isOk());
        JsonNode slots = options.get("pickup").get("slots");
        Map<String, Object> pickup = new HashMap<>(Map.of("type", "PICKUP"));
        if (slots != null && !slots.isEmpty()) {
            pickup.put("slot", slots.get(0).asString());
        }
        return pickup;
    }

    private static Map<String, Object> checkout(String cartId, Map<String, Object> pickup, String name, String email) {
        return Map.of("cartId", cartId, "email", email, "phone", "13800000000", "name", name,
                "fulfilment", pickup, "note", "请用纸袋装，谢谢。");
    }

    private static JsonNode buyersView(WebTestClient client, String id, String token) {
        return body(client.get().uri("/api/orders/{id}?token={token}", id, token).exchange().expectStatus().isOk());
    }

    private static JsonNode body(WebTestClient.ResponseSpec response) {
        return response.expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
