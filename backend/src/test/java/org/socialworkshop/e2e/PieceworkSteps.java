package org.socialworkshop.e2e;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.CreditCodes;
import org.socialworkshop.support.SignIn;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Piece-work data the browser tests need, made through the real API: a product with one operation paid at a known
 * rate, the maker behind the demo maker account, and checked or reported work. Names carry a tag, so a test finds
 * its own lines among those of other tests sharing the database.
 */
final class PieceworkSteps {

    static final String MAKER_EMAIL = "maker@example.org";
    static final String MAKER_PASSWORD = "workshop-maker";

    record Operation(String id, String productId, String nameZh, String nameEn, long rateFen) {
    }

    record CompanyOrder(String id, String number, String companyName) {
    }

    private final WebTestClient client;
    private final WebTestClient staff;
    private final Clock clock;

    /** {@code clock} is the shop's: the pages count days as the workshop does, whatever the JVM's time zone. */
    PieceworkSteps(WebTestClient client, Clock clock) {
        this.client = client;
        this.staff = CatalogFixtures.coordinator(client);
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    String thisMonth() {
        return YearMonth.from(today()).toString();
    }

    WebTestClient staff() {
        return staff;
    }

    WebTestClient makerSession() {
        return SignIn.as(client, MAKER_EMAIL, MAKER_PASSWORD);
    }

    /** A new product with one operation, paid {@code rateFen} a piece from two months ago. */
    @SuppressWarnings("unchecked")
    Operation operation(String tag, long rateFen) {
        Map<String, Object> product = CatalogFixtures.create(staff, CatalogFixtures.product("竹编杯垫" + tag, "Bamboo coaster " + tag, true));
        String nameZh = "编织" + tag;
        String nameEn = "Weaving " + tag;
        Map<String, Object> operation = staff.post().uri("/api/admin/piecework/operations")
                .bodyValue(Map.of("productId", product.get("id"), "nameZh", nameZh, "nameEn", nameEn, "rate", rateFen,
                        "validFrom", today().minusDays(60).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return new Operation((String) operation.get("id"), (String) product.get("id"), nameZh, nameEn, rateFen);
    }

    /**
     * The maker the demo account {@code maker@example.org} belongs to. Until the demo data links the account to a
     * maker, a maker is made and linked here, once; later runs and tests find the link.
     */
    @SuppressWarnings("unchecked")
    String demoMaker() {
        WebTestClient.ResponseSpec me = makerSession().get().uri("/api/maker/me").exchange();
        if (me.returnResult(Void.class).getStatus() == HttpStatus.OK) {
            return (String) makerSession().get().uri("/api/maker/me").exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody().get("makerId");
        }
        String maker = newMaker("演示手作人");
        staff.put().uri("/api/admin/piecework/makers/{id}/account", maker).bodyValue(Map.of("email", MAKER_EMAIL))
                .exchange().expectStatus().isNoContent();
        return maker;
    }

    @SuppressWarnings("unchecked")
    String newMaker(String name) {
        return (String) staff.post().uri("/api/admin/makers").bodyValue(Map.of("name", name, "displayName", name))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    /** Work recorded and checked at once: all pieces accepted. */
    @SuppressWarnings("unchecked")
    Map<String, Object> checkedWork(String maker, Operation operation, LocalDate day, int pieces) {
        return staff.post().uri("/api/admin/piecework/work")
                .bodyValue(Map.of("makerId", maker, "operationId", operation.id(), "workDate", day.toString(), "pieces", pieces,
                        "check", Map.of("accepted", pieces, "rejected", 0)))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Work the demo maker reports themselves; it waits for a coordinator's check. */
    @SuppressWarnings("unchecked")
    String reportedWork(Operation operation, LocalDate day, int pieces) {
        return (String) makerSession().post().uri("/api/maker/work")
                .bodyValue(Map.of("operationId", operation.id(), "workDate", day.toString(), "pieces", pieces))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    /**
     * A company's order, placed as buyers place them: a new company with a buyer asks for a quote of ten boxes sold to
     * companies only, the coordinator sends it and the buyer accepts it.
     */
    @SuppressWarnings("unchecked")
    CompanyOrder companyOrder(String tag) {
        String name = "成都" + tag + "计件订单有限公司";
        String buyer = "piecework-buyer-" + tag + "@example.com";
        String password = "long enough passphrase";
        Map<String, Object> company = new HashMap<>();
        company.put("legalName", name);
        company.put("creditCode", CreditCodes.random());
        company.put("invoice", Map.of("title", name, "kind", "NORMAL"));
        company.put("contact", Map.of("name", "张女士", "phone", "138 0000 0000", "email", "zhang@example.com"));
        String companyId = (String) staff.post().uri("/api/admin/corporate/companies").bodyValue(company).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        staff.post().uri("/api/admin/corporate/companies/{id}/buyers", companyId)
                .bodyValue(Map.of("email", buyer, "displayName", "采购", "password", password)).exchange().expectStatus().isOk();
        Map<String, Object> product = CatalogFixtures.product("计件礼盒 " + tag, "Piecework box " + tag, false);
        product.put("channels", List.of("CORPORATE"));
        String variant = CatalogFixtures.firstVariantId(CatalogFixtures.create(staff, product));
        WebTestClient buyerApi = SignIn.as(client, buyer, password);
        String quoteId = (String) buyerApi.post().uri("/api/corporate/quotes").bodyValue(Map.of("lines", List.of(Map.of("variantId",
                        variant, "quantity", 10, "customisations", List.of())), "wantedBy", today().plusDays(30).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        staff.post().uri("/api/admin/corporate/quotes/{id}/versions", quoteId).bodyValue(Map.of("validUntil", today().plusDays(7).toString(),
                "delivery", Map.of("amount", 0, "currency", "CNY"), "manual", List.of())).exchange().expectStatus().isOk();
        Map<String, Object> accepted = buyerApi.post().uri("/api/corporate/quotes/{id}/accept", quoteId)
                .bodyValue(Map.of("version", 1, "poNumber", "PO-" + tag)).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        return new CompanyOrder((String) accepted.get("orderId"), (String) accepted.get("orderNumber"), name);
    }

    /** The work records of a company's order, as the API lists them. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> workForOrder(String orderId) {
        Map<String, Object> page = staff.get().uri("/api/admin/piecework/work?orderId={o}&size=100", orderId)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) page.get("items");
    }

    /** The maker's work records of one status for the operation. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> work(String maker, String status, Operation operation) {
        Map<String, Object> page = staff.get().uri("/api/admin/piecework/work?status={s}&makerId={m}&size=100", status, maker)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream()
                .filter(record -> operation.id().equals(record.get("operationId"))).toList();
    }

    @SuppressWarnings("unchecked")
    long makerBalance() {
        Map<String, Object> me = makerSession().get().uri("/api/maker/me").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) ((Map<String, Object>) me.get("balance")).get("amount")).longValue();
    }

    /** What a screen reader is given for an amount: "1,234.50 元" or "1,234.50 yuan", from the page's own message. */
    static String spoken(Messages messages, long fen) {
        return messages.spoken(fen);
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
