package org.socialworkshop.e2e;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.CreditCodes;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Issue 13, item 8, the order screens: a company's buyer finds the order their accepted quote placed on
 * /corporate/orders.html (from the portal) and reads it on /corporate/order.html, waiting for payment, no 发票 yet; a buyer
 * of another company opening that order's page is told it is not found, and lists no orders; a coordinator finds it on
 * /admin/company-orders.html (the overdue filter hides it), opens it (its work's links: production, deliveries, recording
 * work for it, the signed impact report), records the bank transfer (its amount filled in
 * with what is left) and, after a number the page refuses, the 发票; the buyer's page then shows the order paid, its
 * receipt and the 发票, in Chinese and in English, on a 360 px phone. Every state passes axe.
 */
@WorkshopTest
class CompanyOrdersScreensTest {

    private static final String PASSWORD = "long enough passphrase";
    private static final String COORDINATOR = "coordinator@example.org";
    private static final String COORDINATOR_PASSWORD = "workshop-coordinator";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final int BOXES = 30;
    private static final long TOTAL = BOXES * 6800L;

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    private final Messages zh = Messages.of("zh-CN");
    private final Messages en = Messages.of("en");

    private WebTestClient coordinator;

    @Test
    void aBuyerSeesTheirOrderAndACoordinatorRecordsItsTransferAndFapiao() {
        coordinator = CatalogFixtures.coordinator(client);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String company = "成都" + tag + "订单屏幕有限公司";
        String buyer = "orders-buyer-" + tag + "@example.com";
        String stranger = "orders-stranger-" + tag + "@example.com";
        registerWithBuyer(company, buyer);
        registerWithBuyer("成都" + tag + "旁观有限公司", stranger);
        Map<String, Object> accepted = acceptedQuote(SignIn.as(client, buyer, PASSWORD), aCorporateBox(tag));
        String orderId = (String) accepted.get("orderId");
        String number = (String) accepted.get("orderNumber");

        buyerFindsTheOrder(buyer, orderId, number);
        anotherCompanysBuyerFindsNothing(stranger, orderId);
        coordinatorRecordsTheTransferAndTheFapiao(orderId, number, company);
        buyerSeesItPaidWithItsFapiao(buyer, orderId, number);
    }

    private void buyerFindsTheOrder(String buyer, String orderId, String number) {
        Storefront portal = signedInAs(buyer, PASSWORD, "/corporate/?lang=zh-CN", "zh-CN");
        portal.waitUntil(visibilityOfElementLocated(By.id("portal-orders"))).click();
        portal.waitUntil(urlContains("/corporate/orders.html"));
        Storefront list = portal.ready("zh-CN");
        list.waitUntil(textToBe(By.id("orders-status-" + orderId), zh.text("corporate.orderStatus.PENDING_PAYMENT")));
        assertThat(list.element("orders-open-" + orderId).getText()).isEqualTo(number);
        assertThat(list.element("orders-total-" + orderId).getText()).isEqualTo("¥" + yuan(TOTAL));
        assertThat(list.element("orders-paid-" + orderId).getText()).isEqualTo("¥0.00");
        assertThat(list.element("orders-due-" + orderId).getText()).contains(String.valueOf(TODAY.plusDays(30).getYear()));
        Accessibility.assertNoSeriousViolations(list.driver(), "the company's orders, zh-CN");

        list.element("orders-open-" + orderId).click();
        list.waitUntil(urlContains("/corporate/order.html"));
        Storefront page = list.ready("zh-CN");
        page.waitUntil(textToBe(By.id("order-status"), zh.text("corporate.orderStatus.PENDING_PAYMENT")));
        assertThat(page.element("page-heading").getText()).isEqualTo(zh.text("corporate.order.heading", Map.of("number", number)));
        assertThat(page.element("order-po").getText()).isEqualTo("PO-88");
        assertThat(page.element("order-left").getText()).isEqualTo("¥" + yuan(TOTAL));
        assertThat(page.element("order-fapiao").getText()).isEqualTo(zh.text("corporate.orders.noFapiao"));
        assertThat(page.element("order-explain").getText()).isEqualTo(zh.text("corporate.order.explainDue"));
        assertThat(page.element("order-quote").getDomAttribute("href")).contains("/corporate/quote.html?id=");
        Accessibility.assertNoSeriousViolations(page.driver(), "an order waiting for payment, zh-CN");
    }

    private void anotherCompanysBuyerFindsNothing(String stranger, String orderId) {
        Storefront page = signedInAs(stranger, PASSWORD, "/corporate/order.html?lang=zh-CN&id=" + orderId, "zh-CN");
        page.waitUntil(d -> page.focusedId().equals("order-not-found"));
        assertThat(page.element("order-not-found-heading").getText()).isEqualTo(zh.text("corporate.order.notFoundHeading"));
        assertThat(page.driver().findElements(By.id("order-status"))).isEmpty();
        Accessibility.assertNoSeriousViolations(page.driver(), "another company's order, not found, zh-CN");

        Storefront list = browser.open(port, "/corporate/orders.html?lang=zh-CN").ready("zh-CN");
        list.waitUntil(visibilityOfElementLocated(By.id("orders-empty")));
        assertThat(list.driver().findElements(By.id("orders-row-" + orderId))).isEmpty();
    }

    private void coordinatorRecordsTheTransferAndTheFapiao(String orderId, String number, String company) {
        browser.forgetCookies();
        Storefront page = browser.openAsStaff(port, "/admin/company-orders.html?lang=en", "en", COORDINATOR, COORDINATOR_PASSWORD);
        assertThat(page.element("admin-nav-company-orders").getDomAttribute("aria-current")).isEqualTo("page");
        page.waitUntil(presenceOfElementLocated(By.id("company-orders-row-" + orderId)));
        assertThat(page.element("company-orders-status-" + orderId).getText()).isEqualTo(en.text("corporate.orderStatus.PENDING_PAYMENT"));
        Accessibility.assertNoSeriousViolations(page.driver(), "the companies' orders, en");

        // Not overdue: the filter hides it; the company's own filter shows it again.
        page.element("company-orders-overdue").click();
        page.waitUntil(d -> d.findElements(By.id("company-orders-row-" + orderId)).isEmpty());
        assertThat(page.driver().getCurrentUrl()).contains("overdue=1");
        page.element("company-orders-overdue").click();
        new Select(page.element("company-orders-company")).selectByVisibleText(company);
        page.waitUntil(textToBe(By.id("company-orders-status"), en.counted("corporate.adminOrders.shown", 1)));
        assertThat(page.element("company-orders-row-" + orderId).isDisplayed()).isTrue();

        page.element("company-order-open-" + orderId).click();
        page.waitUntil(d -> page.focusedId().equals("company-order-heading"));
        assertThat(page.element("company-order-heading").getText())
                .isEqualTo(en.text("corporate.adminOrders.orderHeading", Map.of("number", number, "company", company)));
        assertThat(page.element("transfer-amount").getDomProperty("value")).isEqualTo(plainYuan(TOTAL));
        assertThat(page.driver().getCurrentUrl()).contains("id=" + orderId);
        theOrdersWorkLinks(page, orderId);
        Accessibility.assertNoSeriousViolations(page.driver(), "a company's order open, en");

        // The reference is required; then the transfer is recorded.
        page.element("transfer-record").click();
        page.waitUntil(d -> page.focusedId().equals("transfer-errors"));
        assertThat(page.element("transfer-reference-error").getText()).isEqualTo(en.text("corporate.transfer.reference.missing"));
        page.element("transfer-reference").sendKeys("BANK-" + number);
        page.element("transfer-record").click();
        page.waitUntil(textToBe(By.id("company-order-message"), en.text("corporate.transfer.recorded",
                Map.of("amount", "CN¥" + yuan(TOTAL), "reference", "BANK-" + number, "order", number))));
        assertThat(page.focusedId()).isEqualTo("company-order-message");
        // The order is paid by the events a moment later, and the panel follows.
        page.waitUntil(textToBe(By.id("company-order-status-row"), en.text("corporate.orderStatus.PAID")));
        page.waitUntil(visibilityOfElementLocated(By.id("transfer-nothing")));
        Accessibility.assertNoSeriousViolations(page.driver(), "a transfer recorded, en");

        // A number that is not 8 to 20 digits is refused on the page; a good one is recorded.
        page.element("fapiao-number").sendKeys("12-345");
        page.element("fapiao-record").click();
        page.waitUntil(d -> page.focusedId().equals("fapiao-errors"));
        assertThat(page.element("fapiao-number-error").getText()).isEqualTo(en.text("corporate.fapiao.number.format"));
        Accessibility.assertNoSeriousViolations(page.driver(), "a fapiao number refused, en");
        page.element("fapiao-number").clear();
        page.element("fapiao-number").sendKeys("04400123456789");
        new Select(page.element("fapiao-kind")).selectByValue("SPECIAL");
        page.element("fapiao-record").click();
        page.waitUntil(textToBe(By.id("company-order-message"), en.text("corporate.fapiao.recorded",
                Map.of("number", "04400123456789", "order", number))));
        assertThat(page.element("company-order-fapiao-number").getText()).isEqualTo("04400123456789");
        assertThat(page.element("company-order-fapiao").getText()).contains(en.text("corporate.kind.SPECIAL"));
        assertThat(page.element("fapiao-record").getText()).isEqualTo(en.text("corporate.fapiao.correct"));
        Accessibility.assertNoSeriousViolations(page.driver(), "a fapiao recorded, en");

        // "Record work done for this order" opens the piece-work screen with the order chosen.
        page.element("company-order-record-work").click();
        page.waitUntil(urlContains("/admin/piecework.html?order=" + orderId));
        Storefront work = page.ready("en");
        work.waitUntil(visibilityOfElementLocated(By.id("work-record-form")));
        assertThat(new Select(work.element("work-record-order")).getFirstSelectedOption().getText()).isEqualTo(number + " — " + company);
    }

    /** The panel's "This order's work": production, deliveries, recording work and the signed impact report, of this order. */
    private void theOrdersWorkLinks(Storefront page, String orderId) {
        assertThat(page.element("company-order-work-heading").getText()).isEqualTo(en.text("corporate.adminOrders.workHeading"));
        assertThat(page.element("company-order-production").getDomAttribute("href")).isEqualTo("/admin/production.html?order=" + orderId);
        assertThat(page.element("company-order-deliveries").getDomAttribute("href")).isEqualTo("/admin/deliveries.html?order=" + orderId);
        assertThat(page.element("company-order-record-work").getDomAttribute("href")).isEqualTo("/admin/piecework.html?order=" + orderId);
        assertThat(page.element("company-order-record-work").getText()).isEqualTo(en.text("corporate.adminOrders.recordWork"));
        String pdf = page.element("company-order-impact-pdf").getDomAttribute("href");
        assertThat(pdf).isEqualTo("/api/admin/corporate/orders/" + orderId + "/impact.pdf");
        assertThat(page.element("company-order-impact-pdf").getDomAttribute("aria-describedby")).isEqualTo("company-order-impact-pdf-hint");
        byte[] signed = coordinator.get().uri(pdf).exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(signed, 0, 5, StandardCharsets.ISO_8859_1)).as("a PDF").isEqualTo("%PDF-");
    }

    private void buyerSeesItPaidWithItsFapiao(String buyer, String orderId, String number) {
        browser.resize(360, 800);
        Storefront page = signedInAs(buyer, PASSWORD, "/corporate/order.html?lang=zh-CN&id=" + orderId, "zh-CN");
        page.waitUntil(textToBe(By.id("order-status"), zh.text("corporate.orderStatus.PAID")));
        assertThat(page.element("order-paid").getText()).isEqualTo("¥" + yuan(TOTAL));
        assertThat(page.driver().findElements(By.id("order-left"))).as("nothing left to pay").isEmpty();
        assertThat(page.element("order-next-due").getText()).isEqualTo(zh.text("corporate.orders.paidInFull"));
        assertThat(page.element("order-fapiao-number").getText()).isEqualTo("04400123456789");
        assertThat(page.element("order-fapiao").getText()).contains(zh.text("corporate.kind.SPECIAL"));
        assertThat(page.script("return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isEqualTo(true);
        Accessibility.assertNoSeriousViolations(page.driver(), "an order paid with its fapiao at 360 px, zh-CN");

        Storefront list = browser.open(port, "/corporate/orders.html?lang=zh-CN").ready("zh-CN");
        list.waitUntil(textToBe(By.id("orders-status-" + orderId), zh.text("corporate.orderStatus.PAID")));
        assertThat(list.element("orders-due-" + orderId).getText()).isEqualTo(zh.text("corporate.orders.paidInFull"));
        assertThat(list.script("return document.documentElement.scrollWidth <= window.innerWidth")).as("the list fits").isEqualTo(true);
        Accessibility.assertNoSeriousViolations(list.driver(), "the company's orders at 360 px, zh-CN");
        browser.resize(Browser.DESKTOP.width, Browser.DESKTOP.height);

        Storefront english = browser.open(port, "/corporate/order.html?lang=en&id=" + orderId).ready("en");
        english.waitUntil(textToBe(By.id("order-status"), en.text("corporate.orderStatus.PAID")));
        assertThat(english.element("page-heading").getText()).isEqualTo(en.text("corporate.order.heading", Map.of("number", number)));
        assertThat(english.element("order-fapiao").getText()).contains("04400123456789", en.text("corporate.kind.SPECIAL"));
        assertThat(english.element("order-explain").getText()).isEqualTo(en.text("corporate.order.explainSettled"));
        Accessibility.assertNoSeriousViolations(english.driver(), "an order paid, en");
    }

    /** Opens {@code path} signed in as {@code email}: the session the login endpoint hands out, given to the browser. */
    private Storefront signedInAs(String email, String password, String path, String lang) {
        browser.forgetCookies();
        SignIn.Session session = SignIn.session(client, email, password);
        browser.takeSession(port, session);
        return browser.open(port, path).ready(lang);
    }

    /** A gift box sold to companies only, ¥68.00, with no corporate terms of its own (any quantity). */
    private String aCorporateBox(String tag) {
        Map<String, Object> body = CatalogFixtures.product("订单礼盒 " + tag, "Order box " + tag, false);
        body.put("channels", List.of("CORPORATE"));
        return CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, body));
    }

    /** A quote for 30 boxes, sent by the coordinator and accepted by {@code buyer} with PO-88. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> acceptedQuote(WebTestClient buyer, String variant) {
        String id = (String) buyer.post().uri("/api/corporate/quotes").bodyValue(Map.of("lines", List.of(Map.of("variantId", variant,
                        "quantity", BOXES, "customisations", List.of())), "wantedBy", TODAY.plusDays(30).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        coordinator.post().uri("/api/admin/corporate/quotes/{id}/versions", id).bodyValue(Map.of("validUntil", TODAY.plusDays(7).toString(),
                "delivery", Map.of("amount", 0, "currency", "CNY"), "manual", List.of())).exchange().expectStatus().isOk();
        return buyer.post().uri("/api/corporate/quotes/{id}/accept", id).bodyValue(Map.of("version", 1, "poNumber", "PO-88")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** A company with a buyer of a new account, set up through the API as a coordinator would. */
    @SuppressWarnings("unchecked")
    private void registerWithBuyer(String name, String email) {
        Map<String, Object> company = new HashMap<>();
        company.put("legalName", name);
        company.put("creditCode", CreditCodes.random());
        company.put("invoice", Map.of("title", name, "kind", "NORMAL"));
        company.put("contact", Map.of("name", "张女士", "phone", "138 0000 0000", "email", "zhang@example.com"));
        String id = (String) coordinator.post().uri("/api/admin/corporate/companies").bodyValue(company).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        coordinator.post().uri("/api/admin/corporate/companies/{id}/buyers", id)
                .bodyValue(Map.of("email", email, "displayName", "采购 李", "password", PASSWORD)).exchange().expectStatus().isOk();
    }


    /** An amount of fen as the pages write it after the currency sign: "2,040.00". */
    private static String yuan(long fen) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(BigDecimal.valueOf(fen, 2));
    }

    /** An amount of fen as a form field holds it: "2040.00". */
    private static String plainYuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
