package org.socialworkshop.platform.web;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** Every error a client can provoke is an RFC 9457 problem with a request id, and never a 500 or a stack trace. */
@WorkshopTest
class ProblemResponsesTest {

    @Autowired
    WebTestClient anonymous;

    WebTestClient admin;

    @BeforeEach
    void signIn() {
        admin = SignIn.admin(anonymous);
    }

    @Test
    void validationErrorsNameEachField() {
        admin.post().uri("/api/admin/users").bodyValue(Map.of("email", "not-an-email", "roles", java.util.List.of()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Invalid request")
                .jsonPath("$.errors[?(@.field == 'email')].message").exists()
                .jsonPath("$.errors[?(@.field == 'password')].message").exists()
                .jsonPath("$.errors[?(@.field == 'roles')].message").exists()
                .jsonPath("$.requestId").isNotEmpty();
    }

    @Test
    void malformedJsonIsABadRequest() {
        admin.post().uri("/api/admin/users").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"email\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Malformed request")
                .jsonPath("$.detail").value(not(containsString("jackson")));
    }

    @Test
    void wrongJsonTypeDoesNotLeakClassNames() {
        admin.post().uri("/api/admin/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"a@b.org\",\"displayName\":\"x\",\"password\":\"long-enough-pw\",\"roles\":[\"KING\"]}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(String.class).value(not(containsString("org.socialworkshop")));
    }

    @Test
    void unknownRouteIsNotFound() {
        anonymous.get().uri("/api/no-such-thing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404).jsonPath("$.requestId").isNotEmpty();
    }

    @Test
    void peopleFollowingABrokenLinkGetAPageNotJson() {
        String page = anonymous.get().uri("/no-such-page.html").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        org.assertj.core.api.Assertions.assertThat(page).contains("找不到这个页面").contains("id=\"not-found-home\"");
        anonymous.get().uri("/api/no-such-thing").accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        anonymous.get().uri("/no-such-page.html").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void wrongMethodIsMethodNotAllowed() {
        admin.delete().uri("/api/auth/me").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void wrongMediaTypeIsUnsupported() {
        admin.post().uri("/api/admin/users").contentType(MediaType.TEXT_PLAIN).bodyValue("hello")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void oversizedBodyIsRefused() {
        String huge = "{\"email\":\"" + "a".repeat(400_000) + "\"}";
        admin.post().uri("/api/admin/users").contentType(MediaType.APPLICATION_JSON).bodyValue(huge)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void nonNumericPageIsABadRequest() {
        admin.get().uri("/api/admin/audit-log?page=abc").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        admin.get().uri("/api/admin/audit-log?size=100000").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void signedOutIsUnauthorizedAndWrongRoleIsForbidden() {
        anonymous.get().uri("/api/admin/audit-log").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        SignIn.as(anonymous, "cashier@example.org", "workshop-cashier")
                .get().uri("/api/admin/audit-log").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void notFoundResourceIsAProblem() {
        admin.post().uri("/api/admin/outbox/999999999/retry").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void callerRequestIdIsEchoed() {
        anonymous.get().uri("/api/no-such-thing").header(RequestId.HEADER, "trace-12345678").exchange()
                .expectHeader().valueEquals(RequestId.HEADER, "trace-12345678")
                .expectBody().jsonPath("$.requestId").isEqualTo("trace-12345678");
    }

    @Test
    void pagesCarryASecurityPolicyWithoutInlineScript() {
        anonymous.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", policy -> {
                    org.assertj.core.api.Assertions.assertThat(policy).contains("script-src 'self'")
                            .doesNotContain("unsafe-inline");
                })
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    }
}
