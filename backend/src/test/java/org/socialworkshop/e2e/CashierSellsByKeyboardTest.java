package org.socialworkshop.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.socialworkshop.identity.Account;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.identity.NewAccount;
import org.socialworkshop.identity.Role;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Issue 12, items 9 and 10: a whole day at the counter with the keyboard alone, as staff who cannot use a pointer or
 * the touch screen work it, in each language. The tablet is paired, the cashier chooses their name and types the PIN,
 * opens the shift, finds and adds a meal, adds a drink through its options dialog (which Esc closes without adding),
 * adds one more meal, types the cash given and completes the sale; each line, the running total and the change due
 * are said in the live region with their currency in words ("yuan", "元"), not a symbol read as "yen". Then the
 * kitchen marks the ticket ready and, after a confirmation, collected; the shift closes after its confirmation, and
 * signing out asks first. Nothing is clicked: every key goes to the focused element through Selenium's Actions, so a
 * control that only a pointer can work fails the test. axe finds nothing serious on any screen met: pairing, PIN
 * sign-in, the open shift, the options dialog, the sale with lines, the receipt, closing the shift, signing out, the
 * station screen and its confirmation, the customers' ready screen and the Z report's page.
 */
@WorkshopTest
class CashierSellsByKeyboardTest {

    private static final String PIN = "5938";
    /** Enough Tab presses to cross any of the POS screens, with other tests' products, tickets and pickups on them. */
    private static final int MOST_PRESSES = 250;

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    Accounts accounts;

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"zh-CN", "en"})
    @SuppressWarnings("unchecked")
    void aCashierSellsWithTheKeyboardAloneAndEveryScreenPassesAxe(String lang) {
        Messages messages = Messages.of(lang);
        boolean english = lang.equals("en");
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String id = "KEYS-" + tag;
        WebTestClient coordinator = CatalogFixtures.coordinator(client);
        coordinator.post().uri("/api/admin/pos/registers")
                .bodyValue(Map.of("id", id, "kind", "CANTEEN", "nameZh", "键盘收银 " + id, "nameEn", "Keyboard counter " + id))
                .exchange().expectStatus().isCreated();
        Account cashier = accounts.create(new NewAccount("keys-" + tag.toLowerCase() + "@example.org", "键盘收银员 " + tag,
                "a-long-password-" + tag, Set.of(Role.CASHIER))).block();
        String cashierId = cashier.id().value().toString();
        coordinator.put().uri("/api/admin/staff/{id}/pin", cashierId).bodyValue(Map.of("pin", PIN)).exchange().expectStatus().isNoContent();

        // A meal for the kitchen at ¥15.00; a drink at ¥12.00 whose size must be chosen (large +¥3.00).
        Map<String, Object> mealBody = CatalogFixtures.product("担担面 " + tag, "Dandan noodles " + tag, false);
        mealBody.put("category", "CANTEEN_MEAL");
        mealBody.put("taxCategory", "CATERING");
        mealBody.put("variants", List.of(CatalogFixtures.variant("KEYS-MEAL-" + tag, 1500)));
        String meal = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, mealBody));
        String sizeGroup = "KEYS_SIZE_" + tag;
        Map<String, Object> size = coordinator.put().uri("/api/admin/modifier-groups/{code}", sizeGroup)
                .bodyValue(Map.of("nameZh", "杯型" + tag, "nameEn", "Size " + tag, "minChoices", 1, "maxChoices", 1, "options", List.of(
                        Map.of("nameZh", "中杯", "nameEn", "Regular", "priceDelta", 0),
                        Map.of("nameZh", "大杯", "nameEn", "Large", "priceDelta", 300))))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String large = (String) ((List<Map<String, Object>>) size.get("options")).get(1).get("id");
        Map<String, Object> drinkBody = CatalogFixtures.product("柠檬茶 " + tag, "Lemon tea " + tag, false);
        drinkBody.put("category", "CAFE_DRINK");
        drinkBody.put("taxCategory", "CATERING");
        drinkBody.put("channels", List.of("POS"));
        drinkBody.put("variants", List.of(CatalogFixtures.variant("KEYS-TEA-" + tag, 1200)));
        drinkBody.put("modifierGroups", List.of(sizeGroup));
        String drink = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, drinkBody));
        String code = (String) coordinator.post().uri("/api/admin/pos/registers/" + id + "/pairing-codes").exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("code");

        // Pairing: the code typed, Enter.
        Storefront tablet = browser.open(port, "/pos/?lang=" + lang).ready(lang);
        try {
            tablet.waitUntil(visibilityOfElementLocated(By.id("pos-pair")));
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("not the pairing form: " + tablet.script("return document.querySelector('main').innerText"), e);
        }
        axe(tablet, "pairing the tablet", lang);
        tabTo(tablet, "pos-code");
        tablet.press(code, Keys.ENTER);
        tablet.waitUntil(presenceOfElementLocated(By.id("pos-cashier-" + cashierId)));
        focusReaches(tablet, "pos-paired-heading");

        // Signing in: into the names with Tab, to one's own with the arrow keys, the PIN typed, Enter.
        axe(tablet, "choosing a name and typing the PIN", lang);
        chooseRadio(tablet, "cashier", "pos-cashier-" + cashierId);
        tablet.press(Keys.TAB);
        assertThat(tablet.focusedId()).isEqualTo("pos-pin");
        tablet.press(PIN);
        tablet.waitUntil(textToBe(By.id("pos-pin-count"), messages.text("pos.signIn.digits", Map.of("count", 4))));
        tablet.press(Keys.ENTER);
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-signed-in")));
        focusReaches(tablet, "pos-signed-in-heading");

        // The shift opens with a float of ¥200; focus goes on to the sale, where the products now are.
        tabTo(tablet, "pos-shift-float");
        tablet.press("200", Keys.ENTER);
        tablet.waitUntil(textToBe(By.id("pos-shift-expected"), shown(english, "200.00")));
        focusReaches(tablet, "pos-sale-heading");
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sale-add-" + meal)));
        axe(tablet, "the shift open and the sale empty", lang);

        // The meal, found by typing its name and reached with Tab, added with Enter: said with the total, in yuan.
        tablet.press(Keys.TAB);
        assertThat(tablet.focusedId()).isEqualTo("pos-sale-search");
        tablet.press("担担面 " + tag.toLowerCase());
        tablet.waitUntil(invisibilityOfElementLocated(By.id("pos-sale-add-" + drink)));
        tabTo(tablet, "pos-sale-add-" + meal);
        tablet.press(Keys.ENTER);
        String mealName = (english ? "Dandan noodles " : "担担面 ") + tag + " · " + (english ? "Standard" : "标准");
        tablet.waitUntil(textToBe(By.id("pos-sale-status"), messages.text("pos.sale.added",
                Map.of("name", mealName, "quantity", 1, "total", messages.spoken(1500)))));
        assertThat(tablet.element("pos-sale-status").getText()).as("the amount said with its currency in words")
                .contains(english ? "15.00 yuan" : "15.00 元").doesNotContain("¥");
        assertThat(tablet.focusedId()).as("focus stays on the product").isEqualTo("pos-sale-add-" + meal);

        // Back to the search with Shift+Tab; the drink's options: Esc closes the dialog without adding anything.
        shiftTabTo(tablet, "pos-sale-search");
        tablet.press(Keys.END);
        tablet.press(Keys.BACK_SPACE.toString().repeat(("担担面 " + tag).length()));
        tablet.press("柠檬茶 " + tag.toLowerCase());
        tablet.waitUntil(invisibilityOfElementLocated(By.id("pos-sale-add-" + meal)));
        tabTo(tablet, "pos-sale-add-" + drink);
        tablet.press(Keys.ENTER);
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-options")));
        assertThat(tablet.focusedId()).as("the dialog opens on its first control").startsWith("pos-option-");
        axe(tablet, "the options dialog", lang);
        tablet.press(Keys.ESCAPE);
        tablet.waitUntil(invisibilityOfElementLocated(By.id("pos-options")));
        assertThat(tablet.focusedId()).as("focus back where the dialog was opened").isEqualTo("pos-sale-add-" + drink);
        assertThat(tablet.driver().findElements(By.cssSelector("#pos-sale-lines > li"))).hasSize(1);
        tablet.press(Keys.SPACE);
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-options")));
        arrowTo(tablet, "pos-option-" + large);
        assertThat(tablet.element("pos-option-" + large).isSelected()).isTrue();
        tabTo(tablet, "pos-options-add");
        tablet.press(Keys.ENTER);
        tablet.waitUntil(invisibilityOfElementLocated(By.id("pos-options")));
        String drinkName = (english ? "Lemon tea " : "柠檬茶 ") + tag + " · " + (english ? "Standard (Large)" : "标准 (大杯)");
        tablet.waitUntil(textToBe(By.id("pos-sale-status"), messages.text("pos.sale.added",
                Map.of("name", drinkName, "quantity", 1, "total", messages.spoken(3000)))));

        // One more meal with its + button (Space), said with the new total.
        tabTo(tablet, "pos-sale-more-" + meal);
        tablet.press(Keys.SPACE);
        tablet.waitUntil(textToBe(By.id("pos-sale-status"), messages.text("pos.sale.quantityNow",
                Map.of("name", mealName, "quantity", 2, "total", messages.spoken(4500)))));
        assertThat(tablet.element("pos-sale-total").getText()).isEqualTo(shown(english, "45.00"));

        // ¥50 given, typed: leaving the field says the change due, in yuan.
        tabTo(tablet, "pos-sale-given");
        tablet.press("50", Keys.TAB);
        tablet.waitUntil(textToBe(By.id("pos-sale-status"), messages.text("pos.sale.cash.change", Map.of("amount", messages.spoken(500)))));
        assertThat(tablet.element("pos-sale-change").getText()).isEqualTo(messages.text("pos.sale.cash.change",
                Map.of("amount", shown(english, "5.00"))));
        axe(tablet, "a sale with lines and change due", lang);

        tabTo(tablet, "pos-sale-complete");
        tablet.press(Keys.ENTER);
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sale-receipt")));
        assertThat(tablet.focusedId()).isEqualTo("pos-sale-receipt-heading");
        tablet.waitUntil(textToBe(By.id("pos-sale-status"), messages.text("pos.sale.done",
                Map.of("number", id + "-1", "change", messages.spoken(500)))));
        String pickup = tablet.element("pos-sale-receipt-pickup-number").getText();
        axe(tablet, "the receipt", lang);

        // A new sale; the shift closes after its confirmation, which says the count matches.
        tabTo(tablet, "pos-sale-new");
        tablet.press(Keys.ENTER);
        assertThat(tablet.focusedId()).isEqualTo("pos-sale-search");
        tablet.press("柠檬茶 " + tag.toLowerCase());
        tablet.waitUntil(invisibilityOfElementLocated(By.id("pos-sale-add-" + meal)));
        tabTo(tablet, "pos-shift-counted");
        tablet.waitUntil(textToBe(By.id("pos-shift-expected"), shown(english, "245.00")));
        tablet.press("245", Keys.ENTER);
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-shift-confirm")));
        assertThat(tablet.focusedId()).isEqualTo("pos-shift-confirm-heading");
        assertThat(tablet.element("pos-shift-confirm-what").getText()).isEqualTo(messages.text("pos.shift.confirm.even",
                Map.of("counted", shown(english, "245.00"))));
        axe(tablet, "closing the shift, asked first", lang);
        tablet.press(Keys.TAB);
        assertThat(tablet.focusedId()).isEqualTo("pos-shift-confirm-close");
        tablet.press(Keys.ENTER);
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-shift-closed-figures")));
        assertThat(tablet.focusedId()).isEqualTo("pos-shift-heading");
        String zReport = tablet.element("pos-shift-z-report").getDomAttribute("href");

        // The kitchen's screen: the station chosen with the keyboard, the ticket made ready, then collected after asking.
        Storefront station = browser.open(port, "/pos/tickets.html?lang=" + lang).ready(lang);
        station.waitUntil(visibilityOfElementLocated(By.cssSelector("pos-staff-guard > .pos-staff-content")));
        chooseRadio(station, "pos-station", "pos-station-KITCHEN");
        String ticket = ourTicket(coordinator, id);
        station.waitUntil(visibilityOfElementLocated(By.id("pos-ticket-" + ticket)));
        assertThat(station.element("pos-ticket-" + ticket + "-number").getText()).isEqualTo(pickup);
        axe(station, "the kitchen's station screen", lang);
        tabTo(station, "pos-ticket-" + ticket + "-ready");
        station.press(Keys.ENTER);
        station.waitUntil(textToBe(By.id("pos-ticket-" + ticket + "-status"), messages.text("pos.tickets.status.READY")));
        assertThat(station.focusedId()).isEqualTo("pos-ticket-" + ticket + "-collected");

        Storefront ready = browser.open(port, "/pos/ready.html?lang=" + lang).ready(lang);
        ready.waitUntil(presenceOfElementLocated(By.cssSelector("#pos-ready-numbers [data-number='" + pickup + "']")));
        axe(ready, "the customers' ready screen", lang);

        station = browser.open(port, "/pos/tickets.html?lang=" + lang).ready(lang);
        station.waitUntil(visibilityOfElementLocated(By.id("pos-ticket-" + ticket)));
        tabTo(station, "pos-ticket-" + ticket + "-collected");
        station.press(Keys.ENTER);
        station.waitUntil(visibilityOfElementLocated(By.id("pos-ticket-" + ticket + "-confirm")));
        assertThat(station.focusedId()).isEqualTo("pos-ticket-" + ticket + "-confirm-heading");
        axe(station, "collecting a ticket, asked first", lang);
        station.press(Keys.TAB);
        assertThat(station.focusedId()).isEqualTo("pos-ticket-" + ticket + "-confirm-yes");
        station.press(Keys.ENTER);
        station.waitUntil(invisibilityOfElementLocated(By.id("pos-ticket-" + ticket)));

        Storefront report = browser.open(port, zReport + "&lang=" + lang).ready(lang);
        report.waitUntil(visibilityOfElementLocated(By.id("report-drawer-counted")));
        axe(report, "the Z report's page", lang);

        // Signing out asks first; Esc keeps the cashier signed in, and the confirmation signs out.
        tablet = browser.open(port, "/pos/?lang=" + lang).ready(lang);
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-signed-in")));
        tabTo(tablet, "pos-sign-out");
        tablet.press(Keys.ENTER);
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sign-out-confirm")));
        assertThat(tablet.focusedId()).isEqualTo("pos-sign-out-confirm-heading");
        assertThat(tablet.element("pos-sign-out-confirm-what").getText()).isEqualTo(messages.text("pos.signIn.confirm.what"));
        axe(tablet, "signing out, asked first", lang);
        tablet.press(Keys.ESCAPE);
        assertThat(tablet.focusedId()).isEqualTo("pos-sign-out");
        assertThat(tablet.element("pos-sign-out-confirm").isDisplayed()).isFalse();
        tablet.press(Keys.ENTER);
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sign-out-confirm")));
        tablet.press(Keys.TAB, Keys.ENTER);
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-who")));
        assertThat(tablet.focusedId()).isEqualTo("pos-who-heading");
    }

    private static void focusReaches(Storefront page, String id) {
        page.waitUntil(driver -> page.focusedId().equals(id));
    }

    private static void axe(Storefront page, String what, String lang) {
        Accessibility.assertNoSeriousViolations(page.driver(), what + ", " + lang);
    }

    /** An amount as the screen shows it: "¥45.00" in Chinese, "CN¥45.00" in English. */
    private static String shown(boolean english, String yuan) {
        return (english ? "CN¥" : "¥") + yuan;
    }

    /** Presses Tab until {@code id} has focus; fails with the route taken. */
    private static void tabTo(Storefront page, String id) {
        moveTo(page, id, Keys.TAB);
    }

    private static void shiftTabTo(Storefront page, String id) {
        moveTo(page, id, Keys.chord(Keys.SHIFT, Keys.TAB));
    }

    private static void arrowTo(Storefront page, String id) {
        moveTo(page, id, Keys.ARROW_DOWN);
    }

    private static void moveTo(Storefront page, String id, CharSequence key) {
        List<String> route = new ArrayList<>();
        for (int presses = 0; presses < MOST_PRESSES; presses++) {
            page.press(key);
            route.add(page.focusedId());
            if (id.equals(route.get(route.size() - 1))) {
                return;
            }
        }
        fail("The keyboard never reached #" + id + "; focus went " + String.join(" → ", route));
    }

    /** Tab into the radio group {@code name}, then the arrow keys to {@code id}, which they choose; Space if it came first. */
    private static void chooseRadio(Storefront page, String name, String id) {
        for (int presses = 0; presses < MOST_PRESSES && !name.equals(focused(page).getDomAttribute("name")); presses++) {
            page.press(Keys.TAB);
        }
        if (page.focusedId().equals(id)) {
            page.press(Keys.SPACE);
        } else {
            arrowTo(page, id);
        }
        assertThat(page.element(id).isSelected()).as(id + " chosen").isTrue();
    }

    private static WebElement focused(Storefront page) {
        return page.driver().switchTo().activeElement();
    }

    /** The id of the kitchen's open ticket from register {@code registerId}. */
    @SuppressWarnings("unchecked")
    private static String ourTicket(WebTestClient staff, String registerId) {
        List<Map<String, Object>> open = staff.get().uri("/api/pos/tickets?station=KITCHEN").exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        return open.stream().filter(ticket -> registerId.equals(ticket.get("registerId")))
                .map(ticket -> (String) ticket.get("id")).findFirst().orElseThrow();
    }
}
