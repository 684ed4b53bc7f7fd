package org.socialworkshop.e2e;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.not;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

/**
 * No page logs an error to the browser's console: not a script's, and not the browser's own for a request answered
 * with an error status. A visitor's pages do not even ask who is signed in (the answer could only be 401). Every page
 * of the storefront is opened signed out in both languages, then as a coordinator, and the makers' and buyers' portals
 * as a maker and a corporate buyer. And no page shows a code where words belong: no constant of the application's
 * enums ({@code DELIVERY}, {@code CANTEEN_MEAL}, {@code PAYOUT}) stands alone in a page's text (issue 14).
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
        assertThat(errors).as("console errors, and codes shown as words").isEmpty();
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
        assertThat(errors).as("console errors, and codes shown as words").isEmpty();
    }

    @Test
    void portalPagesLogNoErrorForAMakerAndACorporateBuyer() {
        List<String> errors = new ArrayList<>();
        signIn("maker@example.org", "workshop-maker");
        portal("/maker/", errors);
        browser.forgetCookies();
        signIn("buyer@example.org", "workshop-buyer");
        portal("/corporate/", errors);
        assertThat(errors).as("console errors, and codes shown as words").isEmpty();
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
        codesShown(shown).forEach(code -> errors.add(page + " (" + lang + ") shows the code " + code));
        return shown;
    }

    /**
     * The enum constants the page's text shows as words of their own: an all-capitals word (with underscores) not part
     * of a longer name such as a receipt's number ({@code ONLINE-41}) or a SKU ({@code MEAL-ABC123}).
     */
    private static List<String> codesShown(Storefront page) {
        String text = (String) page.script("return document.body.innerText");
        Matcher words = CAPITALS.matcher(text == null ? "" : text);
        List<String> shown = new ArrayList<>();
        while (words.find()) {
            if (ENUM_CONSTANTS.contains(words.group()) && !WORDS.contains(words.group()) && !shown.contains(words.group())) {
                shown.add(words.group());
            }
        }
        return shown;
    }

    private static final Pattern CAPITALS = Pattern.compile("(?<![\\p{L}\\p{N}_-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![\\p{L}\\p{N}_-])");

    /** Constants that are also words people write in capitals: file formats ("JPEG, PNG or WebP"). */
    private static final Set<String> WORDS = Set.of("JPEG", "WEBP");

    /** The names of the constants of every enum of the application of four letters or more (shorter ones read as words). */
    private static final Set<String> ENUM_CONSTANTS = enumConstants();

    private static Set<String> enumConstants() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> "java.lang.Enum".equals(reader.getClassMetadata().getSuperClassName()));
        Set<String> names = new TreeSet<>();
        for (BeanDefinition found : scanner.findCandidateComponents("org.socialworkshop")) {
            try {
                for (Object constant : Class.forName(found.getBeanClassName()).getEnumConstants()) {
                    String name = ((Enum<?>) constant).name();
                    if (name.length() >= 4) {
                        names.add(name);
                    }
                }
            } catch (ClassNotFoundException notThere) {
                throw new IllegalStateException(notThere);
            }
        }
        if (names.size() < 20) {
            throw new IllegalStateException("Found too few enum constants to check pages against: " + names);
        }
        return names;
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
