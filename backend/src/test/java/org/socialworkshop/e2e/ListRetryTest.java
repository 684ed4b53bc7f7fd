package org.socialworkshop.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * A staff list that could not be loaded says so as an alert and offers to try again; trying again, once the
 * server can be reached, shows the list. The orders list stands for the lists that share lib/paged-list.js.
 */
@WorkshopTest
class ListRetryTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void aListThatCouldNotLoadIsShownOnRetry() {
        Messages zh = Messages.of("zh-CN");
        browser.openAsStaff(port, "/admin/", "zh-CN", "coordinator@example.org", "workshop-coordinator");
        browser.failRequests("*/api/admin/orders?*");

        Storefront page = browser.open(port, "/admin/orders.html").ready("zh-CN");
        page.waitUntil(visibilityOfElementLocated(By.id("order-list-retry")));
        assertThat(page.driver().findElement(By.cssSelector("#order-list-results [role=alert] p")).getText())
                .isEqualTo(zh.text("adminOrders.list.loadFailed"));
        assertThat(page.element("order-list-retry").getText()).isEqualTo(zh.text("admin.retry"));
        assertThat(page.element("order-list-status").getText()).as("no longer said to be loading").isEmpty();

        browser.failRequests();
        page.element("order-list-retry").click();
        page.waitUntil(presenceOfElementLocated(By.cssSelector("#order-table, #order-list-empty")));
        assertThat(page.driver().findElements(By.id("order-list-retry"))).as("the failure notice is gone").isEmpty();
        assertThat(page.element("order-list-status").getText()).as("the status line says what was found").isNotEmpty()
                .isNotEqualTo(zh.text("adminOrders.list.loading"));
    }
}
