package org.socialworkshop.piecework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.MovableClock;
import org.socialworkshop.support.SecondInstance;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workshop's day turns at midnight in Chengdu, whatever the time zone of the server or of the JVM: pay booked at
 * 23:59:59 on 30 November (15:59:59 UTC) belongs to November, pay booked half an hour after midnight (16:30 UTC,
 * still 30 November in UTC and in California) belongs to December, and November's statement can be signed from then on.
 */
@WorkshopTest
class WorkshopDayTest {

    /** 23:59:59 on 30 November 2026 in Chengdu. */
    static final Instant LAST_SECOND_OF_NOVEMBER = Instant.parse("2026-11-30T15:59:59Z");
    /** 00:30 on 1 December 2026 in Chengdu; 30 November in UTC and everywhere west of it. */
    static final Instant HALF_PAST_MIDNIGHT_ON_THE_FIRST = Instant.parse("2026-11-30T16:30:00Z");

    @Autowired
    WebTestClient client;

    @Test
    @SuppressWarnings("unchecked")
    void payBookedJustAfterMidnightInChengduBelongsToTheNewMonth() {
        WebTestClient staff = CatalogFixtures.coordinator(client);
        Map<String, Object> product = CatalogFixtures.create(staff, CatalogFixtures.product("月末篮", "Month-end basket", true));
        String operation = (String) json(staff.post().uri("/api/admin/piecework/operations")
                .bodyValue(Map.of("productId", product.get("id"), "nameZh", "编织", "nameEn", "Weaving", "rate", 150, "validFrom", "2026-10-01"))
                .exchange().expectStatus().isCreated()).get("id");
        String maker = (String) json(staff.post().uri("/api/admin/makers").bodyValue(Map.of("name", "月末手作人", "displayName", "月末手作人"))
                .exchange().expectStatus().isCreated()).get("id");
        work(staff, maker, operation, LocalDate.parse("2026-11-20"), 10);

        MovableClock shopClock = new MovableClock(LAST_SECOND_OF_NOVEMBER);
        try (SecondInstance node = SecondInstance.onTestDatabase(shopClock)) {
            Clock clock = node.bean(Clock.class);
            WebTestClient nodeStaff = CatalogFixtures.coordinator(node.client().mutate().responseTimeout(Duration.ofSeconds(30)).build());
            assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.parse("2026-11-30"));
            pay(nodeStaff, maker, 200);
            nodeStaff.get().uri("/api/admin/piecework/makers/{id}/months/2026-11/statement.pdf", maker).exchange()
                    .expectStatus().isEqualTo(409);

            shopClock.set(HALF_PAST_MIDNIGHT_ON_THE_FIRST);
            LocalDate today = LocalDate.now(clock);
            assertThat(today).isEqualTo(LocalDate.parse("2026-12-01"));
            pay(nodeStaff, maker, 100);
            work(nodeStaff, maker, operation, today, 2);
            nodeStaff.get().uri("/api/admin/piecework/makers/{id}/months/2026-11/statement.pdf", maker).exchange()
                    .expectStatus().isOk().expectHeader().contentType("application/pdf");
        }

        staff.get().uri("/api/admin/piecework/makers/{id}/months/2026-11", maker).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.earned.amount").isEqualTo(1500)
                .jsonPath("$.paidOut.amount").isEqualTo(200)
                .jsonPath("$.closingBalance.amount").isEqualTo(1300);
        staff.get().uri("/api/admin/piecework/makers/{id}/months/2026-12", maker).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.openingBalance.amount").isEqualTo(1300)
                .jsonPath("$.earned.amount").isEqualTo(300)
                .jsonPath("$.paidOut.amount").isEqualTo(100)
                .jsonPath("$.lines[?(@.reason == 'PAYOUT')].day").isEqualTo("2026-12-01");
    }

    private static void work(WebTestClient staff, String maker, String operation, LocalDate day, int pieces) {
        staff.post().uri("/api/admin/piecework/work").bodyValue(Map.of("makerId", maker, "operationId", operation, "workDate", day.toString(),
                "pieces", pieces, "check", Map.of("accepted", pieces, "rejected", 0))).exchange().expectStatus().isCreated();
    }

    private static void pay(WebTestClient staff, String maker, long fen) {
        staff.post().uri("/api/admin/piecework/payouts").header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("makerId", maker, "amount", fen, "method", "CASH")).exchange().expectStatus().isCreated();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(WebTestClient.ResponseSpec response) {
        return response.expectBody(Map.class).returnResult().getResponseBody();
    }
}
