package org.socialworkshop.e2e;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.socialworkshop.identity.Account;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.identity.NewAccount;
import org.socialworkshop.identity.Role;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Issue 12, step 6, as a coordinator sets it up: on /admin/counter.html a choice group with two options is created
 * (a mistake in a price change is caught first) and changed by adding a third that takes money off; a price list
 * gives a canteen meal a lower price, shown beside its own; the product editor offers the group on that meal; and on
 * /admin/registers.html a cashier without a PIN is refused a discount permission while the demo cashier gets 15 %.
 * What the screens say is checked against the admin API, and every screen state with axe, in zh-CN and the main ones
 * in English; both pages fit 360 px wide.
 */
@WorkshopTest
class CoordinatorSetsCounterChoicesTest {

    private static final String DEMO_CASHIER = "Demo cashier 演示收银员";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    Accounts accounts;

    @Test
    void coordinatorSetsChoicesPricesAndDiscountsForTheCounter() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String group = "TOPPINGS_" + tag;
        String list = "STAFF_MEALS_" + tag;
        Messages zh = Messages.of("zh-CN");
        Messages en = Messages.of("en");
        WebTestClient coordinator = CatalogFixtures.coordinator(client);
        // A canteen meal of this test's own, so that what it is offered with changes no meal other tests sell.
        Map<String, Object> body = CatalogFixtures.product("豆花饭 " + tag, "Tofu pudding rice " + tag, false);
        body.put("category", "CANTEEN_MEAL");
        body.put("taxCategory", "CATERING");
        body.put("channels", List.of("POS"));
        body.put("variants", List.of(CatalogFixtures.variant("E2E-DOUHUA-" + tag, 1600)));
        Map<String, Object> meal = CatalogFixtures.create(coordinator, body);
        String mealId = (String) meal.get("id");
        String variantId = CatalogFixtures.firstVariantId(meal);

        Storefront page = browser.openAsStaff(port, "/admin/counter.html", "zh-CN", "coordinator@example.org", "workshop-coordinator");
        assertThat(page.element("admin-nav-counter").getDomAttribute("aria-current")).isEqualTo("page");
        page.waitUntil(presenceOfElementLocated(By.id("modifier-group-table")));
        page.waitUntil(presenceOfElementLocated(By.id("price-list-table")));
        Accessibility.assertNoSeriousViolations(page.driver(), "counter choices, zh-CN");

        // A new group: the code is typed in small letters, and a price change that is not a number is caught.
        page.element("modifier-group-code").sendKeys(group.toLowerCase());
        page.element("modifier-group-name-zh").sendKeys("小料 " + tag);
        page.element("modifier-group-name-en").sendKeys("Toppings " + tag);
        page.element("modifier-group-min").clear();
        page.element("modifier-group-min").sendKeys("0");
        page.element("modifier-group-max").clear();
        page.element("modifier-group-max").sendKeys("2");
        option(page, 0, "花生碎", "Crushed peanuts", "0");
        option(page, 1, "卤蛋", "Braised egg", "三元");
        page.element("modifier-group-save").click();
        page.waitUntil(textToBe(By.id("modifier-option-1-price-error"), zh.text("counter.option.price.format", Map.of("n", 2))));
        assertThat(page.focusedId()).as("the error summary takes focus").isEqualTo("modifier-group-errors");
        Accessibility.assertNoSeriousViolations(page.driver(), "a new choice group with a mistake, zh-CN");
        page.element("modifier-option-1-price").clear();
        page.element("modifier-option-1-price").sendKeys("3.00");
        page.element("modifier-group-save").click();
        Map<String, String> named = Map.of("name", "小料 " + tag, "code", group);
        page.waitUntil(textToBe(By.id("modifier-group-status"), zh.text("counter.groups.created", named)));
        page.waitUntil(textToBePresentInElementLocated(By.id("modifier-group-options-" + group), "卤蛋 +¥3.00"));
        assertThat(page.element("modifier-group-options-" + group).getText()).contains("花生碎 " + zh.text("counter.delta.free"));
        assertThat(page.element("modifier-group-choose-" + group).getText())
                .isEqualTo(zh.text("counter.choose.range", Map.of("min", 0, "max", 2)));
        assertThat(page.element("modifier-group-form-heading").getText()).isEqualTo(zh.text("counter.groups.editHeading", named));
        assertThat(page.element("modifier-group-code").getDomProperty("readOnly")).as("the code is fixed").isEqualTo("true");

        // Changed: a third option that takes a yuan off.
        page.element("modifier-option-add").click();
        assertThat(page.focusedId()).isEqualTo("modifier-option-2-name-zh");
        option(page, 2, "少饭", "Less rice", "-1");
        Accessibility.assertNoSeriousViolations(page.driver(), "changing a choice group, zh-CN");
        page.element("modifier-group-save").click();
        page.waitUntil(textToBe(By.id("modifier-group-status"), zh.text("counter.groups.saved", named)));
        page.waitUntil(textToBePresentInElementLocated(By.id("modifier-group-options-" + group), "少饭 −¥1.00"));

        JsonNode saved = find(get(coordinator, "/api/admin/modifier-groups"), "code", group);
        assertThat(saved.get("nameZh").asString()).isEqualTo("小料 " + tag);
        assertThat(saved.get("nameEn").asString()).isEqualTo("Toppings " + tag);
        assertThat(saved.get("minChoices").asInt()).isZero();
        assertThat(saved.get("maxChoices").asInt()).isEqualTo(2);
        assertThat(saved.get("options").valueStream().map(option -> option.get("nameEn").asString() + " "
                + option.get("price").get("amount").asLong() + " " + option.get("active").asBoolean()))
                .as("the first two kept (not added again), the third added")
                .containsExactly("Crushed peanuts 0 true", "Braised egg 300 true", "Less rice -100 true");

        // A price list: the meal at 12 yuan, its own 16 shown beside.
        page.element("price-list-code").sendKeys(list);
        page.element("price-list-name-zh").sendKeys("员工餐 " + tag);
        page.element("price-list-name-en").sendKeys("Staff meals " + tag);
        assertThat(page.element("price-list-active").isSelected()).as("offered unless unticked").isTrue();
        page.element("list-price-add").click();
        assertThat(page.focusedId()).isEqualTo("list-price-0-variant");
        new Select(page.element("list-price-0-variant")).selectByValue(variantId);
        page.waitUntil(textToBe(By.id("list-price-0-own"), zh.text("counter.price.own", Map.of("price", "¥16.00"))));
        page.element("list-price-0-amount").sendKeys("12");
        page.element("price-list-save").click();
        Map<String, String> listNamed = Map.of("name", "员工餐 " + tag, "code", list);
        page.waitUntil(textToBe(By.id("price-list-status"), zh.text("counter.lists.created", listNamed)));
        page.waitUntil(textToBe(By.id("price-list-count-" + list), zh.text("counter.lists.count", Map.of("count", 1))));
        assertThat(page.element("price-list-offered-" + list).getText()).isEqualTo(zh.text("counter.lists.offered"));
        assertThat(page.element("list-price-0-amount").getDomProperty("value")).isEqualTo("12.00");
        Accessibility.assertNoSeriousViolations(page.driver(), "a price list just created, zh-CN");

        JsonNode priceList = find(get(coordinator, "/api/admin/price-lists"), "code", list);
        assertThat(priceList.get("nameEn").asString()).isEqualTo("Staff meals " + tag);
        assertThat(priceList.get("active").asBoolean()).isTrue();
        assertThat(priceList.get("prices").propertyNames()).containsExactly(variantId);
        assertThat(priceList.get("prices").get(variantId).get("amount").asLong()).isEqualTo(1200);

        // The meal offers the group, ticked in the product editor.
        Storefront editor = browser.open(port, "/admin/product.html?id=" + mealId).ready("zh-CN");
        editor.waitUntil(presenceOfElementLocated(By.id("product-modifier-" + group))).click();
        assertThat(editor.element("product-modifier-order").getText()).contains("小料 " + tag);
        Accessibility.assertNoSeriousViolations(editor.driver(), "the product editor with choices at the counter, zh-CN");
        editor.element("product-save").click();
        editor.waitUntil(textToBe(By.id("product-status"), zh.text("admin.product.saved", Map.of("name", "豆花饭 " + tag))));
        JsonNode product = get(coordinator, "/api/admin/products/" + mealId);
        assertThat(product.get("modifierGroups").valueStream().map(JsonNode::asString)).containsExactly(group);
        assertThat(product.get("variants").get(0).get("price").get("amount").asLong()).as("the rest unchanged").isEqualTo(1600);
        Storefront reopened = browser.open(port, "/admin/product.html?id=" + mealId).ready("zh-CN");
        assertThat(reopened.waitUntil(presenceOfElementLocated(By.id("product-modifier-" + group))).isSelected()).isTrue();

        // Discounts: refused for a cashier without a PIN, 15 % for the demo cashier.
        Account newcomer = accounts.create(new NewAccount("cashier-" + tag.toLowerCase() + "@example.org", "新收银员 " + tag,
                "a-long-password-" + tag, Set.of(Role.CASHIER))).block();
        Storefront registers = browser.open(port, "/admin/registers.html").ready("zh-CN");
        Select who = new Select(registers.waitUntil(presenceOfElementLocated(By.id("cashier-discount-who"))));
        registers.waitUntil(d -> who.getOptions().stream().anyMatch(option -> option.getText().equals("新收银员 " + tag)));
        assertThat(registers.element("cashier-discount-state-" + newcomer.id().value()).getText())
                .isEqualTo(zh.text("pos.pins.discount.none"));
        who.selectByVisibleText("新收银员 " + tag);
        registers.element("cashier-discount-value").clear();
        registers.element("cashier-discount-value").sendKeys("10");
        registers.element("cashier-discount-save").click();
        registers.waitUntil(textToBe(By.id("cashier-discount-who-error"), zh.text("pos.pins.discount.needsPin")));
        Accessibility.assertNoSeriousViolations(registers.driver(), "a discount refused for want of a PIN, zh-CN");
        who.selectByVisibleText(DEMO_CASHIER);
        String cashierId = who.getFirstSelectedOption().getDomAttribute("value");
        registers.element("cashier-discount-value").clear();
        registers.element("cashier-discount-value").sendKeys("15");
        registers.element("cashier-discount-save").click();
        registers.waitUntil(textToBe(By.id("cashier-discount-status"),
                zh.text("pos.pins.discount.saved", Map.of("name", DEMO_CASHIER, "percent", 15))));
        registers.waitUntil(textToBe(By.id("cashier-discount-state-" + cashierId), zh.text("pos.pins.discount.upTo", Map.of("percent", 15))));
        assertThat(find(get(coordinator, "/api/admin/staff/cashiers"), "id", cashierId).get("discountUpTo").asInt()).isEqualTo(15);
        Accessibility.assertNoSeriousViolations(registers.driver(), "a discount permission set, zh-CN");

        // The main states in English.
        Storefront english = browser.open(port, "/admin/counter.html?lang=en").ready("en");
        english.waitUntil(textToBePresentInElementLocated(By.id("modifier-group-options-" + group), "Braised egg +¥3.00"));
        assertThat(english.element("modifier-group-options-" + group).getText()).contains("Crushed peanuts " + en.text("counter.delta.free"));
        english.waitUntil(presenceOfElementLocated(By.id("price-list-table")));
        Accessibility.assertNoSeriousViolations(english.driver(), "counter choices, en");
        english.element("modifier-group-edit-" + group).click();
        assertThat(english.focusedId()).isEqualTo("modifier-group-form-heading");
        assertThat(english.element("modifier-group-form-heading").getText())
                .isEqualTo(en.text("counter.groups.editHeading", Map.of("name", "Toppings " + tag, "code", group)));
        english.element("price-list-edit-" + list).click();
        english.waitUntil(visibilityOfElementLocated(By.id("list-price-0-variant")));
        assertThat(english.element("list-price-0-own").getText()).isEqualTo(en.text("counter.price.own", Map.of("price", "¥16.00")));
        Accessibility.assertNoSeriousViolations(english.driver(), "changing a group and a price list, en");
        Storefront englishRegisters = browser.open(port, "/admin/registers.html?lang=en").ready("en");
        englishRegisters.waitUntil(textToBe(By.id("cashier-discount-state-" + cashierId),
                en.text("pos.pins.discount.upTo", Map.of("percent", 15))));
        Accessibility.assertNoSeriousViolations(englishRegisters.driver(), "cashiers with their discounts, en");

        // On a small phone the page fits its width; wide tables scroll in their own region.
        browser.resize(360, 800);
        Storefront phone = browser.open(port, "/admin/counter.html?lang=zh-CN").ready("zh-CN");
        phone.waitUntil(presenceOfElementLocated(By.id("modifier-group-table")));
        phone.waitUntil(presenceOfElementLocated(By.id("price-list-table")));
        assertThat(phone.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling").isEqualTo(true);
        Accessibility.assertNoSeriousViolations(phone.driver(), "counter choices at 360 px, zh-CN");
        Storefront phoneRegisters = browser.open(port, "/admin/registers.html?lang=zh-CN").ready("zh-CN");
        phoneRegisters.waitUntil(presenceOfElementLocated(By.id("cashier-discount-state-" + cashierId)));
        assertThat(phoneRegisters.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling among the cashiers").isEqualTo(true);
    }

    private static void option(Storefront page, int i, String nameZh, String nameEn, String price) {
        page.element("modifier-option-" + i + "-name-zh").sendKeys(nameZh);
        page.element("modifier-option-" + i + "-name-en").sendKeys(nameEn);
        page.element("modifier-option-" + i + "-price").clear();
        page.element("modifier-option-" + i + "-price").sendKeys(price);
    }

    private static JsonNode get(WebTestClient staff, String path) {
        return staff.get().uri(path).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static JsonNode find(JsonNode items, String field, String value) {
        return items.valueStream().filter(item -> item.get(field).asString().equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("No item with " + field + " " + value + " in " + items));
    }
}
