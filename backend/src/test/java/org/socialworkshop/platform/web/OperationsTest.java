package org.socialworkshop.platform.web;

import org.junit.jupiter.api.Test;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and API clients rely on: health, metrics, and the API description. */
@WorkshopTest
class OperationsTest {

    @Autowired
    WebTestClient client;

    @Test
    void healthIsUpWhenTheDatabaseAnswers() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void metricsIncludePoolAndOutbox() {
        String metrics = client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("r2dbc_pool_acquired_connections", "r2dbc_pool_max_allocated_connections",
                "outbox_deliveries_total", "outbox_backlog", "http_server_requests");
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
