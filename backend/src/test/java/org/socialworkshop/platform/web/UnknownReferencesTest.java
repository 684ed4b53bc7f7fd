package org.socialworkshop.platform.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids that point at nothing are the client's mistake: a 4xx problem, nothing stored, never a 500 (issue 11 found
 * foreign-key failures answered with 500 on operations, work records and consignments).
 */
@WorkshopTest
class UnknownReferencesTest {

    @Autowired
    WebTestClient client;

    @Autowired
    Database db;

    @Test
    void anOperationForAProductThatDoesNotExistIsRefused() {
        WebTestClient staff = CatalogFixtures.coordinator(client);
        String name = "不存在的产品工序 " + UUID.randomUUID();
        refused(staff.post().uri("/api/admin/piecework/operations").bodyValue(Map.of("productId", UUID.randomUUID(), "nameZh", name,
                "nameEn", "Nothing", "rate", 100, "validFrom", LocalDate.now().toString())).exchange());
        assertThat(count("SELECT count(*) AS n FROM piece_operations WHERE name_zh = '" + name + "'")).isZero();
    }

    @Test
    void workByAMakerOrOnAnOperationThatDoesNotExistIsRefused() {
        WebTestClient staff = CatalogFixtures.coordinator(client);
        UUID nobody = UUID.randomUUID();
        refused(staff.post().uri("/api/admin/piecework/work").bodyValue(Map.of("makerId", nobody, "operationId", UUID.randomUUID(),
                "workDate", LocalDate.now().toString(), "pieces", 3)).exchange());
        assertThat(count("SELECT count(*) AS n FROM work_records WHERE maker_id = '" + nobody + "'")).isZero();
    }

    @Test
    void consigningToAMakerWhoDoesNotExistIsRefused() {
        WebTestClient staff = CatalogFixtures.coordinator(client);
        Map<String, Object> product = CatalogFixtures.create(staff, CatalogFixtures.product("寄售测试" + UUID.randomUUID(), "Consigned", true));
        UUID nobody = UUID.randomUUID();
        refused(staff.put().uri("/api/admin/piecework/consignments/{id}", product.get("id"))
                .bodyValue(Map.of("makerId", nobody, "share", 0.5)).exchange());
        refused(staff.put().uri("/api/admin/piecework/consignments/{id}", UUID.randomUUID())
                .bodyValue(Map.of("makerId", nobody, "share", 0.5)).exchange());
    }

    private static void refused(WebTestClient.ResponseSpec response) {
        response.expectStatus().value(status -> assertThat(status).isBetween(400, 499))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.requestId").isNotEmpty();
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> row.get("n", Long.class)).one().block();
    }
}
