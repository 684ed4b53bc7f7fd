package org.socialworkshop.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
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
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Issue 13, step 6, in the browser: a coordinator opens the deliveries of a company's order from its quote on
 * /admin/quotes.html, records a first delivery of part of the boxes (the pieces start at what is left; more than is left
 * is said at its line before anything is sent), and the name on the signed note; the buyer, on a 360 px phone, opens the
 * deliveries from the quote and finds the delivery with its note. Every state passes axe; the coordinator's page is in
 * English, the buyer's in Chinese.
 */
@WorkshopTest
class CompanyOrderDeliveredTest {

    private static final String PASSWORD = "long enough passphrase";
    private static final String COORDINATOR = "coordinator@example.org";
    private static final String COORDINATOR_PASSWORD = "workshop-coordinator";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    private final Messages zh = Messages.of("zh-CN");
    private final Messages en = Messages.of("en");

    @Test
    void aCoordinatorRecordsAPartialDeliveryAndTheBuyerFindsItsNote() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String buyer = "delivery-buyer-" + tag + "@example.com";
        WebTestClient coordinator = CatalogFixtures.coordinator(client);
        company(coordinator, "成都" + tag + "送货测试有限公司", buyer, "总部前台 " + tag);
        Map<String, String> accepted = acceptedQuote(coordinator, SignIn.as(client, buyer, PASSWORD), tag);
        String orderId = accepted.get("orderId");
        String quoteId = accepted.get("quoteId");
        JsonNode lines = coordinator.get().uri("/api/admin/corporate/orders/{id}/deliveries", orderId).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("lines");
        String boxLine = lines.get(0).get("lineId").asString();

        // From the quote to the order's deliveries: nothing delivered, each line's pieces start at what is left.
        Storefront page = browser.openAsStaff(port, "/admin/quotes.html?lang=en&quote=" + quoteId, "en", COORDINATOR, COORDINATOR_PASSWORD);
        page.waitUntil(visibilityOfElementLocated(By.id("quote-deliveries"))).click();
        page.waitUntil(urlContains("/admin/deliveries.html?order=" + orderId));
        page.ready("en");
        page.waitUntil(visibilityOfElementLocated(By.id("delivery-form")));
        assertThat(page.element("delivery-none").getText()).isEqualTo(en.text("corporate.deliveries.none"));
        assertThat(page.element("delivery-pieces-" + boxLine).getDomProperty("value")).isEqualTo("30");
        assertThat(page.element("delivery-location").getText()).contains("总部前台 " + tag);
        Accessibility.assertNoSeriousViolations(page.driver(), "an order's deliveries, none yet, en");

        // More than is left is said at the line; nothing is sent.
        page.element("delivery-pieces-" + boxLine).clear();
        page.element("delivery-pieces-" + boxLine).sendKeys("31");
        page.element("delivery-record").click();
        page.waitUntil(d -> page.focusedId().equals("delivery-errors"));
        assertThat(page.element("delivery-pieces-" + boxLine + "-error").getText())
                .isEqualTo(en.text("corporate.deliveries.piecesWrong", Map.of("left", 30)));
        Accessibility.assertNoSeriousViolations(page.driver(), "a delivery of more than is left, en");

        // Ten boxes and all the cards, by the workshop's van.
        page.element("delivery-pieces-" + boxLine).clear();
        page.element("delivery-pieces-" + boxLine).sendKeys("10");
        page.element("delivery-note").sendKeys("Our van, driver Li");
        page.element("delivery-record").click();
        page.waitUntil(d -> page.focusedId().equals("delivery-status"));
        String number = page.element("delivery-status").getText().replaceAll(".*(DN-\\d{4}-\\d{4,}).*", "$1");
        assertThat(page.element("delivery-status").getText()).isEqualTo(en.text("corporate.deliveries.recorded", Map.of("number", number)));
        assertThat(page.element("delivery-line-" + boxLine + "-outstanding").getText()).isEqualTo("20");
        assertThat(page.element("delivery-pieces-" + boxLine).getDomProperty("value")).isEqualTo("20");
        String deliveryId = coordinator.get().uri("/api/admin/corporate/orders/{id}/deliveries", orderId).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("deliveries").get(0).get("id").asString();
        assertThat(page.element("delivery-" + deliveryId + "-note").getDomAttribute("href"))
                .isEqualTo("/api/admin/corporate/orders/" + orderId + "/deliveries/" + deliveryId + "/note.pdf");
        Accessibility.assertNoSeriousViolations(page.driver(), "a delivery recorded, en");

        // The signed note came back.
        page.element("receiver-" + deliveryId).sendKeys("Wang at reception");
        page.element("receiver-" + deliveryId + "-save").click();
        page.waitUntil(textToBe(By.id("delivery-" + deliveryId + "-received"), "Wang at reception"));

        // The buyer, on a phone, from the quote to the deliveries.
        browser.forgetCookies();
        browser.resize(360, 800);
        Storefront login = browser.open(port, "/login.html?lang=zh-CN&next="
                + URLEncoder.encode("/corporate/quote.html?id=" + quoteId, StandardCharsets.UTF_8)).ready("zh-CN");
        login.element("email").sendKeys(buyer);
        login.element("password").sendKeys(PASSWORD);
        login.element("login-submit").click();
        login.waitUntil(urlContains("/corporate/quote.html"));
        Storefront quote = login.ready("zh-CN");
        quote.waitUntil(visibilityOfElementLocated(By.id("quote-deliveries"))).click();
        quote.waitUntil(urlContains("/corporate/deliveries.html?order=" + orderId));
        Storefront deliveries = quote.ready("zh-CN");
        deliveries.waitUntil(visibilityOfElementLocated(By.id("deliveries-list")));
        assertThat(deliveries.element("deliveries-" + deliveryId + "-heading").getText())
                .isEqualTo(zh.text("corporate.deliveries.numbered", Map.of("number", number, "sequence", 1)));
        assertThat(deliveries.element("deliveries-line-" + boxLine + "-outstanding").getText()).isEqualTo("20");
        assertThat(deliveries.element("deliveries-" + deliveryId + "-received").getText()).isEqualTo("Wang at reception");
        assertThat(deliveries.element("deliveries-" + deliveryId + "-note").getDomAttribute("href"))
                .isEqualTo("/api/corporate/orders/" + orderId + "/deliveries/" + deliveryId + "/note.pdf");
        assertThat(deliveries.script("return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling")
                .isEqualTo(true);
        Accessibility.assertNoSeriousViolations(deliveries.driver(), "the buyer's deliveries at 360 px, zh-CN");
    }

    /** A company with a delivery location and a new buyer; the location's id. */
    @SuppressWarnings("unchecked")
    private static String company(WebTestClient coordinator, String name, String email, String label) {
        Map<String, Object> company = new HashMap<>();
        company.put("legalName", name);
        company.put("creditCode", CreditCodes.random());
        company.put("invoice", Map.of("title", name, "kind", "NORMAL"));
        company.put("contact", Map.of("name", "张女士", "phone", "138 0000 0000", "email", "zhang@example.com"));
        String id = (String) coordinator.post().uri("/api/admin/corporate/companies").bodyValue(company).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        String location = (String) coordinator.post().uri("/api/admin/corporate/companies/{id}/locations", id)
                .bodyValue(Map.of("label", label, "recipient", "张女士", "phone", "138 0000 0000", "address", "成都市锦江区某路 1 号"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        coordinator.post().uri("/api/admin/corporate/companies/{id}/buyers", id)
                .bodyValue(Map.of("email", email, "displayName", "采购 王", "password", PASSWORD)).exchange().expectStatus().isOk();
        return location;
    }

    /** 30 boxes and 5 cards, quoted and accepted: the quote's and the order's ids. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> acceptedQuote(WebTestClient coordinator, WebTestClient buyer, String tag) {
        String boxes = product(coordinator, "送货礼盒 " + tag, "Delivery box " + tag);
        String cards = product(coordinator, "送货贺卡 " + tag, "Delivery card " + tag);
        String quoteId = (String) buyer.post().uri("/api/corporate/quotes").bodyValue(Map.of("lines", List.of(
                                Map.of("variantId", boxes, "quantity", 30, "customisations", List.of()),
                                Map.of("variantId", cards, "quantity", 5, "customisations", List.of())),
                        "wantedBy", TODAY.plusDays(30).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        coordinator.post().uri("/api/admin/corporate/quotes/{id}/versions", quoteId).bodyValue(Map.of("validUntil", TODAY.plusDays(7).toString(),
                "delivery", Map.of("amount", 0, "currency", "CNY"), "manual", List.of())).exchange().expectStatus().isOk();
        String orderId = (String) buyer.post().uri("/api/corporate/quotes/{id}/accept", quoteId).bodyValue(Map.of("version", 1,
                "poNumber", "PO-DN-" + tag)).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("orderId");
        return Map.of("quoteId", quoteId, "orderId", orderId);
    }

    private static String product(WebTestClient coordinator, String zh, String en) {
        Map<String, Object> body = CatalogFixtures.product(zh, en, false);
        body.put("channels", List.of("CORPORATE"));
        return CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, body));
    }

}
