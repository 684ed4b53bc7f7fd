package org.socialworkshop.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.socialworkshop.identity.Account;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.identity.NewAccount;
import org.socialworkshop.identity.Role;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.pos.TabletSale;
import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Issue 12, step 6, as the counter does it: a cashier allowed 20 % discounts finds a drink by name and scans a meal's
 * code into the search; the drink's options are chosen in a dialog that refuses to add it before its size is chosen;
 * the elderly diners' price list re-prices the meal; the drink gets a discount (one beyond the cashier's percent is
 * refused first) and the meal a note to the kitchen; the sale is paid in cash. The receipt panel shows the pickup
 * number and the options; the receipt the tablet signed is genuine, of format 2, and says what the screen said; the
 * order keeps the options, discount and note, the sale its price list and pickup number. The dialogs, the discount
 * form and the receipt pass axe in Chinese, the options dialog in English too. Apart from the browser's sale, the
 * tablet's receipt for such a sale is compared byte for byte with the one the server's test helper builds.
 */
@WorkshopTest
class CashierSellsFastTest {

    private static final String PIN = "5826";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    Accounts accounts;

    @Autowired
    Database db;

    @Autowired
    SignedDocuments documents;

    @Autowired
    JsonMapper json;

    private final Messages zh = Messages.of("zh-CN");
    private final Messages en = Messages.of("en");

    @Test
    @SuppressWarnings("unchecked")
    void aCashierSellsADrinkWithOptionsAndAMealAtTheDinersPriceWithADiscountANoteAndAPickupNumber() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String id = "FAST-" + tag;
        WebTestClient coordinator = CatalogFixtures.coordinator(client);
        coordinator.post().uri("/api/admin/pos/registers")
                .bodyValue(Map.of("id", id, "kind", "CAFE", "nameZh", "快速收银 " + id, "nameEn", "Fast counter " + id))
                .exchange().expectStatus().isCreated();
        Account cashier = accounts.create(new NewAccount("fast-" + tag.toLowerCase() + "@example.org", "快收银员 " + tag,
                "a-long-password-" + tag, Set.of(Role.CASHIER))).block();
        String cashierId = cashier.id().value().toString();
        coordinator.put().uri("/api/admin/staff/{id}/pin", cashierId).bodyValue(Map.of("pin", PIN)).exchange().expectStatus().isNoContent();
        coordinator.put().uri("/api/admin/staff/{id}/discounts", cashierId).bodyValue(Map.of("upTo", 20))
                .exchange().expectStatus().isNoContent();

        // A latte (¥22.00) with a size to choose (large +¥3.00) and add-ons (oat milk +¥4.00); a set meal (¥20.00),
        // ¥12.00 on the elderly diners' list.
        String sizeGroup = "SIZE_" + tag;
        Map<String, Object> size = coordinator.put().uri("/api/admin/modifier-groups/{code}", sizeGroup)
                .bodyValue(Map.of("nameZh", "杯型" + tag, "nameEn", "Size " + tag, "minChoices", 1, "maxChoices", 1, "options", List.of(
                        Map.of("nameZh", "中杯", "nameEn", "Regular", "priceDelta", 0),
                        Map.of("nameZh", "大杯", "nameEn", "Large", "priceDelta", 300))))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String large = (String) ((List<Map<String, Object>>) size.get("options")).get(1).get("id");
        Map<String, Object> addOns = coordinator.put().uri("/api/admin/modifier-groups/{code}", "ADD_ONS_" + tag)
                .bodyValue(Map.of("nameZh", "加料", "nameEn", "Add-ons", "minChoices", 0, "maxChoices", 2, "options", List.of(
                        Map.of("nameZh", "燕麦奶", "nameEn", "Oat milk", "priceDelta", 400),
                        Map.of("nameZh", "加一份浓缩", "nameEn", "Extra shot", "priceDelta", 500))))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String oatMilk = (String) ((List<Map<String, Object>>) addOns.get("options")).get(0).get("id");
        Map<String, Object> drink = CatalogFixtures.product("拿铁 " + tag, "Latte " + tag, false);
        drink.put("category", "CAFE_DRINK");
        drink.put("taxCategory", "CATERING");
        drink.put("channels", List.of("POS"));
        drink.put("variants", List.of(CatalogFixtures.variant("FAST-LATTE-" + tag, 2200)));
        drink.put("modifierGroups", List.of(sizeGroup, "ADD_ONS_" + tag));
        String latte = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, drink));
        Map<String, Object> set = CatalogFixtures.product("长者套餐 " + tag, "Set meal " + tag, false);
        set.put("category", "CANTEEN_MEAL");
        set.put("taxCategory", "CATERING");
        set.put("variants", List.of(CatalogFixtures.variant("FAST-MEAL-" + tag, 2000)));
        String meal = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, set));
        String listCode = "ELDERLY_" + tag;
        coordinator.put().uri("/api/admin/price-lists/{code}", listCode)
                .bodyValue(Map.of("nameZh", "长者助餐" + tag, "nameEn", "Elderly diners " + tag,
                        "prices", List.of(Map.of("variantId", meal, "amount", 1200))))
                .exchange().expectStatus().isOk();
        String code = (String) coordinator.post().uri("/api/admin/pos/registers/" + id + "/pairing-codes").exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("code");

        // Pair, sign in, open the shift.
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
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sale-add-" + latte)));

        // Found by its English name as one types; only it is shown.
        tablet.element("pos-sale-search").sendKeys("latte " + tag.toLowerCase());
        tablet.waitUntil(invisibilityOfElementLocated(By.id("pos-sale-add-" + meal)));
        assertThat(tablet.element("pos-sale-add-" + latte).isDisplayed()).isTrue();
        tablet.waitUntil(textToBePresentInElementLocated(By.id("pos-sale-found"), "1"));

        // Its options first: adding without a size is refused, saying which group still needs a choice.
        tablet.element("pos-sale-add-" + latte).click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-options")));
        assertThat(tablet.element("pos-options-heading").getText()).isEqualTo(zh.text("pos.options.heading",
                Map.of("name", "拿铁 " + tag + " · 标准")));
        assertThat(tablet.element("pos-options-group-" + sizeGroup).getText()).contains("杯型" + tag)
                .contains(zh.text("pos.options.chooseExactly", Map.of("count", 1))).contains("大杯").contains("+¥3.00");
        assertThat(tablet.element("pos-option-" + large).getDomAttribute("type")).as("exactly one: radio buttons").isEqualTo("radio");
        assertThat(tablet.element("pos-option-" + oatMilk).getDomAttribute("type")).isEqualTo("checkbox");
        assertThat(tablet.element("pos-options-add").getDomAttribute("aria-disabled")).isEqualTo("true");
        assertThat(tablet.element("pos-options-missing").getText()).contains("杯型" + tag);
        tablet.element("pos-options-add").click();
        tablet.waitUntil(textToBe(By.id("pos-options-group-" + sizeGroup + "-error"),
                zh.text("pos.options.missing", Map.of("name", "杯型" + tag, "count", 1))));
        assertThat(tablet.driver().findElements(By.cssSelector("#pos-sale-lines > li"))).as("nothing added").isEmpty();
        Accessibility.assertNoSeriousViolations(tablet.driver(), "the options dialog refusing to add, zh-CN");
        tablet.element("pos-option-" + large).click();
        tablet.element("pos-option-" + oatMilk).click();
        assertThat(tablet.element("pos-options-unit").getText()).isEqualTo("¥29.00");
        assertThat(tablet.element("pos-options-add").getDomAttribute("aria-disabled")).isNull();
        tablet.element("pos-options-add").click();
        tablet.waitUntil(invisibilityOfElementLocated(By.id("pos-options")));
        String drinkLine = latte + "-1";
        String drinkName = "拿铁 " + tag + " · 标准 (大杯、燕麦奶)";
        tablet.waitUntil(textToBe(By.id("pos-sale-status"), zh.text("pos.sale.added",
                Map.of("name", drinkName, "quantity", 1, "total", zh.spoken(2900)))));
        tablet.waitUntil(driver -> tablet.focusedId().equals("pos-sale-add-" + latte));
        assertThat(tablet.element("pos-sale-line-options-" + drinkLine).getText()).isEqualTo("大杯 +¥3.00 · 燕麦奶 +¥4.00");
        assertThat(tablet.element("pos-sale-amount-" + drinkLine).getText()).isEqualTo("¥29.00");

        // The meal scanned: its code and Enter into the search, as a USB scanner types them; the search is ready again.
        tablet.element("pos-sale-search").clear();
        tablet.element("pos-sale-search").sendKeys("FAST-MEAL-" + tag, Keys.ENTER);
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sale-count-" + meal)));
        assertThat(tablet.element("pos-sale-search").getDomProperty("value")).isEmpty();
        assertThat(tablet.focusedId()).isEqualTo("pos-sale-search");
        assertThat(tablet.element("pos-sale-total").getText()).isEqualTo("¥49.00");

        // The elderly diners' prices for the whole sale: the meal at ¥12.00, and the screen says which list is in force.
        tablet.element("pos-sale-price-list-" + listCode).click();
        tablet.waitUntil(textToBe(By.id("pos-sale-amount-" + meal), "¥12.00"));
        assertThat(tablet.element("pos-sale-total").getText()).isEqualTo("¥41.00");
        assertThat(tablet.element("pos-sale-price-list-now").getText())
                .isEqualTo(zh.text("pos.sale.prices.now", Map.of("name", "长者助餐" + tag)));

        // A discount on the drink: beyond 20 % of its ¥29.00 is refused; ¥2.00 for a regular customer is given.
        tablet.element("pos-sale-discount-" + drinkLine).click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-discount")));
        assertThat(tablet.focusedId()).isEqualTo("pos-discount-amount");
        tablet.element("pos-discount-amount").sendKeys("10");
        tablet.element("pos-discount-reason-1").click();
        assertThat(tablet.element("pos-discount-reason").getDomProperty("value")).isEqualTo(zh.text("pos.discount.reason.regular"));
        tablet.element("pos-discount-save").click();
        tablet.waitUntil(textToBe(By.id("pos-discount-amount-error"),
                zh.text("pos.discount.tooMuch", Map.of("most", "¥5.80", "percent", 20))));
        Accessibility.assertNoSeriousViolations(tablet.driver(), "the discount form refusing too much, zh-CN");
        tablet.element("pos-discount-amount").clear();
        tablet.element("pos-discount-amount").sendKeys("2");
        tablet.element("pos-discount-save").click();
        tablet.waitUntil(invisibilityOfElementLocated(By.id("pos-discount")));
        String reason = zh.text("pos.discount.reason.regular");
        assertThat(tablet.element("pos-sale-line-discount-" + drinkLine).getText())
                .isEqualTo(zh.text("pos.sale.line.discount", Map.of("amount", "¥2.00", "reason", reason)));
        assertThat(tablet.element("pos-sale-amount-" + drinkLine).getText()).isEqualTo("¥27.00");
        assertThat(tablet.element("pos-sale-total").getText()).isEqualTo("¥39.00");
        tablet.waitUntil(driver -> tablet.focusedId().equals("pos-sale-discount-" + drinkLine));

        // A note to the kitchen on the meal.
        tablet.element("pos-sale-notes-" + meal).click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-note")));
        tablet.element("pos-note-text").sendKeys("少辣，打包");
        tablet.element("pos-note-save").click();
        tablet.waitUntil(textToBe(By.id("pos-sale-line-note-" + meal), zh.text("pos.sale.line.note", Map.of("note", "少辣，打包"))));
        Accessibility.assertNoSeriousViolations(tablet.driver(), "a sale with options, a price list, a discount and a note, zh-CN");

        // Paid exactly in cash: the pickup number, large, and the receipt with the options, discount and pickup number.
        tablet.element("pos-sale-exact").click();
        tablet.element("pos-sale-complete").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sale-receipt")));
        assertThat(tablet.element("pos-sale-receipt-pickup-number").getText()).isEqualTo("1");
        assertThat(tablet.element("pos-sale-receipt-pickup").getText()).contains(zh.text("pos.sale.receipt.pickup"));
        assertThat(tablet.element("pos-slip-pickup").getText()).isEqualTo("1");
        assertThat(tablet.element("pos-slip-lines").getText()).contains("大杯 +¥3.00", "燕麦奶 +¥4.00",
                zh.text("receipt.lines.discount", Map.of("amount", "¥2.00", "reason", reason)));
        assertThat(tablet.element("pos-slip-total").getText()).isEqualTo("¥39.00");
        assertThat(tablet.element("pos-sale-receipt-total").getText()).isEqualTo("¥39.00");
        Accessibility.assertNoSeriousViolations(tablet.driver(), "the receipt with a pickup number and options, zh-CN");
        String href = tablet.element("pos-sale-receipt-link").getDomAttribute("href");
        String receiptCode = href.substring("/r/".length());

        // What the server holds is what the screen showed.
        JsonNode receipt = client.get().uri("/api/receipts/{code}", receiptCode).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(receipt.get("verification").get("status").asString()).isEqualTo("GENUINE");
        assertThat(receipt.get("pickupNumber").asInt()).isEqualTo(1);
        assertThat(receipt.get("total").get("amount").asLong()).isEqualTo(3900);
        String payload = new String(Base64.getUrlDecoder().decode(receipt.get("signed").get("payload").asString()), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"v\":3", "\"pickupNumber\":1", "\"options\":[{\"name\":\"大杯\"",
                "\"discount\":{\"amount\":{\"amount\":200,\"currency\":\"CNY\"},\"reason\":\"" + reason + "\"}");
        JsonNode drinkOnReceipt = receipt.get("lines").get(0);
        assertThat(drinkOnReceipt.get("unitPrice").get("amount").asLong()).isEqualTo(2900);
        assertThat(drinkOnReceipt.get("amount").get("amount").asLong()).isEqualTo(2700);
        assertThat(drinkOnReceipt.get("options")).hasSize(2);
        assertThat(receipt.get("lines").get(1).get("unitPrice").get("amount").asLong()).isEqualTo(1200);
        String orderNumber = receipt.get("orderNumber").asString();
        assertThat(db.sql("""
                        SELECT l.unit_price_minor || ' ' || l.discount_minor || ' ' || l.discount_reason || ' '
                               || jsonb_array_length(l.options) AS v
                        FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.number = :n AND l.position = 0""")
                .bind("n", orderNumber).map(row -> row.get("v", String.class)).one().block()).isEqualTo("2900 200 " + reason + " 2");
        assertThat(db.sql("""
                        SELECT l.unit_price_minor || ' ' || l.note AS v
                        FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.number = :n AND l.position = 1""")
                .bind("n", orderNumber).map(row -> row.get("v", String.class)).one().block()).isEqualTo("1200 少辣，打包");
        assertThat(db.sql("""
                        SELECT s.price_list || ' ' || s.pickup_number AS v
                        FROM pos_sales s JOIN orders o ON o.id = s.order_id WHERE o.number = :n""")
                .bind("n", orderNumber).map(row -> row.get("v", String.class)).one().block()).isEqualTo(listCode + " 1");

        // The next sale, in English, starts at the regular prices with focus in the search; the options dialog is
        // named and passes axe; Esc closes it with nothing added and focus back on the product.
        tablet.element("pos-sale-new").click();
        assertThat(tablet.focusedId()).isEqualTo("pos-sale-search");
        Storefront english = browser.open(port, "/pos/?lang=en").ready("en");
        english.waitUntil(elementToBeClickable(By.id("pos-sale-add-" + latte)));
        assertThat(english.element("pos-sale-price-list-regular").isSelected()).isTrue();
        english.element("pos-sale-add-" + latte).click();
        english.waitUntil(visibilityOfElementLocated(By.id("pos-options")));
        assertThat(english.element("pos-options-heading").getText())
                .isEqualTo(en.text("pos.options.heading", Map.of("name", "Latte " + tag + " · Standard")));
        assertThat(english.element("pos-options-group-ADD_ONS_" + tag).getText())
                .contains(en.text("pos.options.chooseUpTo", Map.of("count", 2))).contains("Oat milk").containsPattern("\\+\\S*4\\.00");
        Accessibility.assertNoSeriousViolations(english.driver(), "the options dialog, en");
        english.press(Keys.ESCAPE);
        english.waitUntil(invisibilityOfElementLocated(By.id("pos-options")));
        english.waitUntil(driver -> english.focusedId().equals("pos-sale-add-" + latte));
        assertThat(english.driver().findElements(By.cssSelector("#pos-sale-lines > li"))).isEmpty();

        // A scanner typing while focus is on a product button still lands in the search; the second sale's pickup
        // number follows the first (the day's counter, per register, on the tablet).
        english.press("FAST-MEAL-" + tag, Keys.ENTER);
        english.waitUntil(visibilityOfElementLocated(By.id("pos-sale-count-" + meal)));
        assertThat(english.focusedId()).isEqualTo("pos-sale-search");
        english.element("pos-sale-exact").click();
        english.element("pos-sale-complete").click();
        english.waitUntil(visibilityOfElementLocated(By.id("pos-sale-receipt")));
        assertThat(english.element("pos-sale-receipt-pickup-number").getText()).isEqualTo("2");
        assertThat(english.element("pos-sale-receipt-total").getText()).endsWith("20.00");
    }

    /**
     * The tablet's receipt for a sale with options, a discount, a price list and a pickup number (lib/pos-pricing.js and
     * lib/pos-receipt.js in Chromium) is, byte for byte, the one the server's {@link TabletSale} builds as the server
     * prices it; both of format 3, with the seller's English name and address, the English variants and the makers' Latin
     * names (ADR 0033); a sale with none of the extras has none of their members.
     */
    @Test
    void theTabletsReceiptWithOptionsADiscountAListAndAPickupNumberIsTheServersBytes() {
        Map<String, Object> catalog = Map.of(
                "seller", sellerOf("成都市锦江区锦爱社会工坊", "成都市锦江区", "91510100MA00000000", "Jin'ai Workshop", "Jinjiang District, Chengdu"),
                "products", List.of(
                        Map.of("id", "p-latte", "category", "CAFE_DRINK", "nameZh", "拿铁", "nameEn", "Latte \"hot\"", "makers", List.of(), "makersEn", List.of(),
                                "variants", List.of(variant("v-latte", "热", "Hot", 2200)),
                                "modifierGroups", List.of(
                                        group("SIZE", 1, 1, option("o-regular", "中杯", "Regular", 0), option("o-large", "大杯", "Large", 300)),
                                        group("ADD_ONS", 0, 3, option("o-oat", "燕麦奶", "Oat milk", 400),
                                                option("o-less", "少冰 (−¥1)", "Less ice", -100)))),
                        Map.of("id", "p-meal", "category", "CANTEEN_MEAL", "nameZh", "红烧肉套餐", "nameEn", "Braised pork set",
                                "makers", List.of("李梅", "王强"), "makersEn", List.of("Li Mei", "Wang Qiang"), "variants", List.of(variant("v-meal", "大份", "Large", 2000)),
                                "modifierGroups", List.of())),
                "priceLists", List.of(Map.of("code", "ELDERLY", "nameZh", "长者助餐", "nameEn", "Elderly diners",
                        "prices", Map.of("v-meal", TabletSale.money(1200)))));
        Map<String, Object> series = Map.of("lastNumber", 41, "lastHash", "ab".repeat(32), "keyId", "device-test");

        TabletSale sale = new TabletSale(catalog).priceList("ELDERLY").pickup(42)
                .add("v-latte", 2, List.of("o-less", "o-large", "o-oat"), 333, "熟客 \"老王\"", "少冰")
                .add("v-meal", 3);
        String tablet = tabletBytes(catalog, series, "ELDERLY", 42, List.of(
                line("v-latte", 2, List.of("o-less", "o-large", "o-oat"), 333, "熟客 \"老王\"", "少冰"),
                line("v-meal", 3, List.of(), 0, null, null)), 20000);
        assertThat(tablet).isEqualTo(serverBytes(sale, series, 20000)).contains("\"v\":3")
                .contains("\"makersEn\":[\"Li Mei\",\"Wang Qiang\"]", "\"nameEn\":\"Jin'ai Workshop\"", "\"variantEn\":\"Large\"");

        TabletSale plain = new TabletSale(catalog).add("v-meal", 1);
        String plainTablet = tabletBytes(catalog, series, null, null, List.of(line("v-meal", 1, List.of(), 0, null, null)), 2000);
        assertThat(plainTablet).isEqualTo(serverBytes(plain, series, 2000)).contains("\"v\":3").doesNotContain("options", "discount",
                "pickupNumber");
    }

    private String serverBytes(TabletSale sale, Map<String, Object> series, long given) {
        Map<String, Object> receipt = sale.receipt("CAFE-9", series, given);
        receipt.put("issuedAt", "2026-12-06T10:00:00.123000Z");
        return new String(documents.canonical(receipt), StandardCharsets.UTF_8);
    }

    private String tabletBytes(Map<String, Object> catalog, Map<String, Object> series, String list, Integer pickup,
            List<Map<String, Object>> lines, long given) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("catalog", catalog);
        input.put("series", series);
        input.put("list", list);
        input.put("pickup", pickup);
        input.put("lines", lines);
        input.put("given", given);
        Storefront page = browser.open(port, "/pos/?lang=en").ready("en");
        Object answer = ((JavascriptExecutor) page.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const input = JSON.parse(arguments[0]);
                Promise.all([import('/lib/pos-pricing.js'), import('/lib/pos-receipt.js'), import('/lib/canonical-json.js')])
                  .then(([pricing, receipts, canonical]) => {
                    const list = pricing.priceListOf(input.catalog, input.list);
                    const sold = input.lines.map((line) => {
                      const product = input.catalog.products.find((p) => p.variants.some((v) => v.id === line.variantId));
                      const variant = product.variants.find((v) => v.id === line.variantId);
                      return pricing.soldLine({ product, variant }, line, list);
                    });
                    const content = receipts.receiptContent({ register: 'CAFE-9', series: input.series, seller: input.catalog.seller,
                      sold, givenFen: input.given, issuedAt: new Date('2026-12-06T10:00:00.123Z'), pickupNumber: input.pickup });
                    done(new TextDecoder().decode(canonical.canonicalBytes(content)));
                  })
                  .catch((error) => done('failed: ' + error));""", json.writeValueAsString(input));
        assertThat(answer).asString().doesNotStartWith("failed");
        return (String) answer;
    }

    private static Map<String, Object> line(String variantId, int quantity, List<String> options, long discountFen, String reason,
            String note) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("variantId", variantId);
        line.put("quantity", quantity);
        line.put("options", options);
        line.put("discount", discountFen > 0 ? Map.of("fen", discountFen, "reason", reason) : null);
        line.put("note", note);
        return line;
    }

    private static Map<String, Object> sellerOf(String name, String address, String taxId, String nameEn, String addressEn) {
        Map<String, Object> seller = new LinkedHashMap<>();
        seller.put("name", name);
        seller.put("address", address);
        seller.put("taxId", taxId);
        seller.put("nameEn", nameEn);
        seller.put("addressEn", addressEn);
        return seller;
    }

    private static Map<String, Object> variant(String id, String nameZh, String nameEn, long fen) {
        return Map.of("id", id, "sku", id.toUpperCase(), "nameZh", nameZh, "nameEn", nameEn, "price", TabletSale.money(fen),
                "taxRate", "0.06", "stockTracked", false);
    }

    @SafeVarargs
    private static Map<String, Object> group(String code, int min, int max, Map<String, Object>... options) {
        return Map.of("code", code, "nameZh", code, "nameEn", code, "minChoices", min, "maxChoices", max, "options", List.of(options));
    }

    private static Map<String, Object> option(String id, String nameZh, String nameEn, long fen) {
        return Map.of("id", id, "nameZh", nameZh, "nameEn", nameEn, "price", TabletSale.money(fen), "active", true);
    }
}
