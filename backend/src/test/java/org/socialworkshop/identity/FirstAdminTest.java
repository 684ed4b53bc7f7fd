package org.socialworkshop.identity;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialworkshop.support.SecondInstance;
import org.socialworkshop.support.SignIn;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A real installation: DEMO_DATA=false and the first admin from ADMIN_EMAIL/ADMIN_PASSWORD. No demo account
 * may exist, and the choice sticks even if the next start forgets DEMO_DATA=false.
 */
class FirstAdminTest {

    @TempDir
    Path data;

    @Test
    void realInstallationGetsItsAdminAndNoDemoAccounts() {
        String dataDir = "workshop.database.data-dir=" + data.resolve("postgres");
        try (SecondInstance real = SecondInstance.start(dataDir, "workshop.demo-data=false",
                "workshop.first-admin.email=chief@workshop.example", "workshop.first-admin.password=a-long-admin-password")) {
            SignIn.as(real.client(), "chief@workshop.example", "a-long-admin-password")
                    .get().uri("/api/auth/me").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.roles[0]").isEqualTo("ADMIN");
            assertDemoAdminCannotSignIn(real.client());
        }
        try (SecondInstance restarted = SecondInstance.start(dataDir, "workshop.first-admin.email=other@workshop.example",
                "workshop.first-admin.password=another-long-password")) {
            assertDemoAdminCannotSignIn(restarted.client());
            // An admin exists, so ADMIN_EMAIL creates nobody.
            restarted.client().post().uri("/api/auth/login")
                    .bodyValue(Map.of("email", "other@workshop.example", "password", "another-long-password"))
                    .exchange().expectStatus().isUnauthorized();
        }
    }

    private static void assertDemoAdminCannotSignIn(WebTestClient client) {
        client.post().uri("/api/auth/login")
                .bodyValue(Map.of("email", "admin@example.org", "password", "workshop-admin"))
                .exchange().expectStatus().isUnauthorized();
    }
}
