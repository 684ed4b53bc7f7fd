package org.socialworkshop.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** "Find my orders": a one-time link by e-mail (kept in the database here: the test instance has no SMTP server). */
@WorkshopTest
class FindMyOrdersTest {

    private static final Pattern LINK = Pattern.compile("/shop/find-orders\\.html\\?lang=[a-zA-Z-]+#token=([A-Za-z0-9_-]+)");

    @Autowired
    WebTestClient client;
    @Autowired
    Database db;

    Shop shop;
    String productId;
    String variantId;

    @BeforeEach
    void setUp() {
        shop = new Shop(client);
        Map<String, Object> body = CatalogFixtures.product("青花茶杯", "Blue tea cup", false);
        body.put("variants", List.of(CatalogFixtures.variant("FO-" + UUID.randomUUID().toString().substring(0, 8), 6800)));
        Map<String, Object> product = CatalogFixtures.create(CatalogFixtures.coordinator(client), body);
        productId = (String) product.get("id");
        variantId = CatalogFixtures.firstVariantId(product);
    }

    @Test
    void theLinkListsThatAddresssOrdersOnce() {
        String email = address();
        Shop.Placed first = orderFor(email);
        Shop.Placed second = orderFor(email.toUpperCase());
        Shop.Placed someoneElses = orderFor(address());

        ask(email, "en");
        String token = tokenSentTo(email, 1);
        List<Map<String, Object>> orders = redeem(token).expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody()
                .stream().map(order -> (Map<String, Object>) order).toList();

        assertThat(orders).extracting(order -> order.get("orderNumber")).containsExactlyInAnyOrder(first.orderNumber(), second.orderNumber())
                .doesNotContain(someoneElses.orderNumber());
        for (Map<String, Object> order : orders) {
            client.get().uri("/api/orders/{id}?token={token}", order.get("orderId"), order.get("accessToken")).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.orderNumber").isEqualTo(order.get("orderNumber"));
        }
        redeem(token).expectStatus().isEqualTo(410).expectHeader().contentType("application/problem+json");
    }

    @Test
    void anOldLinkNoLongerWorks() {
        String email = address();
        orderFor(email);
        ask(email, "zh-CN");
        String token = tokenSentTo(email, 1);
        db.sql("UPDATE order_lookups SET expires_at = now() - interval '1 second' WHERE lower(email) = lower(:email)")
                .bind("email", email).update().block();

        redeem(token).expectStatus().isEqualTo(410);
    }

    @Test
    void everyAddressGetsTheSameAnswerAndFewMails() {
        String known = address();
        orderFor(known);
        String unknown = address();

        byte[] forUnknown = ask(unknown, "en");
        byte[] forKnown = ask(known, "en");
        assertThat(forKnown).isEqualTo(forUnknown);
        assertThat(mailsTo(unknown)).isEmpty();

        ask(known, "en");
        ask(known, "en");
        ask(known, "en");
        assertThat(mailsTo(known)).as("three links an hour for one address").hasSize(3);
        assertThat(mailsTo(known).get(0)).contains("works once, for 15 minutes");
    }

    @Test
    void aMalformedAddressIsRefused() {
        client.post().uri("/api/order-lookups").bodyValue(Map.of("email", "not an address")).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType("application/problem+json");
        redeem("").expectStatus().isBadRequest();
    }

    private static String address() {
        return "finder-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private Shop.Placed orderFor(String email) {
        Map<String, Object> body = new HashMap<>(Shop.pickup(shop.cartWith(Map.of(productId, variantId), 1)));
        body.put("email", email);
        return Shop.placed(shop.checkout(body, UUID.randomUUID().toString()).expectStatus().isCreated().expectBody(Map.class)
                .returnResult().getResponseBody());
    }

    private byte[] ask(String email, String lang) {
        return client.post().uri("/api/order-lookups?lang=" + lang).bodyValue(Map.of("email", email)).exchange()
                .expectStatus().isAccepted().expectBody().returnResult().getResponseBodyContent();
    }

    private WebTestClient.ResponseSpec redeem(String token) {
        return client.post().uri("/api/order-lookups/redeem").bodyValue(Map.of("token", token)).exchange();
    }

    private List<String> mailsTo(String email) {
        return db.sql("SELECT body_text FROM mails WHERE recipient = :email AND kind = 'FIND_ORDERS' ORDER BY created_at")
                .bind("email", email).map(row -> row.get("body_text", String.class)).list().block();
    }

    private String tokenSentTo(String email, int expected) {
        List<String> mails = mailsTo(email);
        assertThat(mails).hasSize(expected);
        Matcher link = LINK.matcher(mails.get(mails.size() - 1));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }
}
