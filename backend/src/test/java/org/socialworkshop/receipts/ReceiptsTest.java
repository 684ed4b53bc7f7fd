package org.socialworkshop.receipts;

import java.nio.charset.StandardCharsets;
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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.catalog.Channel;
import org.socialworkshop.ordering.OrderPaid;
import org.socialworkshop.ordering.OrderRefunded;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.database.Statement;
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
                .satisfies(line -> assertThat(line).containsEntry("name", "青花茶杯").containsEntry("quantity", 2).containsEntry("taxRate", "0.13")
                        .containsKey("variantEn"));
        // format 3: the seller in English too, from the shop's identity, and the makers in Latin script beside the Chinese
        assertThat((Map<String, Object>) receipt.get("seller")).containsKeys("name", "address", "taxId", "nameEn", "addressEn");
        assertThat((List<String>) receipt.get("makersEn")).hasSameSizeAs((List<String>) receipt.get("makers"));
        assertThat(new String(Base64.getUrlDecoder().decode((String) signed(receipt).get("payload")), StandardCharsets.UTF_8))
                .contains("\"v\":3");
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

    /**
     * Someone checks the newest receipt while the next ones are being issued: it must read genuine every time. The
     * check reads the receipt after it, or the register's end when there is none; a receipt issued between those two
     * reads made a genuine receipt read NOT_GENUINE (seen under load on the two-instance cluster). The race is a
     * matter of timing, so this runs many checks against a stream of new receipts.
     */
    @Test
    void theNewestReceiptReadsGenuineWhileTheNextOnesAreIssued() {
        paidOrderWithReceipt(1);
        var issuing = Flux.range(0, 40)
                .flatMap(i -> reactor.core.publisher.Mono.fromRunnable(() -> shop.paidOrder(productId, variantId, 1))
                        .subscribeOn(Schedulers.boundedElastic()), 4)
                .then(reactor.core.publisher.Mono.delay(Duration.ofSeconds(1)))
                .subscribeOn(Schedulers.boundedElastic())
                .toFuture();
        int checks = 0;
        List<String> wrong = new ArrayList<>();
        while (!issuing.isDone()) {
            long newest = db.sql("SELECT last_number FROM receipt_registers WHERE id = 'ONLINE'")
                    .map(row -> row.get("last_number", Long.class)).one().block();
            SignedReceipt receipt = book.load("ONLINE", newest).block();
            ReceiptBook.Verification verdict = book.verify(receipt).block();
            checks++;
            if (verdict.status() == ReceiptBook.Status.NOT_GENUINE) {
                wrong.add("ONLINE-" + newest + ": " + verdict);
            }
        }
        issuing.join();

        assertThat(checks).as("checks made while receipts were issued").isGreaterThan(100);
        assertThat(wrong).as("genuine receipts read NOT_GENUINE").isEmpty();
    }

    /**
     * The columns of {@code receipts} that are neither signed nor part of the chain, and why changing one of them
     * forges nothing. Every other column is changed in turn by the tamper test below.
     */
    static final Map<String, String> NOT_SIGNED = Map.of(
            "id", "the row's surrogate key: no receipt shows it, and the tamper test finds the row by it",
            "order_id", "the shop's own link from an order to its receipts; a receipt names its order by order_number, which is signed",
            "source_key", "the key of the payment or refund that issued the receipt, so that it is issued once; no receipt shows it");

    @Test
    void aSingleChangedByteInAnyStoredFieldIsDetectedAndTheRegisterCheckNamesTheReceipt() {
        // A refund receipt has a value in every column (a sale has no refund_of); a sale after it makes it a middle link.
        Sale sale = paidOrderWithReceipt(2);
        staff.post().uri("/api/admin/orders/{id}/refunds", sale.order().orderId())
                .bodyValue(Map.of("amount", Map.of("amount", 6800), "restock", false, "reason", "one cup broke"))
                .exchange().expectStatus().isCreated();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(receiptCodes(sale.order())).hasSize(2));
        String code = receiptCodes(sale.order()).get(1);
        paidOrderWithReceipt(1);
        UUID id = db.sql("SELECT id FROM receipts WHERE refund_of = :sale").bind("sale", sale.code().substring(0, sale.code().indexOf('.')))
                .map(row -> row.get("id", UUID.class)).one().block();
        long number = Long.parseLong(code.substring("ONLINE-".length(), code.indexOf('.')));
        assertThat(verdict(code)).isEqualTo("GENUINE");

        Map<String, String> columns = receiptColumns();
        assertThat(columns).as("the columns said to be unsigned exist").containsKeys(NOT_SIGNED.keySet().toArray(String[]::new));
        columns.keySet().removeAll(NOT_SIGNED.keySet());
        assertThat(columns).hasSizeGreaterThanOrEqualTo(13);
        columns.forEach((column, type) -> {
            String before = storedValue(column, id);
            behindTheAppsBack("UPDATE receipts SET " + column + " = " + oneByteChanged(column, type) + " WHERE id = :id", id, null);
            try {
                assertThat(storedValue(column, id)).as("changed " + column).isNotEqualTo(before);
                assertThat(verdict(code)).as("the receipt's code after changing " + column).isEqualTo("NOT_GENUINE");
                String answersTo = codeOf(id);
                if (!answersTo.equals(code)) {
                    assertThat(verdict(answersTo)).as("the code the row answers to after changing " + column).isEqualTo("NOT_GENUINE");
                }
                Map<String, Object> check = onlineRegisterCheck();
                assertThat(check).as("the register check after changing " + column).containsEntry("valid", false);
                assertThat(((Number) ((Map<?, ?>) check.get("firstBroken")).get("number")).longValue())
                        .as("the first broken receipt after changing " + column).isEqualTo(number);
            } finally {
                behindTheAppsBack("UPDATE receipts SET " + column + " = CAST(:before AS " + type + ") WHERE id = :id", id, before);
            }
            assertThat(verdict(code)).as("restored " + column).isEqualTo("GENUINE");
        });
        assertThat(onlineRegisterCheck()).containsEntry("valid", true);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> onlineRegisterCheck() {
        return admin.get().uri("/api/admin/receipts/registers/ONLINE/check").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /**
     * SQL that changes one byte or character of {@code column} to a value that is certainly different from the
     * stored one, and still passes the table's CHECK constraints (PostgreSQL enforces them even for a replica).
     */
    static String oneByteChanged(String column, String type) {
        if (column.equals("kind")) {
            // The CHECK admits only these two words: the smallest change there is is to the other one.
            return "CASE kind WHEN 'SALE' THEN 'REFUND' ELSE 'SALE' END";
        }
        return switch (type) {
            // Bit 40: a number no register reaches, so the changed number collides with no other receipt, and stays > 0.
            case "int8" -> column + " # 1099511627776";
            case "text", "bpchar" -> firstCharacterChanged(column);
            case "timestamptz" -> column + " + interval '1 microsecond'";
            case "bytea" -> "set_byte(" + column + ", 0, get_byte(" + column + ", 0) # 1)";
            case "jsonb" -> "jsonb_set(" + column + ", '{lines,0,name}', to_jsonb(" + firstCharacterChanged(column + " #>> '{lines,0,name}'") + "))";
            default -> throw new AssertionError("Column " + column + " of type " + type + " is not covered: give its type a "
                    + "change here, or add it to NOT_SIGNED with the reason it need not be signed");
        };
    }

    static String firstCharacterChanged(String text) {
        return "overlay(" + text + " placing (CASE WHEN left(" + text + ", 1) = 'A' THEN 'B' ELSE 'A' END) from 1 for 1)";
    }

    /** Every column of {@code receipts} with its type's name, as the database has it now. */
    Map<String, String> receiptColumns() {
        Map<String, String> columns = new java.util.LinkedHashMap<>();
        db.sql("SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() "
                        + "AND table_name = 'receipts' ORDER BY ordinal_position")
                .map(row -> Map.entry(row.get("column_name", String.class), row.get("udt_name", String.class)))
                .list().block()
                .forEach(column -> columns.put(column.getKey(), column.getValue()));
        return columns;
    }

    String storedValue(String column, UUID id) {
        return db.sql("SELECT " + column + "::text AS v FROM receipts WHERE id = :id").bind("id", id)
                .map(row -> row.get("v", String.class)).one().block();
    }

    /** The code a stored row answers to: its register, number and signature as they are now. */
    String codeOf(UUID id) {
        return db.sql("SELECT register, number, signature FROM receipts WHERE id = :id").bind("id", id)
                .map(row -> row.get("register", String.class) + "-" + row.get("number", Long.class) + "."
                        + Base64.getUrlEncoder().withoutPadding().encodeToString(row.get("signature", byte[].class)))
                .one().block();
    }

    /** What the public verification says about a code: 200 with the receipt, or 404 when no receipt has it. */
    @SuppressWarnings("unchecked")
    String verdict(String code) {
        Map<String, Object> answer = client.get().uri("/api/receipts/{code}", code).exchange()
                .expectStatus().value(status -> assertThat(status).as("answer for " + code).isIn(200, 404))
                .expectBody(Map.class).returnResult().getResponseBody();
        return status(answer);
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
        int middle = sale.code().indexOf('.') + 40;
        String otherSignature = sale.code().substring(0, middle) + (sale.code().charAt(middle) == 'A' ? 'B' : 'A')
                + sale.code().substring(middle + 1);
        // Other spellings of the real code: the number with a leading zero, the signature's spare bits set.
        String real = sale.code();
        int dash = real.lastIndexOf('-', real.indexOf('.'));
        String leadingZero = real.substring(0, dash + 1) + "0" + real.substring(dash + 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String spareBitsSet = real.substring(0, real.length() - 1) + alphabet.charAt(alphabet.indexOf(real.charAt(real.length() - 1)) ^ 1);
        for (String code : List.of(otherSignature, leadingZero, spareBitsSet, "ONLINE-1.abc", "NOPE", "ONLINE-999999." + "A".repeat(86))) {
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

    /** Changes a row as someone with database access could, past the append-only triggers. */
    void behindTheAppsBack(String sql, UUID id, @Nullable String before) {
        Statement change = before == null ? db.sql(sql).bind("id", id) : db.sql(sql).bind("id", id).bind("before", before);
        db.inTransaction(() -> db.sql("SET LOCAL session_replication_role = replica").update().then(change.update())).block();
    }
}
