package org.socialworkshop.pos;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12, step 3: a shift opens with the counted float, cash is paid in and out with a reason, and closing compares
 * the counted cash with what the drawer should hold. Only the cashier signed in at the tablet may do it; one shift at a
 * time per register; the cash journal cannot be rewritten.
 */
@WorkshopTest
class ShiftTest {

    @Autowired
    WebTestClient client;

    @Autowired
    Accounts accounts;

    @Autowired
    Database db;

    StaffedCounter counter;

    @BeforeEach
    void staffedCounter() {
        counter = new StaffedCounter(client, CatalogFixtures.coordinator(client), accounts);
    }

    @Test
    void aShiftFromFloatToCountedCash() {
        counter.get("/api/pos/shift").expectStatus().isOk().expectBody().jsonPath("$.shift").isEmpty();
        counter.post("/api/pos/shift/cash-movements", movement("PAID_IN", 5000, "change from the bank"), null)
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://social-workshop.org/problems/no-open-shift");

        String key = UUID.randomUUID().toString();
        counter.post("/api/pos/shift", Map.of("openingFloat", cash(20000)), key).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.openingFloat.amount").isEqualTo(20000)
                .jsonPath("$.openedBy").isEqualTo(counter.cashier.email())
                .jsonPath("$.expectedCash.amount").isEqualTo(20000);
        counter.post("/api/pos/shift", Map.of("openingFloat", cash(20000)), key).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
        counter.post("/api/pos/shift", Map.of("openingFloat", cash(10000)), UUID.randomUUID().toString())
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://social-workshop.org/problems/shift-open");

        counter.post("/api/pos/shift/cash-movements", movement("PAID_IN", 5000, "change from the bank"), null)
                .expectStatus().isCreated();
        counter.post("/api/pos/shift/cash-movements", movement("PAID_OUT", 3000, "milk for the café"), null)
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.paidIn.amount").isEqualTo(5000)
                .jsonPath("$.paidOut.amount").isEqualTo(3000)
                .jsonPath("$.expectedCash.amount").isEqualTo(22000)
                .jsonPath("$.movements.length()").isEqualTo(2)
                .jsonPath("$.movements[1].reason").isEqualTo("milk for the café");
        counter.post("/api/pos/shift/cash-movements", movement("PAID_OUT", 22001, "more than there is"), null)
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://social-workshop.org/problems/more-than-the-drawer-holds");
        counter.post("/api/pos/shift/cash-movements", movement("PAID_IN", 0, "nothing"), null).expectStatus().isBadRequest();
        counter.post("/api/pos/shift/cash-movements", movement("PAID_IN", 100, " "), null).expectStatus().isBadRequest();

        String closing = UUID.randomUUID().toString();
        counter.post("/api/pos/shift/close", Map.of("countedCash", cash(21950)), closing).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.closing.expected.amount").isEqualTo(22000)
                .jsonPath("$.closing.counted.amount").isEqualTo(21950)
                .jsonPath("$.closing.difference.amount").isEqualTo(-50)
                .jsonPath("$.closing.closedBy").isEqualTo(counter.cashier.email());
        counter.post("/api/pos/shift/close", Map.of("countedCash", cash(21950)), closing).expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
        counter.post("/api/pos/shift/close", Map.of("countedCash", cash(21950)), null).expectStatus().isEqualTo(409);
        counter.get("/api/pos/shift").expectStatus().isOk().expectBody().jsonPath("$.shift").isEmpty();
        counter.post("/api/pos/shift", Map.of("openingFloat", cash(21950)), null).expectStatus().isCreated();

        assertThatThrownBy(() -> db.sql("UPDATE pos_cash_movements SET amount = 1 WHERE recorded_by = :by")
                .bind("by", counter.cashier.email()).update().block())
                .as("the cash journal is append-only").hasMessageContaining("append-only");
    }

    @Test
    void onlyTheCashierSignedInAtThisTabletMayTouchItsDrawer() {
        client.get().uri("/api/pos/shift").header(HttpHeaders.COOKIE, counter.cookies("")).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://social-workshop.org/problems/not-signed-in-here");
        client.get().uri("/api/pos/shift").header(HttpHeaders.COOKIE, "SESSION=" + counter.session).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://social-workshop.org/problems/device-not-paired");
        PairedTablet elsewhere = new PairedTablet();
        elsewhere.pairToNewRegister(CatalogFixtures.coordinator(client), client);
        client.post().uri("/api/pos/shift")
                .header(HttpHeaders.COOKIE, "POS_DEVICE=" + elsewhere.credential + "; SESSION=" + counter.session + "; XSRF-TOKEN=" + counter.csrf)
                .header("X-XSRF-TOKEN", counter.csrf)
                .bodyValue(Map.of("openingFloat", cash(100)))
                .exchange().expectStatus().isUnauthorized();
        assertThat(db.sql("SELECT count(*) AS n FROM pos_shifts WHERE opened_by = :by").bind("by", counter.cashier.email())
                .map(row -> row.get("n", Long.class)).one().block()).isZero();
    }

    private static Map<String, Object> cash(long fen) {
        return Map.of("amount", fen, "currency", "CNY");
    }

    private static Map<String, Object> movement(String kind, long fen, String reason) {
        return Map.of("kind", kind, "amount", cash(fen), "reason", reason);
    }
}
