package org.socialworkshop.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** A buyer using the shop's HTTP API, as the shop pages do: carts, checkout, demo payment, the order page. */
public final class Shop {

    private final WebTestClient client;

    public Shop(WebTestClient client) {
        this.client = client;
    }

    /** What checkout answers. */
    public record Placed(String orderId, String orderNumber, String accessToken, String provider, String redirectUrl) {

        /** The demo session id, from the redirect's {@code session} parameter. */
        public String demoSession() {
            return UriComponentsBuilder.fromUriString(redirectUrl).build().getQueryParams().getFirst("session");
        }
    }

    public String newCart() {
        return (String) client.post().uri("/api/carts").exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    public WebTestClient.ResponseSpec add(String cartId, String productId, String variantId, int quantity) {
        return client.post().uri("/api/carts/{id}/items", cartId)
                .bodyValue(Map.of("productId", productId, "variantId", variantId, "quantity", quantity)).exchange();
    }

    /** A cart holding {@code quantity} of each variant (product id → variant id). */
    public String cartWith(Map<String, String> variantsByProduct, int quantity) {
        String cart = newCart();
        variantsByProduct.forEach((product, variant) -> add(cart, product, variant, quantity).expectStatus().isOk());
        return cart;
    }

    public static Map<String, Object> pickup(String cartId) {
        return Map.of("cartId", cartId, "email", "buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
                "name", "王芳", "fulfilment", Map.of("type", "PICKUP"));
    }

    public WebTestClient.ResponseSpec checkout(Map<String, Object> body, String idempotencyKey) {
        return client.post().uri("/api/checkout").header("Idempotency-Key", idempotencyKey).bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    public Placed checkout(String cartId) {
        return placed(checkout(pickup(cartId), UUID.randomUUID().toString()).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    /** The order as a successful checkout's answer describes it. */
    @SuppressWarnings("unchecked")
    public static Placed placed(Map<String, Object> answer) {
        Map<String, Object> payment = (Map<String, Object>) answer.get("payment");
        return new Placed((String) answer.get("orderId"), (String) answer.get("orderNumber"), (String) answer.get("accessToken"),
                (String) payment.get("provider"), (String) payment.get("redirectUrl"));
    }

    public WebTestClient.ResponseSpec payDemo(Placed order) {
        return client.post().uri("/api/payments/demo/{session}/complete", order.demoSession()).exchange();
    }

    public WebTestClient.ResponseSpec failDemo(Placed order) {
        return client.post().uri("/api/payments/demo/{session}/fail", order.demoSession()).exchange();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> order(Placed order) {
        return client.get().uri("/api/orders/{id}?token={token}", order.orderId(), order.accessToken()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Waits (payments are applied through the outbox) until the order has {@code status}. */
    public Map<String, Object> awaitStatus(Placed order, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(order(order).get("status")).isEqualTo(status));
        return order(order);
    }

    /** A paid order of {@code quantity} of one variant. */
    public Placed paidOrder(String productId, String variantId, int quantity) {
        Placed placed = checkout(cartWith(Map.of(productId, variantId), quantity));
        payDemo(placed).expectStatus().isOk();
        awaitStatus(placed, "PAID");
        return placed;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> lines(Map<String, Object> order) {
        return (List<Map<String, Object>>) order.get("lines");
    }
}
