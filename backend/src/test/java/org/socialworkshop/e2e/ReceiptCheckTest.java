package org.socialworkshop.e2e;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.pos.StaffedCounter;
import org.socialworkshop.pos.TabletSale;
import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

/**
 * A buyer checks the receipt of a paid order, as its QR code leads there: the order page links to it, the receipt page
 * says it is genuine and shows the order and its total, in Chinese and English and on a small phone; a refund makes the
 * sale read refunded and adds a refund receipt; a made-up code is not genuine; its times are the shop's, named. Every
 * page passes axe.
 */
@WorkshopTest
class ReceiptCheckTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    /** Receipts are issued through the outbox after the payment or refund is recorded. */
    private static final Duration ISSUING = Duration.ofSeconds(20);
    private static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    private final Messages zh = Messages.of("zh-CN");
    private final Messages en = Messages.of("en");

    @Autowired
    Accounts accounts;

    @Autowired
    SignedDocuments documents;

    @Test
    @SuppressWarnings("unchecked")
    void aCounterReceiptShowsItsOptionsDiscountAndPickupNumber() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        WebTestClient staff = CatalogFixtures.coordinator(client);
        Map<String, Object> group = staff.put().uri("/api/admin/modifier-groups/{code}", "SIZE_" + tag)
                .bodyValue(Map.of("nameZh", "杯型", "nameEn", "Size", "minChoices", 1, "maxChoices", 1, "options", List.of(
                        Map.of("nameZh", "大杯", "nameEn", "Large", "priceDelta", 300))))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String large = (String) ((List<Map<String, Object>>) group.get("options")).get(0).get("id");
        Map<String, Object> drink = CatalogFixtures.product("拿铁" + tag, "Latte " + tag, false);
        drink.put("variants", List.of(CatalogFixtures.variant("E2E-LATTE-" + tag, 2200)));
        drink.put("modifierGroups", List.of("SIZE_" + tag));
        String latte = CatalogFixtures.firstVariantId(CatalogFixtures.create(staff, drink));
        StaffedCounter counter = new StaffedCounter(client, staff, accounts);
        staff.put().uri("/api/admin/staff/{id}/discounts", counter.cashier.id().value()).bodyValue(Map.of("upTo", 10))
                .exchange().expectStatus().isNoContent();
        counter.post("/api/pos/shift", Map.of("openingFloat", TabletSale.money(10000)), null).expectStatus().isCreated();
        Map<String, Object> catalog = counter.get("/api/pos/catalog").expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> series = (Map<String, Object>) counter.get("/api/pos/device").expectBody(Map.class).returnResult()
                .getResponseBody().get("series");
        TabletSale sale = new TabletSale(catalog).pickup(17).add(latte, 2, List.of(large), 200, "熟客优惠", null);
        Map<String, Object> sold = counter.post("/api/pos/sales", sale.body(counter.tablet, documents, counter.registerId, series, 5000), null)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String code = (String) ((Map<String, Object>) sold.get("receipt")).get("code");

        Storefront page = browser.open(port, "/r/" + code + "?lang=zh-CN").ready("zh-CN");
        expectVerdict(page, zh, "GENUINE", "receipt.verdict.GENUINE");
        assertThat(page.element("receipt-pickup-number").getText()).isEqualTo("17");
        assertThat(page.element("receipt-lines").getText()).contains(zh.text("receipt.lines.optionMore", Map.of("name", "大杯", "price", "¥3.00")),
                zh.text("receipt.lines.discount", Map.of("amount", "¥2.00", "reason", "熟客优惠")));
        assertThat(page.element("receipt-total").getText()).isEqualTo("¥48.00");
        Accessibility.assertNoSeriousViolations(page.driver(), "a counter receipt with options, a discount and a pickup number in zh-CN");
        page = browser.open(port, "/r/" + code + "?lang=en").ready("en");
        expectVerdict(page, en, "GENUINE", "receipt.verdict.GENUINE");
        assertThat(page.element("receipt-lines").getText()).contains("Large +CN¥3.00", "Discount −CN¥2.00: 熟客优惠");
        Accessibility.assertNoSeriousViolations(page.driver(), "a counter receipt with options, a discount and a pickup number in English");
    }

    @Test
    void aPaidOrdersReceiptIsGenuineAndARefundShowsOnIt() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        WebTestClient staff = CatalogFixtures.coordinator(client);
        Map<String, Object> body = CatalogFixtures.product("青花茶杯" + tag, "Blue tea cup " + tag, false);
        body.put("variants", List.of(CatalogFixtures.variant("E2E-RECEIPT-" + tag, 6800)));
        Map<String, Object> product = CatalogFixtures.create(staff, body);
        Shop shop = new Shop(client);
        Shop.Placed order = shop.paidOrder((String) product.get("id"), CatalogFixtures.firstVariantId(product), 2);
        Map<String, Object> sale = receipts(shop, order, 1).get(0);
        String saleCode = (String) sale.get("code");
        assertThat(sale).containsEntry("kind", "SALE");

        Storefront page = browser.open(port, orderPage(order, "zh-CN")).ready("zh-CN");
        WebElement link = page.waitUntil(presenceOfElementLocated(By.cssSelector("#order-receipts a[data-kind='SALE']")));
        assertThat(link.getDomAttribute("href")).isEqualTo("/r/" + saleCode);
        assertThat(link.getText()).isEqualTo(name(zh, sale));
        Accessibility.assertNoSeriousViolations(page.driver(), "order page with its receipt in zh-CN");
        link.click();

        page.waitUntil(urlContains("/r/" + saleCode));
        expectVerdict(page.ready("zh-CN"), zh, "GENUINE", "receipt.verdict.GENUINE");
        assertThat(page.element("receipt-order-number").getText()).isEqualTo(order.orderNumber());
        assertThat(page.element("receipt-total").getText()).isEqualTo("¥136.00");
        assertThat(page.element("receipt-paper-heading").getText()).isEqualTo(name(zh, sale));
        assertThat(page.element("receipt-lines").getText()).contains("青花茶杯" + tag);
        assertThat(page.element("receipt-check-signature").getText()).isEqualTo(zh.text("receipt.check.signatureOk"));
        assertThat(page.element("receipt-check-chain").getText()).isEqualTo(zh.text("receipt.check.chainOk"));
        assertThat(page.element("receipt-pdf-roll").getDomAttribute("href"))
                .isEqualTo("/api/receipts/" + saleCode + "/receipt.pdf?paper=80mm");
        assertThat(page.element("receipt-pdf-a4").getDomAttribute("href")).isEqualTo("/api/receipts/" + saleCode + "/receipt.pdf?paper=a4");
        assertThat(page.element("receipt-qr").getDomAttribute("href")).isEqualTo("/api/receipts/" + saleCode + "/qr.png");
        assertThat(page.element("receipt-escpos").getDomAttribute("href")).isEqualTo("/api/receipts/" + saleCode + "/receipt.escpos");
        assertThat(page.element("receipt-keys").getDomAttribute("href")).isEqualTo("/.well-known/receipt-keys");
        renderingsAreThere(page);
        Accessibility.assertNoSeriousViolations(page.driver(), "genuine receipt in zh-CN");
        printsOnTheChosenPaper(page);

        browser.resize(360, 800);
        Storefront english = browser.open(port, "/r/" + saleCode + "?lang=en").ready("en");
        expectVerdict(english, en, "GENUINE", "receipt.verdict.GENUINE");
        assertThat(english.element("receipt-total").getText()).isEqualTo("CN¥136.00");
        assertThat(english.element("receipt-lines").getText()).contains("Blue tea cup " + tag);
        assertThat(english.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than a 360 px phone").isEqualTo(true);
        Accessibility.assertNoSeriousViolations(english.driver(), "genuine receipt in en at 360 px");

        staff.post().uri("/api/admin/orders/{id}/refunds", order.orderId())
                .bodyValue(Map.of("amount", Map.of("amount", 6800, "currency", "CNY"), "restock", false, "reason", "一个茶杯碎了"))
                .exchange().expectStatus().isCreated();
        Map<String, Object> refund = receipts(shop, order, 2).stream()
                .filter(receipt -> "REFUND".equals(receipt.get("kind"))).findFirst().orElseThrow();
        checkRefund(order, saleCode, refund);
    }

    /** The sale now reads partly refunded; the order page links the refund receipt, which names the sale. */
    private void checkRefund(Shop.Placed order, String saleCode, Map<String, Object> refund) {
        Storefront sale = browser.open(port, "/r/" + saleCode + "?lang=zh-CN").ready("zh-CN");
        expectVerdict(sale, zh, "PARTIALLY_REFUNDED", "receipt.verdict.PARTIALLY_REFUNDED");
        Accessibility.assertNoSeriousViolations(sale.driver(), "partly refunded receipt in zh-CN");

        Storefront page = browser.open(port, orderPage(order, "en")).ready("en");
        WebElement link = page.waitUntil(presenceOfElementLocated(By.cssSelector("#order-receipts a[data-kind='REFUND']")));
        assertThat(link.getText()).isEqualTo(name(en, refund));
        link.click();

        page.waitUntil(urlContains("/r/" + refund.get("code")));
        expectVerdict(page.ready("en"), en, "GENUINE", "receipt.verdict.refundReceipt");
        assertThat(page.element("receipt-total").getText()).isEqualTo("CN¥68.00");
        assertThat(page.element("receipt-refund-of").getDomAttribute("href")).isEqualTo("/r/" + saleCode);
        Accessibility.assertNoSeriousViolations(page.driver(), "refund receipt in en");

        page.element("receipt-refund-of").click();
        page.waitUntil(urlContains("/r/" + saleCode));
        expectVerdict(page.ready("en"), en, "PARTIALLY_REFUNDED", "receipt.verdict.PARTIALLY_REFUNDED");
    }

    /** The slip shows its QR code, and every download link answers with its file. */
    private void renderingsAreThere(Storefront page) {
        page.waitUntil(d -> Boolean.TRUE.equals(page.script(
                "const qr = document.querySelector('#receipt-paper .paper__qr'); return qr.complete && qr.naturalWidth > 0 && !qr.hidden;")));
        Map<String, MediaType> files = Map.of("receipt-pdf-roll", MediaType.APPLICATION_PDF, "receipt-pdf-a4", MediaType.APPLICATION_PDF,
                "receipt-qr", MediaType.IMAGE_PNG, "receipt-escpos", MediaType.APPLICATION_OCTET_STREAM);
        files.forEach((link, type) -> client.get().uri(page.element(link).getDomAttribute("href")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(type));
    }

    /**
     * The print buttons choose the paper before the print dialog, which is stood in for: it fires the events a real
     * one fires and notes the paper and the page size the roll was given (as long as the slip, 80 mm wide).
     */
    private static void printsOnTheChosenPaper(Storefront page) {
        page.script("window.print = () => { window.dispatchEvent(new Event('beforeprint'));"
                + " window.printed = { paper: document.documentElement.dataset.paper,"
                + " pages: [...document.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join(' ') };"
                + " window.dispatchEvent(new Event('afterprint')); };");
        page.element("receipt-print-roll").click();
        assertThat(page.script("return window.printed.paper")).isEqualTo("roll");
        assertThat((String) page.script("return window.printed.pages")).containsPattern("@page receipt-roll \\{ size: 80mm \\d+mm;");
        assertThat(page.htmlAttribute("data-printing")).as("the roll layout is put away after printing").isNull();
        page.element("receipt-print-a4").click();
        assertThat(page.script("return window.printed.paper")).isEqualTo("a4");
    }

    /**
     * Read by someone whose clock is in India (half an hour off any whole-hour zone), the receipt page still tells
     * both its times, when it was issued and when it was checked, in the shop's zone, and names the zone.
     */
    @Test
    void everyTimeOnTheReceiptPageIsInTheShopsZoneAndSaysSoInBothLanguages() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        WebTestClient staff = CatalogFixtures.coordinator(client);
        Map<String, Object> body = CatalogFixtures.product("青瓷碗" + tag, "Celadon bowl " + tag, false);
        body.put("variants", List.of(CatalogFixtures.variant("E2E-ZONE-" + tag, 4200)));
        Map<String, Object> product = CatalogFixtures.create(staff, body);
        Shop shop = new Shop(client);
        Shop.Placed order = shop.paidOrder((String) product.get("id"), CatalogFixtures.firstVariantId(product), 1);
        String code = (String) receipts(shop, order, 1).get(0).get("code");
        Map<String, Object> receipt = client.get().uri("/api/receipts/" + code).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat(receipt).containsEntry("timeZone", "Asia/Shanghai");
        browser.emulateTimeZone("Asia/Kolkata");

        for (String lang : List.of("zh-CN", "en")) {
            Messages messages = Messages.of(lang);
            ZonedDateTime before = ZonedDateTime.now(SHOP_ZONE);
            Storefront page = browser.open(port, "/r/" + code + "?lang=" + lang).ready(lang);
            expectVerdict(page, messages, "GENUINE", "receipt.verdict.GENUINE");
            ZonedDateTime after = ZonedDateTime.now(SHOP_ZONE);
            assertThat(page.script("return Intl.DateTimeFormat().resolvedOptions().timeZone")).isIn("Asia/Kolkata", "Asia/Calcutta");

            String zone = lang.equals("en") ? "China Standard Time" : "中国标准时间";
            String issued = spaced(page.element("receipt-time").getText());
            assertThat(issued).isEqualTo(spaced(messages.text("receipt.localTime",
                    Map.of("time", receipt.get("localTime"), "zone", zone))));
            String checked = spaced(page.driver().findElement(By.cssSelector("#receipt-verdict .verdict__when")).getText());
            assertThat(checked).as("when the receipt was checked, in " + lang)
                    .startsWith(spaced(messages.text("receipt.checkedAt", Map.of("time", ""))))
                    .endsWith(lang.equals("en") ? " (" + zone + ")" : "（" + zone + "）")
                    .containsAnyOf(clock(before, lang), clock(after, lang));
        }
    }

    /** The time of day as the page's language writes it: "3:01 PM", "15:01". */
    private static String clock(ZonedDateTime when, String lang) {
        return when.format(DateTimeFormatter.ofPattern(lang.equals("en") ? "h:mm a" : "HH:mm", Locale.US));
    }

    /** Text with the narrow and no-break spaces that Intl puts before "PM" as plain ones. */
    private static String spaced(String text) {
        return text.replace('\u202F', ' ').replace('\u00A0', ' ');
    }

    @Test
    void aMadeUpCodeIsNotGenuineInEitherLanguage() {
        String madeUp = "/r/ONLINE-1." + "A".repeat(86);
        for (String lang : List.of("zh-CN", "en")) {
            Messages messages = Messages.of(lang);
            Storefront page = browser.open(port, madeUp + "?lang=" + lang).ready(lang);
            expectVerdict(page, messages, "NOT_GENUINE", "receipt.verdict.NOT_GENUINE");
            assertThat(page.element("receipt-verdict").getDomAttribute("data-reason")).isEqualTo("notFound");
            assertThat(page.element("receipt-verdict-text").getText()).isEqualTo(messages.text("receipt.why.notFound"));
            assertThat(page.driver().findElements(By.id("receipt-paper"))).as("no receipt shown").isEmpty();
            Accessibility.assertNoSeriousViolations(page.driver(), "a made-up receipt code in " + lang);
        }
    }

    /** Waits for the verdict, then checks its words, and that the (visually hidden) live region said them. */
    private static void expectVerdict(Storefront page, Messages messages, String verdict, String key) {
        page.waitUntil(attributeToBe(By.id("receipt-verdict"), "data-verdict", verdict));
        assertThat(page.element("receipt-verdict-heading").getText()).isEqualTo(messages.text(key));
        page.waitUntil(d -> messages.text(key).equals(page.script("return document.getElementById('receipt-live').textContent")));
    }

    /** "Sale receipt ONLINE-42", as the order page and the receipt page name a receipt. */
    private static String name(Messages messages, Map<String, Object> receipt) {
        return messages.text("receipt.name", Map.of("kind", messages.text("receipt.kind." + receipt.get("kind")),
                "register", receipt.get("register"), "number", receipt.get("number")));
    }

    private static String orderPage(Shop.Placed order, String lang) {
        return "/shop/order.html?id=" + order.orderId() + "&token=" + order.accessToken() + "&lang=" + lang;
    }

    /** The order's receipts once there are {@code count} of them. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> receipts(Shop shop, Shop.Placed order, int count) {
        Awaitility.await().atMost(ISSUING).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat((List<Map<String, Object>>) shop.order(order).get("receipts")).hasSize(count));
        return (List<Map<String, Object>>) shop.order(order).get("receipts");
    }
}
