package org.socialworkshop.platform.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/** Staff actions are recorded with who, what and when, and the record cannot be rewritten. */
@WorkshopTest
class AuditLogTest {

    @Autowired
    WebTestClient client;

    @Autowired
    Database db;

    @Test
    void creatingAnAccountIsRecordedWithTheActor() {
        String email = "audited-" + UUID.randomUUID() + "@example.org";
        WebTestClient admin = SignIn.admin(client);
        admin.post().uri("/api/admin/users")
                .bodyValue(Map.of("email", email, "displayName", "Audited", "password", "long-enough-pw",
                        "roles", List.of("MAKER")))
                .exchange().expectStatus().isCreated();
        admin.get().uri("/api/admin/audit-log?size=20").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.details.email == '" + email + "')].actor").isEqualTo("admin@example.org")
                .jsonPath("$.items[?(@.details.email == '" + email + "')].action").isEqualTo("account.created")
                .jsonPath("$.items[?(@.details.email == '" + email + "')].occurredAt").exists()
                .jsonPath("$.items[?(@.details.email == '" + email + "')].requestId").exists();
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveEntries() {
        StepVerifier.create(db.sql("UPDATE audit_log SET actor = 'someone else'").update())
                .expectErrorSatisfies(error -> org.assertj.core.api.Assertions.assertThat(error).hasMessageContaining("append-only"))
                .verify();
        StepVerifier.create(db.sql("DELETE FROM audit_log").update())
                .expectErrorSatisfies(error -> org.assertj.core.api.Assertions.assertThat(error).hasMessageContaining("append-only"))
                .verify();
        StepVerifier.create(db.sql("TRUNCATE audit_log").update())
                .expectErrorSatisfies(error -> org.assertj.core.api.Assertions.assertThat(error).hasMessageContaining("append-only"))
                .verify();
    }

    @Test
    void onlyAdminsReadTheLog() {
        SignIn.as(client, "coordinator@example.org", "workshop-coordinator")
                .get().uri("/api/admin/audit-log").exchange().expectStatus().isForbidden();
    }
}
