package org.socialworkshop.corporate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.corporate.CorporateFixtures.Registered;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialworkshop.corporate.CorporateFixtures.code;
import static org.socialworkshop.corporate.CorporateFixtures.registerWithBuyer;

/**
 * Issue 13, step 3: a buyer asks for a quote; a coordinator prices it (tiers, a customisation, a line of their own,
 * delivery) and sends it; the buyer asks for changes, a second version answers, and the buyer accepts it with a
 * purchase-order number, which places one order of the corporate channel with the quote's goods and charges. Earlier
 * versions, expired ones, and quotes of another company cannot be accepted; lines outside the terms are refused.
 */
@WorkshopTest
class QuotesTest {

    private static final String PROBLEMS = "https://social-workshop.org/problems/";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    WebTestClient client;

    @Autowired
    Database db;

    WebTestClient coordinator;
    String variant;
    String customisation;
    Registered company;
    WebTestClient buyer;

    @BeforeEach
    void aGiftBoxAndACompanyWithABuyer() {
        coordinator = CatalogFixtures.coordinator(client);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = CatalogFixtures.product("春节礼盒 " + tag, "New year box " + tag, false);
        body.put("channels", List.of("CORPORATE"));
        Map<String, Object> created = CatalogFixtures.create(coordinator, body);
        variant = CatalogFixtures.firstVariantId(created);
        coordinator.put().uri("/api/admin/corporate/products/{id}/terms", created.get("id"))
                .bodyValue(Map.of("minQuantity", 20, "multipleOf", 10, "leadDays", 21, "variants", List.of(Map.of("variantId", variant,
                        "tiers", List.of(Map.of("fromQuantity", 50, "unitPrice", cny(6200)), Map.of("fromQuantity", 200, "unitPrice", cny(5600)))))))
                .exchange().expectStatus().isOk();
        customisation = "CARD_" + tag.toUpperCase().replaceAll("[^A-Z0-9]", "X");
        coordinator.put().uri("/api/admin/corporate/customisations/{code}", customisation)
                .bodyValue(Map.of("nameZh", "企业标志卡", "nameEn", "Logo card", "unitPrice", cny(300), "setupPrice", cny(20000),
                        "active", true, "position", 1)).exchange().expectStatus().isOk();
        company = registerWithBuyer(coordinator, "年礼公司 " + tag, code("91510104MA65000"));
        buyer = SignIn.as(client, company.email(), "long enough passphrase");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aQuoteIsPricedChangedAcceptedWithAPurchaseOrderAndBecomesOneOrder() {
        Map<String, Object> asked = buyer.post().uri("/api/corporate/quotes").bodyValue(request(200, TODAY.plusDays(30), company.locationId()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) asked.get("id");
        assertThat((String) asked.get("number")).matches("Q-" + TODAY.getYear() + "-\\d{5}");
        assertThat(asked).containsEntry("status", "REQUESTED").containsEntry("locationId", company.locationId());
        assertThat(coordinator.get().uri("/api/admin/corporate/quotes?status=REQUESTED").exchange().expectBodyList(Map.class).returnResult()
                .getResponseBody()).anySatisfy(quote -> assertThat(quote).containsEntry("id", id));
        accept(id, 1, "PO-1").expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "quote-not-sent");

        // Version 1: the tier's ¥56, the logo card (¥3 a box and ¥200 to set up), a design fee, ¥50 delivery.
        Map<String, Object> first = send(id, 5000, List.of(Map.of("nameZh", "礼盒设计", "nameEn", "Box design", "quantity", 1,
                "unitPrice", cny(30000)))).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> v1 = ((List<Map<String, Object>>) first.get("versions")).get(0);
        long v1Total = 5600L * 200 + 300 * 200 + 20000 + 30000 + 5000;
        assertThat(first).containsEntry("status", "SENT");
        assertThat(v1).containsEntry("version", 1).containsEntry("total", cny(v1Total)).containsEntry("meetsWantedDate", true)
                .containsEntry("earliestDelivery", TODAY.plusDays(21).toString());

        // The version as a PDF for the company's purchasing; not another company's, not a version never sent.
        byte[] pdf = buyer.get().uri("/api/corporate/quotes/{id}/versions/1/pdf", id).exchange().expectStatus().isOk()
                .expectHeader().contentType("application/pdf").expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(pdfText(pdf)).contains("报价单", "Quotation", (String) asked.get("number"), company.creditCode(), "¥12350.00",
                "批量价 200 件起", "企业标志卡", "礼盒设计", "¥50.00");
        buyer.get().uri("/api/corporate/quotes/{id}/versions/2/pdf", id).exchange().expectStatus().isNotFound();
        SignIn.as(client, registerWithBuyer(coordinator, "看不见的公司", code("91510104MA65002")).email(), "long enough passphrase").get()
                .uri("/api/corporate/quotes/{id}/versions/1/pdf", id).exchange().expectStatus().isNotFound();
        coordinator.get().uri("/api/admin/corporate/quotes/{id}/versions/1/pdf", id).exchange().expectStatus().isOk();

        // The buyer asks for changes; version 2 leaves out the delivery charge.
        buyer.post().uri("/api/corporate/quotes/{id}/changes", id).bodyValue(Map.of("changes", "请免运费")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CHANGES_REQUESTED").jsonPath("$.changesAsked").isEqualTo("请免运费");
        accept(id, 1, "PO-1").expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "quote-not-sent");
        send(id, 0, List.of(Map.of("nameZh", "礼盒设计", "nameEn", "Box design", "quantity", 1, "unitPrice", cny(30000))))
                .expectStatus().isOk().expectBody().jsonPath("$.versions.length()").isEqualTo(2);
        accept(id, 1, "PO-1").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "quote-version-superseded").jsonPath("$.currentVersion").isEqualTo(2);

        Map<String, Object> accepted = accept(id, 2, "PO-2026-118").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((String) accepted.get("orderNumber")).startsWith("WS-" + TODAY.getYear() + "-");
        assertThat(accept(id, 2, "PO-2026-118").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody())
                .as("accepted again: the same order").isEqualTo(accepted);
        accept(id, 2, "PO-other").expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "quote-closed");
        send(id, 0, List.of()).expectStatus().isEqualTo(409);

        String orderId = (String) accepted.get("orderId");
        assertThat(one("SELECT channel || ' ' || status || ' ' || total_minor AS v FROM orders WHERE id = CAST(:id AS uuid)", orderId))
                .isEqualTo("CORPORATE PENDING_PAYMENT " + (v1Total - 5000));
        assertThat(one("""
                SELECT string_agg(kind || ' ' || quantity || '×' || unit_price_minor, ', ' ORDER BY position) AS v
                FROM order_lines WHERE order_id = CAST(:id AS uuid)""", orderId))
                .isEqualTo("ITEM 200×5600, CHARGE 200×300, CHARGE 1×20000, CHARGE 1×30000");
        buyer.get().uri("/api/corporate/quotes/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ACCEPTED").jsonPath("$.poNumber").isEqualTo("PO-2026-118").jsonPath("$.orderId").isEqualTo(orderId);
        assertThat(buyer.get().uri("/api/corporate/quotes").exchange().expectBodyList(Map.class).returnResult().getResponseBody())
                .singleElement().satisfies(quote -> assertThat(quote).containsEntry("status", "ACCEPTED").containsEntry("version", 2));
    }

    @Test
    @SuppressWarnings("unchecked")
    void quotesOfAnotherCompanyExpiredVersionsAndLinesOutsideTheTermsAreRefused() {
        buyer.post().uri("/api/corporate/quotes").bodyValue(request(15, TODAY.plusDays(30), null)).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "lines-break-terms")
                .jsonPath("$.lines[0].issues[0]").isEqualTo("BELOW_MINIMUM");
        buyer.post().uri("/api/corporate/quotes").bodyValue(request(200, TODAY.minusDays(1), null)).exchange().expectStatus().isBadRequest();
        Registered other = registerWithBuyer(coordinator, "别家", code("91510104MA65001"));
        buyer.post().uri("/api/corporate/quotes").bodyValue(request(200, TODAY.plusDays(30), other.locationId())).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("locationId");

        // Wanted sooner than the lead time allows: sent all the same, and said so.
        String id = (String) buyer.post().uri("/api/corporate/quotes").bodyValue(request(50, TODAY.plusDays(7), null)).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        send(id, 0, List.of()).expectStatus().isOk().expectBody().jsonPath("$.versions[0].meetsWantedDate").isEqualTo(false)
                .jsonPath("$.versions[0].total.amount").isEqualTo(6200 * 50);

        WebTestClient otherBuyer = SignIn.as(client, other.email(), "long enough passphrase");
        otherBuyer.get().uri("/api/corporate/quotes/{id}", id).exchange().expectStatus().isNotFound();
        accept(otherBuyer, id, 1, "PO-X").expectStatus().isNotFound();
        otherBuyer.post().uri("/api/corporate/quotes/{id}/changes", id).bodyValue(Map.of("changes", "便宜点")).exchange().expectStatus().isNotFound();
        assertThat(otherBuyer.get().uri("/api/corporate/quotes").exchange().expectBodyList(Map.class).returnResult().getResponseBody())
                .noneSatisfy(quote -> assertThat(quote).containsEntry("id", id));
        for (Object[] endpoint : List.<Object[]>of(new Object[] {HttpMethod.GET, "/api/admin/corporate/quotes", null},
                new Object[] {HttpMethod.GET, "/api/admin/corporate/quotes/" + id, null},
                new Object[] {HttpMethod.POST, "/api/admin/corporate/quotes/" + id + "/versions", version(0, List.of())},
                new Object[] {HttpMethod.POST, "/api/admin/corporate/quotes/" + id + "/decline", Map.of("reason", "no")})) {
            WebTestClient.RequestBodySpec call = buyer.method((HttpMethod) endpoint[0]).uri((String) endpoint[1]);
            (endpoint[2] == null ? call.exchange() : call.bodyValue(endpoint[2]).exchange()).expectStatus().isForbidden();
        }

        // A version past its date is not accepted.
        db.sql("UPDATE quote_versions SET valid_until = CAST(:day AS date) WHERE quote_id = CAST(:id AS uuid)")
                .bind("day", TODAY.minusDays(1).toString()).bind("id", id).update().block();
        accept(id, 1, "PO-late").expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "quote-expired");
        // Declined, it is closed.
        coordinator.post().uri("/api/admin/corporate/quotes/{id}/decline", id).bodyValue(Map.of("reason", "做不了这么快")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DECLINED");
        accept(id, 1, "PO-late").expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "quote-closed");
        coordinator.post().uri("/api/admin/corporate/quotes/{id}/versions", id).bodyValue(version(0, List.of())).exchange()
                .expectStatus().isEqualTo(409);
        coordinator.post().uri("/api/admin/corporate/quotes/{id}/versions", UUID.randomUUID()).bodyValue(version(0, List.of())).exchange()
                .expectStatus().isNotFound();
        assertThat(one("SELECT count(*)::text AS v FROM quotes WHERE id = CAST(:id AS uuid) AND order_id IS NOT NULL", id)).isEqualTo("0");
    }

    private Map<String, Object> request(int quantity, LocalDate wanted, String locationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("lines", List.of(Map.of("variantId", variant, "quantity", quantity, "customisations", quantity >= 200 ? List.of(customisation) : List.of())));
        body.put("wantedBy", wanted.toString());
        body.put("locationId", locationId);
        body.put("note", "春节前送到");
        return body;
    }

    private WebTestClient.ResponseSpec send(String id, int delivery, List<Map<String, Object>> manual) {
        return coordinator.post().uri("/api/admin/corporate/quotes/{id}/versions", id).bodyValue(version(delivery, manual)).exchange();
    }

    private static Map<String, Object> version(int delivery, List<Map<String, Object>> manual) {
        return Map.of("validUntil", TODAY.plusDays(14).toString(), "delivery", cny(delivery), "manual", manual, "note", "含设计");
    }

    private WebTestClient.ResponseSpec accept(String id, int version, String po) {
        return accept(buyer, id, version, po);
    }

    private static WebTestClient.ResponseSpec accept(WebTestClient who, String id, int version, String po) {
        return who.post().uri("/api/corporate/quotes/{id}/accept", id).bodyValue(Map.of("version", version, "poNumber", po)).exchange();
    }

    /** Money as JSON reads it back (an int where it fits). */
    private static Map<String, Object> cny(long fen) {
        return Map.of("amount", fen <= Integer.MAX_VALUE ? (Object) (int) fen : fen, "currency", "CNY");
    }

    private static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (java.io.IOException unreadable) {
            throw new AssertionError("Not a PDF", unreadable);
        }
    }

    private String one(String sql, String id) {
        return db.sql(sql).bind("id", id).map(row -> row.get("v", String.class)).one().block();
    }
}
