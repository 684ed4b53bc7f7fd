package org.socialworkshop.e2e;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * A coordinator records a maker's work with an immediate check and finds it in the maker's month at accepted pieces
 * times the day's rate; then checks work the maker reported themselves, and records work for a company's order with the
 * minutes it took (on a phone). Every piece-work screen passes axe in Chinese and English.
 */
@WorkshopTest
class CoordinatorRecordsWorkTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final long RATE = 150;

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    Clock clock;

    @Test
    void coordinatorRecordsChecksAndFindsTheWorkInTheMakersMonth() {
        PieceworkSteps steps = new PieceworkSteps(client, clock);
        PieceworkSteps.Operation operation = steps.operation(PieceworkSteps.tag(), RATE);
        String maker = steps.demoMaker();
        LocalDate today = steps.today();
        Messages zh = Messages.of("zh-CN");

        Storefront page = browser.openAsStaff(port, "/admin/piecework.html", "zh-CN", "coordinator@example.org", "workshop-coordinator");
        recordWithACheck(page, zh, maker, operation, today);
        Map<String, Object> recorded = steps.work(maker, "CHECKED", operation).get(0);
        assertThat(recorded).containsEntry("accepted", 10).containsEntry("rejected", 2)
                .containsEntry("amount", Map.of("amount", 10 * (int) RATE, "currency", "CNY"));

        page.element("work-record-statement").click();
        page.waitUntil(urlContains("/admin/maker-earnings.html?maker=" + maker + "&month=" + steps.thisMonth()));
        page.ready("zh-CN");
        WebElement row = lineOf(page, operation.nameZh());
        List<WebElement> numbers = row.findElements(By.cssSelector("td.data-table__number"));
        assertThat(numbers.get(0).getText()).as("pieces accepted").isEqualTo("10");
        assertThat(numbers.get(1).findElement(By.cssSelector(".amount")).getDomAttribute("data-amount")).as("rate").isEqualTo("150");
        assertThat(numbers.get(2).findElement(By.cssSelector(".amount")).getDomAttribute("data-amount")).as("10 × ¥1.50").isEqualTo("1500");
        assertThat(numbers.get(2).findElement(By.cssSelector(".amount__shown")).getDomProperty("textContent")).isEqualTo("¥15.00");
        assertThat(numbers.get(2).findElement(By.cssSelector(".amount__spoken")).getDomProperty("textContent"))
                .as("what a screen reader says").isEqualTo(PieceworkSteps.spoken(zh, 1500));
        assertThat(row.getDomAttribute("data-reason")).isEqualTo("WORK");
        assertThat(page.driver().findElements(By.id("earnings-pdf"))).as("no signed statement for a month not over").isEmpty();
        Accessibility.assertNoSeriousViolations(page.driver(), "a maker's month for coordinators in zh-CN");

        checkAReportedRecord(page, steps, zh, maker, operation, today);
        recordForACompanysOrderOnAPhone(steps, maker, operation);
        everyScreenPassesAxe(steps, maker, operation);
    }

    private static void recordWithACheck(Storefront page, Messages zh, String maker, PieceworkSteps.Operation operation, LocalDate today) {
        page.waitUntil(visibilityOfElementLocated(By.id("work-record-form")));
        new Select(page.element("work-record-maker")).selectByValue(maker);
        new Select(page.element("work-record-operation")).selectByValue(operation.id());
        assertThat(page.element("work-record-date").getDomProperty("value")).as("today, as Chengdu counts it").isEqualTo(today.toString());
        page.element("work-record-pieces").sendKeys("12");
        page.element("work-record-check-now").click();
        assertThat(page.element("work-record-accepted").getDomProperty("value")).as("all accepted, to start with").isEqualTo("12");
        page.element("work-record-accepted").clear();
        page.element("work-record-accepted").sendKeys("10");
        page.element("work-record-rejected").clear();
        page.element("work-record-rejected").sendKeys("2");
        page.element("work-record-submit").click();

        page.waitUntil(d -> page.focusedId().equals("work-record-errors"));
        assertThat(page.element("work-record-errors").getText()).contains(zh.text("piecework.check.reasonMissing"));
        assertThat(page.element("work-record-reason").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.element("work-record-reason").getDomAttribute("aria-describedby")).contains("work-record-reason-error");

        page.element("work-record-reason").sendKeys("两件线头松了");
        page.element("work-record-submit").click();
        page.waitUntil(textToBePresentInElementLocated(By.id("work-record-status"), "¥15.00"));
    }

    /** The statement's row for the operation, named as the page's language names it. */
    private static WebElement lineOf(Storefront page, String operationName) {
        return page.waitUntil(presenceOfElementLocated(
                By.xpath("//table[@id='earnings-table']//tr[th[contains(., '" + operationName + "')]]")));
    }

    /** The maker reported six pieces; the coordinator accepts them all from the list of work waiting for a check. */
    private void checkAReportedRecord(Storefront page, PieceworkSteps steps, Messages zh, String maker,
            PieceworkSteps.Operation operation, LocalDate today) {
        String reported = steps.reportedWork(operation, today, 6);
        browser.open(port, "/admin/piecework.html").ready("zh-CN");
        page.waitUntil(attributeToBe(By.id("work-row-" + reported), "data-status", "REPORTED"));
        page.element("work-check-" + reported).click();
        page.waitUntil(d -> page.focusedId().equals("work-check-heading"));
        assertThat(page.element("work-check-accepted").getDomProperty("value")).isEqualTo("6");
        assertThat(page.element("work-decline-submit").getText()).isEqualTo(zh.text("piecework.decline.submit"));
        Accessibility.assertNoSeriousViolations(page.driver(), "work waiting for a check, one open, in zh-CN");

        page.element("work-check-submit").click();
        page.waitUntil(textToBePresentInElementLocated(By.id("work-queue-status"), "¥9.00"));
        page.waitUntil(invisibilityOfElementLocated(By.id("work-row-" + reported)));
        assertThat(steps.work(maker, "CHECKED", operation)).anySatisfy(record -> assertThat(record)
                .containsEntry("id", reported).containsEntry("amount", Map.of("amount", 6 * (int) RATE, "currency", "CNY")));
    }

    /**
     * Opened from a company's order (?order=), the form has that order chosen; minutes beyond a day are refused at the
     * field; the record saved carries the order and the minutes, and the order stays chosen for the next one. At 360 px,
     * in English.
     */
    private void recordForACompanysOrderOnAPhone(PieceworkSteps steps, String maker, PieceworkSteps.Operation operation) {
        Messages en = Messages.of("en");
        PieceworkSteps.CompanyOrder order = steps.companyOrder(PieceworkSteps.tag());
        browser.resize(360, 800);
        Storefront page = browser.open(port, "/admin/piecework.html?lang=en&order=" + order.id()).ready("en");
        page.waitUntil(visibilityOfElementLocated(By.id("work-record-form")));
        Select orders = new Select(page.element("work-record-order"));
        assertThat(orders.getFirstSelectedOption().getDomAttribute("value")).as("the order in the address, chosen").isEqualTo(order.id());
        assertThat(orders.getFirstSelectedOption().getText()).isEqualTo(order.number() + " — " + order.companyName());
        assertThat(orders.getOptions().get(0).getText()).isEqualTo(en.text("piecework.record.orderNone"));
        assertThat(page.element("work-record-minutes").getDomAttribute("aria-describedby")).contains("work-record-minutes-hint");

        new Select(page.element("work-record-maker")).selectByValue(maker);
        new Select(page.element("work-record-operation")).selectByValue(operation.id());
        page.element("work-record-pieces").sendKeys("5");
        page.element("work-record-minutes").sendKeys("2000");
        page.element("work-record-submit").click();
        page.waitUntil(d -> page.focusedId().equals("work-record-errors"));
        assertThat(page.element("work-record-minutes-error").getText()).isEqualTo(en.text("piecework.record.minutesRange"));
        assertThat(page.element("work-record-minutes").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.element("work-record-minutes").getDomAttribute("aria-describedby"))
                .contains("work-record-minutes-hint", "work-record-minutes-error");
        assertThat(page.script("return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isEqualTo(true);
        Accessibility.assertNoSeriousViolations(page.driver(), "minutes refused, for a company's order, at 360 px, en");

        page.element("work-record-minutes").clear();
        page.element("work-record-minutes").sendKeys("90");
        page.element("work-record-submit").click();
        page.waitUntil(visibilityOfElementLocated(By.id("work-record-statement")));
        assertThat(page.element("work-record-minutes").getDomProperty("value")).as("minutes cleared for the next record").isEmpty();
        assertThat(new Select(page.element("work-record-order")).getFirstSelectedOption().getDomAttribute("value"))
                .as("the order stays chosen").isEqualTo(order.id());
        Accessibility.assertNoSeriousViolations(page.driver(), "work recorded for a company's order, at 360 px, en");
        browser.resize(Browser.DESKTOP.width, Browser.DESKTOP.height);

        List<Map<String, Object>> records = steps.workForOrder(order.id());
        assertThat(records).singleElement().satisfies(record -> assertThat(record)
                .containsEntry("orderId", order.id()).containsEntry("minutes", 90).containsEntry("makerId", maker)
                .containsEntry("operationId", operation.id()).containsEntry("pieces", 5).containsEntry("status", "RECORDED"));
    }

    /** The five screens opened by their addresses, as a bookmark would, in both languages. */
    private void everyScreenPassesAxe(PieceworkSteps steps, String maker, PieceworkSteps.Operation operation) {
        for (String lang : List.of("en", "zh-CN")) {
            Storefront work = browser.open(port, "/admin/piecework.html?lang=" + lang).ready(lang);
            work.waitUntil(visibilityOfElementLocated(By.id("work-record-form")));
            Accessibility.assertNoSeriousViolations(work.driver(), "record and check work in " + lang);

            Storefront rates = browser.open(port, "/admin/piece-rates.html?product=" + operation.productId() + "&lang=" + lang).ready(lang);
            rates.waitUntil(visibilityOfElementLocated(By.id("rates-row-" + operation.id())));
            assertThat(rates.element("rates-today-" + operation.id()).findElement(By.cssSelector(".amount")).getDomAttribute("data-amount"))
                    .isEqualTo(String.valueOf(RATE));
            Accessibility.assertNoSeriousViolations(rates.driver(), "piece rates in " + lang);

            Storefront month = browser.open(port, "/admin/maker-earnings.html?maker=" + maker + "&month=" + steps.thisMonth()
                    + "&lang=" + lang).ready(lang);
            lineOf(month, lang.equals("en") ? operation.nameEn() : operation.nameZh());
            month.waitUntil(visibilityOfElementLocated(By.id("earnings-payout-form")));
            Accessibility.assertNoSeriousViolations(month.driver(), "a maker's month in " + lang);

            Storefront payouts = browser.open(port, "/admin/payouts.html?lang=" + lang).ready(lang);
            payouts.waitUntil(visibilityOfElementLocated(By.id("payout-batch-form")));
            Accessibility.assertNoSeriousViolations(payouts.driver(), "payout batches in " + lang);

            Storefront employment = browser.open(port, "/admin/employment.html?lang=" + lang).ready(lang);
            WebElement chart = employment.waitUntil(visibilityOfElementLocated(By.id("employment-chart")));
            assertThat(chart.getDomAttribute("role")).isEqualTo("img");
            assertThat(chart.getDomAttribute("aria-label")).as("the chart in words")
                    .startsWith(Messages.of(lang).text("piecework.overview.chartSummary").split("\\{")[0]);
            assertThat(employment.driver().findElements(By.cssSelector("#employment-table tbody tr"))).as("the same numbers as a table")
                    .hasSize(employment.driver().findElements(By.cssSelector("#employment-chart .bar-chart__row")).size());
            Accessibility.assertNoSeriousViolations(employment.driver(), "employment overview in " + lang);
        }
    }
}
