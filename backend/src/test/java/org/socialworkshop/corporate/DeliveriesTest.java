package org.socialworkshop.corporate;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.corporate.CorporateFixtures.Registered;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.Race;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialworkshop.corporate.CorporateFixtures.code;
import static org.socialworkshop.corporate.CorporateFixtures.registerWithBuyer;

/**
 * Issue 13, step 6: a company's order goes out in parts. Each delivery takes some pieces of each line, never beyond
 * what is left; it goes to one of the company's own locations; its note is numbered DN-2026-0001 without gaps and
 * printed as a PDF for the coordinator and the company's buyers; a retried request records one delivery; the order is
 * handed over (FULFILLED) when it is delivered in full and paid, whichever comes last. Other companies reach nothing.
 */
@WorkshopTest
class DeliveriesTest {

    private static final String PROBLEMS = "https://social-workshop.org/problems/";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String PASSWORD = "long enough passphrase";

    @Autowired
    WebTestClient client;

    @Autowired
    Database db;

    WebTestClient coordinator;
    String boxes;
    String cards;

    @BeforeEach
    void twoCorporateProducts() {
        coordinator = CatalogFixtures.coordinator(client);
        boxes = product("中秋礼盒", "Mid-autumn box");
        cards = product("手绘贺卡", "Painted card");
    }

    @Test
    @SuppressWarnings("unchecked")
    void partialDeliveriesUpToWhatWasOrderedNumberedWithoutGapsThenPaymentHandsTheOrderOver() {
        Registered company = registerWithBuyer(coordinator, "分批送货公司", code("91510104MA67000"));
        Registered other = registerWithBuyer(coordinator, "隔壁公司", code("91510104MA67001"));
        WebTestClient buyer = SignIn.as(client, company.email(), PASSWORD);
        String orderId = acceptedQuote(buyer, 30, 20);

        Map<String, Object> before = deliveries(coordinator, orderId);
        assertThat(before).containsEntry("delivered", false).containsEntry("poNumber", "PO-88").containsEntry("companyId", company.companyId());
        List<Map<String, Object>> lines = (List<Map<String, Object>>) before.get("lines");
        assertThat(lines).extracting(line -> line.get("ordered")).containsExactly(30, 20);
        String boxLine = (String) lines.get(0).get("lineId");
        String cardLine = (String) lines.get(1).get("lineId");

        // Refused, and nothing recorded: more than ordered, a location of another company, a line not of this order, no pieces.
        deliver(orderId, company.locationId(), Map.of(boxLine, 31), null).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "over-delivery").jsonPath("$.lines[0].outstanding").isEqualTo(30);
        deliver(orderId, other.locationId(), Map.of(boxLine, 5), null).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("locationId");
        deliver(orderId, company.locationId(), Map.of(UUID.randomUUID().toString(), 5), null).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("lines[0].lineId");
        deliver(orderId, company.locationId(), Map.of(boxLine, 0), null).expectStatus().isBadRequest();
        deliver(UUID.randomUUID().toString(), company.locationId(), Map.of(boxLine, 1), null).expectStatus().isNotFound();
        assertThat(count(orderId)).isZero();

        // A first delivery, sent twice with one key: one delivery, the same answer.
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = created(deliver(orderId, company.locationId(), Map.of(boxLine, 10, cardLine, 0), key));
        Map<String, Object> again = created(deliver(orderId, company.locationId(), Map.of(boxLine, 10, cardLine, 0), key));
        assertThat(again).containsEntry("id", first.get("id")).containsEntry("number", first.get("number"));
        assertThat(count(orderId)).isEqualTo(1);
        assertThat((String) first.get("number")).matches("DN-" + TODAY.getYear() + "-\\d{4,}");
        assertThat(first).containsEntry("sequence", 1);
        assertThat((List<Map<String, Object>>) first.get("lines")).singleElement()
                .satisfies(line -> assertThat(line).containsEntry("pieces", 10).containsEntry("deliveredSoFar", 10).containsEntry("ordered", 30));

        Map<String, Object> second = created(deliver(orderId, company.locationId(), Map.of(boxLine, 20, cardLine, 5), null));
        assertThat(numberOf(second)).isEqualTo(numberOf(first) + 1);
        deliver(orderId, company.locationId(), Map.of(cardLine, 16), null).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.lines[0].lineId").isEqualTo(cardLine).jsonPath("$.lines[0].outstanding").isEqualTo(15);
        Map<String, Object> midway = deliveries(buyer, orderId);
        assertThat((List<Map<String, Object>>) midway.get("lines")).extracting(line -> line.get("outstanding")).containsExactly(0, 15);
        assertThat(midway).containsEntry("delivered", false);

        // The note: the buyer's and the coordinator's, with the number, the order, the PO, this delivery's pieces and the running totals.
        coordinator.put().uri("/api/admin/corporate/orders/{o}/deliveries/{d}/received", orderId, second.get("id"))
                .bodyValue(Map.of("receivedBy", "王前台")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.receivedBy").isEqualTo("王前台");
        String text = pdfText(buyer.get().uri("/api/corporate/orders/{o}/deliveries/{d}/note.pdf", orderId, second.get("id")).exchange()
                .expectStatus().isOk().expectHeader().contentType("application/pdf").expectBody(byte[].class).returnResult().getResponseBody());
        assertThat(text).contains("送货单", "Delivery note", (String) second.get("number"), (String) midway.get("orderNumber"), "PO-88",
                "分批送货公司", "成都市锦江区某路 1 号", "30 / 30", "5 / 20", "王前台", "Received by");
        coordinator.get().uri("/api/admin/corporate/orders/{o}/deliveries/{d}/note.pdf", orderId, first.get("id")).exchange()
                .expectStatus().isOk().expectHeader().contentType("application/pdf");
        buyer.get().uri("/api/corporate/orders/{o}/deliveries/{d}/note.pdf", orderId, UUID.randomUUID()).exchange().expectStatus().isNotFound();

        // The last pieces: delivered in full, still waiting for payment; the bank transfer then hands it over.
        Map<String, Object> last = created(deliver(orderId, company.locationId(), Map.of(cardLine, 15), null));
        assertThat(deliveries(coordinator, orderId)).containsEntry("delivered", true).containsEntry("status", "PENDING_PAYMENT");
        coordinator.post().uri("/api/admin/corporate/orders/{id}/transfers", orderId)
                .bodyValue(Map.of("amount", Map.of("amount", 30 * 6800 + 20 * 1200, "currency", "CNY"), "reference", "BANK-DN-1")).exchange()
                .expectStatus().isOk();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "FULFILLED".equals(status(orderId)));
        deliver(orderId, company.locationId(), Map.of(cardLine, 1), null).expectStatus().isEqualTo(422);
        assertThat(audited(orderId)).as("handed over once").isEqualTo(1);

        // Another company's buyer reaches none of it; nor any coordinator's endpoint.
        WebTestClient stranger = SignIn.as(client, other.email(), PASSWORD);
        stranger.get().uri("/api/corporate/orders/{o}/deliveries", orderId).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
        stranger.get().uri("/api/corporate/orders/{o}/deliveries/{d}/note.pdf", orderId, last.get("id")).exchange().expectStatus().isNotFound();
        stranger.get().uri("/api/admin/corporate/orders/{o}/deliveries", orderId).exchange().expectStatus().isForbidden();
        stranger.get().uri("/api/admin/corporate/orders/{o}/deliveries/{d}/note.pdf", orderId, last.get("id")).exchange()
                .expectStatus().isForbidden();
        stranger.post().uri("/api/admin/corporate/orders/{o}/deliveries", orderId).bodyValue(body(other.locationId(), Map.of(cardLine, 1)))
                .exchange().expectStatus().isForbidden();
        stranger.put().uri("/api/admin/corporate/orders/{o}/deliveries/{d}/received", orderId, last.get("id"))
                .bodyValue(Map.of("receivedBy", "冒名")).exchange().expectStatus().isForbidden();
        buyer.post().uri("/api/admin/corporate/orders/{o}/deliveries", orderId).bodyValue(body(company.locationId(), Map.of(cardLine, 1)))
                .exchange().expectStatus().isForbidden();
        client.get().uri("/api/corporate/orders/{o}/deliveries", orderId).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anOrderPaidFirstIsHandedOverByItsLastDelivery() {
        Registered company = registerWithBuyer(coordinator, "先付款公司", code("91510104MA67002"));
        WebTestClient buyer = SignIn.as(client, company.email(), PASSWORD);
        String orderId = acceptedQuote(buyer, 12, 3);
        coordinator.post().uri("/api/admin/corporate/orders/{id}/transfers", orderId)
                .bodyValue(Map.of("amount", Map.of("amount", 12 * 6800 + 3 * 1200, "currency", "CNY"), "reference", "BANK-DN-2")).exchange()
                .expectStatus().isOk();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "PAID".equals(status(orderId)));
        List<String> lines = lineIds(orderId);

        created(deliver(orderId, company.locationId(), Map.of(lines.get(0), 12), null));
        assertThat(status(orderId)).isEqualTo("PAID");
        created(deliver(orderId, company.locationId(), Map.of(lines.get(1), 3), null));
        assertThat(status(orderId)).as("in the last delivery's transaction").isEqualTo("FULFILLED");
        assertThat(audited(orderId)).isEqualTo(1);
    }

    @Test
    void deliveriesAtTheSameMomentNeverTakeMoreThanWasOrdered() {
        Registered company = registerWithBuyer(coordinator, "同时送货公司", code("91510104MA67003"));
        String orderId = acceptedQuote(SignIn.as(client, company.email(), PASSWORD), 30, 1);
        String boxLine = lineIds(orderId).get(0);
        WebTestClient racing = Race.unpooled(coordinator);

        List<Integer> answers = Race.run(8, i -> racing.post().uri("/api/admin/corporate/orders/{o}/deliveries", orderId)
                .bodyValue(body(company.locationId(), Map.of(boxLine, 10))).exchange().returnResult(String.class).getStatus().value());

        assertThat(answers).filteredOn(status -> status == 201).hasSize(3);
        assertThat(answers).filteredOn(status -> status == 422).hasSize(5);
        assertThat(db.sql("SELECT string_agg(sequence::text, ',' ORDER BY sequence) AS v FROM deliveries WHERE order_id = CAST(:id AS uuid)")
                .bind("id", orderId).map(row -> row.get("v", String.class)).one().block()).isEqualTo("1,2,3");
    }

    private String product(String zh, String en) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = CatalogFixtures.product(zh + " " + tag, en + " " + tag, false);
        body.put("channels", List.of("CORPORATE"));
        if (zh.contains("贺卡")) {
            body.put("variants", new ArrayList<>(List.of(CatalogFixtures.variant("SKU-" + tag, 1200))));
        }
        return CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, body));
    }

    /** A quote for boxes and cards, sent and accepted with PO-88: its order's id. */
    @SuppressWarnings("unchecked")
    private String acceptedQuote(WebTestClient buyer, int boxCount, int cardCount) {
        String id = (String) buyer.post().uri("/api/corporate/quotes").bodyValue(Map.of("lines", List.of(
                                Map.of("variantId", boxes, "quantity", boxCount, "customisations", List.of()),
                                Map.of("variantId", cards, "quantity", cardCount, "customisations", List.of())),
                        "wantedBy", TODAY.plusDays(30).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        coordinator.post().uri("/api/admin/corporate/quotes/{id}/versions", id).bodyValue(Map.of("validUntil", TODAY.plusDays(7).toString(),
                "delivery", Map.of("amount", 0, "currency", "CNY"), "manual", List.of())).exchange().expectStatus().isOk();
        return (String) buyer.post().uri("/api/corporate/quotes/{id}/accept", id).bodyValue(Map.of("version", 1, "poNumber", "PO-88"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("orderId");
    }

    private static Map<String, Object> body(String locationId, Map<String, Integer> pieces) {
        Map<String, Object> body = new HashMap<>();
        body.put("locationId", locationId);
        body.put("deliveredOn", TODAY.toString());
        body.put("note", "工坊面包车 our van");
        body.put("lines", pieces.entrySet().stream().map(entry -> Map.of("lineId", entry.getKey(), "pieces", entry.getValue())).toList());
        return body;
    }

    private WebTestClient.ResponseSpec deliver(String orderId, String locationId, Map<String, Integer> pieces, String key) {
        WebTestClient.RequestHeadersSpec<?> request = coordinator.post().uri("/api/admin/corporate/orders/{o}/deliveries", orderId)
                .bodyValue(body(locationId, pieces));
        return key == null ? request.exchange() : request.header("Idempotency-Key", key).exchange();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> created(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> deliveries(WebTestClient as, String orderId) {
        String api = as == coordinator ? "/api/admin/corporate" : "/api/corporate";
        return as.get().uri(api + "/orders/{o}/deliveries", orderId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static long numberOf(Map<String, Object> delivery) {
        String number = (String) delivery.get("number");
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }

    @SuppressWarnings("unchecked")
    private List<String> lineIds(String orderId) {
        return ((List<Map<String, Object>>) deliveries(coordinator, orderId).get("lines")).stream()
                .map(line -> (String) line.get("lineId")).toList();
    }

    private long count(String orderId) {
        return db.sql("SELECT count(*) AS n FROM deliveries WHERE order_id = CAST(:id AS uuid)").bind("id", orderId)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private String status(String orderId) {
        return db.sql("SELECT status FROM orders WHERE id = CAST(:id AS uuid)").bind("id", orderId)
                .map(row -> row.get("status", String.class)).one().block();
    }

    private long audited(String orderId) {
        return db.sql("SELECT count(*) AS n FROM audit_log WHERE action = 'order.fulfilled' AND subject = :subject")
                .bind("subject", "order:" + orderId).map(row -> row.get("n", Long.class)).one().block();
    }

    private static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException unreadable) {
            throw new AssertionError("Not a PDF", unreadable);
        }
    }
}
