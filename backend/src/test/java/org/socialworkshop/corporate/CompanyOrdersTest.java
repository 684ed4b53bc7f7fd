package org.socialworkshop.corporate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.corporate.CorporateFixtures.Registered;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialworkshop.corporate.CorporateFixtures.code;
import static org.socialworkshop.corporate.CorporateFixtures.company;
import static org.socialworkshop.corporate.CorporateFixtures.registerWithBuyer;

/**
 * Issue 13, step 4, first part: an order from an accepted quote waits for payment on the company's terms; staff record
 * the bank transfer that paid it (once, for its total), the order is paid and its receipt issued on the CORPORATE
 * register, genuine, naming the transfer; staff record the 发票 number, which the buyer sees. An order past its due date
 * is overdue from the day after, not cancelled. Other companies' buyers see none of it.
 */
@WorkshopTest
class CompanyOrdersTest {

    private static final String PROBLEMS = "https://social-workshop.org/problems/";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    WebTestClient client;

    @Autowired
    Database db;

    WebTestClient coordinator;
    String variant;

    @BeforeEach
    void aCorporateProduct() {
        coordinator = CatalogFixtures.coordinator(client);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = CatalogFixtures.product("端午礼盒 " + tag, "Dragon boat box " + tag, false);
        body.put("channels", List.of("CORPORATE"));
        variant = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, body));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBankTransferPaysTheOrderOnceItsReceiptNamesItAndTheFapiaoIsRecorded() {
        Registered company = registerWithBuyer(coordinator, "转账公司", code("91510104MA66000"));
        WebTestClient buyer = SignIn.as(client, company.email(), "long enough passphrase");
        Map<String, Object> accepted = acceptedQuote(buyer, 30);
        String orderId = (String) accepted.get("orderId");
        long total = 30 * 6800L;

        Map<String, Object> view = single(buyer.get().uri("/api/corporate/orders").exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody());
        assertThat(view).containsEntry("orderId", orderId).containsEntry("status", "PENDING_PAYMENT").containsEntry("overdue", false)
                .containsEntry("poNumber", "PO-77").containsEntry("total", Map.of("amount", (int) total, "currency", "CNY"));
        assertThat(OffsetDateTime.parse((String) view.get("payBy"))).isBetween(OffsetDateTime.now().plusDays(29), OffsetDateTime.now().plusDays(31));

        transfer(orderId, total + 1, "BANK-1").expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "more-than-owed");
        transfer(orderId, total, "BANK-1").expectStatus().isOk().expectBody().jsonPath("$.recorded").isEqualTo(true);
        transfer(orderId, total, "BANK-1").expectStatus().isOk().expectBody().jsonPath("$.recorded").isEqualTo(false);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "PAID".equals(single(buyer.get().uri("/api/corporate/orders").exchange()
                .expectBodyList(Map.class).returnResult().getResponseBody()).get("status")));
        // Its receipt, on the CORPORATE register's series, names the transfer.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "CORPORATE BANK_TRANSFER BANK-1".equals(db.sql("""
                        SELECT register || ' ' || (content -> 'tenders' -> 0 ->> 'type') || ' ' || (content -> 'tenders' -> 0 ->> 'reference') AS v
                        FROM receipts WHERE order_id = CAST(:id AS uuid) AND kind = 'SALE'""")
                .bind("id", orderId).map(row -> row.get("v", String.class)).one().blockOptional().orElse("")));
        transfer(orderId, total, "BANK-2").expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-awaiting-payment");
        assertThat(db.sql("SELECT count(*)::text AS v FROM payments WHERE order_id = CAST(:id AS uuid)").bind("id", orderId)
                .map(row -> row.get("v", String.class)).one().block()).as("one payment").isEqualTo("1");

        // Paid by transfer, it cannot go back "as it was paid" through a provider: refused, nothing recorded; a transfer back can.
        coordinator.post().uri("/api/admin/orders/{id}/refunds", orderId).bodyValue(Map.of("amount", Map.of("amount", 6800, "currency", "CNY"),
                "restock", false, "reason", "一盒破损")).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "paid-by-transfer");
        assertThat(db.sql("SELECT count(*)::text AS v FROM order_refunds WHERE order_id = CAST(:id AS uuid)").bind("id", orderId)
                .map(row -> row.get("v", String.class)).one().block()).isEqualTo("0");
        coordinator.post().uri("/api/admin/orders/{id}/refunds", orderId).bodyValue(Map.of("amount", Map.of("amount", 6800, "currency", "CNY"),
                "restock", false, "reason", "一盒破损", "method", "BANK_TRANSFER")).exchange().expectStatus().isCreated();

        coordinator.put().uri("/api/admin/corporate/orders/{id}/fapiao", orderId)
                .bodyValue(Map.of("number", "12345678", "kind", "NORMAL", "issuedOn", TODAY.toString())).exchange().expectStatus().isOk();
        coordinator.put().uri("/api/admin/corporate/orders/{id}/fapiao", orderId)
                .bodyValue(Map.of("number", "12-345", "kind", "NORMAL", "issuedOn", TODAY.toString())).exchange().expectStatus().isBadRequest();
        coordinator.put().uri("/api/admin/corporate/orders/{id}/fapiao", UUID.randomUUID())
                .bodyValue(Map.of("number", "12345678", "kind", "NORMAL", "issuedOn", TODAY.toString())).exchange().expectStatus().isNotFound();
        assertThat((Map<String, Object>) single(buyer.get().uri("/api/corporate/orders").exchange().expectBodyList(Map.class).returnResult()
                .getResponseBody()).get("fapiao")).containsEntry("number", "12345678").containsEntry("kind", "NORMAL");

        // Another company's buyer sees none of it, and reaches none of the coordinators' endpoints.
        WebTestClient other = SignIn.as(client, registerWithBuyer(coordinator, "旁观公司", code("91510104MA66001")).email(), "long enough passphrase");
        assertThat(other.get().uri("/api/corporate/orders").exchange().expectBodyList(Map.class).returnResult().getResponseBody()).isEmpty();
        other.get().uri("/api/corporate/orders/{id}", orderId).exchange().expectStatus().isNotFound();
        buyer.get().uri("/api/corporate/orders/{id}", orderId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.orderId").isEqualTo(orderId).jsonPath("$.fapiao.number").isEqualTo("12345678");
        other.get().uri("/api/admin/corporate/orders").exchange().expectStatus().isForbidden();
        other.get().uri("/api/admin/corporate/orders/{id}", orderId).exchange().expectStatus().isForbidden();
        other.post().uri("/api/admin/corporate/orders/{id}/transfers", orderId)
                .bodyValue(Map.of("amount", Map.of("amount", total, "currency", "CNY"), "reference", "X")).exchange().expectStatus().isForbidden();
        other.put().uri("/api/admin/corporate/orders/{id}/fapiao", orderId)
                .bodyValue(Map.of("number", "87654321", "kind", "NORMAL", "issuedOn", TODAY.toString())).exchange().expectStatus().isForbidden();
        assertThat(coordinator.get().uri("/api/admin/corporate/orders").exchange().expectBodyList(Map.class).returnResult().getResponseBody())
                .anySatisfy(order -> assertThat(order).containsEntry("orderId", orderId).containsEntry("status", "PARTIALLY_REFUNDED"));
        coordinator.get().uri("/api/admin/corporate/orders/{id}", orderId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.companyName").isNotEmpty();
        coordinator.get().uri("/api/admin/corporate/orders/{id}", UUID.randomUUID()).exchange().expectStatus().isNotFound();
    }

    @Test
    void anOrderPastItsDueDateIsOverdueNotCancelled() {
        Registered company = registerWithBuyer(coordinator, "当日付款公司", code("91510104MA66002"));
        Map<String, Object> details = company("当日付款公司", company.creditCode());
        details.put("paymentDays", 0);
        coordinator.put().uri("/api/admin/corporate/companies/{id}", company.companyId()).bodyValue(details).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.paymentDays").isEqualTo(0);
        WebTestClient buyer = SignIn.as(client, company.email(), "long enough passphrase");
        String orderId = (String) acceptedQuote(buyer, 10).get("orderId");
        assertThat(single(buyer.get().uri("/api/corporate/orders").exchange().expectBodyList(Map.class).returnResult().getResponseBody()))
                .as("due today, not yet overdue").containsEntry("overdue", false).containsEntry("nextDue", TODAY.toString());
        // The day passes unpaid (the due date moved back a day stands for tomorrow).
        db.sql("UPDATE corporate_instalments SET due_on = due_on - 1 WHERE order_id = CAST(:id AS uuid)").bind("id", orderId).update().block();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Boolean.TRUE.equals(single(buyer.get().uri("/api/corporate/orders")
                .exchange().expectBodyList(Map.class).returnResult().getResponseBody()).get("overdue")));
        assertThat(db.sql("SELECT status AS v FROM orders WHERE id = CAST(:id AS uuid)").bind("id", orderId)
                .map(row -> row.get("v", String.class)).one().block()).isEqualTo("PENDING_PAYMENT");
    }

    /** A quote for {@code quantity} boxes, sent by the coordinator and accepted by {@code buyer} with PO-77. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> acceptedQuote(WebTestClient buyer, int quantity) {
        String id = (String) buyer.post().uri("/api/corporate/quotes").bodyValue(Map.of("lines", List.of(Map.of("variantId", variant,
                        "quantity", quantity, "customisations", List.of())), "wantedBy", TODAY.plusDays(30).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        coordinator.post().uri("/api/admin/corporate/quotes/{id}/versions", id).bodyValue(Map.of("validUntil", TODAY.plusDays(7).toString(),
                "delivery", Map.of("amount", 0, "currency", "CNY"), "manual", List.of())).exchange().expectStatus().isOk();
        return buyer.post().uri("/api/corporate/quotes/{id}/accept", id).bodyValue(Map.of("version", 1, "poNumber", "PO-77")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec transfer(String orderId, long amount, String reference) {
        return coordinator.post().uri("/api/admin/corporate/orders/{id}/transfers", orderId)
                .bodyValue(Map.of("amount", Map.of("amount", amount, "currency", "CNY"), "reference", reference)).exchange();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> single(List<Map> views) {
        assertThat(views).hasSize(1);
        return (Map<String, Object>) views.get(0);
    }
}
