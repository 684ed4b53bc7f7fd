package org.socialworkshop.platform.web;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.socialworkshop.support.SecondInstance;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.TestPostgres;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and API clients rely on: health, metrics, and the API description. */
@WorkshopTest
class OperationsTest {

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    @Test
    void healthIsUpWhenTheDatabaseAnswers() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void metricsIncludePoolAndOutboxForAdminsOnly() {
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        SignIn.as(client, "coordinator@example.org", "workshop-coordinator").get().uri("/actuator/prometheus").exchange()
                .expectStatus().isForbidden();
        client.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer ").exchange().expectStatus().isUnauthorized();
        String metrics = SignIn.admin(client).get().uri("/actuator/prometheus").accept(MediaType.ALL).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("r2dbc_pool_acquired_connections", "r2dbc_pool_max_allocated_connections",
                "outbox_deliveries_total", "outbox_backlog", "http_server_requests");
    }

    @Test
    void refusalsBeforeAnyControllerCarryTheSecurityHeaders() throws Exception {
        client.get().uri(URI.create("http://localhost:" + port + "/api/products?q=%00")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().exists("Content-Security-Policy")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().doesNotExist("Strict-Transport-Security");
        // A body declared larger than any endpoint takes is refused before it is read (a client library would send
        // its real length, so this one is written by hand).
        assertThat(answerHead("POST /api/carts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 99999999\r\n\r\n{}"))
                .startsWith("http/1.1 413").contains("content-security-policy:").contains("x-content-type-options: nosniff")
                .contains("application/problem+json");
        // Netty answers these itself, before any filter: an address too long, headers too large, a malformed request.
        assertThat(answerHead("GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"))
                .startsWith("http/1.1 414").contains("content-security-policy: default-src 'none'").contains("x-content-type-options: nosniff");
        assertThat(answerHead("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n"))
                .startsWith("http/1.1 431").contains("x-frame-options: deny").contains("x-content-type-options: nosniff");
        assertThat(answerHead("GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: many\r\n\r\n"))
                .startsWith("http/1.1 400").contains("content-security-policy:").contains("x-content-type-options: nosniff");
    }

    /** The status line and headers of the answer to a request written by hand, lower-cased. */
    private String answerHead(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            StringBuilder answer = new StringBuilder();
            for (int read = 0; read >= 0 && !answer.toString().endsWith("\r\n\r\n"); ) {
                read = socket.getInputStream().read();
                answer.append((char) read);
            }
            return answer.toString().toLowerCase(Locale.ROOT);
        }
    }

    @Test
    void behindHttpsTheShopAsksForHstsAndPrometheusMayScrapeWithItsToken() throws Exception {
        try (SecondInstance https = SecondInstance.start("workshop.database.url=" + TestPostgres.url(),
                "workshop.security.secure-cookies=true", "workshop.metrics.token=scrape-me", "server.netty.idle-timeout=1s")) {
            WebTestClient other = https.client();
            other.get().uri("/api/products").exchange().expectStatus().isOk()
                    .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            other.get().uri("/actuator/prometheus").accept(MediaType.ALL).header(HttpHeaders.AUTHORIZATION, "Bearer scrape-me").exchange()
                    .expectStatus().isOk();
            other.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer scrape-you").exchange()
                    .expectStatus().isUnauthorized();

            // A connection that sends nothing is closed after the idle timeout.
            URI address = URI.create(https.baseUrl());
            try (Socket idle = new Socket(address.getHost(), address.getPort())) {
                idle.setSoTimeout(10_000);
                long started = System.nanoTime();
                assertThat(idle.getInputStream().read()).isEqualTo(-1);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void otherActuatorEndpointsAreNotPublic() {
        client.get().uri("/actuator/env").exchange().expectStatus().value(status -> assertThat(status).isIn(401, 404));
    }

    @Test
    void apiIsDescribedWithOpenApi() {
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").value(version -> assertThat(version.toString()).startsWith("3."))
                .jsonPath("$.info.title").isEqualTo("Social Workshop Commerce API")
                .jsonPath("$.paths['/api/auth/login'].post").exists()
                .jsonPath("$.paths['/api/admin/users'].post").exists();
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }
}
