package org.socialworkshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The demo has no mail server: an admin reads the confirmation of a paid order at /admin/mail.html, kept there, in
 * Chinese and English, and the page passes axe; a coordinator is told it is for admins (the API answers 403).
 */
@WorkshopTest
class AdminReadsMailTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Test
    void anAdminReadsTheKeptConfirmationInBothLanguages() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = CatalogFixtures.product("竹编杯垫" + tag, "Bamboo coaster " + tag, false);
        body.put("variants", List.of(CatalogFixtures.variant("MAIL-" + tag, 3000)));
        Map<String, Object> product = CatalogFixtures.create(CatalogFixtures.coordinator(client), body);
        Shop.Placed order = new Shop(client).paidOrder((String) product.get("id"), CatalogFixtures.firstVariantId(product), 1);
        String mailId = awaitMail(order.orderNumber());

        Messages zh = Messages.of("zh-CN");
        Storefront page = browser.openAsStaff(port, "/admin/mail.html", "zh-CN", "admin@example.org", "workshop-admin");
        page.waitUntil(visibilityOfElementLocated(By.id("mail-" + mailId)));
        assertThat(page.element("mail-subject-" + mailId).getText()).isEqualTo("订单 " + order.orderNumber() + " 已确认");
        assertThat(page.element("mail-status-" + mailId).getText()).isEqualTo(zh.text("adminMail.status.KEPT"));
        assertThat(page.element("admin-nav-mail").getAttribute("aria-current")).isEqualTo("page");
        page.element("mail-" + mailId).findElement(By.tagName("summary")).click();
        page.waitUntil(visibilityOfElementLocated(By.id("mail-text-" + mailId)));
        assertThat(page.element("mail-text-" + mailId).getText()).contains("/shop/order.html?id=" + order.orderId()).contains("/r/");
        Accessibility.assertNoSeriousViolations(page.driver(), "admin mail in zh-CN");

        Messages en = Messages.of("en");
        Storefront english = browser.open(port, "/admin/mail.html?lang=en").ready("en");
        english.waitUntil(textToBe(By.id("mail-status-" + mailId), en.text("adminMail.status.KEPT")));
        assertThat(english.driver().getTitle()).isEqualTo(en.text("adminMail.title"));
        assertThat(english.element("mail-" + mailId).getText()).contains(en.text("adminMail.kind.ORDER_CONFIRMED"));
        Accessibility.assertNoSeriousViolations(english.driver(), "admin mail in en");

        browser.forgetCookies();
        Storefront coordinator = browser.openAsStaff(port, "/admin/mail.html?lang=en", "en", "coordinator@example.org",
                "workshop-coordinator");
        coordinator.waitUntil(textToBe(By.id("mail-list-admins-only"), en.text("adminMail.adminsOnly")));
        assertThat(coordinator.driver().findElements(By.id("mail-" + mailId))).isEmpty();
        Accessibility.assertNoSeriousViolations(coordinator.driver(), "admin mail for a coordinator in en");
    }

    @SuppressWarnings("unchecked")
    private String awaitMail(String orderNumber) {
        WebTestClient admin = SignIn.admin(client);
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Map<String, Object> found = admin.get().uri("/api/admin/mail?size=100").exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            return ((List<Map<String, Object>>) found.get("items")).stream().filter(mail -> orderNumber.equals(mail.get("orderNumber")))
                    .map(mail -> (String) mail.get("id")).findFirst().orElse(null);
        }, id -> id != null);
    }
}
