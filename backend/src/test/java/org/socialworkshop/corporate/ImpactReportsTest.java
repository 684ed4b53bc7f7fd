package org.socialworkshop.corporate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.corporate.CorporateFixtures.Registered;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.receipts.render.QrDecoding;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialworkshop.corporate.CorporateFixtures.code;
import static org.socialworkshop.corporate.CorporateFixtures.registerWithBuyer;

/**
 * Issue 13, step 7: an order's impact report sums its checked work and what the ledger paid the makers for it
 * (a correction counted), names only the makers who consent, and is signed: its PDF's QR code leads to a check that
 * verifies, keeps its figures after more work, and fails when tampered with. A company's year sums its orders. Another
 * company's buyer reaches none of it.
 */
@WorkshopTest
class ImpactReportsTest {

    private static final String PROBLEMS = "https://social-workshop.org/problems/";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final int RATE = 150;

    @Autowired
    WebTestClient client;

    @Autowired
    Database db;

    WebTestClient coordinator;
    String variant;
    String operation;
    Registered company;
    WebTestClient buyer;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void aCompanyWithACorporateProductAndItsOperation() {
        coordinator = CatalogFixtures.coordinator(client);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = CatalogFixtures.product("中秋礼盒 " + tag, "Mid-autumn box " + tag, false);
        body.put("channels", List.of("CORPORATE"));
        Map<String, Object> product = CatalogFixtures.create(coordinator, body);
        variant = CatalogFixtures.firstVariantId(product);
        operation = (String) coordinator.post().uri("/api/admin/piecework/operations").bodyValue(Map.of("productId", product.get("id"),
                        "nameZh", "缝制", "nameEn", "Sewing", "rate", RATE, "validFrom", TODAY.minusYears(1).withDayOfYear(1).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        company = registerWithBuyer(coordinator, "影响力公司 " + tag, code("91510104MA67000"));
        buyer = SignIn.as(client, company.email(), "long enough passphrase");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOrdersReportSumsItsWorkAndTheLedgerNamesOnlyConsentingMakersAndIsSignedOnce() throws Exception {
        String orderId = acceptedQuote(buyer, 30);
        String consenting = maker("王芳 " + UUID.randomUUID().toString().substring(0, 4), true);
        String silent = maker("不具名", null);
        String withdrawn = maker("撤回", true);
        consent(withdrawn, false);

        work(consenting, 10, 1, orderId, 120);
        String silentWork = work(silent, 5, 0, orderId, null);
        work(withdrawn, 4, 0, orderId, 60);
        work(consenting, 7, 0, null, 30); // not for the order: not counted
        // The silent maker's entry was wrong: reversed, and 400 fen booked in its place.
        UUID entry = db.sql("SELECT id FROM ledger_entries WHERE source = :source").bind("source", "work-record:" + silentWork)
                .map(row -> row.get("id", UUID.class)).one().block();
        coordinator.post().uri("/api/admin/piecework/entries/{id}/corrections", entry).bodyValue(Map.of("reason", "件数记错",
                "replacement", Map.of("makerId", silent, "amount", 400))).exchange().expectStatus().isCreated();
        long earnings = (10 + 4) * RATE + 400L;

        Map<String, Object> report = buyer.get().uri("/api/corporate/orders/{id}/impact", orderId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(report).containsEntry("kind", "ORDER").containsEntry("makers", 3).containsEntry("otherMakers", 2)
                .containsEntry("accepted", 19).containsEntry("checked", 20).containsEntry("minutes", 180).containsEntry("records", 3)
                .containsEntry("timedRecords", 2).containsEntry("earnings", Map.of("amount", (int) earnings, "currency", "CNY"));
        assertThat((List<String>) report.get("namedMakers")).singleElement().asString().startsWith("王芳");
        assertThat((List<Map<String, Object>>) report.get("operations")).singleElement()
                .satisfies(line -> assertThat(line).containsEntry("operationZh", "缝制").containsEntry("makers", 3).containsEntry("accepted", 19));
        assertThat((Map<String, Object>) report.get("order")).containsEntry("id", orderId).containsEntry("poNumber", "PO-88");
        // The figures are the ledger's: every posting to a maker of the order's work, its reversal and its correction.
        long ledger = db.sql("""
                        SELECT coalesce(sum(p.amount), 0) AS v FROM ledger_postings p JOIN ledger_entries e ON e.id = p.entry_id
                        WHERE p.maker_id IS NOT NULL AND (e.source IN (SELECT 'work-record:' || id FROM work_records WHERE order_id = CAST(:o AS uuid))
                           OR e.reverses IN (SELECT id FROM ledger_entries WHERE source IN (SELECT 'work-record:' || id FROM work_records WHERE order_id = CAST(:o AS uuid)))
                           OR e.source = :correction)""")
                .bind("o", orderId).bind("correction", "correction:" + entry).map(row -> row.get("v", Number.class).longValue()).one().block();
        assertThat(ledger).isEqualTo(earnings);
        coordinator.get().uri("/api/admin/corporate/orders/{id}/impact", orderId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.earnings.amount").isEqualTo((int) earnings).jsonPath("$.makers").isEqualTo(3);

        // Signed: the PDF's QR code leads to a check that verifies and shows what was signed.
        String code = codeOf(buyer.get().uri("/api/corporate/orders/{id}/impact.pdf", orderId), "王芳");
        assertThat(codeOf(buyer.get().uri("/api/corporate/orders/{id}/impact.pdf", orderId), "缝制")).as("the same figures, signed once").isEqualTo(code);
        assertThat(codeOf(coordinator.get().uri("/api/admin/corporate/orders/{id}/impact.pdf", orderId), "缝制")).isEqualTo(code);
        Map<String, Object> check = client.get().uri("/api/impact-reports/{code}", code).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((Map<String, Object>) check.get("verification")).containsEntry("signatureValid", true).containsEntry("status", "GENUINE");
        assertThat((Map<String, Object>) check.get("report")).containsEntry("accepted", 19).containsEntry("id", code.substring(0, 36))
                .containsEntry("earnings", Map.of("amount", (int) earnings, "currency", "CNY"));
        assertThat((String) check.get("url")).endsWith("/i/" + code);

        // More work later: a new report is issued; the first one still says what it said.
        work(silent, 2, 0, orderId, null);
        String second = codeOf(buyer.get().uri("/api/corporate/orders/{id}/impact.pdf", orderId), "缝制");
        assertThat(second).isNotEqualTo(code);
        client.get().uri("/api/impact-reports/{code}", code).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.report.accepted").isEqualTo(19).jsonPath("$.verification.status").isEqualTo("GENUINE");
        client.get().uri("/api/impact-reports/{code}", second).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.report.accepted").isEqualTo(21);

        // Unknown and changed reports do not verify.
        client.get().uri("/api/impact-reports/{code}", code.substring(0, code.length() - 3) + "AAA").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.verification.status").isEqualTo("NOT_GENUINE");
        client.get().uri("/api/impact-reports/{code}", "nonsense").exchange().expectStatus().isNotFound();
        db.inTransaction(() -> db.sql("SET LOCAL session_replication_role = replica").update()
                .then(db.sql("UPDATE impact_reports SET content = jsonb_set(content, '{accepted}', '1800') WHERE id = :id")
                        .bind("id", UUID.fromString(code.substring(0, 36))).update())).block();
        client.get().uri("/api/impact-reports/{code}", code).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.verification.status").isEqualTo("NOT_GENUINE").jsonPath("$.verification.signatureValid").isEqualTo(false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aYearsSummarySumsTheCompanysOrdersWorkDoneThatYear() throws Exception {
        String first = acceptedQuote(buyer, 20);
        String second = acceptedQuote(buyer, 10);
        String a = maker("年度甲", "Nian Dujia", true);
        String b = maker("年度乙", false);
        work(a, 6, 0, first, 90);
        work(b, 3, 1, second, null);
        work(a, 2, 0, second, 30);
        LocalDate lastYear = TODAY.withDayOfYear(1).minusDays(1);
        work(b, 5, 0, second, null, lastYear);

        Map<String, Object> year = buyer.get().uri("/api/corporate/impact?year={y}", TODAY.getYear()).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(year).containsEntry("kind", "YEAR").containsEntry("year", TODAY.getYear()).containsEntry("orders", 2)
                .containsEntry("makers", 2).containsEntry("namedMakers", List.of("年度甲"))
                .containsEntry("namedMakersEn", List.of("Nian Dujia")).containsEntry("otherMakers", 1)
                .containsEntry("accepted", 11).containsEntry("checked", 12).containsEntry("minutes", 120)
                .containsEntry("earnings", Map.of("amount", 11 * RATE, "currency", "CNY"));
        assertThat((List<Map<String, Object>>) year.get("orderLines")).hasSize(2)
                .anySatisfy(line -> assertThat(line).containsEntry("orderId", first).containsEntry("accepted", 6))
                .anySatisfy(line -> assertThat(line).containsEntry("orderId", second).containsEntry("accepted", 5));
        // The orders' own reports add up to more than the year's: they include last year's work.
        buyer.get().uri("/api/corporate/orders/{id}/impact", second).exchange().expectBody().jsonPath("$.accepted").isEqualTo(10);
        buyer.get().uri("/api/corporate/impact?year={y}", lastYear.getYear()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.accepted").isEqualTo(5).jsonPath("$.orders").isEqualTo(1);
        coordinator.get().uri("/api/admin/corporate/companies/{id}/impact?year={y}", company.companyId(), TODAY.getYear()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.accepted").isEqualTo(11).jsonPath("$.company.creditCode").isEqualTo(company.creditCode());

        String code = codeOf(buyer.get().uri("/api/corporate/impact.pdf?year={y}", TODAY.getYear()), "Nian Dujia");
        assertThat(codeOf(coordinator.get().uri("/api/admin/corporate/companies/{id}/impact.pdf?year={y}", company.companyId(), TODAY.getYear()),
                "年度")).isEqualTo(code);
        client.get().uri("/api/impact-reports/{code}", code).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.verification.status").isEqualTo("GENUINE").jsonPath("$.report.orders").isEqualTo(2);
    }

    @Test
    void anotherCompanysBuyerReachesNothingAndBadInputIsAProblem() {
        String orderId = acceptedQuote(buyer, 10);
        work(maker("保密", true), 3, 0, orderId, 30);
        WebTestClient other = SignIn.as(client, registerWithBuyer(coordinator, "别家公司", code("91510104MA67001")).email(), "long enough passphrase");

        for (String path : List.of("/api/corporate/orders/{id}/impact", "/api/corporate/orders/{id}/impact.pdf")) {
            other.get().uri(path, orderId).exchange().expectStatus().isNotFound().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
            buyer.get().uri(path, UUID.randomUUID()).exchange().expectStatus().isNotFound();
            client.get().uri(path, orderId).exchange().expectStatus().isUnauthorized();
            buyer.get().uri(path, "not-an-id").exchange().expectStatus().isBadRequest();
        }
        for (String path : List.of("/api/admin/corporate/orders/{id}/impact", "/api/admin/corporate/orders/{id}/impact.pdf")) {
            other.get().uri(path, orderId).exchange().expectStatus().isForbidden();
            buyer.get().uri(path, orderId).exchange().expectStatus().isForbidden();
            coordinator.get().uri(path, UUID.randomUUID()).exchange().expectStatus().isNotFound();
        }
        for (String path : List.of("/api/admin/corporate/companies/{id}/impact?year=" + TODAY.getYear(),
                "/api/admin/corporate/companies/{id}/impact.pdf?year=" + TODAY.getYear())) {
            other.get().uri(path, company.companyId()).exchange().expectStatus().isForbidden();
            coordinator.get().uri(path, UUID.randomUUID()).exchange().expectStatus().isNotFound();
        }
        // A buyer's year is their own company's: the other company's summary has none of this order's work.
        other.get().uri("/api/corporate/impact?year={y}", TODAY.getYear()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.orders").isEqualTo(0).jsonPath("$.accepted").isEqualTo(0).jsonPath("$.makers").isEqualTo(0);
        for (String year : List.of("abc", "1999", String.valueOf(TODAY.getYear() + 1), "")) {
            buyer.get().uri("/api/corporate/impact?year=" + year).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith("application/problem+json");
            buyer.get().uri("/api/corporate/impact.pdf?year=" + year).exchange().expectStatus().isBadRequest();
            coordinator.get().uri("/api/admin/corporate/companies/{id}/impact?year=" + year, company.companyId()).exchange().expectStatus().isBadRequest();
        }
        buyer.get().uri("/api/corporate/impact").exchange().expectStatus().isBadRequest();
        buyer.get().uri("/api/corporate/impact?year=" + (TODAY.getYear() + 1)).exchange().expectBody().jsonPath("$.errors[0].field").isEqualTo("year");
        coordinator.get().uri("/api/admin/corporate/companies/{id}/impact?year=2026", "not-an-id").exchange().expectStatus().isBadRequest();
        client.get().uri("/api/corporate/impact?year={y}", TODAY.getYear()).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void workForAnOrderRefusesImplausibleMinutes() {
        String orderId = acceptedQuote(buyer, 10);
        String someone = maker("工时", true);
        for (int minutes : new int[] {0, 1441, -5}) {
            coordinator.post().uri("/api/admin/piecework/work").bodyValue(Map.of("makerId", someone, "operationId", operation,
                            "workDate", TODAY.toString(), "pieces", 2, "orderId", orderId, "minutes", minutes)).exchange()
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("minutes");
        }
        buyer.get().uri("/api/corporate/orders/{id}/impact", orderId).exchange().expectBody().jsonPath("$.records").isEqualTo(0);
    }

    /** The signed PDF at {@code uri}, which must mention {@code text}; the code its QR code leads to. */
    private String codeOf(WebTestClient.RequestHeadersSpec<?> uri, String text) throws Exception {
        byte[] pdf = uri.exchange().expectStatus().isOk().expectHeader().contentType("application/pdf").expectBody(byte[].class)
                .returnResult().getResponseBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("影响报告").contains(text);
            int last = document.getNumberOfPages() - 1;
            String url = QrDecoding.find(new PDFRenderer(document).renderImageWithDPI(last, 300)).getText();
            return url.substring(url.indexOf("/i/") + 3);
        }
    }

    private String maker(String name, Boolean consent) {
        return maker(name, null, consent);
    }

    /** A maker named {@code name}, in Latin script {@code latin} (pinyin when null). */
    @SuppressWarnings("unchecked")
    private String maker(String name, String latin, Boolean consent) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "displayName", name));
        if (latin != null) {
            body.put("displayNameLatin", latin);
        }
        String id = (String) coordinator.post().uri("/api/admin/makers").bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        if (consent != null) {
            consent(id, consent);
        }
        return id;
    }

    private void consent(String maker, boolean granted) {
        coordinator.post().uri("/api/admin/makers/{id}/consent", maker).bodyValue(Map.of("granted", granted)).exchange().expectStatus().isOk();
    }

    private String work(String maker, int accepted, int rejected, String orderId, Integer minutes) {
        return work(maker, accepted, rejected, orderId, minutes, TODAY);
    }

    /** Checked work recorded by the coordinator, for the order when given, with its minutes when given; its id. */
    @SuppressWarnings("unchecked")
    private String work(String maker, int accepted, int rejected, String orderId, Integer minutes, LocalDate day) {
        Map<String, Object> body = new HashMap<>(Map.of("makerId", maker, "operationId", operation, "workDate", day.toString(),
                "pieces", accepted + rejected, "check", rejected > 0 ? Map.of("accepted", accepted, "rejected", rejected, "reason", "线头")
                        : Map.of("accepted", accepted, "rejected", 0)));
        if (orderId != null) {
            body.put("orderId", orderId);
        }
        if (minutes != null) {
            body.put("minutes", minutes);
        }
        return (String) coordinator.post().uri("/api/admin/piecework/work").bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    /** A quote for {@code quantity} boxes, sent by the coordinator and accepted by {@code who} with PO-88; its order's id. */
    @SuppressWarnings("unchecked")
    private String acceptedQuote(WebTestClient who, int quantity) {
        String id = (String) who.post().uri("/api/corporate/quotes").bodyValue(Map.of("lines", List.of(Map.of("variantId", variant,
                        "quantity", quantity, "customisations", List.of())), "wantedBy", TODAY.plusDays(30).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        coordinator.post().uri("/api/admin/corporate/quotes/{id}/versions", id).bodyValue(Map.of("validUntil", TODAY.plusDays(7).toString(),
                "delivery", Map.of("amount", 0, "currency", "CNY"), "manual", List.of())).exchange().expectStatus().isOk();
        return (String) who.post().uri("/api/corporate/quotes/{id}/accept", id).bodyValue(Map.of("version", 1, "poNumber", "PO-88")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("orderId");
    }
}
