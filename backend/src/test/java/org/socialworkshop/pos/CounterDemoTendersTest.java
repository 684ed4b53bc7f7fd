package org.socialworkshop.pos;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, step 8, without a Stripe key: card and wallet tenders run through the demo provider, labelled as such. A
 * card waits on the tablet's stand-in reader (its demo session completes or declines it); a wallet's QR code opens the
 * demo payment page on the buyer's phone. The receipt names the demo provider, so nobody takes it for real money.
 */
@WorkshopTest
class CounterDemoTendersTest {

    @Autowired
    WebTestClient client;

    @Autowired
    Accounts accounts;

    @Autowired
    SignedDocuments documents;

    StaffedCounter counter;
    String cup;

    @BeforeEach
    void staffedCounter() {
        WebTestClient coordinator = CatalogFixtures.coordinator(client);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        cup = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, CatalogFixtures.product("青花杯 " + tag, "Blue cup " + tag, true)));
        CatalogFixtures.receive(coordinator, cup, "WORKSHOP_SHOP", 5);
        counter = new StaffedCounter(client, coordinator, accounts);
        counter.post("/api/pos/shift", Map.of("openingFloat", TabletSale.money(10000)), null).expectStatus().isCreated();
    }

    @Test
    void aDemoCardIsPaidOnTheStandInReaderAndTheReceiptSaysDemo() {
        TabletSale sale = new TabletSale(counter.catalog()).add(cup, 1);
        Map<String, Object> started = start(sale, "CARD", sale.total());
        assertThat(started.get("provider")).isEqualTo("demo");
        assertThat(started.get("status")).isEqualTo("WAITING");
        String session = (String) started.get("demoSession");
        assertThat(session).startsWith("demo_pi_");

        client.post().uri("/api/payments/demo/{id}/fail", session).exchange().expectStatus().isOk();
        assertThat(payment(started).get("status")).isEqualTo("FAILED");
        assertThat(payment(started).get("failureCode")).isEqualTo("card_declined");

        Map<String, Object> second = start(sale, "CARD", sale.total());
        client.post().uri("/api/payments/demo/{id}/complete", second.get("demoSession")).exchange().expectStatus().isOk();
        Map<String, Object> paid = payment(second);
        assertThat(paid.get("status")).isEqualTo("SUCCEEDED");
        Map<String, Object> sold = counter.sell(sale.paidBy(paid), documents, 0).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        client.get().uri("/api/receipts/{code}", ((Map<?, ?>) sold.get("receipt")).get("code")).exchange().expectBody()
                .jsonPath("$.verification.status").isEqualTo("GENUINE")
                .jsonPath("$.tenders[0].type").isEqualTo("CARD")
                .jsonPath("$.tenders[0].provider").isEqualTo("demo");
    }

    @Test
    void aDemoWalletsQrCodeOpensTheDemoPaymentPage() {
        TabletSale sale = new TabletSale(counter.catalog()).add(cup, 1);
        Map<String, Object> started = start(sale, "ALIPAY", sale.total());
        assertThat((String) started.get("qr")).matches("https?://[^/]+/shop/demo-payment\\.html\\?session=demo_pi_.+");
        client.post().uri("/api/payments/demo/{id}/complete", started.get("demoSession")).exchange().expectStatus().isOk();
        assertThat(payment(started).get("status")).isEqualTo("SUCCEEDED");
        assertThat(payment(started).get("qr")).isNull();
    }

    private Map<String, Object> start(TabletSale sale, String method, long amount) {
        return counter.post("/api/pos/payments", Map.of("id", UUID.randomUUID(), "sale", sale.clientId, "method", method,
                        "amount", TabletSale.money(amount)), null)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> payment(Map<String, Object> started) {
        return counter.get("/api/pos/payments/" + started.get("id")).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }
}
