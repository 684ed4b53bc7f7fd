package org.socialworkshop.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose data each endpoint returns. Another identity asks for a maker's or a buyer's data by every handle the API
 * accepts (path ids, query parameters, body fields, tokens, sessions) and gets nothing of theirs: each test checks
 * the content (names, ids, amounts, addresses), not only the status, so it fails if the ownership check is removed.
 *
 * <p>Handles that are public capabilities by design (a cart id, a demo payment session id, a receipt's or a
 * statement's code) are tested for what makes them unguessable: the signature or the random part.
 */
@WorkshopTest
class OwnershipTest {

    @Autowired
    WebTestClient client;

    @Autowired
    Clock clock;

    @Autowired
    Database db;

    WebTestClient staff;

    @BeforeEach
    void setUp() {
        staff = CatalogFixtures.coordinator(client);
    }

    /** A maker with an account of their own, checked work this month and last month, and last month's signed statement. */
    record Maker(UUID id, String name, WebTestClient session, long earnedThisMonth, String statementCode) {
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMakerReadsOnlyTheirOwnEarningsWhicheverMakerTheyName() throws Exception {
        // Digits only: the PDF's font joins "ff", "fi" and "fl" into ligatures, which text extraction reads back as one glyph.
        String tag = String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        String operation = operation(tag);
        Maker a = maker("甲手作人" + tag, operation, 7);
        Maker b = maker("乙手作人" + tag, operation, 3);
        String month = YearMonth.now(clock).toString();
        String lastMonth = YearMonth.now(clock).minusMonths(1).toString();

        // The portal takes no maker id: whatever id B names, in the path's query or the body, B gets B's own data.
        for (String handle : List.of("makerId", "maker", "id")) {
            String me = body(b.session().get().uri("/api/maker/me?{handle}={id}", handle, a.id()).exchange().expectStatus().isOk());
            assertThat(me).contains(b.id().toString()).doesNotContain(a.id().toString()).doesNotContain(a.name());
            assertThat(amountIn(b.session().get().uri("/api/maker/me?{handle}={id}", handle, a.id()), "balance"))
                    .isEqualTo(b.earnedThisMonth() + 3 * 150);

            Map<String, Object> statement = json(b.session().get().uri("/api/maker/months/{month}?{handle}={id}", month, handle, a.id())
                    .exchange().expectStatus().isOk());
            assertThat((Map<String, Object>) statement.get("maker")).containsEntry("id", b.id().toString()).containsEntry("name", b.name());
            assertThat(statement.get("earned")).isEqualTo(Map.of("amount", (int) b.earnedThisMonth(), "currency", "CNY"));
            assertThat(statement.toString()).doesNotContain(a.id().toString()).doesNotContain(a.name());

            List<Map<String, Object>> months = jsonList(b.session().get().uri("/api/maker/months?{handle}={id}", handle, a.id())
                    .exchange().expectStatus().isOk());
            assertThat(months).filteredOn(summary -> month.equals(summary.get("month"))).singleElement()
                    .satisfies(summary -> assertThat(summary.get("earned")).isEqualTo(Map.of("amount", (int) b.earnedThisMonth(), "currency", "CNY")));

            byte[] pdf = b.session().get().uri("/api/maker/months/{month}/statement.pdf?{handle}={id}", lastMonth, handle, a.id()).exchange()
                    .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(new PDFTextStripper().getText(document)).contains(b.name()).doesNotContain(a.name());
            }
        }

        // Work B reports is B's, even with A's id in the body.
        Map<String, Object> reported = json(b.session().post().uri("/api/maker/work")
                .bodyValue(Map.of("makerId", a.id(), "maker", a.id(), "operationId", operation, "workDate", LocalDate.now(clock).toString(), "pieces", 4))
                .exchange().expectStatus().isCreated());
        assertThat(reported).containsEntry("makerId", b.id().toString()).containsEntry("makerName", b.name());
        assertThat(reportedWork(a.id())).as("nothing reported in A's name").isEmpty();
        assertThat(reportedWork(b.id())).singleElement().satisfies(work -> assertThat(work).containsEntry("pieces", 4));

        // The coordinators' API, where a maker id is a path variable, is closed to makers altogether.
        for (String path : List.of("/api/admin/piecework/makers/" + a.id() + "/months/" + month, "/api/admin/piecework/makers/" + a.id() + "/balance",
                "/api/admin/piecework/makers/" + a.id() + "/months/" + lastMonth + "/statement.pdf", "/api/admin/piecework/work?makerId=" + a.id())) {
            assertThat(body(b.session().get().uri(path).exchange().expectStatus().isForbidden())).as(path)
                    .doesNotContain(a.name()).doesNotContain(String.valueOf(a.earnedThisMonth()));
        }

        // A statement's code is a public capability by design (it is printed as a QR code for a landlord or a bank to
        // check), so what guards it is its signature part: A's statement id with B's signature, or without one, is unknown.
        String aId = a.statementCode().substring(0, 36);
        String bSignature = b.statementCode().substring(37);
        client.get().uri("/api/statements/{code}", a.statementCode()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.statement.maker.name").isEqualTo(a.name());
        for (String forged : List.of(aId + "." + bSignature, aId, aId + ".")) {
            assertThat(body(client.get().uri("/api/statements/{code}", forged).exchange().expectStatus().isNotFound()))
                    .as(forged).doesNotContain(a.name());
        }
    }

    @Test
    void aBuyerOpensOnlyTheirOwnOrderWhateverTokenOrSessionTheyHold() {
        Shop shop = new Shop(client);
        Map<String, Object> scarf = CatalogFixtures.create(staff, CatalogFixtures.product("私密围巾", "Private scarf", true));
        String product = (String) scarf.get("id");
        String variant = CatalogFixtures.firstVariantId(scarf);
        CatalogFixtures.receive(staff, variant, "ONLINE_STORE_ROOM", 5);
        String street = "锦江区私密路 " + UUID.randomUUID().toString().substring(0, 6) + " 号";
        Map<String, Object> delivery = Map.of("cartId", shop.cartWith(Map.of(product, variant), 1), "email", "buyer-a@example.org",
                "fulfilment", Map.of("type", "DELIVERY", "recipient", "甲买家", "phone", "13800000001", "address", street, "city", "成都"));
        Map<String, Object> placedA = json(shop.checkout(delivery, UUID.randomUUID().toString()).expectStatus().isCreated());
        String orderA = (String) placedA.get("orderId");
        String numberA = (String) placedA.get("orderNumber");
        String tokenA = (String) placedA.get("accessToken");
        Shop.Placed b = shop.checkout(shop.cartWith(Map.of(product, variant), 1));
        WebTestClient signedInNonStaff = makerAccount(UUID.randomUUID().toString().substring(0, 8));

        client.get().uri("/api/orders/{id}?token={token}", orderA, tokenA).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.fulfilment.address").isEqualTo(street);
        client.get().uri("/api/orders/{id}?token={token}", b.orderId(), b.accessToken()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.orderNumber").isEqualTo(b.orderNumber());

        Map<String, WebTestClient.RequestHeadersSpec<?>> attempts = new java.util.LinkedHashMap<>();
        attempts.put("B's token", client.get().uri("/api/orders/{id}?token={token}", orderA, b.accessToken()));
        attempts.put("no token", client.get().uri("/api/orders/{id}", orderA));
        attempts.put("an empty token", client.get().uri("/api/orders/{id}?token=", orderA));
        attempts.put("a made-up token", client.get().uri("/api/orders/{id}?token={token}", orderA, UUID.randomUUID()));
        attempts.put("A's token cut short", client.get().uri("/api/orders/{id}?token={token}", orderA, tokenA.substring(0, tokenA.length() - 1)));
        attempts.put("a signed-in non-staff session", signedInNonStaff.get().uri("/api/orders/{id}", orderA));
        attempts.put("a signed-in session with B's token", signedInNonStaff.get().uri("/api/orders/{id}?token={token}", orderA, b.accessToken()));
        attempts.put("A's order id as B's token", client.get().uri("/api/orders/{id}?token={token}", orderA, orderA));
        attempts.forEach((how, request) -> assertThat(body(request.exchange().expectStatus().isNotFound())).as(how)
                .doesNotContain(numberA).doesNotContain(street).doesNotContain("甲买家"));

        // Paying again and confirming are behind the same token: B cannot start or confirm a payment of A's order.
        for (String path : List.of("/api/orders/{id}/payment?token={token}", "/api/orders/{id}/payment/confirm?token={token}")) {
            assertThat(body(client.post().uri(path, orderA, b.accessToken()).exchange().expectStatus().isNotFound()))
                    .as(path).doesNotContain(numberA).doesNotContain("demo_cs_");
            assertThat(body(signedInNonStaff.post().uri(path, orderA, "").exchange().expectStatus().isNotFound()))
                    .as(path + " with a session").doesNotContain(numberA);
        }
        client.get().uri("/api/orders/{id}?token={token}", orderA, tokenA).exchange().expectBody()
                .jsonPath("$.status").isEqualTo("PENDING_PAYMENT");
    }

    /**
     * Capabilities by design: a demo payment session id (as a Stripe Checkout URL) and a receipt's code. The receipt's
     * register and number are counted, so the signature is what keeps another buyer's receipt out of reach.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aReceiptOrAPaymentSessionIsReachedOnlyWithItsUnguessablePart() {
        Shop shop = new Shop(client);
        Map<String, Object> cup = CatalogFixtures.create(staff, CatalogFixtures.product("收据杯", "Receipt cup", true));
        String product = (String) cup.get("id");
        String variant = CatalogFixtures.firstVariantId(cup);
        CatalogFixtures.receive(staff, variant, "ONLINE_STORE_ROOM", 5);
        Shop.Placed a = shop.checkout(shop.cartWith(Map.of(product, variant), 2));
        Shop.Placed b = shop.checkout(shop.cartWith(Map.of(product, variant), 1));

        String sessionA = a.demoSession();
        for (String guessed : List.of(sessionA.substring(0, sessionA.length() - 1), sessionA.substring(0, sessionA.length() - 1) + "x", "demo_cs_")) {
            assertThat(body(client.get().uri("/api/payments/demo/{session}", guessed).exchange().expectStatus().isNotFound()))
                    .as(guessed).doesNotContain(a.orderNumber());
            client.post().uri("/api/payments/demo/{session}/complete", guessed).exchange().expectStatus().isNotFound();
        }
        assertThat(shop.order(a).get("status")).as("no guess paid A's order").isEqualTo("PENDING_PAYMENT");

        shop.payDemo(a).expectStatus().isOk();
        shop.payDemo(b).expectStatus().isOk();
        String receiptA = receiptOf(shop, a);
        String receiptB = receiptOf(shop, b);
        client.get().uri("/api/receipts/{code}", receiptA).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.orderNumber").isEqualTo(a.orderNumber());
        String numberA = receiptA.substring(0, receiptA.indexOf('.'));
        String signatureB = receiptB.substring(receiptB.indexOf('.') + 1);
        for (String forged : List.of(numberA + "." + signatureB, numberA, numberA + ".pdf", numberA + "." + signatureB + ".pdf")) {
            assertThat(body(client.get().uri("/api/receipts/{code}", forged).exchange().expectStatus().isNotFound()))
                    .as(forged).doesNotContain(a.orderNumber());
        }
    }

    @Test
    void theSignedInAccountIsAlwaysOneselfWhateverItNames() {
        String name = UUID.randomUUID().toString().substring(0, 8);
        WebTestClient b = makerAccount(name);
        for (String query : List.of("?email=admin@example.org", "?id=admin", "?user=admin@example.org")) {
            b.get().uri("/api/auth/me" + query).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.email").isEqualTo("maker-" + name + "@example.org")
                    .jsonPath("$.roles").isEqualTo(List.of("MAKER"));
        }
    }

    private String operation(String tag) {
        Map<String, Object> product = CatalogFixtures.create(staff, CatalogFixtures.product("隐私篮" + tag, "Privacy basket " + tag, true));
        return (String) json(staff.post().uri("/api/admin/piecework/operations")
                .bodyValue(Map.of("productId", product.get("id"), "nameZh", "编织" + tag, "nameEn", "Weaving " + tag, "rate", 150,
                        "validFrom", LocalDate.now(clock).minusDays(70).toString()))
                .exchange().expectStatus().isCreated()).get("id");
    }

    /** A maker with {@code pieces} checked this month and three last month, signed in, with last month's statement issued. */
    private Maker maker(String name, String operation, int pieces) {
        UUID id = UUID.fromString((String) json(staff.post().uri("/api/admin/makers").bodyValue(Map.of("name", name, "displayName", name))
                .exchange().expectStatus().isCreated()).get("id"));
        LocalDate today = LocalDate.now(clock);
        checked(id, operation, today, pieces);
        checked(id, operation, YearMonth.from(today).minusMonths(1).atDay(12), 3);
        String login = UUID.randomUUID().toString().substring(0, 8);
        WebTestClient session = makerAccount(login);
        staff.put().uri("/api/admin/piecework/makers/{id}/account", id).bodyValue(Map.of("email", "maker-" + login + "@example.org"))
                .exchange().expectStatus().isNoContent();
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        session.get().uri("/api/maker/months/{month}/statement.pdf", lastMonth.toString()).exchange().expectStatus().isOk();
        return new Maker(id, name, session, pieces * 150L, statementCode(id, lastMonth));
    }

    /** The code printed under the statement's QR code: its id and its signature. */
    private String statementCode(UUID maker, YearMonth month) {
        return db.sql("SELECT id, signature FROM issued_statements WHERE maker_id = :maker AND month = :month")
                .bind("maker", maker).bind("month", month.atDay(1))
                .map(row -> row.get("id", UUID.class) + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(row.get("signature", byte[].class)))
                .one().block();
    }

    private void checked(UUID maker, String operation, LocalDate day, int pieces) {
        staff.post().uri("/api/admin/piecework/work").bodyValue(Map.of("makerId", maker, "operationId", operation, "workDate", day.toString(),
                "pieces", pieces, "check", Map.of("accepted", pieces, "rejected", 0))).exchange().expectStatus().isCreated();
    }

    /** A signed-in account with the MAKER role only, {@code maker-<name>@example.org}. */
    private WebTestClient makerAccount(String name) {
        String email = "maker-" + name + "@example.org";
        SignIn.admin(client).post().uri("/api/admin/users").bodyValue(Map.of("email", email, "displayName", "手作人",
                "password", "a-long-maker-password", "roles", List.of("MAKER"))).exchange().expectStatus().isCreated();
        return SignIn.as(client, email, "a-long-maker-password");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> reportedWork(UUID maker) {
        Map<String, Object> page = json(staff.get().uri("/api/admin/piecework/work?status=REPORTED&makerId={m}&size=100", maker)
                .exchange().expectStatus().isOk());
        return (List<Map<String, Object>>) page.get("items");
    }

    @SuppressWarnings("unchecked")
    private String receiptOf(Shop shop, Shop.Placed order) {
        String[] code = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            List<Map<String, Object>> found = (List<Map<String, Object>>) shop.order(order).get("receipts");
            assertThat(found).isNotEmpty();
            code[0] = (String) found.get(0).get("code");
        });
        return code[0];
    }

    @SuppressWarnings("unchecked")
    private static long amountIn(WebTestClient.RequestHeadersSpec<?> request, String field) {
        Map<String, Object> body = json(request.exchange().expectStatus().isOk());
        return ((Number) ((Map<String, Object>) body.get(field)).get("amount")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(WebTestClient.ResponseSpec response) {
        return response.expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> jsonList(WebTestClient.ResponseSpec response) {
        return response.expectBody(List.class).returnResult().getResponseBody();
    }

    private static String body(WebTestClient.ResponseSpec response) {
        String body = response.expectBody(String.class).returnResult().getResponseBody();
        return body == null ? "" : body;
    }
}
