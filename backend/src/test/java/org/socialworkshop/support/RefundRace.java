package org.socialworkshop.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.database.Database;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several members of staff, each signed in on their own, refunding one order at the same moment; and what the shop
 * stored of it afterwards, read from the database and from the staff order page.
 */
public final class RefundRace {

    private RefundRace() {
    }

    /** What one of them was answered. */
    public record Answer(int status, @Nullable MediaType type, Map<String, Object> body) {
    }

    /** {@code count} staff sessions, admin and coordinator in turn, each on connections of its own. */
    public static List<WebTestClient> staff(WebTestClient client, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> i % 2 == 0 ? SignIn.adminSession(client) : SignIn.session(client, "coordinator@example.org", "workshop-coordinator"))
                .map(session -> session.on(Race.unpooled(client)))
                .toList();
    }

    /** Each of {@code staff} posts {@code refund} of the order at once, each with a key of its own. */
    public static List<Answer> refundAtOnce(List<WebTestClient> staff, String orderId, Map<String, Object> refund) {
        return Race.run(staff.size(), i -> ask(staff.get(i), orderId, refund));
    }

    @SuppressWarnings("unchecked")
    private static Answer ask(WebTestClient staff, String orderId, Map<String, Object> refund) {
        EntityExchangeResult<Map> result = staff.post().uri("/api/admin/orders/{id}/refunds", orderId)
                .header("Idempotency-Key", UUID.randomUUID().toString()).bodyValue(refund).exchange()
                .expectBody(Map.class).returnResult();
        return new Answer(result.getStatus().value(), result.getResponseHeaders().getContentType(),
                result.getResponseBody() == null ? Map.of() : result.getResponseBody());
    }

    /**
     * One refund of {@code amount} went through and nothing else: one 201, every other answer a 409 or 422 problem,
     * and that one refund, within what was paid, is what ordering and payments stored and what staff are shown.
     */
    public static void assertRefundedOnce(List<Answer> answers, long amount, String orderStatus, String orderId, Database db,
            WebTestClient staff) {
        assertThat(answers).filteredOn(answer -> answer.status() == 201).singleElement().satisfies(won -> {
            assertThat(won.body().get("status")).isEqualTo("SUCCEEDED");
            assertThat(won.body().get("amount")).isEqualTo(Map.of("amount", (int) amount, "currency", "CNY"));
        });
        assertThat(answers).filteredOn(answer -> answer.status() != 201).hasSize(answers.size() - 1).allSatisfy(refused -> {
            assertThat(refused.status()).isIn(409, 422);
            assertThat(refused.type()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        });

        UUID order = UUID.fromString(orderId);
        long paid = db.sql("SELECT coalesce(sum(amount_minor), 0) AS paid FROM payments WHERE order_id = :order AND status = 'SUCCEEDED'")
                .bind("order", order).map(row -> row.get("paid", Number.class).longValue()).one().block();
        assertThat(amount).isLessThanOrEqualTo(paid);
        assertThat(rows(db, "SELECT amount_minor, status FROM order_refunds WHERE order_id = :order", order))
                .containsExactly(amount + " SUCCEEDED");
        assertThat(rows(db, """
                SELECT r.amount_minor, r.status FROM payment_refunds r JOIN payments p ON p.id = r.payment_id
                WHERE p.order_id = :order""", order)).containsExactly(amount + " SUCCEEDED");
        assertThat(rows(db, "SELECT refunded_minor AS amount_minor, status FROM orders WHERE id = :order", order))
                .containsExactly(amount + " " + orderStatus);

        staff.get().uri("/api/admin/orders/{id}", orderId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo(orderStatus)
                .jsonPath("$.refunded.amount").isEqualTo((int) amount)
                .jsonPath("$.refunds.length()").isEqualTo(1)
                .jsonPath("$.refunds[0].amount.amount").isEqualTo((int) amount)
                .jsonPath("$.refunds[0].status").isEqualTo("SUCCEEDED");
    }

    /** Each row as "amount status". */
    private static List<String> rows(Database db, String sql, UUID order) {
        return db.sql(sql).bind("order", order)
                .map(row -> row.get("amount_minor", Number.class).longValue() + " " + row.get("status", String.class))
                .list().block();
    }
}
