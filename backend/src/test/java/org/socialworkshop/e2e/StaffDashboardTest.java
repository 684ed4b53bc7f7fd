package org.socialworkshop.e2e;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Issue 14, item 7: staff sign in and land in their own place (admin and coordinator the dashboard, the cashier the
 * counter tablet's page, the maker the makers' portal, the company's buyer the buyers' portal; a ?next= on another
 * site is ignored); the staff home is a dashboard named as the menu names it, with today's figures linking to their
 * lists, in both languages; and at 360 px the staff tables read as cards, nothing cut off. Parked outbox events are a
 * figure too: an admin follows it to the parked events and sends them round again; a coordinator sees the number only.
 */
@WorkshopTest
class StaffDashboardTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    Database db;

    @Test
    void eachRoleLandsInItsOwnPlace() {
        Map<String, String> homes = Map.of(
                "admin@example.org", "/admin/", "coordinator@example.org", "/admin/", "cashier@example.org", "/pos/",
                "maker@example.org", "/maker/", "buyer@example.org", "/corporate/");
        Map<String, String> passwords = Map.of(
                "admin@example.org", "workshop-admin", "coordinator@example.org", "workshop-coordinator",
                "cashier@example.org", "workshop-cashier", "maker@example.org", "workshop-maker", "buyer@example.org", "workshop-buyer");
        int turn = 0;
        for (String email : List.of("admin@example.org", "coordinator@example.org", "cashier@example.org", "maker@example.org",
                "buyer@example.org")) {
            String lang = turn++ % 2 == 0 ? "zh-CN" : "en";
            browser.forgetCookies();
            signIn("/login.html?lang=" + lang, lang, email, passwords.get(email));
            browser.open(port, "/favicon.svg"); // leave the landing page before the next sign-in
            assertThat(lastLanding).as(email + " lands on").isEqualTo("http://localhost:" + port + homes.get(email));
        }

        // A ?next= that leaves the site is no way out: the coordinator lands on the dashboard instead.
        for (String elsewhere : List.of("//evil.example/", "https://evil.example/", "/\\evil.example")) {
            browser.forgetCookies();
            signIn("/login.html?lang=en&next=" + URLEncoder.encode(elsewhere, StandardCharsets.UTF_8), "en",
                    "coordinator@example.org", "workshop-coordinator");
            assertThat(lastLanding).as("next=" + elsewhere).isEqualTo("http://localhost:" + port + "/admin/");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDashboardShowsTodaysFiguresInBothLanguagesAndTablesFitAPhone() {
        WebTestClient staff = CatalogFixtures.coordinator(client);
        Map<String, Object> product = CatalogFixtures.create(staff, CatalogFixtures.product("看板小碟", "Dashboard dish", false));
        new Shop(client).paidOrder((String) product.get("id"), CatalogFixtures.firstVariantId(product), 1);
        Map<String, Object> figures = staff.get().uri("/api/admin/dashboard").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        browser.takeSession(port, SignIn.session(client, "coordinator@example.org", "workshop-coordinator"));
        for (String lang : List.of("zh-CN", "en")) {
            Messages text = Messages.of(lang);
            Storefront page = browser.open(port, "/admin/?lang=" + lang).ready(lang);
            page.waitUntil(visibilityOfElementLocated(By.id("dashboard-pickupsDue")));
            assertThat(page.element("page-heading").getText()).isEqualTo(text.text("admin.dashboard.heading"))
                    .isEqualTo(page.element("admin-nav-home").getText());
            assertThat(page.driver().getTitle()).isEqualTo(text.text("admin.dashboard.title"));
            assertThat(page.element("admin-nav-home").getDomAttribute("aria-current")).isEqualTo("page");
            for (String figure : List.of("pickupsDue", "ordersToShip", "lowStock", "workToCheck", "deliveriesWaiting", "parkedDeliveries")) {
                assertThat(page.element("dashboard-" + figure + "-value").getText()).as(figure).isEqualTo(String.valueOf(figures.get(figure)));
                assertThat(page.element("dashboard-" + figure).getText()).as(figure).contains(text.text("admin.dashboard." + figure));
            }
            Map<String, Object> paid = (Map<String, Object>) figures.get("paidOut");
            DecimalFormat yuan = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
            assertThat(page.element("dashboard-paidOut-value").getText())
                    .endsWith(yuan.format(BigDecimal.valueOf(((Number) paid.get("amount")).longValue(), 2)));
            assertThat(page.element("dashboard-paidOut").getText())
                    .contains(text.counted("admin.dashboard.paidOut", ((Number) figures.get("payouts")).longValue()));
            assertThat(page.element("dashboard-ordersToShip").getDomAttribute("href")).isEqualTo("/admin/orders.html?status=PAID");
            assertThat(page.element("dashboard-lowStock").getDomAttribute("href")).isEqualTo("/admin/stock.html");
            assertThat(page.element("dashboard-workToCheck").getDomAttribute("href")).isEqualTo("/admin/piecework.html");
            assertThat(page.element("dashboard-deliveriesWaiting").getDomAttribute("href")).isEqualTo("/admin/company-orders.html");
            assertThat(page.element("dashboard-paidOut").getDomAttribute("href")).isEqualTo("/admin/payouts.html");
            assertThat(page.element("admin-link-products").getDomAttribute("href")).isEqualTo("/admin/products.html");
            Accessibility.assertNoSeriousViolations(page.driver(), "the dashboard, " + lang);
        }

        // A figure leads to its list, filtered: the orders waiting to be picked up, shipped or handed over are the paid ones.
        Storefront dashboard = browser.open(port, "/admin/?lang=en").ready("en");
        dashboard.waitUntil(visibilityOfElementLocated(By.id("dashboard-pickupsDue")));
        dashboard.element("dashboard-pickupsDue").click();
        dashboard.waitUntil(urlToBe("http://localhost:" + port + "/admin/orders.html?status=PAID"));
        Storefront orders = new Storefront(dashboard.driver()).ready("en");
        orders.waitUntil(presenceOfElementLocated(By.id("order-table")));
        assertThat(orders.element("order-filter-status").getDomProperty("value")).isEqualTo("PAID");

        // On a small phone the orders and products tables are stacks of labelled cards: no sideways scrolling, no cell cut off.
        browser.resize(360, 780);
        for (String lang : List.of("zh-CN", "en")) {
            fitsAPhone("/admin/orders.html?lang=" + lang, lang, "order-table");
            fitsAPhone("/admin/products.html?lang=" + lang, lang, "product-table");
        }
    }

    @Test
    void anAdminFollowsTheParkedFigureAndSendsTheEventsRoundAgain() {
        WebTestClient admin = SignIn.admin(client);
        // What earlier tests left parked is sent round first, so the page holds this test's events alone.
        retryAllParked(admin);
        long named = park("StockRunningLow");
        long unnamed = park("TestEventWithoutWords");
        long parked = ((Number) admin.get().uri("/api/admin/dashboard").exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody().get("parkedDeliveries")).longValue();
        assertThat(parked).isEqualTo(2);

        // A coordinator sees how many, with no link to a page whose API is for admins, and no such page in the menu.
        browser.takeSession(port, SignIn.session(client, "coordinator@example.org", "workshop-coordinator"));
        Messages zh = Messages.of("zh-CN");
        Storefront coordinator = browser.open(port, "/admin/?lang=zh-CN").ready("zh-CN");
        coordinator.waitUntil(visibilityOfElementLocated(By.id("dashboard-parkedDeliveries")));
        assertThat(coordinator.element("dashboard-parkedDeliveries-value").getText()).isEqualTo("2");
        assertThat(coordinator.element("dashboard-parkedDeliveries").getTagName()).isEqualTo("div");
        assertThat(coordinator.element("dashboard-parkedDeliveries-hint").getText()).isEqualTo(zh.text("admin.dashboard.parkedDeliveriesHint"));
        assertThat(coordinator.driver().findElements(By.id("admin-nav-outbox"))).isEmpty();
        Storefront refused = browser.open(port, "/admin/outbox.html?lang=zh-CN").ready("zh-CN");
        refused.waitUntil(visibilityOfElementLocated(By.id("admin-no-access")));
        assertThat(refused.element("admin-no-access").getText())
                .contains(zh.text("outbox.noAccess", Map.of("email", "coordinator@example.org")));

        // An admin follows the figure to the parked events, in each language, and sends one round again in each.
        browser.forgetCookies();
        browser.takeSession(port, SignIn.adminSession(client));
        for (String lang : List.of("zh-CN", "en")) {
            Messages text = Messages.of(lang);
            Storefront dashboard = browser.open(port, "/admin/?lang=" + lang).ready(lang);
            dashboard.waitUntil(visibilityOfElementLocated(By.id("dashboard-parkedDeliveries")));
            assertThat(dashboard.element("dashboard-parkedDeliveries").getText()).contains(text.text("admin.dashboard.parkedDeliveries"));
            assertThat(dashboard.element("dashboard-parkedDeliveries").getDomAttribute("href")).isEqualTo("/admin/outbox.html");
            dashboard.waitUntil(visibilityOfElementLocated(By.id("admin-nav-outbox")));
            assertThat(dashboard.element("admin-nav-outbox").getText()).isEqualTo(text.text("admin.nav.outbox"));
            dashboard.element("dashboard-parkedDeliveries").click();
            dashboard.waitUntil(urlToBe("http://localhost:" + port + "/admin/outbox.html"));
            Storefront page = new Storefront(dashboard.driver()).ready(lang);
            page.waitUntil(presenceOfElementLocated(By.id("outbox-row-" + named)));
            assertThat(page.driver().getTitle()).isEqualTo(text.text("outbox.title"));
            assertThat(page.element("page-heading").getText()).isEqualTo(text.text("outbox.heading"));
            assertThat(page.element("admin-nav-outbox").getDomAttribute("aria-current")).isEqualTo("page");
            assertThat(page.element("outbox-event-" + named).getText()).isEqualTo(text.text("outbox.event.StockRunningLow"));
            assertThat(page.element("outbox-attempts-" + named).getText()).isEqualTo("8");
            assertThat(page.element("outbox-error-" + named).getText()).isEqualTo("the downstream is down");
            Accessibility.assertNoSeriousViolations(page.driver(), "the parked events, " + lang);

            long sent = lang.equals("zh-CN") ? unnamed : named;
            String words = lang.equals("zh-CN") ? "TestEventWithoutWords" : text.text("outbox.event.StockRunningLow");
            assertThat(page.element("outbox-event-" + sent).getText()).isEqualTo(words);
            page.element("outbox-retry-" + sent).click();
            page.waitUntil(textToBe(By.id("outbox-status"), text.text("outbox.retried", Map.of("event", words))));
            page.waitUntil(invisibilityOfElementLocated(By.id("outbox-row-" + sent)));
            assertThat(status(sent)).as("sent round again").isEqualTo("PENDING");
        }
        Storefront empty = browser.open(port, "/admin/outbox.html?lang=en").ready("en");
        empty.waitUntil(visibilityOfElementLocated(By.id("outbox-empty")));
        assertThat(empty.element("outbox-empty").getText()).isEqualTo(Messages.of("en").text("outbox.empty"));
        Accessibility.assertNoSeriousViolations(empty.driver(), "no parked events, en");
        // Handled, so that no later test finds a delivery nobody can deliver.
        db.sql("UPDATE outbox SET status = 'DONE', handled_at = now() WHERE handler = 'test.e2e.parked'").update().block();
    }

    /**
     * Parks a delivery as the dispatcher does after its last failed attempt, for a handler no application registers:
     * nothing delivers it, even once sent round again. Its id.
     */
    private long park(String eventType) {
        return db.sql("""
                        INSERT INTO outbox (event_type, handler, payload, status, attempts, last_error)
                        VALUES (:type, 'test.e2e.parked', '{}', 'PARKED', 8, 'the downstream is down') RETURNING id""")
                .bind("type", eventType).map(row -> row.get("id", Long.class)).one().block();
    }

    private String status(long id) {
        return db.sql("SELECT status FROM outbox WHERE id = :id").bind("id", id).map(row -> row.get("status", String.class)).one().block();
    }

    @SuppressWarnings("unchecked")
    private static void retryAllParked(WebTestClient admin) {
        List<Map<String, Object>> items;
        do {
            items = (List<Map<String, Object>>) admin.get().uri("/api/admin/outbox?status=PARKED&size=100").exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items");
            for (Map<String, Object> item : items) {
                admin.post().uri("/api/admin/outbox/{id}/retry", item.get("id")).exchange().expectStatus().isNoContent();
            }
        } while (!items.isEmpty());
    }

    private String lastLanding;

    private void signIn(String path, String lang, String email, String password) {
        Storefront login = browser.open(port, path).ready(lang);
        login.element("email").sendKeys(email);
        login.element("password").sendKeys(password);
        login.element("login-submit").click();
        login.waitUntil(d -> !d.getCurrentUrl().contains("/login.html"));
        lastLanding = login.driver().getCurrentUrl();
    }

    @SuppressWarnings("unchecked")
    private void fitsAPhone(String path, String lang, String tableId) {
        Storefront page = browser.open(port, path).ready(lang);
        page.waitUntil(presenceOfElementLocated(By.cssSelector("#" + tableId + " tbody tr")));
        page.waitUntil(d -> Boolean.TRUE.equals(page.script(
                "return [...document.querySelectorAll('#' + arguments[0] + ' tbody td')].every((cell) => cell.dataset.label)", tableId)));
        assertThat(((Number) page.script("return document.documentElement.scrollWidth")).intValue()).as(path + " page width")
                .isLessThanOrEqualTo(360);
        Object hidden = page.script("""
                return [...document.querySelectorAll('#' + arguments[0] + ' tbody th, #' + arguments[0] + ' tbody td')]
                    .filter((cell) => {
                      const box = cell.getBoundingClientRect();
                      return box.width === 0 || box.left < 0 || box.right > document.documentElement.clientWidth + 0.5
                          || cell.scrollWidth > cell.clientWidth + 1;
                    })
                    .map((cell) => cell.dataset.label + ': ' + cell.textContent.trim());""", tableId);
        assertThat((List<String>) hidden).as(path + ": cells cut off or out of sight").isEmpty();
        String label = (String) page.script("return document.querySelector('#' + arguments[0] + ' tbody td').dataset.label", tableId);
        String heading = (String) page.script("return document.querySelector('#' + arguments[0] + ' thead th:nth-child(2)').textContent.trim()", tableId);
        assertThat(label).as("a card's cell says its column").isEqualTo(heading);
        Accessibility.assertNoSeriousViolations(page.driver(), path + " at 360 px");
    }
}
