package org.socialworkshop.receipts;

import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.catalog.Channel;
import org.socialworkshop.ordering.OrderPaid;
import org.socialworkshop.ordering.OrderRefunded;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.receipts.render.QrDecoding;
import org.socialworkshop.shared.Money;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.SecondInstance;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Receipts issued from paid orders and refunds: signed, chained, gapless, and any change behind the app's back shows. */
@WorkshopTest
class ReceiptsTest {

    @Autowired
    WebTestClient client;

    @Autowired
    Receipts receipts;

    @Autowired
    ReceiptBook book;

    @Autowired
    Database db;

    Shop shop;
    WebTestClient staff;
    WebTestClient admin;
    String productId;
    String variantId;

    @BeforeEach
    void setUp() {
        shop = new Shop(client);
        staff = CatalogFixtures.coordinator(client);
        admin = org.socialworkshop.support.SignIn.admin(client);
        Map<String, Object> body = CatalogFixtures.product("青花茶杯", "Blue tea cup", false);
        body.put("variants", List.of(CatalogFixtures.variant("RC-" + UUID.randomUUID().toString().substring(0, 8), 6800)));
        Map<String, Object> product = CatalogFixtures.create(staff, body);
        productId = (String) product.get("id");
        variantId = CatalogFixtures.firstVariantId(product);
    }

    /** A paid order and the code of its sale receipt, once the outbox has issued it. */
    record Sale(Shop.Placed order, String code) {
    }

    @SuppressWarnings("unchecked")
    Sale paidOrderWithReceipt(int quantity) {
        Shop.Placed order = shop.paidOrder(productId, variantId, quantity);
        String[] code = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            List<Map<String, Object>> found = (List<Map<String, Object>>) shop.order(order).get("receipts");
            assertThat(found).isNotEmpty();
            code[0] = (String) found.get(0).get("code");
        });
        return new Sale(order, code[0]);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> receipt(String code) {
        return client.get().uri("/api/receipts/{code}", code).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static String status(Map<String, Object> receipt) {
        return (String) ((Map<String, Object>) receipt.get("verification")).get("status");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> signed(Map<String, Object> receipt) {
        return (Map<String, Object>) receipt.get("signed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPaidOrderGetsOneSignedReceiptThatVerifies() {
        Sale sale = paidOrderWithReceipt(2);

        Map<String, Object> receipt = receipt(sale.code());
        assertThat(receipt).containsEntry("register", "ONLINE").containsEntry("kind", "SALE")
                .containsEntry("orderNumber", sale.order().orderNumber())
                .containsEntry("total", Map.of("amount", 13600, "currency", "CNY"))
                .containsEntry("timeZone", "Asia/Shanghai");
        assertThat((String) receipt.get("url")).endsWith("/r/" + sale.code());
        assertThat((Map<String, Object>) receipt.get("verification"))
                .containsEntry("signatureValid", true).containsEntry("chainValid", true).containsEntry("status", "GENUINE");
        assertThat((List<Map<String, Object>>) receipt.get("lines")).singleElement()
                .satisfies(line -> assertThat(line).containsEntry("name", "青花茶杯").containsEntry("quantity", 2).containsEntry("taxRate", "0.13"));
        assertThat((List<Map<String, Object>>) receipt.get("taxes")).singleElement()
                .satisfies(tax -> assertThat(tax).containsEntry("tax", Map.of("amount", 1565, "currency", "CNY")));
        assertThat(sale.code()).matches("ONLINE-\\d+\\.[A-Za-z0-9_-]{86}");

        OrderPaid again = new OrderPaid(UUID.fromString(sale.order().orderId()), sale.order().orderNumber(), Channel.ONLINE,
                Money.fen(13600), "demo", "again");
        assertThat(receipts.issueSale(again).block().code()).as("the same payment issues nothing new").isEqualTo(sale.code());
        assertThat(count("SELECT count(*) AS n FROM receipts WHERE order_id = :id", UUID.fromString(sale.order().orderId()))).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aThirdPartyVerifiesTheSignatureWithTheJdkFromThePublishedKeyAlone() throws Exception {
        Sale sale = paidOrderWithReceipt(1);
        Map<String, Object> signed = signed(receipt(sale.code()));
        List<Map<String, String>> keys = (List<Map<String, String>>) client.get().uri("/.well-known/receipt-keys").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("keys");
        Map<String, String> jwk = keys.stream().filter(key -> key.get("kid").equals(signed.get("keyId"))).findFirst().orElseThrow();
        assertThat(jwk).containsEntry("kty", "OKP").containsEntry("crv", "Ed25519");

        byte[] x = Base64.getUrlDecoder().decode(jwk.get("x"));
        byte[] spki = new byte[44];
        System.arraycopy(HexFormat.of().parseHex("302a300506032b6570032100"), 0, spki, 0, 12);
        System.arraycopy(x, 0, spki, 12, 32);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
        byte[] payload = Base64.getUrlDecoder().decode((String) signed.get("payload"));
        verifier.update(payload);

        assertThat(verifier.verify(Base64.getUrlDecoder().decode((String) signed.get("signature")))).isTrue();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload))).isEqualTo(signed.get("hash"));
        assertThat(new String(payload, java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("{\"issuedAt\":").contains("\"orderNumber\":\"" + sale.order().orderNumber() + "\"").contains("青花茶杯");
    }

    @Test
    void aRunOfReceiptsChainsFromOneToTheNextAndTheRegisterChecksWhole() {
        List<Sale> sales = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sales.add(paidOrderWithReceipt(1));
        }
        List<Map<String, Object>> issued = sales.stream().map(sale -> receipt(sale.code())).toList();

        for (Map<String, Object> receipt : issued) {
            assertThat(status(receipt)).isEqualTo("GENUINE");
            long number = ((Number) receipt.get("number")).longValue();
            SignedReceipt previous = book.load("ONLINE", number - 1).block();
            String expected = number == 1 ? ReceiptBook.firstHash("ONLINE") : ReceiptKeys.hex(ReceiptKeys.sha256(previous.payload()));
            assertThat(signed(receipt).get("previousHash")).isEqualTo(expected);
        }
        admin.get().uri("/api/admin/receipts/registers/ONLINE/check").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.valid").isEqualTo(true)
                .jsonPath("$.firstBroken").doesNotExist();
    }

    @Test
    void aSingleChangedByteInAnyStoredFieldIsDetectedAndTheRegisterCheckNamesTheReceipt() {
        Sale sale = paidOrderWithReceipt(1);
        paidOrderWithReceipt(1);
        long number = Long.parseLong(sale.code().substring("ONLINE-".length(), sale.code().indexOf('.')));

        Map<String, String> changes = Map.of(
                "total_minor", "total_minor + 1",
                "issued_at", "issued_at + interval '1 microsecond'",
                "content", "jsonb_set(content, '{lines,0,quantity}', '2')",
                "order_number", "order_number || 'X'",
                "previous_hash", "overlay(previous_hash placing (CASE WHEN substr(previous_hash, 1, 1) = 'a' THEN 'b' ELSE 'a' END) from 1 for 1)");
        changes.forEach((column, change) -> {
            String before = behindTheAppsBack("SELECT " + column + "::text AS v FROM receipts WHERE register = 'ONLINE' AND number = " + number);
            behindTheAppsBack("UPDATE receipts SET " + column + " = " + change + " WHERE register = 'ONLINE' AND number = " + number);
            try {
                assertThat(status(receipt(sale.code()))).as("after changing " + column).isEqualTo("NOT_GENUINE");
                admin.get().uri("/api/admin/receipts/registers/ONLINE/check").exchange().expectStatus().isOk().expectBody()
                        .jsonPath("$.valid").isEqualTo(false)
                        .jsonPath("$.firstBroken.number").isEqualTo(number);
            } finally {
                behindTheAppsBack("UPDATE receipts SET " + column + " = CAST('" + before.replace("'", "''") + "' AS "
                        + type(column) + ") WHERE register = 'ONLINE' AND number = " + number);
            }
            assertThat(status(receipt(sale.code()))).as("restored " + column).isEqualTo("GENUINE");
        });

        behindTheAppsBack("UPDATE receipts SET signature = overlay(signature placing '\\x00'::bytea from 1 for 1) WHERE register = 'ONLINE' AND number = " + number);
        try {
            client.get().uri("/api/receipts/{code}", sale.code()).exchange().expectStatus().isNotFound()
                    .expectBody().jsonPath("$.verification.status").isEqualTo("NOT_GENUINE");
        } finally {
            behindTheAppsBack("UPDATE receipts SET signature = decode('" + HexFormat.of().formatHex(Base64.getUrlDecoder().decode(
                    sale.code().substring(sale.code().indexOf('.') + 1))) + "', 'hex') WHERE register = 'ONLINE' AND number = " + number);
        }
        assertThat(status(receipt(sale.code()))).isEqualTo("GENUINE");
    }

    @Test
    void theReceiptJournalRefusesUpdatesAndDeletesInPostgres() {
        Sale sale = paidOrderWithReceipt(1);
        UUID order = UUID.fromString(sale.order().orderId());

        assertThatThrownBy(() -> db.sql("UPDATE receipts SET total_minor = 1 WHERE order_id = :id").bind("id", order).update().block())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("DELETE FROM receipts WHERE order_id = :id").bind("id", order).update().block())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("TRUNCATE receipts CASCADE").update().block()).hasMessageContaining("append-only");
    }

    @Test
    void aRefundGetsItsOwnReceiptReferringToTheSaleWhichThenReadsRefunded() {
        Sale sale = paidOrderWithReceipt(2);
        staff.post().uri("/api/admin/orders/{id}/refunds", sale.order().orderId())
                .bodyValue(Map.of("amount", Map.of("amount", 6800), "restock", false, "reason", "one cup broke"))
                .exchange().expectStatus().isCreated();

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status(receipt(sale.code()))).isEqualTo("PARTIALLY_REFUNDED"));
        String refundCode = receiptCodes(sale.order()).get(1);
        Map<String, Object> refund = receipt(refundCode);
        assertThat(refund).containsEntry("kind", "REFUND").containsEntry("total", Map.of("amount", 6800, "currency", "CNY"));
        assertThat(refund.get("refundOf")).isEqualTo(Map.of("code", sale.code(), "register", "ONLINE",
                "number", Integer.parseInt(sale.code().substring(7, sale.code().indexOf('.')))));
        assertThat(status(refund)).isEqualTo("GENUINE");
    }

    @Test
    void twoInstancesIssuingOnOneRegisterAtOnceKeepNumbersGapless() {
        Sale sale = paidOrderWithReceipt(1);
        UUID order = UUID.fromString(sale.order().orderId());
        long before = lastNumber("ONLINE");
        try (SecondInstance other = SecondInstance.onTestDatabase()) {
            Receipts elsewhere = other.bean(Receipts.class);
            List<String> codes = Flux.range(0, 40)
                    .flatMap(i -> reactor.core.publisher.Mono.fromCallable(() -> (i % 2 == 0 ? receipts : elsewhere)
                                    .issueRefund(new OrderRefunded(order, sale.order().orderNumber(), UUID.randomUUID(), Money.fen(1), "CASH", Map.of()))
                                    .block().code())
                            .subscribeOn(Schedulers.boundedElastic()), 8)
                    .collectList().block();

            assertThat(codes).hasSize(40).doesNotHaveDuplicates();
            List<Long> numbers = codes.stream().map(code -> Long.parseLong(code.substring(7, code.indexOf('.')))).sorted().toList();
            assertThat(numbers.get(numbers.size() - 1) - numbers.get(0)).isEqualTo(39);
        }
        assertThat(lastNumber("ONLINE")).isGreaterThanOrEqualTo(before + 40);
        admin.get().uri("/api/admin/receipts/registers/ONLINE/check").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.valid").isEqualTo(true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void afterAKeyRotationNewReceiptsUseTheNewKeyAndOldOnesStillVerify() {
        Sale old = paidOrderWithReceipt(1);
        String oldKey = (String) signed(receipt(old.code())).get("keyId");

        String newKey = (String) admin.post().uri("/api/admin/receipts/keys/rotate").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("kid");
        Sale fresh = paidOrderWithReceipt(1);

        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(signed(receipt(fresh.code())).get("keyId")).isEqualTo(newKey);
        assertThat(status(receipt(old.code()))).isEqualTo("GENUINE");
        assertThat(status(receipt(fresh.code()))).isEqualTo("GENUINE");
        List<Map<String, String>> keys = (List<Map<String, String>>) client.get().uri("/.well-known/receipt-keys").exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("keys");
        assertThat(keys).extracting(key -> key.get("kid")).contains(oldKey, newKey);
        staff.post().uri("/api/admin/receipts/keys/rotate").exchange().expectStatus().isForbidden();
    }

    @Test
    void madeUpOrMistypedCodesAreNotGenuine() {
        Sale sale = paidOrderWithReceipt(1);
        String otherSignature = sale.code().substring(0, sale.code().length() - 2) + (sale.code().endsWith("A") ? "BA" : "AA");
        for (String code : List.of(otherSignature, "ONLINE-1.abc", "NOPE", "ONLINE-999999." + "A".repeat(86))) {
            client.get().uri("/api/receipts/{code}", code).exchange().expectStatus().isNotFound()
                    .expectBody().jsonPath("$.verification.status").isEqualTo("NOT_GENUINE");
        }
    }

    @Test
    void theRenderingsOfARealReceiptCarryItsExactVerificationUrl() throws Exception {
        Sale sale = paidOrderWithReceipt(1);
        String url = (String) receipt(sale.code()).get("url");

        byte[] png = client.get().uri("/api/receipts/{code}/qr.png?size=400", sale.code()).exchange().expectStatus().isOk()
                .expectHeader().contentType("image/png").expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(QrDecoding.find(QrDecoding.image(png)).getText()).isEqualTo(url);

        for (String paper : List.of("80mm", "a4")) {
            byte[] pdf = client.get().uri("/api/receipts/{code}/receipt.pdf?paper={paper}", sale.code(), paper).exchange()
                    .expectStatus().isOk().expectHeader().contentType("application/pdf").expectBody(byte[].class).returnResult().getResponseBody();
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(new PDFTextStripper().getText(document)).contains("青花茶杯").contains(sale.order().orderNumber());
                assertThat(QrDecoding.find(new PDFRenderer(document).renderImageWithDPI(0, 300)).getText()).as(paper).isEqualTo(url);
            }
        }
        byte[] escpos = client.get().uri("/api/receipts/{code}.escpos?width=58", sale.code()).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(escpos, java.nio.charset.StandardCharsets.ISO_8859_1)).contains(url);

        client.get().uri("/api/receipts/{code}/qr.png?size=5", sale.code()).exchange().expectStatus().isBadRequest();
        client.get().uri("/api/receipts/{code}/receipt.pdf?paper=letter", sale.code()).exchange().expectStatus().isBadRequest();
        client.get().uri("/api/receipts/{code}/receipt.escpos?width=99", sale.code()).exchange().expectStatus().isBadRequest();
        client.get().uri("/api/receipts/{code}/qr.png", "ONLINE-1." + "A".repeat(86)).exchange().expectStatus().isNotFound();
    }

    @SuppressWarnings("unchecked")
    List<String> receiptCodes(Shop.Placed order) {
        return ((List<Map<String, Object>>) shop.order(order).get("receipts")).stream().map(r -> (String) r.get("code")).toList();
    }

    long lastNumber(String register) {
        return db.sql("SELECT last_number FROM receipt_registers WHERE id = :id").bind("id", register)
                .map(row -> row.get("last_number", Long.class)).one().block();
    }

    long count(String sql, Object id) {
        return db.sql(sql).bind("id", id).map(row -> row.get("n", Long.class)).one().block();
    }

    /** Changes rows as someone with database access could, past the append-only triggers. */
    String behindTheAppsBack(String sql) {
        return db.inTransaction(() -> db.sql("SET LOCAL session_replication_role = replica").update()
                .then(sql.startsWith("SELECT")
                        ? db.sql(sql).map(row -> row.get("v", String.class)).one()
                        : db.sql(sql).update().thenReturn(""))).block();
    }

    static String type(String column) {
        return switch (column) {
            case "total_minor" -> "bigint";
            case "issued_at" -> "timestamptz";
            case "content" -> "jsonb";
            default -> "text";
        };
    }
}
