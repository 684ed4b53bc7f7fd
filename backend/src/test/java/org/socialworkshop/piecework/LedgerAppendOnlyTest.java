package org.socialworkshop.piecework;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.R2dbcException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger's own guard in PostgreSQL, whatever the application does: a booked entry and its postings cannot be
 * changed, deleted or truncated, and an entry that does not add up to zero is refused when its transaction commits.
 * Each statement runs in a transaction that is rolled back even if PostgreSQL lets it through, so a broken guard
 * fails this test without wiping the shared database.
 */
@WorkshopTest
class LedgerAppendOnlyTest {

    /** SQLSTATE 42501, raised by the append-only triggers. */
    static final String REFUSED = "42501";
    /** SQLSTATE 23514, raised by the balance trigger. */
    static final String UNBALANCED = "23514";

    @Autowired
    WebTestClient client;

    @Autowired
    Database db;

    UUID maker;
    UUID entry;
    String before;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void bookOneAdjustment() {
        WebTestClient staff = CatalogFixtures.coordinator(client);
        maker = UUID.fromString((String) staff.post().uri("/api/admin/makers").bodyValue(Map.of("name", "账本手作人", "displayName", "账本"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
        entry = UUID.fromString((String) staff.post().uri("/api/admin/piecework/adjustments")
                .bodyValue(Map.of("makerId", maker, "amount", 1234, "reason", "opening balance")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
        before = stored();
        assertThat(before).contains("maker:" + maker + "=1234").contains("workshop:adjustments=-1234");
    }

    @Test
    void anUnknownMakerIsNotFoundAndNothingIsBooked() {
        WebTestClient staff = CatalogFixtures.coordinator(client);
        UUID nobody = UUID.randomUUID();
        staff.post().uri("/api/admin/piecework/adjustments")
                .bodyValue(Map.of("makerId", nobody, "amount", 500, "reason", "typo in the id")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("There is no maker with this id.");
        staff.post().uri("/api/admin/piecework/entries/{id}/corrections", entry)
                .bodyValue(Map.of("reason", "wrong maker", "replacement", Map.of("makerId", nobody, "amount", 1234))).exchange()
                .expectStatus().isNotFound();
        assertThat(stored()).isEqualTo(before);
        assertThat(db.sql("SELECT count(*) AS n FROM ledger_postings WHERE account = :account").bind("account", "maker:" + nobody)
                .map(row -> row.get("n", Long.class)).one().block()).isZero();
        assertThat(db.sql("SELECT count(*) AS n FROM ledger_entries WHERE reverses = :entry").bind("entry", entry)
                .map(row -> row.get("n", Long.class)).one().block()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "UPDATE ledger_entries SET memo = 'changed' WHERE id = :entry",
            "UPDATE ledger_entries SET day = day - 1",
            "UPDATE ledger_postings SET amount = amount * 2 WHERE entry_id = :entry",
            "UPDATE ledger_postings SET account = 'workshop:payouts' WHERE entry_id = :entry AND amount < 0",
            "DELETE FROM ledger_postings WHERE entry_id = :entry",
            "DELETE FROM ledger_entries WHERE id = :entry",
            "TRUNCATE ledger_postings",
            "TRUNCATE ledger_entries CASCADE"})
    void changingWhatIsBookedIsRefused(String statement) {
        assertThatThrownBy(() -> attempt(statement))
                .satisfies(thrown -> assertThat(sqlState(thrown)).as("%s", thrown).isEqualTo(REFUSED))
                .hasMessageContaining("append-only");
        assertThat(stored()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"one posting", "postings adding up to one fen", "no postings"})
    void aNewEntryThatDoesNotAddUpIsRefusedAtCommit(String shape) {
        UUID unbalanced = UUID.randomUUID();
        List<Long> amounts = switch (shape) {
            case "one posting" -> List.of(500L);
            case "postings adding up to one fen" -> List.of(500L, -499L);
            default -> List.of();
        };
        Mono<Long> postings = Mono.just(0L);
        for (int i = 0; i < amounts.size(); i++) {
            postings = postings.then(db.sql("INSERT INTO ledger_postings (entry_id, account, amount) VALUES (:id, :account, :amount)")
                    .bind("id", unbalanced).bind("account", i == 0 ? "maker:" + maker : "workshop:adjustments").bind("amount", amounts.get(i))
                    .update());
        }
        Mono<Long> booking = db.sql("""
                        INSERT INTO ledger_entries (id, reason, source, day, idempotency_key, actor)
                        VALUES (:id, 'ADJUSTMENT', 'test', current_date, :key, 'test')""")
                .bind("id", unbalanced).bind("key", "unbalanced:" + unbalanced).update()
                .then(postings);

        assertThatThrownBy(() -> db.inTransaction(() -> booking).block())
                .satisfies(thrown -> assertThat(sqlState(thrown)).as("%s", thrown).isEqualTo(UNBALANCED))
                .hasMessageContaining("does not balance");
        assertThat(db.sql("SELECT count(*) AS n FROM ledger_entries WHERE id = :id").bind("id", unbalanced)
                .map(row -> row.get("n", Long.class)).one().block()).isZero();
        assertThat(stored()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {99, -1234})
    void aPostingAddedToAnEntryBookedEarlierIsRefusedAtCommit(long amount) {
        assertThatThrownBy(() -> db.inTransaction(() -> db.sql("INSERT INTO ledger_postings (entry_id, account, amount) VALUES (:entry, 'workshop:top-up', :amount)")
                        .bind("entry", entry).bind("amount", amount).update()).block())
                .satisfies(thrown -> assertThat(sqlState(thrown)).as("%s", thrown).isEqualTo(UNBALANCED))
                .hasMessageContaining("does not balance");
        assertThat(stored()).isEqualTo(before);
    }

    /** Runs the statement and rolls its transaction back in any case. */
    private void attempt(String statement) {
        var sql = db.sql(statement);
        if (statement.contains(":entry")) {
            sql = sql.bind("entry", entry);
        }
        var run = sql;
        db.inTransaction(() -> run.update().then(Mono.error(new AllowedAnyway()))).block();
    }

    /** The entry and its postings as stored, in one line, read without the application's code. */
    private String stored() {
        return db.sql("""
                        SELECT e.reason || ' ' || e.day || ' ' || e.memo || ' ' || string_agg(p.account || '=' || p.amount, ' ' ORDER BY p.account) AS stored
                        FROM ledger_entries e JOIN ledger_postings p ON p.entry_id = e.id WHERE e.id = :entry
                        GROUP BY e.id""")
                .bind("entry", entry).map(row -> row.get("stored", String.class)).one().block();
    }

    private static String sqlState(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcException refused) {
                return refused.getSqlState();
            }
        }
        throw new AssertionError("PostgreSQL did not refuse the statement", thrown);
    }

    /** Thrown after a statement PostgreSQL should have refused, to roll it back. */
    static final class AllowedAnyway extends RuntimeException {

        AllowedAnyway() {
            super("PostgreSQL allowed the statement");
        }
    }
}
