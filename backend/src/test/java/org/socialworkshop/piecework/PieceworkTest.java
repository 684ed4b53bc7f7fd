package org.socialworkshop.piecework;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Piece-work over HTTP and in PostgreSQL: rates by day, checks, the ledger's guarantees, payouts, and privacy. */
@WorkshopTest
class PieceworkTest {

    @Autowired
    WebTestClient client;

    @Autowired
    Database db;

    @Autowired
    Ledger ledger;

    /** The shop's clock: "today" is the workshop's day, which is not the JVM's for eight hours of every UTC day. */
    @Autowired
    Clock clock;

    WebTestClient staff;
    String productId;
    UUID maker;
    String operation;
    LocalDate today;
    YearMonth thisMonth;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        today = LocalDate.now(clock);
        thisMonth = YearMonth.from(today);
        staff = CatalogFixtures.coordinator(client);
        Map<String, Object> product = CatalogFixtures.create(staff, CatalogFixtures.product("编织篮", "Woven basket", true));
        productId = (String) product.get("id");
        maker = newMaker("测试手作人");
        operation = (String) staff.post().uri("/api/admin/piecework/operations")
                .bodyValue(Map.of("productId", productId, "nameZh", "编织", "nameEn", "Weaving", "rate", 150,
                        "validFrom", today.minusDays(60).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        staff.post().uri("/api/admin/piecework/operations/{id}/rates", operation)
                .bodyValue(Map.of("rate", 180, "validFrom", today.minusDays(10).toString()))
                .exchange().expectStatus().isCreated();
    }

    UUID newMaker(String name) {
        return UUID.fromString((String) staff.post().uri("/api/admin/makers").bodyValue(Map.of("name", name, "displayName", name))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
    }

    WebTestClient.ResponseSpec recordChecked(UUID who, LocalDate day, int accepted, int rejected) {
        return staff.post().uri("/api/admin/piecework/work").bodyValue(Map.of("makerId", who, "operationId", operation,
                "workDate", day.toString(), "pieces", accepted + rejected,
                "check", rejected > 0 ? Map.of("accepted", accepted, "rejected", rejected, "reason", "loose weave")
                        : Map.of("accepted", accepted, "rejected", 0))).exchange();
    }

    long balance(UUID who) {
        return ledger.balance(who, null).block();
    }

    /** A signed-in MAKER account linked to {@code who}. */
    WebTestClient makerSession(UUID who) {
        String email = "maker-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        SignIn.admin(client).post().uri("/api/admin/users").bodyValue(Map.of("email", email, "displayName", "手作人",
                "password", "a-long-maker-password", "roles", List.of("MAKER"))).exchange().expectStatus().isCreated();
        staff.put().uri("/api/admin/piecework/makers/{id}/account", who).bodyValue(Map.of("email", email)).exchange().expectStatus().isNoContent();
        return SignIn.as(client, email, "a-long-maker-password");
    }

    @Test
    void workForAnOrderThatDoesNotExistIsRefusedAndChangesNothing() {
        UUID unknown = UUID.randomUUID();
        staff.post().uri("/api/admin/piecework/work").bodyValue(Map.of("makerId", maker, "operationId", operation,
                        "workDate", today.toString(), "pieces", 4, "check", Map.of("accepted", 4, "rejected", 0), "orderId", unknown))
                .exchange().expectStatus().isEqualTo(422);
        assertThat(balance(maker)).isZero();
        recordChecked(maker, today, 2, 0).expectStatus().isCreated().expectBody().jsonPath("$.orderId").isEmpty();
        staff.get().uri("/api/admin/piecework/work?makerId={maker}&orderId={order}", maker, unknown).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void checkedWorkIsPaidAtTheRateOfTheDayItWasDone() {
        recordChecked(maker, today.minusDays(20), 8, 2).expectStatus().isCreated().expectBody()
                .jsonPath("$.status").isEqualTo("CHECKED")
                .jsonPath("$.rate.amount").isEqualTo(150)
                .jsonPath("$.amount.amount").isEqualTo(1200);
        recordChecked(maker, today.minusDays(2), 10, 0).expectStatus().isCreated().expectBody()
                .jsonPath("$.rate.amount").isEqualTo(180)
                .jsonPath("$.amount.amount").isEqualTo(1800);
        recordChecked(maker, today.minusDays(1), 3, 1).expectStatus().isCreated();

        assertThat(balance(maker)).isEqualTo(1200 + 1800 + 3 * 180);
        assertThat(ledger.balance(maker, today.minusDays(15)).block()).as("rebuilt for a past day").isEqualTo(1200);
        staff.post().uri("/api/admin/piecework/work").bodyValue(Map.of("makerId", maker, "operationId", operation,
                        "workDate", today.minusDays(90).toString(), "pieces", 5, "check", Map.of("accepted", 5, "rejected", 0)))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").value(type -> assertThat((String) type).endsWith("/no-rate"));
        recordChecked(maker, today, 5, 1).expectStatus().isCreated();
        staff.post().uri("/api/admin/piecework/work").bodyValue(Map.of("makerId", maker, "operationId", operation,
                        "workDate", today.toString(), "pieces", 5, "check", Map.of("accepted", 3, "rejected", 1, "reason", "x")))
                .exchange().expectStatus().isEqualTo(422);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMakerReportsWorkSeesOnlyTheirOwnEarningsAndACoordinatorChecksIt() {
        WebTestClient me = makerSession(maker);
        UUID other = newMaker("别的手作人");
        recordChecked(other, today, 10, 0).expectStatus().isCreated();

        String reported = (String) me.post().uri("/api/maker/work").bodyValue(Map.of("operationId", operation, "workDate", today.toString(), "pieces", 6))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        assertThat(balance(maker)).as("reported work earns nothing until checked").isZero();
        staff.post().uri("/api/admin/piecework/work/{id}/check", reported).bodyValue(Map.of("accepted", 6, "rejected", 0))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.amount.amount").isEqualTo(1080);
        staff.post().uri("/api/admin/piecework/work/{id}/check", reported).bodyValue(Map.of("accepted", 6, "rejected", 0))
                .exchange().expectStatus().isEqualTo(409);

        Map<String, Object> month = me.get().uri("/api/maker/months/{month}", thisMonth.toString()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<String, Object>) month.get("maker")).get("id")).isEqualTo(maker.toString());
        assertThat(month.get("earned")).isEqualTo(Map.of("amount", 1080, "currency", "CNY"));
        assertThat((List<Map<String, Object>>) month.get("lines")).singleElement()
                .satisfies(line -> assertThat(line).containsEntry("pieces", 6).containsEntry("operation", "编织"));
        me.get().uri("/api/maker/me").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.makerId").isEqualTo(maker.toString()).jsonPath("$.balance.amount").isEqualTo(1080);
        me.get().uri("/api/maker/months").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].month").isEqualTo(thisMonth.toString())
                .jsonPath("$[0].pieces").isEqualTo(6)
                .jsonPath("$[0].closingBalance.amount").isEqualTo(1080);

        // The portal takes no maker id: naming the other maker anywhere still reads one's own month and balance.
        me.get().uri("/api/maker/months/{month}?makerId={other}", thisMonth.toString(), other).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.maker.id").isEqualTo(maker.toString())
                .jsonPath("$.earned.amount").isEqualTo(1080);
        me.get().uri("/api/maker/me?makerId={other}", other).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.makerId").isEqualTo(maker.toString()).jsonPath("$.balance.amount").isEqualTo(1080);
        // The coordinators' API, which does take a maker id, is closed to makers by role.
        me.get().uri("/api/admin/piecework/makers/{id}/balance", other).exchange().expectStatus().isForbidden();
        staff.get().uri("/api/maker/me").exchange().expectStatus().isForbidden();
        client.get().uri("/api/maker/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    @SuppressWarnings("unchecked")
    void workAndAdjustmentsSentAgainWithTheirKeyAreBookedOnce() {
        Map<String, Object> work = Map.of("makerId", maker, "operationId", operation, "workDate", today.toString(), "pieces", 4,
                "check", Map.of("accepted", 4, "rejected", 0));
        String workKey = UUID.randomUUID().toString();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> ids = new java.util.concurrent.CopyOnWriteArrayList<>();
        // A double click and two resends after lost answers, all at once, then once more after they are done.
        Flux.range(0, 4)
                .flatMap(i -> Mono.fromRunnable(() -> {
                    var result = staff.post().uri("/api/admin/piecework/work").header("Idempotency-Key", workKey).bodyValue(work)
                            .exchange().returnResult(Map.class);
                    statuses.merge(result.getStatus().value(), 1, Integer::sum);
                    Map<String, Object> body = result.getResponseBody().blockFirst();
                    if (result.getStatus().value() == 201) {
                        ids.add((String) body.get("id"));
                    }
                }).subscribeOn(Schedulers.boundedElastic()), 4)
                .blockLast();
        staff.post().uri("/api/admin/piecework/work").header("Idempotency-Key", workKey).bodyValue(work)
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.id").isEqualTo(ids.get(0));

        assertThat(statuses.keySet()).as("each attempt answered the first one's outcome, or asked to retry while it ran")
                .isSubsetOf(201, 409).contains(201);
        assertThat(ids).as("every 201 names the same record").containsOnly(ids.get(0));
        staff.get().uri("/api/admin/piecework/work?makerId={maker}", maker).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1);
        assertThat(balance(maker)).isEqualTo(4 * 180);

        Map<String, Object> adjustment = Map.of("makerId", maker, "amount", 300, "reason", "fabric bought for the workshop");
        String adjustKey = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            staff.post().uri("/api/admin/piecework/adjustments").header("Idempotency-Key", adjustKey).bodyValue(adjustment)
                    .exchange().expectStatus().isCreated();
        }
        assertThat(balance(maker)).isEqualTo(4 * 180 + 300);
        staff.post().uri("/api/admin/piecework/adjustments").header("Idempotency-Key", adjustKey)
                .bodyValue(Map.of("makerId", maker, "amount", 900, "reason", "fabric bought for the workshop"))
                .exchange().expectStatus().isEqualTo(422);
        assertThat(balance(maker)).as("a key reused for another adjustment books nothing").isEqualTo(4 * 180 + 300);
    }

    @Test
    void payoutsNeverExceedTheBalanceEvenWhenTheyRace() {
        recordChecked(maker, today, 10, 0).expectStatus().isCreated();
        long owed = balance(maker);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();

        Flux.range(0, 8)
                .flatMap(i -> Mono.fromRunnable(() -> statuses.merge(staff.post().uri("/api/admin/piecework/payouts")
                                .bodyValue(Map.of("makerId", maker, "amount", 500, "method", "CASH")).exchange()
                                .returnResult(String.class).getStatus().value(), 1, Integer::sum))
                        .subscribeOn(Schedulers.boundedElastic()), 8)
                .blockLast();

        assertThat(statuses).isEqualTo(Map.of(201, (int) (owed / 500), 422, 8 - (int) (owed / 500)));
        assertThat(balance(maker)).isEqualTo(owed % 500).isNotNegative();
    }

    @Test
    void theLedgerRefusesChangesAndUnbalancedEntriesInPostgres() {
        recordChecked(maker, today, 2, 0).expectStatus().isCreated();
        assertThatThrownBy(() -> db.sql("UPDATE ledger_postings SET amount = amount + 1 WHERE maker_id = :m").bind("m", maker).update().block())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("DELETE FROM ledger_entries WHERE id IN (SELECT entry_id FROM ledger_postings WHERE maker_id = :m)")
                .bind("m", maker).update().block()).hasMessageContaining("append-only");
        UUID entry = UUID.randomUUID();
        assertThatThrownBy(() -> db.inTransaction(() -> db.sql("""
                        INSERT INTO ledger_entries (id, reason, source, day, idempotency_key, actor) VALUES (:id, 'ADJUSTMENT', 'test', now(), :id::text, 'test')""")
                .bind("id", entry).update()
                .then(db.sql("INSERT INTO ledger_postings (entry_id, account, amount) VALUES (:id, 'maker:' || :m, 100)")
                        .bind("id", entry).bind("m", maker.toString()).update())).block())
                .hasMessageContaining("does not balance");
        assertThat(balance(maker)).isEqualTo(2 * 180);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCorrectionReversesTheEntryAndBooksTheRightOneKeepingBoth() {
        UUID right = newMaker("正确的手作人");
        recordChecked(maker, today, 5, 0).expectStatus().isCreated();
        Map<String, Object> statement = staff.get().uri("/api/admin/piecework/makers/{id}/months/{month}", maker, thisMonth.toString())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String entry = (String) ((List<Map<String, Object>>) statement.get("lines")).get(0).get("entryId");

        staff.post().uri("/api/admin/piecework/entries/{id}/corrections", entry)
                .bodyValue(Map.of("reason", "booked to the wrong maker", "replacement", Map.of("makerId", right, "amount", 900)))
                .exchange().expectStatus().isCreated();
        staff.post().uri("/api/admin/piecework/entries/{id}/corrections", entry).bodyValue(Map.of("reason", "again"))
                .exchange().expectStatus().isEqualTo(422);

        assertThat(balance(maker)).isZero();
        assertThat(balance(right)).isEqualTo(900);
        staff.get().uri("/api/admin/piecework/makers/{id}/months/{month}", maker, thisMonth.toString()).exchange().expectBody()
                .jsonPath("$.lines.length()").isEqualTo(2)
                .jsonPath("$.lines[1].reason").isEqualTo("REVERSAL")
                .jsonPath("$.closingBalance.amount").isEqualTo(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPayoutBatchPaysWhatIsOwedAndExportsTheBankFile() {
        UUID second = newMaker("批量手作人");
        recordChecked(maker, today, 10, 0).expectStatus().isCreated();
        recordChecked(second, today, 1, 0).expectStatus().isCreated();

        Map<String, Object> batch = staff.post().uri("/api/admin/piecework/payout-batches")
                .bodyValue(Map.of("method", "BANK_TRANSFER", "makerIds", List.of(maker, second))).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(batch.get("total")).isEqualTo(Map.of("amount", 1980, "currency", "CNY"));
        String csv = staff.get().uri("/api/admin/piecework/payout-batches/{id}/payouts.csv", batch.get("id")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).startsWith("maker,account_name,amount_yuan,reference\n").contains("\"测试手作人\",18.00").contains("\"批量手作人\",1.80");
        assertThat(balance(maker)).isZero();
        assertThat(balance(second)).isZero();
    }

    @Test
    void aConsignmentSalePaysTheMakersShareOfTheNetPriceAndARefundTakesItBack() {
        Map<String, Object> scarf = CatalogFixtures.create(staff, CatalogFixtures.product("寄售围巾", "Consigned scarf", true));
        String consigned = (String) scarf.get("id");
        String variant = CatalogFixtures.firstVariantId(scarf);
        CatalogFixtures.receive(staff, variant, "ONLINE_STORE_ROOM", 5);
        staff.put().uri("/api/admin/piecework/consignments/{id}", consigned).bodyValue(Map.of("makerId", maker, "share", 0.6))
                .exchange().expectStatus().isNoContent();
        Shop shop = new Shop(client);

        Shop.Placed order = shop.paidOrder(consigned, variant, 2);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(balance(maker)).as("60% of 136.00 less 13% VAT (120.35)").isEqualTo(7221));

        String line = (String) Shop.lines(shop.order(order)).get(0).get("lineId");
        staff.post().uri("/api/admin/orders/{id}/refunds", order.orderId())
                .bodyValue(Map.of("lines", List.of(Map.of("lineId", line, "quantity", 1)), "restock", true, "reason", "returned"))
                .exchange().expectStatus().isCreated();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(balance(maker)).isEqualTo(7221 - 3611));
    }

    @Test
    void makersEmployedByTheHourAreToppedUpToTheMinimumWageOncePerMonth() {
        YearMonth month = YearMonth.from(today.minusMonths(1));
        recordChecked(maker, month.atDay(10), 10, 0).expectStatus().isCreated();
        staff.put().uri("/api/admin/piecework/makers/{id}/hours/{month}", maker, month.toString()).bodyValue(Map.of("minutes", 6000))
                .exchange().expectStatus().isNoContent();
        long earned = balance(maker);

        staff.post().uri("/api/admin/piecework/months/{month}/top-ups", month.toString()).exchange().expectStatus().isOk();
        staff.post().uri("/api/admin/piecework/months/{month}/top-ups", month.toString()).exchange().expectStatus().isOk();

        assertThat(balance(maker)).as("100 hours at ¥24.00").isEqualTo(240_000);
        staff.get().uri("/api/admin/piecework/makers/{id}/months/{month}", maker, month.toString()).exchange().expectBody()
                .jsonPath("$.lines[?(@.reason == 'TOP_UP')].amount.amount").isEqualTo(240_000 - (int) earned);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFinishedMonthsStatementIsASignedPdfWhoseQrCodeLeadsToItsCheck() throws Exception {
        YearMonth last = YearMonth.from(today.minusMonths(1));
        recordChecked(maker, last.atDay(12), 7, 0).expectStatus().isCreated();
        WebTestClient me = makerSession(maker);

        byte[] pdf = me.get().uri("/api/maker/months/{month}/statement.pdf", last.toString()).exchange().expectStatus().isOk()
                .expectHeader().contentType("application/pdf").expectBody(byte[].class).returnResult().getResponseBody();
        String url;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("收入明细").contains("测试手作人").contains("编织");
            url = org.socialworkshop.receipts.render.QrDecoding.find(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 300)).getText();
        }
        String code = url.substring(url.indexOf("/s/") + 3);
        Map<String, Object> check = client.get().uri("/api/statements/{code}", code).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((Map<String, Object>) check.get("verification")).containsEntry("status", "GENUINE");
        assertThat(((Map<String, Object>) check.get("statement")).get("earned")).isEqualTo(Map.of("amount", 7 * 150, "currency", "CNY"));

        me.get().uri("/api/maker/months/{month}/statement.pdf", thisMonth.toString()).exchange().expectStatus().isEqualTo(409);
        client.get().uri("/api/statements/{code}", code.substring(0, code.length() - 3) + "AAA").exchange().expectStatus().isNotFound();
        // One spelling per statement, and malformed codes are simply not found.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char lastChar = code.charAt(code.length() - 1);
        String spareBitsSet = code.substring(0, code.length() - 1) + alphabet.charAt(alphabet.indexOf(lastChar) ^ 1);
        for (String other : List.of(code.substring(0, 36).toUpperCase() + code.substring(36), spareBitsSet,
                "-".repeat(36) + code.substring(36), "0-0-0-0-" + "0".repeat(28) + code.substring(36))) {
            client.get().uri("/api/statements/{code}", other).exchange().expectStatus().isNotFound();
        }
        UUID id = UUID.fromString(code.substring(0, 36));
        db.inTransaction(() -> db.sql("SET LOCAL session_replication_role = replica").update()
                .then(db.sql("UPDATE issued_statements SET content = jsonb_set(content, '{earned,amount}', '99999') WHERE id = :id")
                        .bind("id", id).update())).block();
        client.get().uri("/api/statements/{code}", code).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.verification.status").isEqualTo("NOT_GENUINE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOverviewCountsWhoEarnedAndWhoEarnedSteadily() {
        Map<String, Object> before = overview(thisMonth);
        UUID small = newMaker("少量手作人");
        UUID large = newMaker("大量手作人");
        recordChecked(maker, today, 4, 0).expectStatus().isCreated();
        recordChecked(small, today, 1, 0).expectStatus().isCreated();
        recordChecked(large, today, 300, 0).expectStatus().isCreated();

        Map<String, Object> after = overview(thisMonth);
        assertThat((int) after.get("makersWhoEarned") - (int) before.get("makersWhoEarned")).as("three more makers earned").isEqualTo(3);
        assertThat(amount(after.get("totalEarned")) - amount(before.get("totalEarned"))).isEqualTo((4 + 1 + 300) * 180);
        List<Map<String, Object>> bandsBefore = (List<Map<String, Object>>) before.get("distribution");
        List<Map<String, Object>> bandsAfter = (List<Map<String, Object>>) after.get("distribution");
        assertThat(bandsAfter).hasSize(6);
        assertThat((int) bandsAfter.get(0).get("makers") - (int) bandsBefore.get(0).get("makers")).as("¥7.20 and ¥1.80: under ¥500").isEqualTo(2);
        assertThat((int) bandsAfter.get(1).get("makers") - (int) bandsBefore.get(1).get("makers")).as("¥540: ¥500 to ¥1,000").isEqualTo(1);
        staff.post().uri("/api/admin/piecework/operations/{id}/rates", operation)
                .bodyValue(Map.of("rate", 120, "validFrom", today.minusDays(120).toString())).exchange().expectStatus().isCreated();
        UUID steady = newMaker("稳定手作人");
        for (int back = 0; back < 3; back++) {
            recordChecked(steady, YearMonth.from(today).minusMonths(back).atDay(1), 1, 0).expectStatus().isCreated();
        }
        staff.get().uri("/api/admin/piecework/overview?month={month}", thisMonth.toString()).exchange().expectBody()
                .jsonPath("$.stable[?(@.makerId == '" + steady + "')]").exists()
                .jsonPath("$.stable[?(@.makerId == '" + maker + "')]").doesNotExist();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> overview(YearMonth month) {
        return staff.get().uri("/api/admin/piecework/overview?month={month}", month.toString()).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static long amount(Object money) {
        return ((Number) ((Map<String, Object>) money).get("amount")).longValue();
    }
}
