package org.socialworkshop.e2e;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Issue 12, step 4, as the counter does it: a coordinator opens a register, gives the demo cashier a PIN and reads out
 * a pairing code; the tablet pairs, the cashier signs in and opens the shift with a float, then sells two products
 * (one twice) for cash with change. The tablet signs the receipt with its own key; the receipt panel shows the order,
 * the change, the receipt as signed and its QR code, the receipt is genuine and the register's chain checks. A second
 * sale, in English, takes the next number and links to the first; its request fails as the network would, so it is
 * completed offline with the tablet's own receipt and sent once the network is back, and the drawer expects the cash
 * both sales kept. The page's header names the cashier as soon as the PIN signs them in, and nobody once they sign out
 * at the counter, without the page being loaded again. Every state passes axe.
 */
@WorkshopTest
class CashierSellsForCashTest {

    private static final String DEMO_CASHIER = "Demo cashier 演示收银员";
    private static final String DEMO_CASHIER_EMAIL = "cashier@example.org";
    private static final String PIN = "5719";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    private final Messages zh = Messages.of("zh-CN");
    private final Messages en = Messages.of("en");

    @Test
    void aCashierSellsForCashAndTheTabletSignsAGenuineReceipt() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String id = "CAFE-" + tag;
        WebTestClient coordinator = CatalogFixtures.coordinator(client);
        coordinator.post().uri("/api/admin/pos/registers")
                .bodyValue(Map.of("id", id, "kind", "CAFE", "nameZh", "咖啡馆吧台 " + id, "nameEn", "Café bar " + id))
                .exchange().expectStatus().isCreated();
        String cashierId = demoCashier(coordinator);
        coordinator.put().uri("/api/admin/staff/{id}/pin", cashierId).bodyValue(Map.of("pin", PIN))
                .exchange().expectStatus().isNoContent();

        // A cup at ¥28.00 (goods, 13 %) and a canteen meal in two sizes (catering, 6 %).
        Map<String, Object> cupBody = CatalogFixtures.product("青花茶杯 " + tag, "Blue tea cup " + tag, false);
        String cup = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, withVariants(cupBody,
                variant("POS-CUP-" + tag, 2800, "标准", "Standard"))));
        Map<String, Object> mealBody = CatalogFixtures.product("红烧肉套餐 " + tag, "Braised pork set " + tag, false);
        mealBody.put("category", "CANTEEN_MEAL");
        mealBody.put("taxCategory", "CATERING");
        Map<String, Object> meal = CatalogFixtures.create(coordinator, withVariants(mealBody,
                variant("POS-MEAL-S-" + tag, 1800, "小份", "Small"), variant("POS-MEAL-L-" + tag, 2200, "大份", "Large")));
        String largeMeal = variantNamed(meal, "大份");
        String code = (String) coordinator.post().uri("/api/admin/pos/registers/" + id + "/pairing-codes").exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("code");

        Storefront tablet = browser.open(port, "/pos/?lang=zh-CN").ready("zh-CN");
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-pair")));
        tablet.element("pos-code").sendKeys(code);
        tablet.element("pos-pair-submit").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-who")));
        tablet.waitUntil(elementToBeClickable(By.id("pos-cashier-" + cashierId))).click();
        assertThat(tablet.element("sign-in-link").getText()).as("the header before the PIN").isEqualTo(zh.text("nav.signIn"));
        tablet.script("window.samePage = true;");
        tablet.element("pos-pin").sendKeys(PIN);
        tablet.element("pos-sign-in-submit").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-signed-in")));
        // The header names the cashier at once: the page is not loaded again.
        tablet.waitUntil(textToBe(By.id("signed-in-user"), DEMO_CASHIER_EMAIL));
        assertThat(tablet.driver().findElements(By.id("sign-in-link"))).as("no sign-in link once signed in").isEmpty();
        assertThat(tablet.element("sign-out").isDisplayed()).isTrue();
        assertThat(tablet.script("return window.samePage === true")).as("the same page, not loaded again").isEqualTo(true);

        // No sale before the shift is open; then the products, and an empty sale.
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sale-no-shift")));
        assertThat(tablet.element("pos-sale-no-shift").getText()).isEqualTo(zh.text("pos.sale.noShift"));
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-shift-float"))).sendKeys("200");
        tablet.element("pos-shift-open").click();
        tablet.waitUntil(textToBe(By.id("pos-shift-expected"), "¥200.00"));
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sale-add-" + cup)));
        assertThat(tablet.element("pos-sale-no-shift").isDisplayed()).isFalse();
        assertThat(tablet.element("pos-sale-add-" + cup).getText()).contains("青花茶杯 " + tag).contains("¥28.00");
        assertThat(tablet.element("pos-sale-add-" + largeMeal).getText()).contains("红烧肉套餐 " + tag + " · 大份").contains("¥22.00");
        assertThat(tablet.element("pos-sale-empty").getText()).isEqualTo(zh.text("pos.sale.empty"));
        Accessibility.assertNoSeriousViolations(tablet.driver(), "the empty sale screen, zh-CN");

        // The cup twice (one line), the large meal once; each said aloud with the new total, in yuan, not "yen".
        tablet.element("pos-sale-add-" + cup).click();
        tablet.element("pos-sale-add-" + cup).click();
        tablet.waitUntil(textToBe(By.id("pos-sale-status"), zh.text("pos.sale.added",
                Map.of("name", "青花茶杯 " + tag + " · 标准", "quantity", 2, "total", zh.spoken(5600)))));
        tablet.element("pos-sale-add-" + largeMeal).click();
        tablet.waitUntil(textToBe(By.id("pos-sale-status"), zh.text("pos.sale.added",
                Map.of("name", "红烧肉套餐 " + tag + " · 大份", "quantity", 1, "total", zh.spoken(7800)))));
        assertThat(tablet.driver().findElements(By.cssSelector("#pos-sale-lines > li"))).hasSize(2);
        assertThat(tablet.element("pos-sale-count-" + cup).getText()).isEqualTo("×2");
        assertThat(tablet.element("pos-sale-amount-" + cup).getText()).isEqualTo("¥56.00");
        assertThat(tablet.element("pos-sale-total").getText()).isEqualTo("¥78.00");

        // Too little cash is refused; a ¥100 note leaves ¥22.00 change.
        tablet.element("pos-sale-given").sendKeys("50");
        tablet.element("pos-sale-complete").click();
        tablet.waitUntil(textToBe(By.id("pos-sale-given-error"), zh.text("pos.sale.cash.notEnough", Map.of("total", "¥78.00"))));
        tablet.element("pos-sale-given").clear();
        tablet.element("pos-sale-note-10000").click();
        assertThat(tablet.element("pos-sale-given").getDomProperty("value")).isEqualTo("100.00");
        assertThat(tablet.element("pos-sale-change").getText()).isEqualTo(zh.text("pos.sale.cash.change", Map.of("amount", "¥22.00")));
        tablet.waitUntil(textToBe(By.id("pos-sale-status"), zh.text("pos.sale.cash.change", Map.of("amount", zh.spoken(2200)))));
        Accessibility.assertNoSeriousViolations(tablet.driver(), "a sale with two lines and change due, zh-CN");

        tablet.element("pos-sale-complete").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sale-receipt")));
        assertThat(tablet.focusedId()).as("focus moves to the receipt").isEqualTo("pos-sale-receipt-heading");
        assertThat(tablet.element("pos-sale-receipt-number").getText()).isEqualTo(id + "-1");
        assertThat(tablet.element("pos-sale-receipt-total").getText()).isEqualTo("¥78.00");
        assertThat(tablet.element("pos-sale-receipt-given").getText()).isEqualTo("¥100.00");
        assertThat(tablet.element("pos-sale-receipt-change").getText()).isEqualTo("¥22.00");
        tablet.waitUntil(textToBe(By.id("pos-sale-status"), zh.text("pos.sale.done", Map.of("number", id + "-1", "change", zh.spoken(2200)))));
        String href = tablet.element("pos-sale-receipt-link").getDomAttribute("href");
        assertThat(href).startsWith("/r/" + id + "-1.");
        String first = href.substring("/r/".length());
        assertThat(tablet.element("pos-slip").getDomAttribute("data-code")).isEqualTo(first);
        assertThat(tablet.element("pos-slip-total").getText()).isEqualTo("¥78.00");
        assertThat(tablet.element("pos-slip-change").getText()).isEqualTo("¥22.00");
        assertThat(tablet.element("pos-sale-qr").getDomAttribute("aria-label"))
                .isEqualTo(zh.text("pos.sale.receipt.qrAlt", Map.of("number", id + "-1")));
        assertThat(tablet.readQrCode("pos-sale-qr")).as("the QR code the tablet drew").isEqualTo("http://localhost:" + port + "/r/" + first);
        assertThat(tablet.element("pos-sale-receipt-pdf").getDomAttribute("href"))
                .isEqualTo("/api/receipts/" + first + "/receipt.pdf?paper=80mm");
        Accessibility.assertNoSeriousViolations(tablet.driver(), "the receipt panel after a cash sale, zh-CN");
        tablet.script("window.printed = 0; window.print = () => { window.printed += 1; window.dispatchEvent(new Event('afterprint')); };");
        tablet.element("pos-sale-print").click();
        assertThat(tablet.script("return window.printed")).isEqualTo(1L);

        JsonNode receipt = receipt(first);
        assertThat(receipt.get("verification").get("status").asString()).isEqualTo("GENUINE");
        assertThat(receipt.get("orderNumber").asString()).isEqualTo(id + "-1");
        assertThat(receipt.get("total").get("amount").asLong()).isEqualTo(7800);
        JsonNode tender = receipt.get("tenders").get(0);
        assertThat(tender.get("type").asString()).isEqualTo("CASH");
        assertThat(tender.get("given").get("amount").asLong()).isEqualTo(10000);
        assertThat(tender.get("change").get("amount").asLong()).isEqualTo(2200);
        assertThat(receipt.get("lines")).hasSize(2);
        assertThat(receipt.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(receipt.get("taxes")).hasSize(2);
        assertChainValid(id, 1);

        // A new sale, in English: the next number, linked to the first.
        tablet.element("pos-sale-new").click();
        assertThat(tablet.focusedId()).as("a new sale waits for a scan in the search").isEqualTo("pos-sale-search");
        assertThat(tablet.driver().findElements(By.cssSelector("#pos-sale-lines > li"))).isEmpty();
        Storefront english = browser.open(port, "/pos/?lang=en").ready("en");
        english.waitUntil(visibilityOfElementLocated(By.id("pos-sale-add-" + cup))).click();
        english.waitUntil(textToBePresentInElementLocated(By.id("pos-sale-total"), "28.00"));
        english.waitUntil(textToBe(By.id("pos-sale-status"), en.text("pos.sale.added",
                Map.of("name", "Blue tea cup " + tag + " · Standard", "quantity", 1, "total", en.spoken(2800)))));
        english.element("pos-sale-exact").click();
        assertThat(english.element("pos-sale-given").getDomProperty("value")).isEqualTo("28.00");
        Accessibility.assertNoSeriousViolations(english.driver(), "a sale with a line, paid exactly, en");
        // The sale's request fails as without the network: complete all the same, its receipt the tablet's, it waits
        // to be sent, and goes once the browser says it is online again.
        browser.failRequests("*/api/pos/sales");
        english.element("pos-sale-complete").click();
        english.waitUntil(visibilityOfElementLocated(By.id("pos-sale-receipt")));
        assertThat(english.element("pos-sale-receipt-number").getText()).isEqualTo(id + "-2");
        assertThat(english.element("pos-sale-receipt-heading").getText()).isEqualTo(en.text("pos.sale.receipt.heading"));
        assertThat(english.element("pos-sale-receipt-offline").getText()).isEqualTo(en.text("pos.sale.receipt.offline"));
        english.waitUntil(textToBe(By.id("pos-queue-banner"), en.counted("pos.queue.offlineWaiting", 1)));
        String second = english.element("pos-slip").getDomAttribute("data-code");
        assertThat(english.readQrCode("pos-sale-qr")).isEqualTo("http://localhost:" + port + "/r/" + second);
        browser.failRequests();
        english.script("window.dispatchEvent(new Event('online'));");
        english.waitUntilGone("pos-queue-banner");
        JsonNode next = receipt(second);
        assertThat(next.get("verification").get("status").asString()).isEqualTo("GENUINE");
        assertThat(next.get("number").asLong()).isEqualTo(2);
        assertThat(next.get("signed").get("previousHash").asString()).isEqualTo(receipt.get("signed").get("hash").asString());
        assertChainValid(id, 2);

        // The drawer expects the float and the cash both sales kept: 200 + 78 + 28.
        english.waitUntil(textToBePresentInElementLocated(By.id("pos-shift-expected"), "306.00"));

        // Signing out at the counter: the header says nobody is signed in, again without the page being loaded again.
        english.waitUntil(textToBe(By.id("signed-in-user"), DEMO_CASHIER_EMAIL));
        english.script("window.samePage = true;");
        english.element("pos-sign-out").click();
        english.waitUntil(visibilityOfElementLocated(By.id("pos-sign-out-confirm-yes"))).click();
        english.waitUntil(visibilityOfElementLocated(By.id("pos-who")));
        english.waitUntil(textToBe(By.id("sign-in-link"), en.text("nav.signIn")));
        assertThat(english.driver().findElements(By.id("signed-in-user"))).as("nobody named once signed out").isEmpty();
        assertThat(english.driver().findElements(By.id("sign-out"))).isEmpty();
        assertThat(english.script("return window.samePage === true")).as("the same page, not loaded again").isEqualTo(true);
        Accessibility.assertNoSeriousViolations(english.driver(), "signed out at the counter, the header too, en");
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

    private static Map<String, Object> variant(String sku, long fen, String nameZh, String nameEn) {
        Map<String, Object> variant = CatalogFixtures.variant(sku, fen);
        variant.put("nameZh", nameZh);
        variant.put("nameEn", nameEn);
        return variant;
    }

    @SafeVarargs
    private static Map<String, Object> withVariants(Map<String, Object> product, Map<String, Object>... variants) {
        product.put("variants", List.of(variants));
        return product;
    }

    @SuppressWarnings("unchecked")
    private static String variantNamed(Map<String, Object> product, String nameZh) {
        return ((List<Map<String, Object>>) product.get("variants")).stream()
                .filter(variant -> nameZh.equals(variant.get("nameZh")))
                .map(variant -> (String) variant.get("id"))
                .findFirst().orElseThrow();
    }

    private JsonNode receipt(String code) {
        return client.get().uri("/api/receipts/{code}", code).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void assertChainValid(String register, int receipts) {
        JsonNode check = SignIn.admin(client).get().uri("/api/admin/receipts/registers/{id}/check", register).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(check.get("valid").asBoolean()).as("the register's chain: " + check).isTrue();
        assertThat(check.get("checked").asInt()).isEqualTo(receipts);
    }
}
