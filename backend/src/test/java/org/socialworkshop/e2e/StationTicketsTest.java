package org.socialworkshop.e2e;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.pos.StaffedCounter;
import org.socialworkshop.pos.TabletSale;
import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Issue 12, step 7, at the screens: a counter sells a meal with a note and a drink under a pickup number; a coordinator
 * signs in at the kitchen's station screen, chooses the kitchen and sees the ticket with its note and number, and a
 * second sale made while the page is open appears by itself (the stream) and is announced. Marked ready there, the
 * number is on the customers' "ready" screen in another window, where a number made ready later appears by itself too;
 * collected at the kitchen and at the bar, the order is handed over. An online pickup is found at the station screen
 * by its order page's address and handed over after a confirmation. Each screen passes axe, in both languages.
 */
@WorkshopTest
class StationTicketsTest {

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

    @Autowired
    Database db;

    private final Messages zh = Messages.of("zh-CN");
    private final Messages en = Messages.of("en");

    @Test
    @SuppressWarnings("unchecked")
    void theKitchenFollowsItsTicketsAndTheCustomersSeeTheirNumbers() {
        WebTestClient coordinator = CatalogFixtures.coordinator(client);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String noodles = "担担面 " + tag;
        String meal = product(coordinator, noodles, "Dandan noodles " + tag, "CANTEEN_MEAL", 1500);
        String drink = product(coordinator, "柠檬茶 " + tag, "Lemon tea " + tag, "CAFE_DRINK", 1200);
        StaffedCounter counter = new StaffedCounter(client, coordinator, accounts);
        counter.post("/api/pos/shift", Map.of("openingFloat", TabletSale.money(10000)), null).expectStatus().isCreated();
        int first = 100 + new Random().nextInt(8000);
        int second = first + 1;
        String orderId = sell(counter, new TabletSale(catalog(counter)).pickup(first).add(meal, 2, List.of(), 0, null, "一份不要葱").add(drink, 1), 5000);

        Storefront station = signedIn("/pos/tickets.html?lang=zh-CN");
        station.waitUntil(visibilityOfElementLocated(By.id("pos-tickets-choose")));
        Accessibility.assertNoSeriousViolations(station.driver(), "the station screen before a station is chosen, zh-CN");
        station.element("pos-station-KITCHEN").click();
        String kitchen = ticket(counter, "KITCHEN", first);
        station.waitUntil(visibilityOfElementLocated(By.id("pos-ticket-" + kitchen)));
        assertThat(station.element("pos-ticket-" + kitchen + "-number").getText()).isEqualTo(String.valueOf(first));
        assertThat(station.element("pos-ticket-" + kitchen + "-status").getText()).isEqualTo(zh.text("pos.tickets.status.NEW"));
        assertThat(station.element("pos-ticket-" + kitchen + "-lines").getText())
                .contains("2 ×", noodles, "标准", zh.text("pos.tickets.note"), "一份不要葱").doesNotContain("柠檬茶");
        station.waitUntil(textToBe(By.id("pos-tickets-connection"), zh.text("pos.tickets.live")));
        assertThat(station.element("pos-tickets-heading").getText())
                .isEqualTo(zh.text("pos.tickets.headingAt", Map.of("station", zh.text("pos.tickets.station.KITCHEN"))));
        Accessibility.assertNoSeriousViolations(station.driver(), "the kitchen's tickets, zh-CN");

        // A sale made while the screen is open reaches it without a reload, and is announced.
        sell(counter, new TabletSale(catalog(counter)).pickup(second).add(meal, 1), 1500);
        String later = ticket(counter, "KITCHEN", second);
        station.waitUntil(visibilityOfElementLocated(By.id("pos-ticket-" + later)));
        station.waitUntil(attributeToBe(By.id("pos-tickets-live"), "textContent", zh.text("pos.tickets.new", Map.of("number", second,
                "lines", zh.text("pos.tickets.lineSaid", Map.of("quantity", 1, "name", noodles + " (标准)"))))));
        List<String> order = station.driver().findElements(By.cssSelector("#pos-tickets-list > li")).stream()
                .map(item -> item.getDomAttribute("id")).toList();
        assertThat(order.indexOf("pos-ticket-" + kitchen)).as("oldest first").isLessThan(order.indexOf("pos-ticket-" + later));

        station.element("pos-ticket-" + kitchen + "-ready").click();
        station.waitUntil(textToBe(By.id("pos-ticket-" + kitchen + "-status"), zh.text("pos.tickets.status.READY")));
        assertThat(station.focusedId()).isEqualTo("pos-ticket-" + kitchen + "-collected");
        assertThat(station.driver().findElements(By.id("pos-ticket-" + kitchen + "-ready"))).isEmpty();

        // The customers' screen, in a window of its own: the number ready, and one made ready later appears by itself.
        WebDriver driver = station.driver();
        String stationWindow = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.WINDOW);
        Storefront screen = browser.open(port, "/pos/ready.html?lang=zh-CN").ready("zh-CN");
        screen.waitUntil(presenceOfElementLocated(By.cssSelector("#pos-ready-numbers [data-number='" + first + "']")));
        assertThat(screen.element("page-heading").getText()).contains("请取餐", "Ready to collect");
        Accessibility.assertNoSeriousViolations(screen.driver(), "the customers' ready screen, zh-CN");
        counter.post("/api/pos/tickets/" + later + "/ready", Map.of(), null).expectStatus().isOk();
        screen.waitUntil(presenceOfElementLocated(By.cssSelector("#pos-ready-numbers [data-number='" + second + "'][data-fresh='true']")));
        screen.waitUntil(attributeToBe(By.id("pos-ready-live"), "textContent",
                zh.counted("pos.ready.announce", 1, Map.of("numbers", second))));
        List<String> numbers = screen.driver().findElements(By.cssSelector("#pos-ready-numbers > li")).stream()
                .map(item -> item.getDomAttribute("data-number")).toList();
        assertThat(numbers.indexOf(String.valueOf(second))).as("newest first").isLessThan(numbers.indexOf(String.valueOf(first)));
        Accessibility.assertNoSeriousViolations(screen.driver(), "the ready screen with a new number, zh-CN");
        driver.close();
        driver.switchTo().window(stationWindow);

        // Collected at the kitchen, and the drink at the bar (through the API): the order is handed over.
        station.element("pos-ticket-" + kitchen + "-collected").click();
        // It asks first: the ticket leaves the screen for good.
        station.waitUntil(visibilityOfElementLocated(By.id("pos-ticket-" + kitchen + "-confirm")));
        assertThat(station.focusedId()).isEqualTo("pos-ticket-" + kitchen + "-confirm-heading");
        assertThat(station.element("pos-ticket-" + kitchen + "-confirm-heading").getText())
                .isEqualTo(zh.text("pos.tickets.confirm.heading", Map.of("name", zh.text("pos.tickets.pickup", Map.of("number", first)))));
        Accessibility.assertNoSeriousViolations(station.driver(), "collecting a ticket, asked first, zh-CN");
        station.element("pos-ticket-" + kitchen + "-confirm-back").click();
        assertThat(station.focusedId()).isEqualTo("pos-ticket-" + kitchen + "-collected");
        station.element("pos-ticket-" + kitchen + "-collected").click();
        station.waitUntil(elementToBeClickable(By.id("pos-ticket-" + kitchen + "-confirm-yes"))).click();
        station.waitUntil(invisibilityOfElementLocated(By.id("pos-ticket-" + kitchen)));
        assertThat(status(orderId)).as("the drink is not collected yet").isEqualTo("PAID");
        counter.post("/api/pos/tickets/" + ticket(counter, "BAR", first) + "/collected", Map.of(), null).expectStatus().isOk();
        assertThat(status(orderId)).isEqualTo("FULFILLED");

        // The same screen in English remembers the kitchen.
        Storefront english = browser.open(port, "/pos/tickets.html?lang=en").ready("en");
        english.waitUntil(visibilityOfElementLocated(By.id("pos-ticket-" + later)));
        assertThat(english.element("pos-station-KITCHEN").isSelected()).isTrue();
        assertThat(english.element("pos-ticket-" + later + "-lines").getText()).contains("Dandan noodles " + tag, "Standard");
        assertThat(english.element("pos-ticket-" + later + "-status").getText()).isEqualTo(en.text("pos.tickets.status.READY"));
        Accessibility.assertNoSeriousViolations(english.driver(), "the kitchen's tickets, en");
        counter.post("/api/pos/tickets/" + later + "/collected", Map.of(), null).expectStatus().isOk();
        english.waitUntil(invisibilityOfElementLocated(By.id("pos-ticket-" + later)));
    }

    @Test
    void anOnlinePickupIsFoundByItsOrderPageAndHandedOver() {
        WebTestClient coordinator = CatalogFixtures.coordinator(client);
        Map<String, Object> product = CatalogFixtures.create(coordinator, CatalogFixtures.product("书签 " + UUID.randomUUID(), "Bookmark", false));
        Shop shop = new Shop(client);
        Shop.Placed order = shop.paidOrder((String) product.get("id"), CatalogFixtures.firstVariantId(product), 1);

        Storefront station = signedIn("/pos/tickets.html?lang=zh-CN");
        station.waitUntil(presenceOfElementLocated(By.id("pos-pickup-" + order.orderId())));
        station.element("pos-pickups-number").sendKeys("not an order!");
        station.element("pos-pickups-find").click();
        station.waitUntil(textToBe(By.id("pos-pickups-number-error"), zh.text("pos.pickups.numberInvalid")));
        // What the order page's QR code holds: its address.
        station.element("pos-pickups-number").clear();
        station.element("pos-pickups-number").sendKeys("http://localhost:" + port + "/shop/order.html?id=" + order.orderId()
                + "&token=" + order.accessToken());
        station.element("pos-pickups-find").click();
        station.waitUntil(textToBe(By.id("pos-pickups-status"), zh.counted("pos.pickups.found", 1)));
        assertThat(station.driver().findElements(By.cssSelector("#pos-pickups-list > li"))).hasSize(1);
        // And its number, typed in small letters.
        station.element("pos-pickups-number").clear();
        station.element("pos-pickups-number").sendKeys(order.orderNumber().toLowerCase());
        station.element("pos-pickups-find").click();
        station.waitUntil(textToBe(By.id("pos-pickups-status"), zh.counted("pos.pickups.found", 1)));
        station.waitUntil(textToBePresentInElementLocated(By.id("pos-pickup-" + order.orderId() + "-items"), "书签"));
        Accessibility.assertNoSeriousViolations(station.driver(), "the pickup search with an order found, zh-CN");

        station.element("pos-pickup-" + order.orderId() + "-hand").click();
        station.waitUntil(visibilityOfElementLocated(By.id("pos-pickups-confirm")));
        assertThat(station.focusedId()).isEqualTo("pos-pickups-confirm-heading");
        assertThat(station.element("pos-pickups-confirm-heading").getText())
                .isEqualTo(zh.text("pos.pickups.confirm.heading", Map.of("number", order.orderNumber())));
        Accessibility.assertNoSeriousViolations(station.driver(), "handing over a pickup, asked first, zh-CN");
        station.element("pos-pickups-confirm-back").click();
        assertThat(station.focusedId()).isEqualTo("pos-pickup-" + order.orderId() + "-hand");
        station.element("pos-pickup-" + order.orderId() + "-hand").click();
        station.waitUntil(visibilityOfElementLocated(By.id("pos-pickups-confirm-yes"))).click();
        station.waitUntil(textToBe(By.id("pos-pickups-status"), zh.text("pos.pickups.handedOver", Map.of("number", order.orderNumber()))));
        shop.awaitStatus(order, "FULFILLED");
        station.waitUntil(visibilityOfElementLocated(By.id("pos-pickups-empty")));

        Storefront english = browser.open(port, "/pos/tickets.html?lang=en").ready("en");
        english.waitUntil(visibilityOfElementLocated(By.id("pos-pickups-search")));
        english.element("pos-pickups-number").sendKeys(order.orderNumber());
        english.element("pos-pickups-find").click();
        english.waitUntil(textToBe(By.id("pos-pickups-empty"), en.text("pos.pickups.noneFound")));
        Accessibility.assertNoSeriousViolations(english.driver(), "the pickup search finding nothing, en");
    }

    /** Opens a staff page signed out: it sends the browser to sign in, and signing in as a coordinator comes back. */
    private Storefront signedIn(String path) {
        Storefront login = browser.open(port, path);
        login.waitUntil(urlContains("/login.html?next="));
        String lang = path.contains("lang=en") ? "en" : "zh-CN";
        login.ready(lang);
        login.element("email").sendKeys("coordinator@example.org");
        login.element("password").sendKeys("workshop-coordinator");
        login.element("login-submit").click();
        login.waitUntil(urlToBe("http://localhost:" + port + path));
        Storefront page = new Storefront(login.driver()).ready(lang);
        page.waitUntil(visibilityOfElementLocated(By.cssSelector("pos-staff-guard > .pos-staff-content")));
        return page;
    }

    private String product(WebTestClient coordinator, String nameZh, String nameEn, String category, long price) {
        Map<String, Object> body = CatalogFixtures.product(nameZh, nameEn, false);
        body.put("category", category);
        body.put("taxCategory", "CATERING");
        body.put("variants", List.of(CatalogFixtures.variant("ST-" + UUID.randomUUID().toString().substring(0, 8), price)));
        return CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, body));
    }

    @SuppressWarnings("unchecked")
    private String sell(StaffedCounter counter, TabletSale sale, long given) {
        Map<String, Object> series = (Map<String, Object>) counter.get("/api/pos/device").expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody().get("series");
        return (String) counter.post("/api/pos/sales", sale.body(counter.tablet, documents, counter.registerId, series, given), null)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("orderId");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> catalog(StaffedCounter counter) {
        return counter.get("/api/pos/catalog").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The id of the station's open ticket from this counter with this pickup number. */
    @SuppressWarnings("unchecked")
    private String ticket(StaffedCounter counter, String station, int pickup) {
        List<Map<String, Object>> open = counter.get("/api/pos/tickets?station=" + station).expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        return open.stream().filter(ticket -> counter.registerId.equals(ticket.get("registerId")))
                .filter(ticket -> Integer.valueOf(pickup).equals(ticket.get("pickupNumber")))
                .map(ticket -> (String) ticket.get("id")).reduce((one, other) -> other).orElseThrow();
    }

    private String status(String orderId) {
        return db.sql("SELECT status FROM orders WHERE id = :id").bind("id", UUID.fromString(orderId))
                .map(row -> row.get("status", String.class)).one().block();
    }
}
