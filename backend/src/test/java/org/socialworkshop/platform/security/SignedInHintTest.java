package org.socialworkshop.platform.security;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SIGNED_IN cookie pages read before asking who is signed in: set at sign-in, readable by scripts, removed at
 * sign-out, and removed on a page load once the session it stood for is gone. It is never a credential.
 */
@WorkshopTest
class SignedInHintTest {

    @Autowired
    WebTestClient client;

    @Test
    void signingInSetsTheHintForPagesAndSigningOutRemovesIt() {
        ResponseCookie csrf = client.get().uri("/api/auth/csrf").exchange()
                .returnResult(Void.class).getResponseCookies().getFirst("XSRF-TOKEN");
        var signedIn = client.post().uri("/api/auth/login")
                .bodyValue(Map.of("email", "coordinator@example.org", "password", "workshop-coordinator"))
                .exchange().expectStatus().isOk()
                .returnResult(Void.class).getResponseCookies();
        ResponseCookie hint = signedIn.getFirst(SignedInHint.NAME);
        assertThat(hint).isNotNull();
        assertThat(hint.getValue()).isEqualTo("1");
        assertThat(hint.isHttpOnly()).as("readable by the pages' scripts").isFalse();
        assertThat(hint.getPath()).isEqualTo("/");
        assertThat(hint.getMaxAge().isNegative()).as("kept until the browser closes, as the session cookie").isTrue();

        WebTestClient coordinator = new SignIn.Session(signedIn.getFirst("SESSION").getValue(), csrf.getValue()).on(client);
        ResponseCookie afterPage = coordinator.mutate().defaultCookie(SignedInHint.NAME, "1").build()
                .get().uri("/admin/").exchange().expectStatus().isOk()
                .returnResult(Void.class).getResponseCookies().getFirst(SignedInHint.NAME);
        assertThat(afterPage).as("a live session's hint is left alone").isNull();

        ResponseCookie signedOut = coordinator.post().uri("/api/auth/logout").exchange().expectStatus().isNoContent()
                .returnResult(Void.class).getResponseCookies().getFirst(SignedInHint.NAME);
        assertThat(signedOut).isNotNull();
        assertThat(signedOut.getMaxAge()).isEqualTo(Duration.ZERO);
    }

    @Test
    void aHintWithoutALiveSessionIsRemovedWhenAPageLoads() {
        ResponseCookie removed = client.get().uri("/shop/")
                .cookie(SignedInHint.NAME, "1").cookie("SESSION", "ended-long-ago")
                .exchange().expectStatus().isOk()
                .returnResult(Void.class).getResponseCookies().getFirst(SignedInHint.NAME);
        assertThat(removed).isNotNull();
        assertThat(removed.getMaxAge()).isEqualTo(Duration.ZERO);

        ResponseCookie onAFile = client.get().uri("/lib/session.js").cookie(SignedInHint.NAME, "1")
                .exchange().expectStatus().isOk()
                .returnResult(Void.class).getResponseCookies().getFirst(SignedInHint.NAME);
        assertThat(onAFile).as("files are not pages: they cost no session lookup").isNull();
    }

    @Test
    void theHintGrantsNothing() {
        client.get().uri("/api/auth/me").cookie(SignedInHint.NAME, "1").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/admin/orders").cookie(SignedInHint.NAME, "1").exchange().expectStatus().isUnauthorized();
    }
}
