package org.socialworkshop.e2e;

import java.util.Map;

import org.socialworkshop.e2e.DemoWorkshop.Product;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Carts made through the public API the shop itself uses, for tests whose subject starts after the cart is
 * filled; and the one line of page script that hands such a cart to the browser, as the shop keeps it.
 */
final class Carts {

    /** Where lib/prefs.js keeps the cart id ("sw." + "cart"). */
    private static final String CART_KEY = "sw.cart";

    private final WebTestClient client;

    Carts(WebTestClient client) {
        this.client = client;
    }

    /** A new cart holding {@code quantity} of the demo product's variant {@code sku}; returns its id. */
    String with(Product product, String sku, int quantity) {
        String cartId = create();
        add(cartId, product, sku, quantity);
        return cartId;
    }

    String create() {
        return client.post().uri("/api/carts").exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asString();
    }

    void add(String cartId, Product product, String sku, int quantity) {
        String productId = DemoWorkshop.idOf(client, product);
        client.post().uri("/api/carts/{id}/items", cartId)
                .bodyValue(Map.of("productId", productId, "variantId", variantId(productId, sku), "quantity", quantity))
                .exchange()
                .expectStatus().isOk();
    }

    /** The id of the product's variant with this SKU, from the public product page's data. */
    String variantId(String productId, String sku) {
        JsonNode product = client.get().uri("/api/products/{id}?lang=zh-CN", productId).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        for (JsonNode variant : product.get("variants")) {
            if (variant.get("sku").asString().equals(sku)) {
                return variant.get("id").asString();
            }
        }
        throw new IllegalStateException("No variant " + sku + " in " + product);
    }

    /** Makes {@code cartId} the cart of the browser's visitor; the page must be on the shop's origin. */
    static void handTo(Storefront page, String cartId) {
        page.script("localStorage.setItem(arguments[0], arguments[1]);", CART_KEY, cartId);
    }
}
