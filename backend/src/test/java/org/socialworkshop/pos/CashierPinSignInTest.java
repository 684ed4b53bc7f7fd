package org.socialworkshop.pos;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.identity.Account;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.identity.NewAccount;
import org.socialworkshop.identity.Role;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, step 2: a coordinator sets a cashier's PIN; on a paired tablet the cashier picks their name and signs in
 * with it, and the session knows the register; without a paired tablet a PIN opens nothing, and guessing is braked.
 */
@WorkshopTest
class CashierPinSignInTest {

    @Autowired
    WebTestClient client;

    @Autowired
    Accounts accounts;

    WebTestClient coordinator;
    Account cashier;
    PairedTablet tablet;
    String registerId;

    @BeforeEach
    void cashierAndTablet() {
        coordinator = CatalogFixtures.coordinator(client);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        cashier = accounts.create(new NewAccount("cashier-" + tag + "@example.org", "收银员 " + tag, "a-long-password-" + tag,
                Set.of(Role.CASHIER))).block();
        tablet = new PairedTablet();
        registerId = tablet.pairToNewRegister(coordinator, client);
    }

    @Test
    void coordinatorsSetPinsThatAreNotEasilyGuessed() {
        for (String weak : List.of("1111", "1234", "987654", "123", "1234567", "12a4", "")) {
            coordinator.put().uri("/api/admin/staff/{id}/pin", cashier.id().value()).bodyValue(Map.of("pin", weak))
                    .exchange().expectStatus().isBadRequest();
        }
        Account coordinatorAccount = accounts.findByEmail("coordinator@example.org").block();
        coordinator.put().uri("/api/admin/staff/{id}/pin", coordinatorAccount.id().value()).bodyValue(Map.of("pin", "7391"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("userId");
        coordinator.get().uri("/api/admin/staff/cashiers").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '%s' && @.pinSetAt == null)]".formatted(cashier.id().value())).isNotEmpty();

        coordinator.put().uri("/api/admin/staff/{id}/pin", cashier.id().value()).bodyValue(Map.of("pin", "7391"))
                .exchange().expectStatus().isNoContent();
        coordinator.get().uri("/api/admin/staff/cashiers").exchange()
                .expectBody().jsonPath("$[?(@.id == '%s' && @.pinSetAt != null)]".formatted(cashier.id().value())).isNotEmpty();
        client.put().uri("/api/admin/staff/{id}/pin", cashier.id().value()).bodyValue(Map.of("pin", "7391"))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aCashierSignsInWithTheirPinOnAPairedTabletOnly() {
        setPin("7391");
        client.get().uri("/api/pos/staff").exchange().expectStatus().isUnauthorized();
        tabletGet("/api/pos/staff", null).expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '%s')].displayName".formatted(cashier.id().value()))
                .isEqualTo(List.of(cashier.displayName()));

        String csrf = csrf();
        // The device cookie is a credential: without the CSRF token, nothing happens.
        client.post().uri("/api/pos/sign-in").header(HttpHeaders.COOKIE, "POS_DEVICE=" + tablet.credential)
                .bodyValue(Map.of("userId", cashier.id().value(), "pin", "7391"))
                .exchange().expectStatus().isForbidden();
        signIn("7390", csrf).expectStatus().isUnauthorized();
        client.post().uri("/api/pos/sign-in").header("X-XSRF-TOKEN", csrf).header(HttpHeaders.COOKIE, "XSRF-TOKEN=" + csrf)
                .bodyValue(Map.of("userId", cashier.id().value(), "pin", "7391"))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://social-workshop.org/problems/device-not-paired");

        ResponseCookie session = signIn("7391", csrf).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.cashier.displayName").isEqualTo(cashier.displayName())
                .jsonPath("$.register.id").isEqualTo(registerId)
                .returnResult().getResponseCookies().getFirst("SESSION");
        assertThat(session).isNotNull();
        client.get().uri("/api/auth/me").header(HttpHeaders.COOKIE, "SESSION=" + session.getValue()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.roles").isEqualTo(List.of("CASHIER"));
        tabletGet("/api/pos/device", session.getValue()).expectStatus().isOk()
                .expectBody().jsonPath("$.cashier.id").isEqualTo(cashier.id().value().toString());
        tabletGet("/api/pos/device", null).expectStatus().isOk()
                .expectBody().jsonPath("$.cashier").isEmpty();

        // The same session on another register's tablet is nobody's there.
        PairedTablet other = new PairedTablet();
        other.pairToNewRegister(coordinator, client);
        client.get().uri("/api/pos/device").header(HttpHeaders.COOKIE, "POS_DEVICE=" + other.credential + "; SESSION=" + session.getValue())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.cashier").isEmpty();
    }

    @Test
    void guessingPinsIsBrakedPerPerson() {
        setPin("7391");
        String csrf = csrf();
        for (int i = 0; i < 5; i++) {
            signIn("0" + (1000 + i), csrf).expectStatus().isUnauthorized();
        }
        signIn("7391", csrf).expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);
    }

    @Test
    void aCashierChangesTheirOwnPinAtTheTablet() {
        StaffedCounter counter = new StaffedCounter(client, coordinator, accounts);
        WebTestClient.ResponseSpec wrong = client.put().uri("/api/pos/pin").header(HttpHeaders.COOKIE, counter.cookies(null))
                .header("X-XSRF-TOKEN", counter.csrf).bodyValue(Map.of("currentPin", "7390", "newPin", "5827")).exchange();
        wrong.expectStatus().isUnauthorized();
        client.put().uri("/api/pos/pin").header(HttpHeaders.COOKIE, counter.cookies(null)).header("X-XSRF-TOKEN", counter.csrf)
                .bodyValue(Map.of("currentPin", "7391", "newPin", "4444")).exchange().expectStatus().isBadRequest();
        client.put().uri("/api/pos/pin").header(HttpHeaders.COOKIE, counter.cookies("")).header("X-XSRF-TOKEN", counter.csrf)
                .bodyValue(Map.of("currentPin", "7391", "newPin", "5827")).exchange().expectStatus().isUnauthorized();
        client.put().uri("/api/pos/pin").header(HttpHeaders.COOKIE, counter.cookies(null)).header("X-XSRF-TOKEN", counter.csrf)
                .bodyValue(Map.of("currentPin", "7391", "newPin", "5827")).exchange().expectStatus().isNoContent();

        client.post().uri("/api/pos/sign-in").header(HttpHeaders.COOKIE, counter.cookies("")).header("X-XSRF-TOKEN", counter.csrf)
                .bodyValue(Map.of("userId", counter.cashier.id().value(), "pin", "7391")).exchange().expectStatus().isUnauthorized();
        client.post().uri("/api/pos/sign-in").header(HttpHeaders.COOKIE, counter.cookies("")).header("X-XSRF-TOKEN", counter.csrf)
                .bodyValue(Map.of("userId", counter.cashier.id().value(), "pin", "5827")).exchange().expectStatus().isOk();
    }

    private void setPin(String pin) {
        coordinator.put().uri("/api/admin/staff/{id}/pin", cashier.id().value()).bodyValue(Map.of("pin", pin))
                .exchange().expectStatus().isNoContent();
    }

    private String csrf() {
        return client.get().uri("/api/auth/csrf").exchange().expectStatus().isNoContent()
                .returnResult(Void.class).getResponseCookies().getFirst("XSRF-TOKEN").getValue();
    }

    private WebTestClient.ResponseSpec signIn(String pin, String csrf) {
        return client.post().uri("/api/pos/sign-in")
                .header(HttpHeaders.COOKIE, "POS_DEVICE=" + tablet.credential + "; XSRF-TOKEN=" + csrf)
                .header("X-XSRF-TOKEN", csrf)
                .bodyValue(Map.of("userId", cashier.id().value(), "pin", pin))
                .exchange();
    }

    private WebTestClient.ResponseSpec tabletGet(String path, String session) {
        return client.get().uri(path)
                .header(HttpHeaders.COOKIE, "POS_DEVICE=" + tablet.credential + (session == null ? "" : "; SESSION=" + session))
                .exchange();
    }
}
