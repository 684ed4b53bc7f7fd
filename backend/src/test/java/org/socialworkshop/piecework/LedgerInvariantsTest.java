package org.socialworkshop.piecework;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The ledger's invariants after random sequences of real work through the application (see {@link LedgerScenario}),
 * checked in SQL written apart from the application's queries: every entry adds up to zero, each maker's balance
 * summed from the postings is what the application reports, no payout took more than was owed at that point, and
 * every payout answered 2xx is exactly one payout in the ledger.
 *
 * <p>Each scenario's seed is in its name; {@code -Dledger.seed=N} replays the run whose first seed was N.
 */
@WorkshopTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerInvariantsTest {

    static final long FIRST_SEED = Long.getLong("ledger.seed", System.currentTimeMillis());
    static final int SCENARIOS = 6;
    static final int STEPS = 14;

    @Autowired
    WebTestClient client;

    @Autowired
    Database db;

    @Autowired
    Ledger ledger;

    @Autowired
    WorkshopTime workshopTime;

    WebTestClient staff;
    String operation;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void weavingPaidAt150ThenAt180() {
        staff = CatalogFixtures.coordinator(client);
        String product = (String) CatalogFixtures.create(staff, CatalogFixtures.product("账本篮", "Ledger basket", true)).get("id");
        operation = (String) staff.post().uri("/api/admin/piecework/operations")
                .bodyValue(Map.of("productId", product, "nameZh", "编织", "nameEn", "Weaving", "rate", 150,
                        "validFrom", workshopTime.today().minusDays(60).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        staff.post().uri("/api/admin/piecework/operations/{id}/rates", operation)
                .bodyValue(Map.of("rate", 180, "validFrom", workshopTime.today().minusDays(10).toString()))
                .exchange().expectStatus().isCreated();
    }

    LongStream seeds() {
        return LongStream.range(FIRST_SEED, FIRST_SEED + SCENARIOS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomWorkKeepsTheLedgerBalancedAndNoPayoutOverdraws(long seed) {
        LedgerScenario scenario = new LedgerScenario(seed, client, db, ledger, operation, workshopTime.today());
        scenario.run(STEPS);
        String steps = scenario.steps();

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(unbalancedEntries()).as("entries that do not add up to zero, after %s", steps).isEmpty();
            for (UUID maker : scenario.makers) {
                long summed = postingsOn("maker:" + maker);
                softly.assertThat(summed).as("balance summed from the postings, after %s", steps).isEqualTo(scenario.owed.get(maker));
                softly.assertThat(ledger.balance(maker, null).block()).as("Ledger.balance").isEqualTo(summed);
                softly.assertThat(adminBalance(maker)).as("the coordinators' balance endpoint").isEqualTo(summed);
                softly.assertThat(overdrawingPayouts(maker)).as("payouts that took more than was owed, after %s", steps).isEmpty();
                softly.assertThat(payoutsOf(maker)).as("payouts in the ledger against the 2xx answers, after %s", steps)
                        .containsExactlyInAnyOrderElementsOf(scenario.paidOut.get(maker));
                softly.assertThat(payoutEntriesOn("maker:" + maker)).as("PAYOUT entries on the maker's account")
                        .isEqualTo(scenario.paidOut.get(maker).size());
            }
            softly.assertThat(balanceIn(scenario.firstMakerSession.get().uri("/api/maker/me")))
                    .as("the maker's own balance").isEqualTo(postingsOn("maker:" + scenario.makers.get(0)));
        });
    }

    private long adminBalance(UUID maker) {
        return balanceIn(staff.get().uri("/api/admin/piecework/makers/{id}/balance", maker));
    }

    private static long balanceIn(WebTestClient.RequestHeadersSpec<?> request) {
        Map<?, ?> answer = request.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) ((Map<?, ?>) answer.get("balance")).get("amount")).longValue();
    }

    /** Entries, anywhere in the ledger, with fewer than two postings or postings that do not add up to zero. */
    private List<String> unbalancedEntries() {
        return db.sql("""
                        SELECT e.id::text AS id FROM ledger_entries e LEFT JOIN ledger_postings p ON p.entry_id = e.id
                        GROUP BY e.id HAVING count(p.amount) < 2 OR coalesce(sum(p.amount), 0) <> 0""")
                .map(row -> row.get("id", String.class)).list().block();
    }

    private long postingsOn(String account) {
        return db.sql("SELECT coalesce(sum(amount), 0)::bigint AS total FROM ledger_postings WHERE account = :account")
                .bind("account", account).map(row -> row.get("total", Long.class)).one().block();
    }

    /**
     * Payouts after which the maker's account, summed over every entry booked up to and including the payout, was
     * below zero. A payout waits for the one before it, so booking order decides what each one saw.
     */
    private List<String> overdrawingPayouts(UUID maker) {
        return db.sql("""
                        SELECT id::text AS id FROM (
                            SELECT e.id, e.reason, sum(p.amount) OVER (ORDER BY e.created_at, e.id ROWS UNBOUNDED PRECEDING) AS owed
                            FROM ledger_postings p JOIN ledger_entries e ON e.id = p.entry_id
                            WHERE p.account = :account) booked
                        WHERE reason = 'PAYOUT' AND owed < 0""")
                .bind("account", "maker:" + maker).map(row -> row.get("id", String.class)).list().block();
    }

    private long payoutEntriesOn(String account) {
        return db.sql("""
                        SELECT count(*) AS n FROM ledger_entries e
                        WHERE e.reason = 'PAYOUT' AND EXISTS (SELECT 1 FROM ledger_postings p WHERE p.entry_id = e.id AND p.account = :account)""")
                .bind("account", account).map(row -> row.get("n", Long.class)).one().block();
    }

    /** Payouts recorded for the maker whose ledger entry takes exactly their amount off the maker's account. */
    private List<String> payoutsOf(UUID maker) {
        return db.sql("""
                        SELECT o.id::text AS id FROM payouts o
                        JOIN ledger_entries e ON e.id = o.entry_id AND e.reason = 'PAYOUT'
                        JOIN ledger_postings p ON p.entry_id = e.id AND p.account = :account AND p.amount = -o.amount_fen
                        WHERE o.maker_id = :maker""")
                .bind("account", "maker:" + maker).bind("maker", maker).map(row -> row.get("id", String.class)).list().block();
    }
}
