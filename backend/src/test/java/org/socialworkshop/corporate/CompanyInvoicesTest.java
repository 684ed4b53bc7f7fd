package org.socialworkshop.corporate;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.corporate.CorporateFixtures.Registered;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.FakeStripe;
import org.socialworkshop.support.SecondInstance;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialworkshop.corporate.CorporateFixtures.code;
import static org.socialworkshop.corporate.CorporateFixtures.company;
import static org.socialworkshop.corporate.CorporateFixtures.registerWithBuyer;

/**
 * Issue 13, step 4, second part: a company with a deposit agreed pays an order in two instalments. The deposit arrives
 * by bank transfer and gets its own receipt on the CORPORATE register while the order still waits; the balance is sent
 * as a Stripe Invoice ({@code send_invoice}, {@code days_until_due}) on the fake Stripe, its failed attempt and its
 * being overdue are followed by webhooks, and {@code invoice.paid} pays the order, whose sale receipt names the deposit's
 * receipt and the invoice's payment. Runs an instance with Stripe next to the shared (demo) context, on one database;
 * the demo invoice is tried on the shared context.
 */
@WorkshopTest
class CompanyInvoicesTest {

    private static final String PROBLEMS = "https://social-workshop.org/problems/";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    static FakeStripe stripe;
    static SecondInstance app;

    @Autowired
    WebTestClient demoClient;

    @Autowired
    Database db;

    @BeforeAll
    static void startStripeAndTheApp() {
        stripe = FakeStripe.start();
        app = SecondInstance.withStripe(stripe);
    }

    @AfterAll
    static void stop() {
        app.close();
        stripe.close();
    }

    @BeforeEach
    void stripeUp() {
        stripe.up();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDepositByTransferThenTheBalanceByAStripeInvoicePaidByWebhook() {
        WebTestClient coordinator = CatalogFixtures.coordinator(app.client());
        String variant = corporateBox(coordinator);
        Registered company = registerWithBuyer(coordinator, "分期公司", code("91510104MA67000"));
        Map<String, Object> details = company("分期公司", company.creditCode());
        details.put("depositPercent", 30);
        coordinator.put().uri("/api/admin/corporate/companies/{id}", company.companyId()).bodyValue(details).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.depositPercent").isEqualTo(30);
        WebTestClient buyer = SignIn.as(app.client(), company.email(), "long enough passphrase");
        String orderId = acceptedQuote(coordinator, buyer, variant, 10);

        // 10 boxes at ¥68: a deposit of 30% within a week, the balance on 30 days' terms.
        Map<String, Object> order = order(buyer, orderId);
        List<Map<String, Object>> instalments = (List<Map<String, Object>>) order.get("instalments");
        assertThat(instalments).hasSize(2);
        assertThat(instalments.get(0)).containsEntry("kind", "DEPOSIT").containsEntry("amount", fen(20400))
                .containsEntry("dueOn", TODAY.plusDays(7).toString()).containsEntry("status", "DUE");
        assertThat(instalments.get(1)).containsEntry("kind", "BALANCE").containsEntry("amount", fen(47600))
                .containsEntry("dueOn", TODAY.plusDays(30).toString());
        assertThat(order).containsEntry("nextDue", TODAY.plusDays(7).toString()).containsEntry("paid", fen(0));

        // The deposit by transfer: a payment receipt on the CORPORATE register; the order still waits for the balance.
        transfer(coordinator, orderId, 20400, "BANK-D1").expectStatus().isOk().expectBody().jsonPath("$.recorded").isEqualTo(true);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("""
                SELECT count(*) AS n FROM receipts WHERE order_id = CAST(:id AS uuid) AND kind = 'PAYMENT' AND register = 'CORPORATE'""", orderId) == 1);
        order = order(buyer, orderId);
        assertThat(order).containsEntry("status", "PENDING_PAYMENT").containsEntry("paid", fen(20400))
                .containsEntry("nextDue", TODAY.plusDays(30).toString());
        assertThat(((List<Map<String, Object>>) order.get("instalments")).get(0)).containsEntry("status", "PAID");
        assertThat((List<Map<String, Object>>) order.get("receipts")).singleElement()
                .satisfies(receipt -> assertThat(receipt).containsEntry("kind", "PAYMENT"));

        // Nothing more to invoice for the deposit; the balance goes out as a Stripe invoice, once.
        invoice(coordinator, orderId, 1).expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "instalment-paid");
        invoice(coordinator, orderId, 3).expectStatus().isBadRequest();
        invoice(coordinator, UUID.randomUUID().toString(), 2).expectStatus().isNotFound();
        Map<String, Object> sent = invoice(coordinator, orderId, 2).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        invoice(coordinator, orderId, 2).expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "invoice-open");
        FakeStripe.Invoice stripeInvoice = stripe.invoices().stream()
                .filter(each -> orderId.equals(each.metadata().get("order_id")) || sent.get("paymentId").equals(each.metadata().get("payment_id")))
                .reduce((a, b) -> { throw new AssertionError("one invoice, not two"); }).orElseThrow();
        assertThat(stripeInvoice.collectionMethod()).isEqualTo("send_invoice");
        assertThat(stripeInvoice.daysUntilDue()).isEqualTo(30);
        assertThat(stripeInvoice.amountDue()).isEqualTo(47600);
        assertThat(stripeInvoice.sent()).isTrue();
        assertThat(stripeInvoice.status()).isEqualTo("open");
        assertThat(stripeInvoice.customerEmail()).isEqualTo("zhang@example.com");

        Map<String, Object> invoicePayment = invoicePayment(buyer, orderId);
        assertThat(invoicePayment).containsEntry("provider", "stripe").containsEntry("status", "OPEN").containsEntry("instalment", 2)
                .containsEntry("amount", fen(47600));
        assertThat((String) invoicePayment.get("pageUrl")).endsWith("/invoice/" + stripeInvoice.id());

        // An attempt on the hosted page fails: said, the invoice stays open. Then Stripe finds it overdue.
        assertThat(deliver(stripe.event("invoice.payment_failed", stripeInvoice.id())).statusCode()).isEqualTo(200);
        assertThat(deliver(stripe.event("invoice.overdue", stripeInvoice.id())).statusCode()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(invoicePayment(buyer, orderId))
                .containsEntry("status", "OPEN").containsEntry("overdueAtProvider", true)
                .satisfies(payment -> assertThat((String) payment.get("failure")).isNotBlank()));

        // Paid on its page; invoice.paid (delivered twice) pays the order once.
        String intent = stripe.payInvoice(stripeInvoice.id());
        String paid = stripe.event("invoice.paid", stripeInvoice.id());
        assertThat(deliver(paid).statusCode()).isEqualTo(200);
        assertThat(deliver(paid).statusCode()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "PAID".equals(order(buyer, orderId).get("status")));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("""
                SELECT count(*) AS n FROM receipts WHERE order_id = CAST(:id AS uuid) AND kind = 'SALE'""", orderId) == 1);
        String tenders = db.sql("""
                        SELECT string_agg((t ->> 'type') || ':' || (t -> 'amount' ->> 'amount') || ':' || coalesce(t ->> 'reference', ''), ' '
                                          ORDER BY ord) AS v
                        FROM receipts, jsonb_array_elements(content -> 'tenders') WITH ORDINALITY AS x(t, ord)
                        WHERE order_id = CAST(:id AS uuid) AND kind = 'SALE'""")
                .bind("id", orderId).map(row -> row.get("v", String.class)).one().block();
        assertThat(tenders).matches("PREPAID:20400:CORPORATE-\\d+ ONLINE:47600:" + intent);
        assertThat(count("SELECT count(*) AS n FROM receipts WHERE order_id = CAST(:id AS uuid)", orderId)).as("deposit and sale").isEqualTo(2);
        order = order(buyer, orderId);
        assertThat(order).containsEntry("paid", fen(68000)).containsEntry("overdue", false);
        assertThat((List<Map<String, Object>>) order.get("instalments")).allSatisfy(each -> assertThat(each).containsEntry("status", "PAID"));
        invoice(coordinator, orderId, 2).expectStatus().isEqualTo(409);
        // Paid in parts by transfer and invoice, it is given back by a transfer, not "as it was paid".
        coordinator.post().uri("/api/admin/orders/{id}/refunds", orderId).bodyValue(Map.of("amount", fen(6800), "restock", false,
                "reason", "一盒破损")).exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "paid-by-transfer");

        // Another company's buyer reaches none of it.
        WebTestClient other = SignIn.as(app.client(), registerWithBuyer(coordinator, "旁观分期公司", code("91510104MA67001")).email(),
                "long enough passphrase");
        other.get().uri("/api/corporate/orders/{id}", orderId).exchange().expectStatus().isNotFound();
        invoice(other, orderId, 2).expectStatus().isForbidden();
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutStripeTheInvoiceIsALabelledDemoInvoice() {
        WebTestClient coordinator = CatalogFixtures.coordinator(demoClient);
        String variant = corporateBox(coordinator);
        Registered company = registerWithBuyer(coordinator, "演示发票公司", code("91510104MA67002"));
        WebTestClient buyer = SignIn.as(demoClient, company.email(), "long enough passphrase");
        String orderId = acceptedQuote(coordinator, buyer, variant, 5);

        assertThat((List<Map<String, Object>>) order(buyer, orderId).get("instalments")).singleElement()
                .satisfies(each -> assertThat(each).containsEntry("kind", "FULL").containsEntry("amount", fen(34000)));
        invoice(coordinator, orderId, 2).expectStatus().isNotFound();
        invoice(coordinator, orderId, 1).expectStatus().isCreated();
        Map<String, Object> payment = ((List<Map<String, Object>>) order(buyer, orderId).get("payments")).get(0);
        assertThat(payment).containsEntry("provider", "demo").containsEntry("method", "INVOICE").containsEntry("status", "OPEN");
        String page = (String) payment.get("pageUrl");
        assertThat(page).startsWith("/shop/demo-payment.html?session=demo_in_");
        String session = page.substring(page.indexOf('=') + 1);
        demoClient.get().uri("/api/payments/demo/{id}", session).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.invoice").isEqualTo(true).jsonPath("$.amount.amount").isEqualTo(34000)
                .jsonPath("$.returnUrl").isEqualTo("/corporate/order.html?id=" + orderId);

        // A failed attempt leaves the demo invoice open; paying it pays the order.
        demoClient.post().uri("/api/payments/demo/{id}/fail", session).exchange().expectStatus().isOk();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(invoicePayment(buyer, orderId))
                .containsEntry("status", "OPEN").satisfies(each -> assertThat((String) each.get("failure")).isNotBlank()));
        demoClient.post().uri("/api/payments/demo/{id}/complete", session).exchange().expectStatus().isOk();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "PAID".equals(order(buyer, orderId).get("status")));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("""
                SELECT count(*) AS n FROM receipts WHERE order_id = CAST(:id AS uuid) AND kind = 'SALE' AND register = 'CORPORATE'""", orderId) == 1);
    }

    private static String corporateBox(WebTestClient coordinator) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = CatalogFixtures.product("中秋礼盒 " + tag, "Moon festival box " + tag, false);
        body.put("channels", List.of("CORPORATE"));
        return CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, body));
    }

    @SuppressWarnings("unchecked")
    private static String acceptedQuote(WebTestClient coordinator, WebTestClient buyer, String variant, int quantity) {
        String id = (String) buyer.post().uri("/api/corporate/quotes").bodyValue(Map.of("lines", List.of(Map.of("variantId", variant,
                        "quantity", quantity, "customisations", List.of())), "wantedBy", TODAY.plusDays(30).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        coordinator.post().uri("/api/admin/corporate/quotes/{id}/versions", id).bodyValue(Map.of("validUntil", TODAY.plusDays(7).toString(),
                "delivery", Map.of("amount", 0, "currency", "CNY"), "manual", List.of())).exchange().expectStatus().isOk();
        return (String) buyer.post().uri("/api/corporate/quotes/{id}/accept", id).bodyValue(Map.of("version", 1, "poNumber", "PO-88"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("orderId");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> order(WebTestClient buyer, String orderId) {
        return buyer.get().uri("/api/corporate/orders/{id}", orderId).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> invoicePayment(WebTestClient buyer, String orderId) {
        return ((List<Map<String, Object>>) order(buyer, orderId).get("payments")).stream()
                .filter(payment -> "INVOICE".equals(payment.get("method"))).findFirst().orElseThrow();
    }

    private static WebTestClient.ResponseSpec transfer(WebTestClient coordinator, String orderId, long amount, String reference) {
        return coordinator.post().uri("/api/admin/corporate/orders/{id}/transfers", orderId)
                .bodyValue(Map.of("amount", Map.of("amount", amount, "currency", "CNY"), "reference", reference)).exchange();
    }

    private static WebTestClient.ResponseSpec invoice(WebTestClient coordinator, String orderId, int instalment) {
        return coordinator.post().uri("/api/admin/corporate/orders/{id}/invoices", orderId).bodyValue(Map.of("instalment", instalment)).exchange();
    }

    private static java.net.http.HttpResponse<String> deliver(String payload) {
        return FakeStripe.deliver(URI.create(app.baseUrl() + "/api/webhooks/stripe"), payload);
    }

    private static Map<String, Object> fen(long amount) {
        return Map.of("amount", (int) amount, "currency", "CNY");
    }

    private long count(String sql, String orderId) {
        return db.sql(sql).bind("id", orderId).map(row -> row.get("n", Long.class)).one().block();
    }
}
