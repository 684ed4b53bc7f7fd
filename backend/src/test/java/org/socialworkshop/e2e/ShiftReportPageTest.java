package org.socialworkshop.e2e;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.pos.StaffedCounter;
import org.socialworkshop.pos.TabletReturn;
import org.socialworkshop.pos.TabletSale;
import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfWindowsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Issue 12, step 9, at the screens: a counter sells twice and takes one back; the cashier's X report, opened at its page,
 * is genuine and says the sales, their total, the refund and the cash the drawer should hold, in Chinese and English,
 * with a QR code of its own
 * address; the shift closed a yuan short, its Z report says the counted cash and the difference; a forged code is not a
 * genuine report. At the tablet, "X report" opens the report's page in a new window, and a closed shift links to its Z
 * report. Every page passes axe.
 */
@WorkshopTest
class ShiftReportPageTest {

    private static final String DEMO_CASHIER = "Demo cashier 演示收银员";
    private static final String PIN = "6283";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    Accounts accounts;

    @Autowired
    SignedDocuments documents;

    private final Messages zh = Messages.of("zh-CN");
    private final Messages en = Messages.of("en");

    @Test
    @SuppressWarnings("unchecked")
    void theXAndZReportsOfAShiftShowTheirFiguresAndAreGenuine() {
        WebTestClient coordinator = CatalogFixtures.coordinator(client);
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String cup = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, CatalogFixtures.product("杯 " + tag, "Cup " + tag, false)));
        Map<String, Object> set = CatalogFixtures.product("套餐 " + tag, "Set meal " + tag, false);
        set.put("category", "CANTEEN_MEAL");
        set.put("taxCategory", "CATERING");
        set.put("variants", List.of(CatalogFixtures.variant("RP-MEAL-" + tag, 2000)));
        String meal = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, set));
        StaffedCounter counter = new StaffedCounter(client, coordinator, accounts);
        counter.post("/api/pos/shift", Map.of("openingFloat", TabletSale.money(20000)), null).expectStatus().isCreated();
        sell(counter, new TabletSale(catalog(counter)).add(cup, 1), 10000);
        String mealSale = sell(counter, new TabletSale(catalog(counter)).add(meal, 1), 2000);
        Map<String, Object> found = counter.lookup(mealSale);
        counter.giveBack(new TabletReturn(found, catalog(counter))
                .add((String) ((List<Map<String, Object>>) found.get("lines")).get(0).get("lineId"), 1, false), documents)
                .expectStatus().isCreated();

        String x = (String) counter.post("/api/pos/shift/reports", Map.of(), null).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("code");
        Storefront page = browser.open(port, "/pos/report.html?code=" + x + "&lang=zh-CN").ready("zh-CN");
        expectGenuine(page, zh);
        assertThat(page.element("report-type").getText()).isEqualTo(zh.text("report.typeSaid.X"));
        assertThat(page.element("report-register").getText()).isEqualTo(zh.text("report.register", Map.of("name", "测试 " + counter.registerId,
                "id", counter.registerId)));
        assertThat(page.element("report-sales-count").getText()).isEqualTo("2");
        assertThat(page.element("report-sales-total").getText()).isEqualTo("¥88.00");
        assertThat(page.element("report-refunds-count").getText()).isEqualTo("1");
        assertThat(page.element("report-refunds-total").getText()).isEqualTo("¥20.00");
        assertThat(page.element("report-refund-tenders").getText()).contains(zh.text("receipt.tender.CASH"), "¥20.00");
        assertThat(page.element("report-drawer-cash-refunds").getText()).isEqualTo("¥20.00");
        assertThat(page.element("report-drawer-expected").getText()).isEqualTo("¥268.00");
        assertThat(page.driver().findElements(By.id("report-drawer-counted"))).as("counted on the Z report only").isEmpty();
        assertThat(page.element("report-issued").getText()).as("local time, its zone named").contains("中国标准时间");
        assertThat(page.element("report-taxes").getText()).contains("6%", "13%");
        assertThat(page.readQrCode("report-qr")).as("its QR code holds its own address")
                .isEqualTo("http://localhost:" + port + "/pos/report.html?code=" + x);
        Accessibility.assertNoSeriousViolations(page.driver(), "a genuine X report, zh-CN");
        page.script("window.printed = []; window.print = () => { window.dispatchEvent(new Event('beforeprint'));"
                + " window.printed.push(document.documentElement.dataset.paper); window.dispatchEvent(new Event('afterprint')); };");
        page.element("report-print-roll").click();
        page.element("report-print-a4").click();
        assertThat((List<String>) page.script("return window.printed")).containsExactly("roll", "a4");

        Storefront english = browser.open(port, "/pos/report.html?code=" + x + "&lang=en").ready("en");
        expectGenuine(english, en);
        assertThat(english.element("report-register").getText()).isEqualTo(en.text("report.register", Map.of("name", "Test " + counter.registerId,
                "id", counter.registerId)));
        assertThat(english.element("report-sales-total").getText()).isEqualTo("CN¥88.00");
        assertThat(english.element("report-drawer-expected").getText()).isEqualTo("CN¥268.00");
        assertThat(english.element("report-refunds-total").getText()).isEqualTo("CN¥20.00");
        assertThat(english.element("report-products").getText()).contains("Cup " + tag, "Set meal " + tag);
        assertThat(english.element("report-issued").getText()).contains("China Standard Time");
        Accessibility.assertNoSeriousViolations(english.driver(), "a genuine X report, en");

        // Closed a yuan short: the Z report says what was counted and the difference.
        JsonNode closed = counter.post("/api/pos/shift/close", Map.of("countedCash", TabletSale.money(26700)), UUID.randomUUID().toString())
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        String z = closed.get("closing").get("report").asString();
        Storefront zReport = browser.open(port, "/pos/report.html?code=" + z + "&lang=zh-CN").ready("zh-CN");
        expectGenuine(zReport, zh);
        assertThat(zReport.element("report-type").getText()).isEqualTo(zh.text("report.typeSaid.Z"));
        assertThat(zReport.element("report-drawer-counted").getText()).isEqualTo("¥267.00");
        assertThat(zReport.element("report-drawer-difference").getText()).isEqualTo("-¥1.00");
        assertThat(zReport.element("report-drawer-difference-words").getText()).isEqualTo(zh.text("report.drawer.short"));
        Accessibility.assertNoSeriousViolations(zReport.driver(), "a genuine Z report, zh-CN");
        Storefront zEnglish = browser.open(port, "/pos/report.html?code=" + z + "&lang=en").ready("en");
        expectGenuine(zEnglish, en);
        assertThat(zEnglish.element("report-drawer-difference").getText()).isEqualTo("-CN¥1.00");
        Accessibility.assertNoSeriousViolations(zEnglish.driver(), "a genuine Z report, en");

        String forged = z.substring(0, z.length() - 2) + (z.endsWith("AA") ? "BA" : "AA");
        Storefront fake = browser.open(port, "/pos/report.html?code=" + forged + "&lang=zh-CN").ready("zh-CN");
        fake.waitUntil(textToBe(By.id("report-verdict-heading"), zh.text("report.verdict.NOT_GENUINE")));
        assertThat(fake.element("report-verdict").getDomAttribute("data-verdict")).isEqualTo("NOT_GENUINE");
        assertThat(fake.element("report-verdict-text").getText()).isEqualTo(zh.text("report.why.notFound"));
        assertThat(fake.driver().findElements(By.id("report-paper"))).isEmpty();
        Accessibility.assertNoSeriousViolations(fake.driver(), "a forged report code, zh-CN");
        Storefront fakeEnglish = browser.open(port, "/pos/report.html?code=" + forged + "&lang=en").ready("en");
        fakeEnglish.waitUntil(textToBe(By.id("report-verdict-heading"), en.text("report.verdict.NOT_GENUINE")));
        Accessibility.assertNoSeriousViolations(fakeEnglish.driver(), "a forged report code, en");
    }

    @Test
    void atTheTabletTheXReportOpensInANewWindowAndAClosedShiftLinksToItsZReport() {
        String id = "CAFE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        WebTestClient coordinator = CatalogFixtures.coordinator(client);
        coordinator.post().uri("/api/admin/pos/registers")
                .bodyValue(Map.of("id", id, "kind", "CAFE", "nameZh", "咖啡馆吧台 " + id, "nameEn", "Café bar " + id))
                .exchange().expectStatus().isCreated();
        String cashierId = demoCashier(coordinator);
        coordinator.put().uri("/api/admin/staff/{id}/pin", cashierId).bodyValue(Map.of("pin", PIN)).exchange().expectStatus().isNoContent();
        String code = (String) coordinator.post().uri("/api/admin/pos/registers/" + id + "/pairing-codes").exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("code");

        Storefront tablet = browser.open(port, "/pos/?lang=zh-CN").ready("zh-CN");
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-pair")));
        tablet.element("pos-code").sendKeys(code);
        tablet.element("pos-pair-submit").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-who")));
        tablet.waitUntil(elementToBeClickable(By.id("pos-cashier-" + cashierId))).click();
        tablet.element("pos-pin").sendKeys(PIN);
        tablet.element("pos-sign-in-submit").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-shift-float"))).sendKeys("100");
        tablet.element("pos-shift-open").click();
        tablet.waitUntil(textToBe(By.id("pos-shift-expected"), "¥100.00"));
        Accessibility.assertNoSeriousViolations(tablet.driver(), "the open shift with its X report button, zh-CN");

        WebDriver driver = tablet.driver();
        String counterWindow = driver.getWindowHandle();
        tablet.element("pos-shift-x-report").click();
        tablet.waitUntil(numberOfWindowsToBe(2));
        String reportWindow = driver.getWindowHandles().stream().filter(handle -> !handle.equals(counterWindow)).findFirst().orElseThrow();
        driver.switchTo().window(reportWindow);
        tablet.waitUntil(urlContains("/pos/report.html?code="));
        Storefront report = new Storefront(driver).ready("zh-CN");
        expectGenuine(report, zh);
        assertThat(report.element("report-type").getText()).isEqualTo(zh.text("report.typeSaid.X"));
        assertThat(report.element("report-drawer-expected").getText()).isEqualTo("¥100.00");
        assertThat(report.element("report-closed").getText()).isEqualTo(zh.text("report.stillOpen"));
        driver.close();
        driver.switchTo().window(counterWindow);
        assertThat(tablet.waitUntil(visibilityOfElementLocated(By.id("pos-shift-x-link"))).getDomAttribute("href"))
                .startsWith("/pos/report.html?code=");

        tablet.element("pos-shift-counted").sendKeys("100");
        tablet.element("pos-shift-close").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-shift-confirm-close"))).click();
        String zLink = tablet.waitUntil(visibilityOfElementLocated(By.id("pos-shift-z-report"))).getDomAttribute("href");
        assertThat(zLink).startsWith("/pos/report.html?code=");
        Accessibility.assertNoSeriousViolations(tablet.driver(), "a closed shift with its Z report link, zh-CN");
        Storefront z = browser.open(port, zLink + "&lang=en").ready("en");
        expectGenuine(z, en);
        assertThat(z.element("report-type").getText()).isEqualTo(en.text("report.typeSaid.Z"));
        assertThat(z.element("report-drawer-counted").getText()).isEqualTo("CN¥100.00");
        assertThat(z.element("report-drawer-difference-words").getText()).isEqualTo(en.text("report.drawer.even"));
    }

    private static void expectGenuine(Storefront page, Messages messages) {
        page.waitUntil(textToBe(By.id("report-verdict-heading"), messages.text("report.verdict.GENUINE")));
        page.waitUntil(presenceOfElementLocated(By.id("report-paper")));
        assertThat(page.element("report-verdict").getDomAttribute("data-verdict")).isEqualTo("GENUINE");
    }

    /** Sells at the counter; returns the sale's receipt code. */
    @SuppressWarnings("unchecked")
    private String sell(StaffedCounter counter, TabletSale sale, long given) {
        Map<String, Object> series = (Map<String, Object>) counter.get("/api/pos/device").expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody().get("series");
        return (String) ((Map<String, Object>) counter.post("/api/pos/sales", sale.body(counter.tablet, documents, counter.registerId, series,
                given), null).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("receipt")).get("code");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> catalog(StaffedCounter counter) {
        return counter.get("/api/pos/catalog").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
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
}
