package org.socialworkshop.e2e;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.pos.TabletReturn;
import org.socialworkshop.pos.TabletSale;
import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Issue 12, item 7, as the counter does it: a cashier sells a cup and a meal for cash, then the customer brings the cup
 * back. On the return screen the cashier scans the receipt's QR code (the USB scanner types its address), gives back
 * one cup to stock, each change said with the amount and its currency, reviews the return and confirms it; the tablet
 * signs the refund receipt in its register's series and shows it with its QR code, ready to print alone. The refund
 * receipt is genuine and names the sale, the cup is back in stock and the drawer expects the cash less; without the
 * network the tablet says a return needs it. In English, the meal is returned by the receipt number typed. Every state of the return screen passes axe, in both languages.
 */
@WorkshopTest
class CashierReturnsTest {

    private static final String DEMO_CASHIER = "Demo cashier 演示收银员";
    private static final String PIN = "5719";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    Database db;

    @Autowired
    SignedDocuments documents;

    @Autowired
    JsonMapper mapper;

    private final Messages zh = Messages.of("zh-CN");
    private final Messages en = Messages.of("en");

    @Test
    void aCashierTakesBackACupAgainstItsReceiptAndHandsOverARefundReceipt() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String id = "SHOP-" + tag;
        WebTestClient coordinator = CatalogFixtures.coordinator(client);
        coordinator.post().uri("/api/admin/pos/registers")
                .bodyValue(Map.of("id", id, "kind", "SHOP_COUNTER", "nameZh", "门店柜台 " + id, "nameEn", "Shop counter " + id))
                .exchange().expectStatus().isCreated();
        String cashierId = demoCashier(coordinator);
        coordinator.put().uri("/api/admin/staff/{id}/pin", cashierId).bodyValue(Map.of("pin", PIN)).exchange().expectStatus().isNoContent();
        Map<String, Object> cupBody = CatalogFixtures.product("青花茶杯 " + tag, "Blue tea cup " + tag, true);
        cupBody.put("variants", List.of(CatalogFixtures.variant("RET-CUP-" + tag, 2800)));
        String cup = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, cupBody));
        CatalogFixtures.receive(coordinator, cup, "WORKSHOP_SHOP", 4);
        Map<String, Object> mealBody = CatalogFixtures.product("红烧肉套餐 " + tag, "Braised pork set " + tag, false);
        mealBody.put("category", "CANTEEN_MEAL");
        mealBody.put("taxCategory", "CATERING");
        mealBody.put("variants", List.of(CatalogFixtures.variant("RET-MEAL-" + tag, 2200)));
        String meal = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, mealBody));
        String code = (String) coordinator.post().uri("/api/admin/pos/registers/" + id + "/pairing-codes").exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("code");

        Storefront tablet = browser.open(port, "/pos/?lang=zh-CN").ready("zh-CN");
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-pair")));
        tablet.element("pos-code").sendKeys(code);
        tablet.element("pos-pair-submit").click();
        tablet.waitUntil(elementToBeClickable(By.id("pos-cashier-" + cashierId))).click();
        tablet.element("pos-pin").sendKeys(PIN);
        tablet.element("pos-sign-in-submit").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-shift-float"))).sendKeys("200");
        tablet.element("pos-shift-open").click();
        tablet.waitUntil(textToBe(By.id("pos-shift-expected"), "¥200.00"));

        // A cup and a meal, ¥50.00, paid exactly.
        tablet.waitUntil(elementToBeClickable(By.id("pos-sale-add-" + cup))).click();
        tablet.element("pos-sale-add-" + meal).click();
        tablet.waitUntil(textToBe(By.id("pos-sale-total"), "¥50.00"));
        tablet.element("pos-sale-exact").click();
        tablet.element("pos-sale-complete").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sale-receipt-link")));
        String sale = tablet.element("pos-slip").getDomAttribute("data-code");
        assertThat(sale).startsWith(id + "-1.");
        assertThat(stock(cup)).isEqualTo("3");

        // The return screen, beside the sale: focus where the scanner types.
        assertThat(tablet.element("pos-mode-sale").getDomAttribute("aria-pressed")).isEqualTo("true");
        tablet.element("pos-mode-return").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-return-code")));
        assertThat(tablet.element("pos-mode-return").getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(tablet.element("pos-sale-heading").isDisplayed()).isFalse();
        assertThat(tablet.focusedId()).isEqualTo("pos-return-code");
        Accessibility.assertNoSeriousViolations(tablet.driver(), "the return screen, nothing found yet, zh-CN");

        // A receipt that is none is said at its field; the scanner then types the receipt's address and Enter.
        tablet.element("pos-return-code").sendKeys(id + "-9" + Keys.ENTER);
        tablet.waitUntil(textToBe(By.id("pos-return-code-error"), zh.text("pos.return.notFound")));
        // Without the network a return cannot be made: the server checks what was returned already.
        browser.failRequests("*/api/pos/returns*");
        tablet.element("pos-return-find-submit").click();
        tablet.waitUntil(textToBePresentInElementLocated(By.id("pos-return-errors"), zh.text("pos.return.needsNetwork")));
        browser.failRequests();
        tablet.element("pos-return-code").clear();
        tablet.element("pos-return-code").sendKeys("http://localhost:" + port + "/r/" + sale + Keys.ENTER);
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-return-original")));
        assertThat(tablet.element("pos-return-original-heading").getText()).isEqualTo(zh.text("pos.return.originalHeading",
                Map.of("number", id + "-1")));
        assertThat(tablet.focusedId()).isEqualTo("pos-return-original-heading");
        List<WebElement> lines = tablet.driver().findElements(By.cssSelector("#pos-return-lines > li"));
        assertThat(lines).hasSize(2);
        String cupLine = lines.get(0).getDomAttribute("id").substring("pos-return-line-".length());
        String mealLine = lines.get(1).getDomAttribute("id").substring("pos-return-line-".length());
        assertThat(tablet.element("pos-return-total").getText()).isEqualTo("¥0.00");
        assertThat(tablet.element("pos-return-restock-" + cupLine).isSelected()).as("goods go back to stock unless unticked").isTrue();
        assertThat(tablet.driver().findElements(By.id("pos-return-restock-" + mealLine))).as("a meal is not counted in stock").isEmpty();

        // Nothing chosen: nothing to review. One cup: the amount and its currency are said.
        tablet.element("pos-return-review").click();
        tablet.waitUntil(textToBePresentInElementLocated(By.id("pos-return-errors"), zh.text("pos.return.noneChosen")));
        tablet.element("pos-return-more-" + cupLine).click();
        assertThat(tablet.focusedId()).isEqualTo("pos-return-more-" + cupLine);
        assertThat(tablet.element("pos-return-count-" + cupLine).getText()).isEqualTo("×1");
        assertThat(tablet.element("pos-return-total").getText()).isEqualTo("¥28.00");
        tablet.waitUntil(textToBe(By.id("pos-return-status"), zh.text("pos.return.quantityNow",
                Map.of("name", "青花茶杯 " + tag + " · 标准", "quantity", 1, "total", zh.text("money.spoken", Map.of("amount", "28.00"))))));
        assertThat(tablet.element("pos-return-more-" + cupLine).getDomAttribute("aria-disabled")).as("one cup was sold").isEqualTo("true");
        assertThat(tablet.element("pos-return-tender-cash").isSelected()).isTrue();
        Accessibility.assertNoSeriousViolations(tablet.driver(), "a return of one cup chosen, zh-CN");

        // Reviewed first: nothing is given back before the cashier confirms.
        tablet.element("pos-return-review").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-return-confirm")));
        assertThat(tablet.focusedId()).isEqualTo("pos-return-confirm-heading");
        assertThat(tablet.element("pos-return-confirm-what").getText()).isEqualTo(zh.text("pos.return.confirm.what",
                Map.of("total", "¥28.00", "currency", "人民币", "number", id + "-1")));
        assertThat(tablet.element("pos-return-give").getText()).isEqualTo(zh.text("pos.return.confirm.give", Map.of("total", "¥28.00")));
        assertThat(count("SELECT count(*)::text AS v FROM pos_returns WHERE register_id = :id", id)).isEqualTo("0");
        Accessibility.assertNoSeriousViolations(tablet.driver(), "the return's confirmation, zh-CN");
        tablet.element("pos-return-give").click();

        // The refund receipt, signed by the tablet, with its QR code.
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-return-receipt")));
        assertThat(tablet.focusedId()).isEqualTo("pos-return-receipt-heading");
        assertThat(tablet.element("pos-return-receipt-number").getText()).isEqualTo(id + "-2");
        assertThat(tablet.element("pos-return-receipt-of").getText()).isEqualTo(id + "-1");
        assertThat(tablet.element("pos-return-receipt-cash").getText()).isEqualTo("¥28.00");
        assertThat(tablet.element("pos-return-slip-heading").getText()).isEqualTo(zh.text("receipt.name",
                Map.of("kind", zh.text("receipt.kind.REFUND"), "register", id, "number", 2)));
        assertThat(tablet.element("pos-return-slip-total").getText()).isEqualTo("¥28.00");
        String refund = tablet.element("pos-return-slip").getDomAttribute("data-code");
        assertThat(tablet.element("pos-return-receipt-link").getDomAttribute("href")).isEqualTo("/r/" + refund);
        assertThat(tablet.readQrCode("pos-return-qr")).isEqualTo("http://localhost:" + port + "/r/" + refund);
        tablet.waitUntil(textToBe(By.id("pos-return-status"), zh.text("pos.return.done",
                Map.of("number", id + "-2", "total", zh.text("money.spoken", Map.of("amount", "28.00"))))));
        Accessibility.assertNoSeriousViolations(tablet.driver(), "the refund receipt, zh-CN");
        // On paper, the refund receipt alone (the sale's slip is in its hidden panel).
        ChromeDriver chrome = (ChromeDriver) tablet.driver();
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(tablet.element("pos-return-slip").isDisplayed()).isTrue();
        assertThat(tablet.element("pos-return-receipt-heading").isDisplayed()).isFalse();
        assertThat(tablet.element("pos-shift-heading").isDisplayed()).isFalse();
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        tablet.script("window.printed = 0; window.print = () => { window.printed += 1; window.dispatchEvent(new Event('afterprint')); };");
        tablet.element("pos-return-print").click();
        assertThat(tablet.script("return window.printed")).isEqualTo(1L);

        JsonNode receipt = receipt(refund);
        assertThat(receipt.get("verification").get("status").asString()).isEqualTo("GENUINE");
        assertThat(receipt.get("kind").asString()).isEqualTo("REFUND");
        assertThat(receipt.get("total").get("amount").asLong()).isEqualTo(2800);
        assertThat(receipt(sale).get("verification").get("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(stock(cup)).isEqualTo("4");
        tablet.waitUntil(textToBe(By.id("pos-shift-expected"), "¥222.00"));
        assertChainValid(id, 2);

        // In English, the meal by the receipt number typed; the cup has nothing left to return.
        Storefront english = browser.open(port, "/pos/?lang=en").ready("en");
        english.waitUntil(elementToBeClickable(By.id("pos-mode-return"))).click();
        english.waitUntil(visibilityOfElementLocated(By.id("pos-return-code"))).sendKeys(id.toLowerCase() + "-1");
        english.element("pos-return-find-submit").click();
        english.waitUntil(visibilityOfElementLocated(By.id("pos-return-original")));
        assertThat(english.element("pos-return-refunded").getText()).endsWith("¥28.00");
        assertThat(english.element("pos-return-more-" + cupLine).getDomAttribute("aria-disabled")).isEqualTo("true");
        assertThat(english.element("pos-return-line-" + cupLine).getText()).contains(en.text("pos.return.line.none"));
        Accessibility.assertNoSeriousViolations(english.driver(), "a sale found by its number, part returned, en");
        english.element("pos-return-more-" + mealLine).click();
        english.waitUntil(textToBePresentInElementLocated(By.id("pos-return-total"), "¥22.00"));
        String mealAmount = english.element("pos-return-total").getText();
        english.element("pos-return-review").click();
        english.waitUntil(visibilityOfElementLocated(By.id("pos-return-confirm")));
        assertThat(english.element("pos-return-confirm-lines").getText()).isEqualTo(en.text("pos.return.confirm.line",
                Map.of("quantity", 1, "name", "Braised pork set " + tag + " · Standard", "amount", mealAmount)));
        Accessibility.assertNoSeriousViolations(english.driver(), "the return's confirmation, en");
        english.element("pos-return-give").click();
        english.waitUntil(visibilityOfElementLocated(By.id("pos-return-receipt")));
        assertThat(english.element("pos-return-receipt-number").getText()).isEqualTo(id + "-3");
        Accessibility.assertNoSeriousViolations(english.driver(), "the refund receipt, en");
        english.waitUntil(textToBePresentInElementLocated(By.id("pos-shift-expected"), "¥200.00"));
        assertThat(receipt(sale).get("verification").get("status").asString()).isEqualTo("REFUNDED");
        assertChainValid(id, 3);
    }

    /**
     * The refund receipt the tablet builds (lib/pos-receipt.js) for units of a line with options and a discount and all of
     * a plain line is, byte for byte, the one of the test's tablet (TabletReturn), which the server stores
     * (CounterReturnTest): the share rounded down, the part of the discount, format 3.
     */
    @Test
    void theTabletsRefundReceiptIsTheServersBytes() {
        Map<String, Object> seller = new LinkedHashMap<>();
        seller.put("name", "成都市锦江区锦爱社会工坊");
        seller.put("address", "成都市锦江区");
        seller.put("taxId", "91510100MA00000000");
        seller.put("nameEn", "Jin'ai Workshop");
        seller.put("addressEn", "Jinjiang District, Chengdu");
        Map<String, Object> latte = soldLine("l-latte", "拿铁", "Latte \"hot\"", "热", 3, 2500, 7400,
                List.of(Map.of("name", "大杯", "nameEn", "Large", "price", TabletSale.money(300))),
                Map.of("amount", TabletSale.money(100), "reason", "熟客 \"老王\""));
        Map<String, Object> meal = soldLine("l-meal", "红烧肉套餐", "Braised pork set", "大份", 2, 2000, 4000, null, null);
        Map<String, Object> found = new LinkedHashMap<>(Map.of("code", "CAFE-9-7.x", "number", "CAFE-9-7", "orderNumber", "CAFE-9-7",
                "lines", List.of(latte, meal)));
        Map<String, Object> series = Map.of("lastNumber", 41, "lastHash", "ab".repeat(32), "keyId", "device-test");

        Map<String, Object> server = new TabletReturn(found, Map.of("seller", seller)).add("l-meal", 2, false).add("l-latte", 2, true)
                .receipt("CAFE-9", series);
        server.put("issuedAt", "2026-12-06T10:00:00.123000Z");
        Storefront page = browser.open(port, "/pos/?lang=en").ready("en");
        Object tablet = ((JavascriptExecutor) page.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const input = JSON.parse(arguments[0]);
                Promise.all([import('/lib/pos-receipt.js'), import('/lib/canonical-json.js')])
                  .then(([receipts, canonical]) => {
                    const content = receipts.refundReceiptContent({ register: 'CAFE-9', series: input.series, seller: input.seller,
                      found: input.found, units: new Map([['l-meal', 2], ['l-latte', 2]]), issuedAt: new Date('2026-12-06T10:00:00.123Z') });
                    done(new TextDecoder().decode(canonical.canonicalBytes(content)));
                  })
                  .catch((error) => done('failed: ' + error));""", json(Map.of("series", series, "seller", seller, "found", found)));
        assertThat(tablet).asString().doesNotStartWith("failed")
                .isEqualTo(new String(documents.canonical(server), StandardCharsets.UTF_8))
                .contains("\"v\":3", "\"refundOf\":\"CAFE-9-7\"", "\"kind\":\"REFUND\"", "\"variantEn\":\"Large\"",
                        "\"addressEn\":\"Jinjiang District, Chengdu\"", "\"makersEn\":[]");
        assertThat(server.get("total")).as("7400 × 2 ÷ 3 rounded down, and all of the meal").isEqualTo(TabletSale.money(4933 + 4000));

        // Back to the original tender, a card with ¥30 left on it: ¥30 to the card, the rest in cash, in that order.
        Map<String, Object> backTo = new LinkedHashMap<>();
        backTo.put("type", "CARD");
        backTo.put("provider", "stripe");
        backTo.put("amount", TabletSale.money(3000));
        backTo.put("given", null);
        backTo.put("change", null);
        backTo.put("reference", "pi_test_42");
        Map<String, Object> paidByCard = new LinkedHashMap<>(found);
        paidByCard.put("tenders", Map.of("paidWith", List.of("CARD", "CASH"), "original", true, "backTo", backTo));
        Map<String, Object> toTheCard = new TabletReturn(paidByCard, Map.of("seller", seller)).add("l-meal", 2, false).add("l-latte", 2, true)
                .tender("ORIGINAL").receipt("CAFE-9", series);
        toTheCard.put("issuedAt", "2026-12-06T10:00:00.123000Z");
        Object split = ((JavascriptExecutor) page.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const input = JSON.parse(arguments[0]);
                Promise.all([import('/lib/pos-receipt.js'), import('/lib/canonical-json.js')])
                  .then(([receipts, canonical]) => {
                    const content = receipts.refundReceiptContent({ register: 'CAFE-9', series: input.series, seller: input.seller,
                      found: input.found, units: new Map([['l-meal', 2], ['l-latte', 2]]), issuedAt: new Date('2026-12-06T10:00:00.123Z'),
                      tender: 'ORIGINAL' });
                    done(new TextDecoder().decode(canonical.canonicalBytes(content)));
                  })
                  .catch((error) => done('failed: ' + error));""", json(Map.of("series", series, "seller", seller, "found", paidByCard)));
        assertThat(split).asString().doesNotStartWith("failed")
                .isEqualTo(new String(documents.canonical(toTheCard), StandardCharsets.UTF_8))
                .contains("\"type\":\"CARD\"", "\"reference\":\"pi_test_42\"");
        assertThat((List<?>) toTheCard.get("tenders")).hasSize(2);
    }

    private static Map<String, Object> soldLine(String id, String name, String nameEn, String variant, int quantity, long unit, long amount,
            List<Map<String, Object>> options, Map<String, Object> discount) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("lineId", id);
        line.put("name", name);
        line.put("nameEn", nameEn);
        line.put("variant", variant);
        line.put("variantEn", "大份".equals(variant) ? "Large" : "Hot");
        line.put("quantity", quantity);
        line.put("unitPrice", TabletSale.money(unit));
        line.put("amount", TabletSale.money(amount));
        line.put("taxRate", "0.06");
        line.put("options", options);
        line.put("discount", discount);
        line.put("returned", 0);
        line.put("returnable", quantity);
        line.put("restockable", true);
        return line;
    }

    private String json(Object value) {
        return mapper.writeValueAsString(value);
    }

    private String demoCashier(WebTestClient coordinator) {
        JsonNode cashiers = coordinator.get().uri("/api/admin/staff/cashiers").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        for (JsonNode cashier : cashiers) {
            if (cashier.get("displayName").asString().equals(DEMO_CASHIER)) {
                return cashier.get("id").asString();
            }
        }
        throw new IllegalStateException("No demo cashier among " + cashiers);
    }

    private String stock(String variant) {
        return count("SELECT on_hand::text AS v FROM stock_levels WHERE variant_id = CAST(:id AS uuid) AND location = 'WORKSHOP_SHOP'", variant);
    }

    private String count(String sql, String id) {
        return db.sql(sql).bind("id", id).map(row -> row.get("v", String.class)).one().block();
    }

    private JsonNode receipt(String code) {
        return client.get().uri("/api/receipts/{code}", code).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void assertChainValid(String register, int receipts) {
        JsonNode check = SignIn.admin(client).get().uri("/api/admin/receipts/registers/{id}/check", register).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(check.get("valid").asBoolean()).as("the register's chain: " + check).isTrue();
        assertThat(check.get("checked").asInt()).isEqualTo(receipts);
    }
}
