package org.socialworkshop.e2e;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Both languages everywhere (issue 14, items 5 and 6): a coordinator reads a maker's pinyin name on the makers screen
 * and writes another, and the maker reads their month statement in plain words, in one language at a time, with the
 * product of each line and their name in the page's script; each screen in both languages passes axe.
 */
@WorkshopTest
class NamesInBothLanguagesTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final String HAN = ".*\\p{IsHan}.*";

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    Clock clock;

    @Test
    void aCoordinatorReadsThePinyinNameAndWritesAnother() {
        PieceworkSteps steps = new PieceworkSteps(client, clock);
        String maker = steps.newMaker("赵丽");
        signIn("coordinator@example.org", "workshop-coordinator", "/admin/makers.html");
        for (String lang : List.of("en", "zh-CN")) {
            Storefront page = browser.open(port, "/admin/makers.html?id=" + maker + "&lang=" + lang).ready(lang);
            WebElement latin = page.waitUntil(visibilityOfElementLocated(By.id("maker-display-name-latin")));
            page.waitUntil(d -> "Zhao Li".equals(latin.getDomProperty("value")));
            assertThat(page.element("maker-display-name-latin-hint").getText()).isEqualTo(Messages.of(lang).text("admin.maker.displayNameLatinHint"));
            Accessibility.assertNoSeriousViolations(page.driver(), "a maker's names on the makers screen in " + lang);
        }
        Storefront page = browser.open(port, "/admin/makers.html?id=" + maker + "&lang=en").ready("en");
        WebElement latin = page.waitUntil(visibilityOfElementLocated(By.id("maker-display-name-latin")));
        page.waitUntil(d -> "Zhao Li".equals(latin.getDomProperty("value")));
        latin.clear();
        latin.sendKeys("Lily Zhao");
        page.element("maker-save").click();
        page.waitUntil(textToBePresentInElementLocated(By.id("maker-status"), Messages.of("en").text("admin.maker.saved", Map.of("name", "赵丽"))));
        steps.staff().get().uri("/api/admin/makers/{id}", maker).exchange().expectBody().jsonPath("$.displayNameLatin").isEqualTo("Lily Zhao");
    }

    /**
     * What the server refuses is explained in the page's language, with the limit: the server names the constraint a
     * field broke ({@code Size}, max 2000) and the page says it in its own words, never the server's English on a
     * Chinese page. The story is longer than the field lets one type, as a page from before the limit would send it.
     */
    @Test
    void aFieldTheServerRefusesIsExplainedInThePagesLanguage() {
        PieceworkSteps steps = new PieceworkSteps(client, clock);
        String maker = steps.newMaker("孙敏");
        steps.staff().put().uri("/api/admin/makers/{id}", maker).bodyValue(Map.of("name", "孙敏", "displayName", "孙敏",
                        "storyZh", "长".repeat(2001))).exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("storyZh")
                .jsonPath("$.errors[0].code").isEqualTo("Size")
                .jsonPath("$.errors[0].params.max").isEqualTo(2000);
        signIn("coordinator@example.org", "workshop-coordinator", "/admin/makers.html");
        for (String lang : List.of("zh-CN", "en")) {
            Storefront page = browser.open(port, "/admin/makers.html?id=" + maker + "&lang=" + lang).ready(lang);
            WebElement story = page.waitUntil(visibilityOfElementLocated(By.id("maker-story-zh")));
            page.waitUntil(d -> "孙敏".equals(page.element("maker-display-name").getDomProperty("value")));
            assertThat(story.getDomAttribute("maxlength")).as("the field keeps to the server's limit").isEqualTo("2000");
            page.script("arguments[0].removeAttribute('maxlength'); arguments[0].value = arguments[1];", story, "长".repeat(2001));
            page.element("maker-save").click();
            String expected = Messages.of(lang).text("validation.Size.max", Map.of("max", 2000));
            page.waitUntil(textToBePresentInElementLocated(By.id("maker-story-zh-error"), expected));
            if (lang.equals("zh-CN")) {
                assertThat(page.element("maker-story-zh-error").getText()).doesNotContainPattern("[A-Za-z]{3,}");
            }
            Accessibility.assertNoSeriousViolations(page.driver(), "a story the server refused, " + lang);
        }
        steps.staff().get().uri("/api/admin/makers/{id}", maker).exchange().expectBody().jsonPath("$.storyZh")
                .value(kept -> assertThat(String.valueOf(kept)).as("nothing of the refused story kept").doesNotContain("长长"));
    }

    @Test
    void theMakerReadsTheirStatementInPlainWordsInEachLanguage() {
        PieceworkSteps steps = new PieceworkSteps(client, clock);
        String tag = PieceworkSteps.tag();
        PieceworkSteps.Operation operation = steps.operation(tag, 150);
        steps.checkedWork(steps.demoMaker(), operation, steps.today(), 8);
        @SuppressWarnings("unchecked")
        Map<String, Object> me = steps.makerSession().get().uri("/api/maker/me").exchange().expectBody(Map.class).returnResult().getResponseBody();
        signIn(PieceworkSteps.MAKER_EMAIL, PieceworkSteps.MAKER_PASSWORD, "/maker/");

        Map<String, String> expected = Map.of(
                "en", "Weaving " + tag + ": 8 × Bamboo coaster " + tag,
                "zh-CN", "编织" + tag + "竹编杯垫" + tag + " 8 件");
        for (String lang : List.of("en", "zh-CN")) {
            Storefront month = browser.open(port, "/maker/month.html?month=" + steps.thisMonth() + "&lang=" + lang).ready(lang);
            month.waitUntil(visibilityOfElementLocated(By.id("statement-closing")));
            WebElement line = month.waitUntil(visibilityOfElementLocated(
                    By.xpath("//ol[@id='statement-earned-lines']/li[contains(., '" + expected.get(lang) + "')]")));
            assertThat(line.findElement(By.cssSelector(".maker-line__what")).getText()).isEqualTo(expected.get(lang));
            String name = month.element("statement-maker").getText();
            if (lang.equals("en")) {
                assertThat(name).isEqualTo(me.get("nameLatin")).doesNotMatch(HAN);
                for (WebElement what : month.driver().findElements(By.cssSelector(".maker-line__what"))) {
                    assertThat(what.getText()).as("every line in English").doesNotMatch(HAN);
                }
            } else {
                assertThat(name).isEqualTo(me.get("name"));
            }
            assertThat(month.element("statement-earned-lines").getText()).doesNotContain("WORK", "PAYOUT", "CASH");
            Accessibility.assertNoSeriousViolations(month.driver(), "a month statement in plain words in " + lang);
        }
    }

    private void signIn(String email, String password, String next) {
        Storefront login = browser.open(port, "/login.html?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8)
                + "&lang=en").ready("en");
        login.element("email").sendKeys(email);
        login.element("password").sendKeys(password);
        login.element("login-submit").click();
        login.waitUntil(urlContains(next));
    }
}
