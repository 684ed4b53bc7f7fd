package org.socialworkshop.platform.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A log line written while serving a request carries that request's id, even after hops between threads. */
@WorkshopTest
@ExtendWith(OutputCaptureExtension.class)
class RequestIdLoggingTest {

    @Autowired
    WebTestClient client;

    @Test
    void logLinesCarryTheRequestId(CapturedOutput output) {
        client.post().uri("/api/auth/login").header(RequestId.HEADER, "login-trace-0001")
                .bodyValue(Map.of("email", "maker@example.org", "password", "workshop-maker"))
                .exchange()
                .expectStatus().isOk();
        assertThat(output.getAll().lines().filter(line -> line.contains("maker@example.org signed in")))
                .singleElement().asString().contains("[login-trace-0001]");
    }
}
