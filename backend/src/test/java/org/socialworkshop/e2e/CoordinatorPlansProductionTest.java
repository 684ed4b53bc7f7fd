package org.socialworkshop.e2e;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.CreditCodes;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Issue 13, step 5, in the browser: a company's order of gift boxes wanted in ten days, whose weaving the makers managed
 * 4 a working day lately. The coordinator opens /admin/production.html from the admin menu's page for the order and reads
 * the warning that the date will not be met, naming weaving; applies the suggested split and saves it; a split of too
 * many pieces is refused on the page before it is sent. The buyer, on a 360 px phone, reads how far the order is made,
 * without makers' names. Every state passes axe, in Chinese and in English.
 */
@WorkshopTest
class CoordinatorPlansProductionTest {

    private static final String PASSWORD = "long enough passphrase";
    private static final String COORDINATOR = "coordinator@example.org";
    private static final String COORDINATOR_PASSWORD = "workshop-coordinator";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    Clock clock;

    private final Messages zh = Messages.of("zh-CN");
    private final Messages en = Messages.of("en");

    @Test
    void theCoordinatorSplitsAnOrderAcrossMakersAndTheBuyerSeesHowFarItIs() {
        LocalDate today = LocalDate.now(clock);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        WebTestClient coordinator = SignIn.as(client, COORDINATOR, COORDINATOR_PASSWORD);
        Map<String, Object> body = CatalogFixtures.product("竹编礼篮 " + tag, "Bamboo gift basket " + tag, false);
        body.put("channels", List.of("CORPORATE"));
        Map<String, Object> product = CatalogFixtures.create(coordinator, body);
        String variant = CatalogFixtures.firstVariantId(product);
        String weaving = id(coordinator.post().uri("/api/admin/piecework/operations").bodyValue(Map.of("productId", product.get("id"),
                "nameZh", "编篮" + tag, "nameEn", "Basket weaving " + tag, "rate", 300, "validFrom", today.minusDays(60).toString())).exchange());
        String wang = maker(coordinator, "王编篮" + tag);
        String li = maker(coordinator, "李编篮" + tag);
        checkedWork(coordinator, wang, weaving, today.minusDays(4), 60, null);
        checkedWork(coordinator, li, weaving, today.minusDays(8), 20, null);

        String buyer = "production-buyer-" + tag + "@example.com";
        registerWithBuyer(coordinator, "成都" + tag + "茶礼有限公司", buyer);
        WebTestClient buyerClient = SignIn.as(client, buyer, PASSWORD);
        String quote = id(buyerClient.post().uri("/api/corporate/quotes").bodyValue(Map.of("lines", List.of(Map.of("variantId", variant,
                "quantity", 120, "customisations", List.of())), "wantedBy", today.plusDays(10).toString())).exchange());
        coordinator.post().uri("/api/admin/corporate/quotes/{id}/versions", quote).bodyValue(Map.of("validUntil", today.plusDays(7).toString(),
                "delivery", Map.of("amount", 0, "currency", "CNY"), "manual", List.of())).exchange().expectStatus().isOk();
        JsonNode accepted = buyerClient.post().uri("/api/corporate/quotes/{id}/accept", quote).bodyValue(Map.of("version", 1, "poNumber", "PO-9"))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        String order = accepted.get("orderId").asString();
        String number = accepted.get("orderNumber").asString();

        // The coordinator: from the admin menu to the order; 120 baskets at 4 a day take 30 working days: not in ten days.
        Storefront page = signedInAs(COORDINATOR, COORDINATOR_PASSWORD, "/admin/index.html?lang=zh-CN", "zh-CN");
        page.element("admin-nav-production").click();
        page.waitUntil(visibilityOfElementLocated(By.id("production-order")));
        page.ready("zh-CN");
        new org.openqa.selenium.support.ui.Select(page.element("production-order")).selectByValue(order);
        page.element("production-open").click();
        page.waitUntil(d -> page.focusedId().equals("production-heading"));
        assertThat(page.element("production-heading").getText()).contains(number);
        assertThat(page.element("production-forecast-verdict").getText()).isEqualTo(zh.text("corporate.production.verdict.LATE"));
        assertThat(page.element("production-forecast-bottleneck").getText()).contains("编篮" + tag)
                .contains(zh.text("corporate.production.bottleneckPace", Map.of("remaining", 120, "perDay", 4, "days", 30)));
        assertThat(page.element("op-0-counts").getText())
                .isEqualTo(zh.text("corporate.production.counts", Map.of("needed", 120, "checked", 0, "remaining", 120)));
        assertThat(page.element("op-0-suggestion").getText()).contains("王编篮" + tag + " 90").contains("李编篮" + tag + " 30");
        Accessibility.assertNoSeriousViolations(page.driver(), "an order's production with the warning, zh-CN");

        // The suggestion, applied and saved; the server has the same split.
        page.element("op-0-apply").click();
        page.waitUntil(textToBe(By.id("op-0-sum"), zh.text("corporate.production.sum", Map.of("planned", 120, "needed", 120))));
        page.element("production-save").click();
        page.waitUntil(textToBe(By.id("production-save-status"), zh.text("corporate.production.saved")));
        assertThat(page.focusedId()).isEqualTo("production-save-status");
        JsonNode saved = coordinator.get().uri("/api/admin/corporate/orders/{id}/production", order).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("production").get("operations").get(0);
        assertThat(saved.get("planned").asInt()).isEqualTo(120);
        Accessibility.assertNoSeriousViolations(page.driver(), "the split saved, zh-CN");

        // Too many pieces: said at the operation and before sending; nothing changes.
        String first = page.driver().findElements(By.cssSelector("input.production-pieces[data-op='0']")).get(0).getDomAttribute("id");
        page.element(first).clear();
        page.element(first).sendKeys("500");
        page.waitUntil(attributeContains(By.id("op-0-sum"), "class", "production-sum--over"));
        page.element("production-save").click();
        page.waitUntil(textToBe(By.id("production-save-status"), zh.text("corporate.production.over")));
        assertThat(page.focusedId()).isEqualTo(first);
        Accessibility.assertNoSeriousViolations(page.driver(), "a split of too many pieces, zh-CN");

        // The same page in English, named in the address.
        Storefront english = browser.open(port, "/admin/production.html?lang=en&order=" + order).ready("en");
        english.waitUntil(textToBe(By.id("production-forecast-verdict"), en.text("corporate.production.verdict.LATE")));
        assertThat(english.element("production-heading").getText()).contains(number);
        String wangLatin = (String) coordinator.get().uri("/api/admin/makers/{id}", wang).exchange().expectBody(Map.class)
                .returnResult().getResponseBody().get("displayNameLatin");
        assertThat(english.element("op-0-suggestion").getText()).as("makers named in Latin script on the English page")
                .contains(wangLatin + " 90").doesNotContain("王编篮");
        Accessibility.assertNoSeriousViolations(english.driver(), "an order's production, en");

        // Some baskets made and checked; the buyer on a phone reads how far the order is, without makers' names.
        checkedWork(coordinator, wang, weaving, today, 30, order);
        browser.resize(360, 800);
        Storefront phone = signedInAs(buyer, PASSWORD, "/corporate/progress.html?lang=zh-CN&order=" + order, "zh-CN");
        phone.waitUntil(visibilityOfElementLocated(By.id("progress-all")));
        assertThat(phone.element("progress-all").getText()).isEqualTo(zh.text("corporate.progress.percent", Map.of("percent", 25)));
        assertThat(phone.element("progress-product-0-made").getText()).isEqualTo(zh.text("corporate.progress.percent", Map.of("percent", 25)));
        assertThat(phone.element("main").getText()).doesNotContain("王编篮").doesNotContain("李编篮");
        assertThat(phone.script("return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isEqualTo(true);
        Accessibility.assertNoSeriousViolations(phone.driver(), "an order's progress for its buyer at 360 px, zh-CN");
        Storefront phoneEnglish = browser.open(port, "/corporate/progress.html?lang=en&order=" + order).ready("en");
        phoneEnglish.waitUntil(textToBe(By.id("progress-all"), en.text("corporate.progress.percent", Map.of("percent", 25))));
        Accessibility.assertNoSeriousViolations(phoneEnglish.driver(), "an order's progress for its buyer at 360 px, en");
        browser.resize(Browser.DESKTOP.width, Browser.DESKTOP.height);
    }

    private static String id(WebTestClient.ResponseSpec created) {
        return created.expectStatus().is2xxSuccessful().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
    }

    private static String maker(WebTestClient coordinator, String name) {
        return id(coordinator.post().uri("/api/admin/makers").bodyValue(Map.of("name", name, "displayName", name)).exchange());
    }

    private static void checkedWork(WebTestClient coordinator, String maker, String operation, LocalDate day, int pieces, String order) {
        Map<String, Object> body = new HashMap<>(Map.of("makerId", maker, "operationId", operation, "workDate", day.toString(),
                "pieces", pieces, "check", Map.of("accepted", pieces, "rejected", 0)));
        if (order != null) {
            body.put("orderId", order);
        }
        coordinator.post().uri("/api/admin/piecework/work").bodyValue(body).exchange().expectStatus().isCreated();
    }

    private static void registerWithBuyer(WebTestClient coordinator, String name, String email) {
        Map<String, Object> company = new HashMap<>();
        company.put("legalName", name);
        company.put("creditCode", CreditCodes.random());
        company.put("invoice", Map.of("title", name, "kind", "NORMAL"));
        company.put("contact", Map.of("name", "张女士", "phone", "138 0000 0000", "email", "zhang@example.com"));
        String id = id(coordinator.post().uri("/api/admin/corporate/companies").bodyValue(company).exchange());
        coordinator.post().uri("/api/admin/corporate/companies/{id}/buyers", id)
                .bodyValue(Map.of("email", email, "displayName", "采购 李", "password", PASSWORD)).exchange().expectStatus().isOk();
    }


    private Storefront signedInAs(String email, String password, String path, String lang) {
        browser.forgetCookies();
        SignIn.Session session = SignIn.session(client, email, password);
        browser.takeSession(port, session);
        return browser.open(port, path).ready(lang);
    }
}
