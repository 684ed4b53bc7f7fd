package org.socialworkshop.pos;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.socialworkshop.identity.Account;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.identity.NewAccount;
import org.socialworkshop.identity.Role;
import org.socialworkshop.receipts.SignedDocuments;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A register of its own with a paired tablet and a cashier of their own signed in at it with a PIN, as a test's client. */
public final class StaffedCounter {

    public final Account cashier;
    public final PairedTablet tablet;
    public final String registerId;
    public final String session;
    public final String csrf;
    private final WebTestClient client;

    public StaffedCounter(WebTestClient client, WebTestClient coordinator, Accounts accounts) {
        this.client = client;
        String tag = UUID.randomUUID().toString().substring(0, 8);
        cashier = accounts.create(new NewAccount("cashier-" + tag + "@example.org", "收银员 " + tag, "a-long-password-" + tag,
                Set.of(Role.CASHIER))).block();
        coordinator.put().uri("/api/admin/staff/{id}/pin", cashier.id().value()).bodyValue(Map.of("pin", "7391"))
                .exchange().expectStatus().isNoContent();
        tablet = new PairedTablet();
        registerId = tablet.pairToNewRegister(coordinator, client);
        csrf = client.get().uri("/api/auth/csrf").exchange().expectStatus().isNoContent()
                .returnResult(Void.class).getResponseCookies().getFirst("XSRF-TOKEN").getValue();
        session = client.post().uri("/api/pos/sign-in").header(HttpHeaders.COOKIE, cookies(null)).header("X-XSRF-TOKEN", csrf)
                .bodyValue(Map.of("userId", cashier.id().value(), "pin", "7391"))
                .exchange().expectStatus().isOk()
                .returnResult(Void.class).getResponseCookies().getFirst("SESSION").getValue();
    }

    /** The tablet's cookies, with the cashier's session unless {@code session} says another (blank: none). */
    public String cookies(String session) {
        String chosen = session == null ? this.session : session;
        return "POS_DEVICE=" + tablet.credential + "; XSRF-TOKEN=" + csrf + (chosen == null || chosen.isBlank() ? "" : "; SESSION=" + chosen);
    }

    public WebTestClient.ResponseSpec get(String path) {
        return client.get().uri(path).header(HttpHeaders.COOKIE, cookies(null)).exchange();
    }

    /** What the tablet sells from ({@code GET /api/pos/catalog}). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> catalog() {
        return get("/api/pos/catalog").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Where the register's receipt series stands ({@code GET /api/pos/device} → {@code series}). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> series() {
        return (Map<String, Object>) get("/api/pos/device").expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody().get("series");
    }

    /** Posts the sale as the tablet does, its receipt signed on the series as it stands, paid with {@code given} fen. */
    public WebTestClient.ResponseSpec sell(TabletSale sale, SignedDocuments documents, long given) {
        return post("/api/pos/sales", sale.body(tablet, documents, registerId, series(), given), null);
    }

    /** The original sale of a return, found by its receipt's code or number ({@code GET /api/pos/returns/lookup}). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> lookup(String receipt) {
        return client.get().uri(builder -> builder.path("/api/pos/returns/lookup").queryParam("receipt", "{code}").build(receipt))
                .header(HttpHeaders.COOKIE, cookies(null)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Posts the return as the tablet does, its refund receipt signed on the series as it stands. */
    public WebTestClient.ResponseSpec giveBack(TabletReturn given, SignedDocuments documents) {
        return post("/api/pos/returns", given.body(tablet, documents, registerId, series()), null);
    }

    public WebTestClient.ResponseSpec post(String path, Object body, String idempotencyKey) {
        WebTestClient.RequestBodySpec request = client.post().uri(path).header(HttpHeaders.COOKIE, cookies(null))
                .header("X-XSRF-TOKEN", csrf);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.bodyValue(body).exchange();
    }
}
