package org.socialworkshop.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Issue 12, step 5, as the counter lives it: the network drops, for the page and for its service worker (a relay
 * between the browser and the application is cut, see {@link TcpProxy}), and the tablet keeps selling for cash. Each
 * offline sale is complete for the customer at once, with the receipt the tablet numbered, chained and signed, and its
 * QR code; a banner counts the sales waiting; signing out and closing the shift are refused while they wait. The page
 * is reloaded without the network (the service worker serves it) and still knows its sales and sells another, in
 * English. When the network is back the tablet sends them, in order: exactly one order and one genuine receipt per
 * sale, the register's chain whole. The same batch sent again, put back into the tablet's queue, creates nothing
 * twice, and the tablet then sells online on the next number. The banner and the offline receipt pass axe in both
 * languages.
 */
@WorkshopTest
class CashierSellsOfflineTest {

    private static final String DEMO_CASHIER = "Demo cashier 演示收银员";
    private static final String PIN = "6284";
    /** The tablet tries to send every 15 s; after the network is back, allow for a try or two. */
    private static final Duration SYNC_PATIENCE = Duration.ofSeconds(45);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    private final Messages zh = Messages.of("zh-CN");
    private final Messages en = Messages.of("en");
    private TcpProxy network;

    @AfterEach
    void restoreTheNetwork() {
        if (network != null) {
            network.close();
        }
    }

    @Test
    void theTabletSellsOfflineAndEachSaleIsStoredOnceWhenTheNetworkIsBack() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String id = "TEA-" + tag;
        WebTestClient coordinator = CatalogFixtures.coordinator(client);
        coordinator.post().uri("/api/admin/pos/registers")
                .bodyValue(Map.of("id", id, "kind", "TEA_ROOM", "nameZh", "茶室 " + id, "nameEn", "Tea room " + id))
                .exchange().expectStatus().isCreated();
        String cashierId = demoCashier(coordinator);
        coordinator.put().uri("/api/admin/staff/{id}/pin", cashierId).bodyValue(Map.of("pin", PIN))
                .exchange().expectStatus().isNoContent();
        String cup = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator,
                priced(CatalogFixtures.product("青花茶杯 " + tag, "Blue tea cup " + tag, false), "POS-CUP-" + tag, 2800)));
        String tea = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator,
                priced(CatalogFixtures.product("蒙顶甘露 " + tag, "Mengding Ganlu tea " + tag, false), "POS-TEA-" + tag, 1500)));
        String code = (String) coordinator.post().uri("/api/admin/pos/registers/" + id + "/pairing-codes").exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("code");

        // The tablet reaches the shop through the relay; paired, signed in, the shift open, one sale online.
        network = TcpProxy.to(port);
        Storefront tablet = browser.open(network.port(), "/pos/?lang=zh-CN").ready("zh-CN");
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-pair")));
        tablet.element("pos-code").sendKeys(code);
        tablet.element("pos-pair-submit").click();
        tablet.waitUntil(elementToBeClickable(By.id("pos-cashier-" + cashierId))).click();
        tablet.element("pos-pin").sendKeys(PIN);
        tablet.element("pos-sign-in-submit").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-shift-float"))).sendKeys("200");
        tablet.element("pos-shift-open").click();
        tablet.waitUntil(textToBe(By.id("pos-shift-expected"), "¥200.00"));
        sell(tablet, cup);
        assertThat(tablet.element("pos-sale-receipt-number").getText()).isEqualTo(id + "-1");
        assertThat(tablet.element("pos-sale-receipt-offline").isDisplayed()).as("stored by the server at once").isFalse();
        String online = slipCode(tablet);
        assertThat(tablet.element("pos-sale-receipt-link").getDomAttribute("href")).isEqualTo("/r/" + online);
        assertThat(tablet.readQrCode("pos-sale-qr")).isEqualTo(receiptAddress(online));
        assertThat(tablet.driver().findElements(By.id("pos-queue-banner"))).as("nothing waits").isEmpty();
        // The service worker controls the page and has kept what a reload needs.
        tablet.waitUntil(d -> Boolean.TRUE.equals(tablet.script("return navigator.serviceWorker.controller !== null")));

        // The network drops: three cash sales, each complete with the tablet's receipt, the banner counting them.
        network.stop();
        List<String> offline = new ArrayList<>();
        for (int sale = 1; sale <= 3; sale++) {
            tablet.element("pos-sale-new").click();
            sell(tablet, sale == 2 ? tea : cup);
            assertThat(tablet.element("pos-sale-receipt-number").getText()).isEqualTo(id + "-" + (sale + 1));
            assertThat(tablet.element("pos-sale-receipt-offline").getText()).isEqualTo(zh.text("pos.sale.receipt.offline"));
            tablet.waitUntil(textToBe(By.id("pos-queue-banner"), zh.counted("pos.queue.offlineWaiting", sale)));
            String signed = slipCode(tablet);
            assertThat(signed).startsWith(id + "-" + (sale + 1) + ".");
            assertThat(tablet.readQrCode("pos-sale-qr")).as("the QR code the tablet drew").isEqualTo(receiptAddress(signed));
            assertThat(tablet.element("pos-sale-receipt-links").isDisplayed()).isFalse();
            offline.add(signed);
        }
        assertThat(tablet.element("pos-slip-total").getText()).isEqualTo("¥28.00");
        assertThat(tablet.element("pos-slip-seller").getText()).isNotBlank();
        tablet.waitUntil(textToBe(By.id("pos-sale-status"), zh.text("pos.sale.doneOffline",
                Map.of("number", id + "-4", "change", zh.spoken(0)))));
        Accessibility.assertNoSeriousViolations(tablet.driver(), "the offline banner and a receipt made offline, zh-CN");
        tablet.script("window.printed = 0; window.print = () => { window.printed += 1; window.dispatchEvent(new Event('afterprint')); };");
        tablet.element("pos-sale-print").click();
        assertThat(tablet.script("return window.printed")).isEqualTo(1L);

        // Signing out, here or in the header, and closing the shift wait for the sales.
        tablet.element("pos-sign-out").click();
        tablet.waitUntil(textToBe(By.id("pos-sign-out-refusal"), zh.counted("pos.signIn.salesWaiting", 3)));
        assertThat(tablet.focusedId()).isEqualTo("pos-sign-out-refusal");
        assertThat(tablet.script("return document.querySelector('auth-status')"
                + ".dispatchEvent(new CustomEvent('auth-sign-out', { bubbles: true, cancelable: true }))"))
                .as("the header's sign-out is cancelled").isEqualTo(false);
        assertThat(tablet.element("pos-signed-in").isDisplayed()).as("still signed in").isTrue();
        tablet.element("pos-shift-counted").sendKeys("284");
        tablet.element("pos-shift-close").click();
        tablet.waitUntil(textToBePresentInElementLocated(By.id("pos-shift-errors"), zh.counted("pos.shift.salesWaiting", 3)));
        assertThat(tablet.element("pos-shift-confirm").isDisplayed()).isFalse();
        String batch = queued(tablet);
        assertThat(batch).contains(offline.get(0), offline.get(1), offline.get(2));

        // Reloaded without the network, in English: the service worker serves the page, the sales still wait.
        Storefront english = browser.open(network.port(), "/pos/?lang=en").ready("en");
        english.waitUntil(textToBe(By.id("pos-queue-banner"), en.counted("pos.queue.offlineWaiting", 3)));
        assertThat(english.script("return navigator.serviceWorker.controller !== null")).isEqualTo(true);
        english.waitUntil(visibilityOfElementLocated(By.id("pos-shift-offline")));
        Accessibility.assertNoSeriousViolations(english.driver(), "the offline banner after a reload, en");
        sell(english, tea);
        assertThat(english.element("pos-sale-receipt-number").getText()).isEqualTo(id + "-5");
        english.waitUntil(textToBe(By.id("pos-queue-banner"), en.counted("pos.queue.offlineWaiting", 4)));
        assertThat(english.element("pos-sale-receipt-heading").getText()).isEqualTo(en.text("pos.sale.receipt.heading"));
        offline.add(slipCode(english));
        Accessibility.assertNoSeriousViolations(english.driver(), "a receipt made offline after a reload, en");

        // The network is back: the tablet sends the four, in order, and the banner goes.
        network.start();
        waitForSync(english);
        english.waitUntil(textToBePresentInElementLocated(By.id("pos-shift-expected"), "314.00"));
        assertSales(id, 5);
        for (String signed : offline) {
            assertThat(receipt(signed).get("verification").get("status").asString()).as(signed).isEqualTo("GENUINE");
        }

        // The same offline batch, put back into the tablet's queue and sent again, creates nothing twice.
        putBack(english, batch);
        new WebDriverWait(english.driver(), SYNC_PATIENCE, Storefront.POLL).withMessage("the batch put back was not sent again")
                .until(d -> "[]".equals(queued(english)));
        waitForSync(english);
        assertSales(id, 5);

        // And the tablet sells online again, on the next number.
        english.element("pos-sale-new").click();
        sell(english, cup);
        assertThat(english.element("pos-sale-receipt-number").getText()).isEqualTo(id + "-6");
        assertThat(english.element("pos-sale-receipt-offline").isDisplayed()).isFalse();
        assertSales(id, 6);

        // A sale the server refuses stops the queue: an alert names it and gives the server's reason; nothing is stored.
        JsonNode again = underNewId(batch);
        putBack(english, JSON.writeValueAsString(List.of(again)));
        english.waitUntil(textToBePresentInElementLocated(By.id("pos-queue-refusal"), id + "-" + again.get("number").asInt()));
        assertThat(english.element("pos-queue-banner").getText()).isEqualTo(en.counted("pos.queue.waiting", 1));
        Accessibility.assertNoSeriousViolations(english.driver(), "a sale the server refused, en");
        assertSales(id, 6);

        // Another POS page opened on the tablet is kept under its own address: reloaded offline after it, the counter is
        // still the counter (the service worker kept every page as "/pos/" once, and served the ready board instead).
        Storefront board = browser.open(network.port(), "/pos/ready.html?lang=en").ready("en");
        board.waitUntil(visibilityOfElementLocated(By.cssSelector("main.page--ready")));
        network.stop();
        Storefront counterAgain = browser.open(network.port(), "/pos/?lang=en").ready("en");
        counterAgain.waitUntil(visibilityOfElementLocated(By.id("pos-queue-banner")));
        assertThat(counterAgain.driver().getTitle()).isEqualTo(en.text("pos.device.title"));
        network.start();
    }

    /** Adds one of `variant`, pays exactly, completes the sale and waits for its receipt. */
    private static void sell(Storefront tablet, String variant) {
        tablet.waitUntil(elementToBeClickable(By.id("pos-sale-add-" + variant))).click();
        tablet.element("pos-sale-exact").click();
        tablet.element("pos-sale-complete").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sale-receipt")));
        assertThat(tablet.focusedId()).isEqualTo("pos-sale-receipt-heading");
    }

    private static String slipCode(Storefront tablet) {
        return tablet.element("pos-slip").getDomAttribute("data-code");
    }

    private String receiptAddress(String code) {
        return "http://localhost:" + network.port() + "/r/" + code;
    }

    /**
     * Waits until the banner has gone: nothing waits and the server is there. Gone means not on the page: a banner being
     * redrawn with new words is found stale for a moment, which Selenium's invisibility condition takes for gone.
     */
    private static void waitForSync(Storefront tablet) {
        new WebDriverWait(tablet.driver(), SYNC_PATIENCE, Storefront.POLL)
                .withMessage("the waiting sales were not sent")
                .until(driver -> driver.findElements(By.id("pos-queue-banner")).isEmpty());
    }

    /** The tablet's queue, as it keeps it in IndexedDB, as JSON. */
    private static String queued(Storefront tablet) {
        return (String) ((JavascriptExecutor) tablet.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const opening = indexedDB.open('workshop-pos');
                opening.onsuccess = () => {
                  const db = opening.result;
                  const all = db.transaction('queue').objectStore('queue').getAll();
                  all.onsuccess = () => { db.close(); done(JSON.stringify(all.result)); };
                };""");
    }

    /** Puts `batch` (JSON, as queued() read it) back into the tablet's queue, and says the browser is online. */
    private static void putBack(Storefront tablet, String batch) {
        ((JavascriptExecutor) tablet.driver()).executeAsyncScript("""
                const [batch, done] = [JSON.parse(arguments[0]), arguments[arguments.length - 1]];
                const opening = indexedDB.open('workshop-pos');
                opening.onsuccess = () => {
                  const db = opening.result;
                  const putting = db.transaction('queue', 'readwrite');
                  for (const sale of batch) putting.objectStore('queue').put(sale);
                  putting.oncomplete = () => { db.close(); window.dispatchEvent(new Event('online')); done(true); };
                };""", batch);
    }

    /** A sale of `batch` as another sale: a new client id, the same receipt (whose number is taken). */
    private static JsonNode underNewId(String batch) {
        ObjectNode sale = (ObjectNode) JSON.readTree(batch).get(0);
        String clientId = UUID.randomUUID().toString();
        sale.put("clientId", clientId);
        ((ObjectNode) sale.get("body")).put("clientId", clientId);
        return sale;
    }

    /** The register holds exactly `count` orders and receipts, its chain whole. */
    private void assertSales(String register, int count) {
        WebTestClient admin = SignIn.admin(client);
        JsonNode orders = admin.get().uri("/api/admin/orders?q={q}&size=50", register + "-").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(orders.get("total").asInt()).as("orders of " + register + ": " + orders).isEqualTo(count);
        JsonNode info = admin.get().uri("/api/admin/pos/registers/{id}", register).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(info.get("lastReceiptNumber").asLong()).isEqualTo(count);
        JsonNode check = admin.get().uri("/api/admin/receipts/registers/{id}/check", register).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(check.get("valid").asBoolean()).as("the register's chain: " + check).isTrue();
        assertThat(check.get("checked").asInt()).isEqualTo(count);
    }

    private JsonNode receipt(String code) {
        return client.get().uri("/api/receipts/{code}", code).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
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

    private static Map<String, Object> priced(Map<String, Object> product, String sku, long fen) {
        product.put("variants", List.of(CatalogFixtures.variant(sku, fen)));
        return product;
    }
}
