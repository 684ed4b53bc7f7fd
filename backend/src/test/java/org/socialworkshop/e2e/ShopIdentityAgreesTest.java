package org.socialworkshop.e2e;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

/**
 * Issue 14, item 2: an administrator changes the shop's identity on /admin/shop.html (read in Chinese, a mistake caught
 * and the change saved in English, axe on each state), and every place that names the shop then agrees: the home page,
 * the footer, checkout's pickup (its address, hours and times, none on a closed weekday or date, each with its day),
 * the order page, and the receipt issued for the order.
 */
@WorkshopTest
class ShopIdentityAgreesTest {

    private static final ZoneId CHENGDU = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    private WebTestClient admin;
    private Map<String, Object> before;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void readIt() {
        admin = SignIn.admin(client);
        before = admin.get().uri("/api/admin/shop").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Later tests see the identity as it was. */
    @AfterEach
    void putItBack() {
        Map<String, Object> back = new HashMap<>(before);
        back.put("version", admin.get().uri("/api/admin/shop").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("version").asInt());
        admin.put().uri("/api/admin/shop").bodyValue(back).exchange().expectStatus().isOk();
    }

    @Test
    void whatTheAdminSavesIsWhatEveryPageAndTheNextReceiptSay() {
        String tag = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        Messages zh = Messages.of("zh-CN");
        Messages en = Messages.of("en");
        LocalDate today = LocalDate.now(CHENGDU);
        LocalDate holiday = today.plusDays(1);
        DayOfWeek closedWeekday = today.plusDays(2).getDayOfWeek();
        String nameZh = "锦爱手作坊" + tag;
        String nameEn = "Jin'ai Craft House " + tag;
        String addressZh = "四川省成都市锦江区测试路 " + tag + " 号";
        String addressEn = tag + " Test Road, Jinjiang District, Chengdu";
        String legalName = "成都市锦江区锦爱手作坊" + tag;

        Storefront page = browser.openAsStaff(port, "/admin/shop.html?lang=zh-CN", "zh-CN", "admin@example.org", "workshop-admin");
        page.waitUntil(d -> !page.element("shop-name-zh").getDomProperty("value").isEmpty());
        assertThat(page.element("admin-nav-shop").getDomAttribute("aria-current")).isEqualTo("page");
        assertThat(page.element("page-heading").getText()).isEqualTo(zh.text("admin.shop.heading"));
        assertThat(page.element("shop-name-zh").getDomProperty("value")).isEqualTo(before.get("nameZh"));
        Accessibility.assertNoSeriousViolations(page.driver(), "shop details, zh-CN");

        Storefront form = browser.open(port, "/admin/shop.html?lang=en").ready("en");
        form.waitUntil(d -> !form.element("shop-name-en").getDomProperty("value").isEmpty());
        assertThat(form.element("page-heading").getText()).isEqualTo(en.text("admin.shop.heading"));
        Accessibility.assertNoSeriousViolations(form.driver(), "shop details, en");

        replace(form, "shop-name-zh", nameZh);
        replace(form, "shop-name-en", nameEn);
        replace(form, "shop-address-zh", addressZh);
        replace(form, "shop-address-en", addressEn);
        replace(form, "shop-pickup-en", "Back door " + tag);
        replace(form, "shop-legal-name", legalName);
        // A mistake first: one day given an opening time without a closing time.
        DayOfWeek mistaken = closedWeekday == DayOfWeek.MONDAY ? DayOfWeek.TUESDAY : DayOfWeek.MONDAY;
        for (DayOfWeek day : DayOfWeek.values()) {
            boolean closed = day == closedWeekday;
            replace(form, "shop-hours-" + day + "-opens", closed ? "" : "09:00");
            replace(form, "shop-hours-" + day + "-closes", closed || day == mistaken ? "" : "17:00");
        }
        replace(form, "shop-closed-dates", holiday.toString());
        form.element("shop-save").click();
        form.waitUntil(textToBe(By.id("shop-hours-" + mistaken + "-closes-error"), en.text("admin.shop.bothTimes")));
        assertThat(form.focusedId()).as("the error summary takes focus").isEqualTo("shop-errors");
        Accessibility.assertNoSeriousViolations(form.driver(), "shop details with a mistake, en");
        replace(form, "shop-hours-" + mistaken + "-closes", "17:00");
        form.element("shop-save").click();
        form.waitUntil(textToBe(By.id("shop-status"), en.text("admin.shop.saved")));

        // Home and footer, in both languages.
        Storefront home = browser.open(port, "/?lang=en").ready("en");
        home.waitUntil(textToBe(By.id("visit-name"), nameEn));
        assertThat(home.element("visit-address").getText()).isEqualTo(addressEn);
        assertThat(home.element("visit-pickup").getText()).contains("Back door " + tag);
        assertThat(home.element("visit-hours").getText()).contains("09:00–17:00", en.text("shop.hours.closedWord"));
        assertThat(home.element("visit-closures").getText()).contains(holiday.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        assertThat(home.element("footer-shop-name").getText()).isEqualTo(nameEn);
        assertThat(home.element("footer-shop-address").getText()).isEqualTo(addressEn);
        assertThat(home.element("footer-shop-hours").getText()).contains("09:00–17:00");
        Accessibility.assertNoSeriousViolations(home.driver(), "home with the shop's details, en");
        home = browser.open(port, "/?lang=zh-CN").ready("zh-CN");
        home.waitUntil(textToBe(By.id("footer-shop-name"), nameZh));
        assertThat(home.element("footer-shop-address").getText()).isEqualTo(addressZh);
        assertThat(home.element("visit-name").getText()).isEqualTo(nameZh);

        // Checkout's pickup: the place, the hours, and times only on open days, each with its day.
        Map<String, Object> product = CatalogFixtures.create(CatalogFixtures.coordinator(client),
                CatalogFixtures.product("营业时间杯 " + tag, "Opening hours cup " + tag, false));
        String cart = new Carts(client).create();
        client.post().uri("/api/carts/{id}/items", cart).bodyValue(Map.of("productId", product.get("id"),
                "variantId", CatalogFixtures.firstVariantId(product), "quantity", 1)).exchange().expectStatus().isOk();
        Carts.handTo(home, cart);
        Storefront checkout = CheckoutSteps.openCheckout(browser, port, "en");
        checkout.waitUntil(textToBePresentInElementLocated(By.id("checkout-pickup-address"), addressEn));
        assertThat(checkout.element("checkout-pickup-address").getText()).contains("Back door " + tag);
        checkout.waitUntil(textToBePresentInElementLocated(By.id("checkout-pickup-hours"), "09:00–17:00"));
        assertThat(checkout.element("checkout-pickup-hours").getText()).doesNotContain(en.text("checkout.slot.none"));
        List<WebElement> times = checkout.driver().findElements(By.cssSelector("#checkout-slot option:not([value=''])"));
        assertThat(times).isNotEmpty();
        String holidayWords = holiday.getDayOfMonth() + " " + holiday.getMonth().getDisplayName(TextStyle.SHORT, Locale.UK);
        String closedWords = closedWeekday.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " ";
        for (WebElement time : times) {
            String words = time.getText();
            assertThat(words).as("a time with its day").matches("[A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2,3}, \\d\\d:\\d\\d");
            assertThat(words).doesNotContain(holidayWords).doesNotStartWith(closedWords);
            assertThat(words.substring(words.length() - 5)).isBetween("09:00", "16:30");
        }
        Select slot = new Select(checkout.element("checkout-slot"));
        slot.selectByIndex(1);
        assertThat(slot.getFirstSelectedOption().getText()).as("the closed list shows the day").isEqualTo(times.get(0).getText());
        Accessibility.assertNoSeriousViolations(checkout.driver(), "checkout with the shop's hours, en");
        checkout.element("checkout-email").sendKeys("identity-" + tag.toLowerCase() + "@example.org");
        checkout.element("checkout-submit").click();

        // The order page and the receipt issued for it.
        CheckoutSteps.demoPayment(checkout, "en").element("demo-pay").click();
        CheckoutSteps.waitForStatus(checkout, "en", en.text("order.status.PAID"));
        assertThat(checkout.element("order-pickup-address").getText()).contains(addressEn, "Back door " + tag);
        assertThat(checkout.element("order-pickup-hours").getText()).contains("09:00–17:00");
        WebElement receipt = checkout.waitUntil(presenceOfElementLocated(By.cssSelector("#order-receipts a")));
        String code = receipt.getDomAttribute("href").replaceAll(".*/r/", "").replaceAll("[?#].*", "");
        JsonNode issued = client.get().uri("/api/receipts/{code}", code).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(issued.get("seller").get("name").asString()).isEqualTo(legalName);
        assertThat(issued.get("seller").get("address").asString()).isEqualTo(addressZh);
        assertThat(issued.get("seller").get("nameEn").asString()).isEqualTo(nameEn);
        assertThat(issued.get("seller").get("addressEn").asString()).isEqualTo(addressEn);
        // The receipt speaks the reader's language: the shop's English name and address on an English page, the legal
        // name of record beneath; the legal name and Chinese address on a Chinese one.
        Storefront paper = browser.open(port, "/r/" + code + "?lang=en").ready("en");
        paper.waitUntil(textToBe(By.id("receipt-seller"), nameEn));
        assertThat(paper.element("receipt-paper").getText()).contains(legalName, addressEn).doesNotContain(addressZh);
        paper = browser.open(port, "/r/" + code + "?lang=zh-CN").ready("zh-CN");
        paper.waitUntil(textToBe(By.id("receipt-seller"), legalName));
        assertThat(paper.element("receipt-paper").getText()).contains(addressZh).doesNotContain(nameEn, addressEn);
    }

    private static void replace(Storefront page, String id, String value) {
        WebElement field = page.element(id);
        field.clear();
        if (!value.isEmpty()) {
            field.sendKeys(value);
        }
    }
}
