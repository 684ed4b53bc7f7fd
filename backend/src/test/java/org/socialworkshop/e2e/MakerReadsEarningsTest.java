package org.socialworkshop.e2e;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * The demo maker signs in and reads this month's pieces, earnings and balance, reports work and opens the month's
 * statement, all with the keyboard alone; sees only their own earnings; and the portal passes axe in both languages,
 * at a small phone's width (200 % zoom of a 720 px window) and in high contrast.
 */
@WorkshopTest
class MakerReadsEarningsTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final int PHONE = 360;
    private static final long RATE = 150;
    private static final int PIECES = 8;

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    Clock clock;

    private PieceworkSteps steps;
    private PieceworkSteps.Operation operation;
    private String maker;
    private String otherMaker;
    private String otherName;

    @BeforeEach
    void someWorkThisMonth() {
        steps = new PieceworkSteps(client, clock);
        String tag = PieceworkSteps.tag();
        operation = steps.operation(tag, RATE);
        maker = steps.demoMaker();
        steps.checkedWork(maker, operation, steps.today(), PIECES);
        otherName = "别的手作人" + tag;
        otherMaker = steps.newMaker(otherName);
        steps.checkedWork(otherMaker, operation, steps.today(), 3);
    }

    @Test
    void makerReadsEarningsReportsWorkAndOpensTheStatementWithTheKeyboardAlone() {
        Messages zh = Messages.of("zh-CN");
        Storefront page = browser.open(port, "/maker/").ready("zh-CN");
        page.waitUntil(visibilityOfElementLocated(By.id("maker-sign-in-link")));
        page.waitUntil(d -> page.focusedId().equals("maker-sign-in"));
        page.tabTo("maker-sign-in-link").press(Keys.ENTER);
        page.waitUntil(urlContains("/login.html?next="));
        page.ready("zh-CN").tabTo("email").press(PieceworkSteps.MAKER_EMAIL, Keys.TAB, PieceworkSteps.MAKER_PASSWORD, Keys.ENTER);
        page.waitUntil(urlToBe("http://localhost:" + port + "/maker/"));
        page.ready("zh-CN");

        readsBalanceAndThisMonth(page, zh);
        reportsWork(page, zh);

        browser.open(port, "/maker/").ready("zh-CN").waitUntil(visibilityOfElementLocated(By.id("maker-month-statement")));
        page.tabTo("maker-jump-month").press(Keys.ENTER).press(Keys.TAB);
        assertThat(page.focusedId()).as("the jump link leads to this month's section").isEqualTo("maker-month-statement");
        page.press(Keys.ENTER);
        page.waitUntil(urlContains("/maker/month.html?month=" + steps.thisMonth()));
        readsTheStatement(page.ready("zh-CN"), zh);
    }

    private void readsBalanceAndThisMonth(Storefront page, Messages zh) {
        WebElement balance = page.waitUntil(visibilityOfElementLocated(By.id("maker-balance")));
        long owed = steps.makerBalance();
        assertThat(balance.getDomAttribute("data-amount")).isEqualTo(String.valueOf(owed));
        assertThat(balance.findElement(By.cssSelector(".amount__spoken")).getDomProperty("textContent"))
                .as("the balance read out in yuan").isEqualTo(PieceworkSteps.spoken(zh, owed));
        assertThat(balance.findElement(By.cssSelector(".amount__shown")).getDomAttribute("aria-hidden")).isEqualTo("true");

        WebElement line = page.waitUntil(presenceOfElementLocated(
                By.xpath("//ol[@id='maker-month-lines']/li[contains(., '" + operation.nameZh() + "')]")));
        assertThat(line.getText()).contains(zh.text("maker.line.pieces", Map.of("count", PIECES)));
        assertThat(line.findElement(By.cssSelector(".maker-line__amount")).getDomAttribute("data-amount"))
                .as(PIECES + " × ¥1.50").isEqualTo(String.valueOf(PIECES * RATE));
        assertThat(page.element("maker-month-earned").getDomAttribute("data-amount")).isEqualTo(String.valueOf(monthOfMaker()));
    }

    /** A first try without the number of pieces is stopped and said; the summary's link leads back to the field. */
    private void reportsWork(Storefront page, Messages zh) {
        String radio = (String) page.script("return document.querySelector('#maker-report-operation input[value=\"' + arguments[0] + '\"]').id",
                operation.id());
        page.tabTo("maker-jump-report").press(Keys.ENTER).press(Keys.TAB);
        for (int presses = 0; !page.focusedId().equals(radio) && presses < 200; presses++) {
            page.press(Keys.ARROW_DOWN);
        }
        page.press(Keys.SPACE);
        assertThat(page.element(radio).isSelected()).as("our kind of work chosen").isTrue();
        page.tabTo("maker-report-pieces").press(Keys.ENTER);

        page.waitUntil(d -> page.focusedId().equals("maker-report-errors"));
        assertThat(page.element("maker-report-errors").getText()).contains(zh.text("maker.report.piecesProblem.missing"));
        assertThat(page.element("maker-report-pieces").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.element("maker-report-pieces").getDomAttribute("aria-describedby")).contains("maker-report-pieces-error");
        page.press(Keys.TAB, Keys.ENTER);
        assertThat(page.focusedId()).isEqualTo("maker-report-pieces");
        page.press("5", Keys.ENTER);

        page.waitUntil(d -> page.focusedId().equals("maker-report-done"));
        assertThat(page.element("maker-report-done").getText()).contains(zh.text("maker.report.doneWait"));
        assertThat(steps.work(maker, "REPORTED", operation)).singleElement().satisfies(record -> assertThat(record)
                .containsEntry("pieces", 5).containsEntry("workDate", steps.today().toString()));
    }

    private void readsTheStatement(Storefront page, Messages zh) {
        WebElement closing = page.waitUntil(visibilityOfElementLocated(By.id("statement-closing")));
        long opening = amountOf(page, "statement-opening");
        long earned = amountOf(page, "statement-earned");
        long paid = amountOf(page, "statement-paid");
        assertThat(Long.parseLong(closing.getDomAttribute("data-amount"))).as("closing = opening + earned − paid")
                .isEqualTo(opening + earned - paid);
        assertThat(page.driver().findElements(By.xpath("//ol[@id='statement-earned-lines']/li[contains(., '" + operation.nameZh() + "')]")))
                .isNotEmpty();
        String month = steps.today().getYear() + "年" + steps.today().getMonthValue() + "月";
        assertThat(page.element("page-heading").getText()).isEqualTo(zh.text("maker.statement.heading", Map.of("month", month)));
        assertThat(page.element("statement-print").getText()).isEqualTo(zh.text("maker.statement.print"));
        steps.makerSession().get().uri("/api/maker/months/{m}/statement.pdf", steps.thisMonth()).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        assertThat(page.driver().findElements(By.id("statement-pdf"))).as("no PDF link: this month is not over, the server signs none")
                .isEmpty();
        Accessibility.assertNoSeriousViolations(page.driver(), "a maker's month statement in zh-CN");
    }

    @Test
    @SuppressWarnings("unchecked")
    void makerSeesOnlyTheirOwnEarnings() {
        String month = steps.thisMonth();
        signIn("zh-CN");

        // The portal's API takes no maker id: the other maker's id, sent from the maker's own browser session, still
        // reads the signed-in maker's month and balance.
        Map<String, Object> statement = (Map<String, Object>) fetchJson(browser.open(port, "/maker/").ready("zh-CN"),
                "/api/maker/months/" + month + "?makerId=" + otherMaker + "&maker=" + otherMaker);
        assertThat((Map<String, Object>) statement.get("maker")).containsEntry("id", maker);
        assertThat(statement.toString()).doesNotContain(otherMaker).doesNotContain(otherName);
        assertThat(((Number) ((Map<String, Object>) statement.get("earned")).get("amount")).longValue())
                .isEqualTo(((Number) monthOfMaker()).longValue());
        Map<String, Object> me = (Map<String, Object>) fetchJson(browser.open(port, "/maker/").ready("zh-CN"),
                "/api/maker/me?makerId=" + otherMaker);
        assertThat(me).containsEntry("makerId", maker);
        assertThat(((Number) ((Map<String, Object>) me.get("balance")).get("amount")).longValue()).isEqualTo(steps.makerBalance());

        Storefront own = browser.open(port, "/maker/month.html?month=" + month + "&maker=" + otherMaker + "&makerId=" + otherMaker).ready("zh-CN");
        WebElement earned = own.waitUntil(visibilityOfElementLocated(By.id("statement-earned")));
        assertThat(earned.getDomAttribute("data-amount")).as("the maker's own earnings, whatever maker the address names")
                .isEqualTo(String.valueOf(monthOfMaker()));
        assertThat(own.driver().getPageSource()).doesNotContain(otherName);

        // The coordinators' page and API, which do take a maker id, are closed to makers by role.
        Storefront page = browser.open(port, "/admin/maker-earnings.html?maker=" + otherMaker + "&month=" + month).ready("zh-CN");
        page.waitUntil(visibilityOfElementLocated(By.id("admin-no-access")));
        assertThat(page.driver().findElements(By.id("earnings-table"))).as("no statement drawn").isEmpty();
        assertThat(page.driver().getPageSource()).doesNotContain(otherName);
    }

    /** What a same-origin {@code fetch} from the page's browser session answers, parsed as JSON. */
    private static Object fetchJson(Storefront page, String path) {
        return page.script("return fetch(arguments[0], {credentials: 'same-origin', headers: {accept: 'application/json'}})"
                + ".then(r => r.ok ? r.json() : {status: r.status})", path);
    }

    /** A finished month's statement comes as a signed PDF too; the current month's does not yet. */
    @Test
    void lastMonthsStatementOffersTheSignedPdf() {
        String lastMonth = steps.today().minusMonths(1).toString().substring(0, 7);
        signIn("zh-CN");
        Storefront home = browser.open(port, "/maker/").ready("zh-CN");
        home.waitUntil(visibilityOfElementLocated(By.cssSelector("#maker-months-" + lastMonth + " a"))).click();
        home.waitUntil(urlContains("/maker/month.html?month=" + lastMonth));
        WebElement pdf = home.ready("zh-CN").waitUntil(visibilityOfElementLocated(By.id("statement-pdf")));
        assertThat(pdf.getDomAttribute("href")).isEqualTo("/api/maker/months/" + lastMonth + "/statement.pdf?lang=zh-CN");
        steps.makerSession().get().uri(pdf.getDomAttribute("href")).exchange().expectStatus().isOk()
                .expectHeader().contentType("application/pdf");
        Accessibility.assertNoSeriousViolations(home.driver(), "last month's statement with its PDF in zh-CN");
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"zh-CN", "en"})
    void portalReadsLargeFitsASmallPhoneAndPassesAxe(String lang) {
        Messages messages = Messages.of(lang);
        signIn(lang);
        browser.resize(PHONE, 780);
        Storefront home = browser.open(port, "/maker/?lang=" + lang).ready(lang);
        home.waitUntil(visibilityOfElementLocated(By.id("maker-report-form")));
        home.waitUntil(visibilityOfElementLocated(By.id("maker-month-lines")));
        home.waitUntil(presenceOfElementLocated(By.cssSelector("#maker-months-list, #maker-months-empty")));
        long owed = steps.makerBalance();
        assertThat(home.element("maker-balance").findElement(By.cssSelector(".amount__spoken")).getDomProperty("textContent"))
                .isEqualTo(PieceworkSteps.spoken(messages, owed));
        assertReadable(home);
        assertFits(home, "the maker's home page");
        for (String id : List.of("maker-jump-report", "maker-month-statement", "maker-report-submit", "maker-report-pieces")) {
            assertAtLeast48(home, id);
        }
        Accessibility.assertNoSeriousViolations(home.driver(), "the makers' portal in " + lang);

        Storefront month = browser.open(port, "/maker/month.html?month=" + steps.thisMonth() + "&lang=" + lang).ready(lang);
        month.waitUntil(visibilityOfElementLocated(By.id("statement-closing")));
        assertFits(month, "a month statement");
        assertAtLeast48(month, "statement-print");
        Accessibility.assertNoSeriousViolations(month.driver(), "a month statement in " + lang);

        month.element("theme-toggle").click();
        month.waitUntil(d -> "high-contrast".equals(month.htmlAttribute("data-theme")));
        Accessibility.assertNoSeriousViolations(month.driver(), "a month statement in high contrast in " + lang);
    }

    private void signIn(String lang) {
        Storefront login = browser.open(port, "/login.html?next=%2Fmaker%2F&lang=" + lang).ready(lang);
        login.element("email").sendKeys(PieceworkSteps.MAKER_EMAIL);
        login.element("password").sendKeys(PieceworkSteps.MAKER_PASSWORD);
        login.element("login-submit").click();
        login.waitUntil(urlToBe("http://localhost:" + port + "/maker/"));
    }

    @SuppressWarnings("unchecked")
    private Object monthOfMaker() {
        Map<String, Object> month = steps.makerSession().get().uri("/api/maker/months/{m}", steps.thisMonth()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((Map<String, Object>) month.get("earned")).get("amount");
    }

    private static long amountOf(Storefront page, String id) {
        return Long.parseLong(page.element(id).getDomAttribute("data-amount"));
    }

    /** Text of at least 20 px with a line height of at least 1.5. */
    private static void assertReadable(Storefront page) {
        double size = Double.parseDouble(((String) page.script("return getComputedStyle(document.body).fontSize")).replace("px", ""));
        double line = Double.parseDouble(((String) page.script(
                "return getComputedStyle(document.querySelector('.maker-line')).lineHeight")).replace("px", ""));
        assertThat(size).as("base font size in px").isGreaterThanOrEqualTo(20);
        assertThat(line / size).as("line height").isGreaterThanOrEqualTo(1.5);
    }

    private static void assertFits(Storefront page, String what) {
        assertThat(page.script("return window.innerWidth")).as("viewport width").isEqualTo((long) PHONE);
        assertThat((Long) page.script("return document.documentElement.scrollWidth"))
                .as(what + " width at " + PHONE + " px (wider means sideways scrolling)").isLessThanOrEqualTo(PHONE);
    }

    private static void assertAtLeast48(Storefront page, String id) {
        var size = page.element(id).getSize();
        assertThat(size.getHeight()).as("#" + id + " height").isGreaterThanOrEqualTo(48);
        assertThat(size.getWidth()).as("#" + id + " width").isGreaterThanOrEqualTo(48);
    }
}
