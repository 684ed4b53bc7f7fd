package org.socialworkshop.e2e;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.not;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

/**
 * No page logs an error to the browser's console: not a script's, and not the browser's own for a request answered
 * with an error status. A visitor's pages do not even ask who is signed in (the answer could only be 401). Every page
 * of the storefront is opened signed out in both languages, then as a coordinator, and the makers' and buyers' portals
 * as a maker and a corporate buyer.
 */
@WorkshopTest
class NoConsoleErrorsTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void signedOutPagesLogNoErrorAndDoNotAskWhoIsSignedIn() {
        List<String> errors = new ArrayList<>();
        for (String lang : List.of("zh-CN", "en")) {
            // Signed out, a staff or portal page only asks for sign-in: both languages for the public pages, one for those.
            for (String page : StorefrontFiles.pages().stream().filter(page -> lang.equals("zh-CN") || isPublic(page)).toList()) {
                Storefront shown = visit(page, lang, errors);
                assertThat(asked(shown, "/api/auth/me")).as(page + " asked who is signed in, with nobody signed in").isFalse();
            }
        }
        assertThat(errors).as("console errors").isEmpty();
    }

    /**
     * Signed in as staff, every page (found in the storefront itself, so a new page is checked without being listed
     * here) shows itself instead of sending the browser to sign in, gets every file it asks for ({@link
     * Storefront#ready} fails otherwise) and logs no error.
     */
    @Test
    void everyPageLoadsWholeAndLogsNoErrorForACoordinator() {
        List<String> pages = StorefrontFiles.pages();
        assertThat(pages).as("the storefront's pages").contains("/index.html", "/admin/index.html", "/maker/index.html");
        signIn("coordinator@example.org", "workshop-coordinator");
        List<String> errors = new ArrayList<>();
        for (String page : pages) {
            Storefront shown = visit(page, "zh-CN", errors);
            assertThat(URI.create(shown.driver().getCurrentUrl()).getPath()).as("where " + page + " ends up").isEqualTo(page);
        }
        assertThat(errors).as("console errors").isEmpty();
    }

    @Test
    void portalPagesLogNoErrorForAMakerAndACorporateBuyer() {
        List<String> errors = new ArrayList<>();
        signIn("maker@example.org", "workshop-maker");
        portal("/maker/", errors);
        browser.forgetCookies();
        signIn("buyer@example.org", "workshop-buyer");
        portal("/corporate/", errors);
        assertThat(errors).as("console errors").isEmpty();
    }

    private void portal(String folder, List<String> errors) {
        for (String page : StorefrontFiles.pages().stream().filter(page -> page.startsWith(folder)).toList()) {
            for (String lang : List.of("zh-CN", "en")) {
                visit(page, lang, errors);
            }
        }
    }

    private Storefront visit(String page, String lang, List<String> errors) {
        Storefront shown = browser.open(port, page + "?lang=" + lang).ready(lang).settled();
        browser.consoleErrors().forEach(error -> errors.add(page + " (" + lang + "): " + error));
        return shown;
    }

    private void signIn(String email, String password) {
        Storefront login = browser.open(port, "/login.html?lang=en").ready("en");
        login.element("email").sendKeys(email);
        login.element("password").sendKeys(password);
        login.element("login-submit").click();
        login.waitUntil(not(urlContains("/login.html")));
        browser.consoleErrors();
    }

    private static boolean isPublic(String page) {
        return List.of("/admin/", "/pos/", "/maker/", "/corporate/").stream().noneMatch(page::startsWith)
                || page.equals("/corporate/enquiry.html");
    }

    private static boolean asked(Storefront page, String path) {
        return Boolean.TRUE.equals(page.script("return performance.getEntriesByType('resource')"
                + ".some((entry) => new URL(entry.name).pathname === arguments[0])", path));
    }
}
