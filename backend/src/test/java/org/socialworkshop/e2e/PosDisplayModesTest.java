package org.socialworkshop.e2e;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.socialworkshop.identity.Account;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.identity.NewAccount;
import org.socialworkshop.identity.Role;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Issue 12, item 9: the POS screens' display modes (docs/adr/0018-pos-staff-display-modes.md). At a counter selling,
 * the cashier turns on the largest text, high contrast and switch access in the display settings; after a reload the
 * tablet still has them, and so do the station, ready and report screens. In the largest text with switch access, at
 * 1280×800, every target on the counter's screen is at least 44 px each way, nothing scrolls sideways, the focus frame
 * is at least 3 px and stands 3:1 against the page, confirmations open on their first button, and axe finds nothing
 * serious in high contrast. The standard size reflows on a 320 px wide screen, as 400 % zoom of a 1280 px tablet does.
 */
@WorkshopTest
class PosDisplayModesTest {

    private static final String PIN = "6047";

    /** The deepest elements reaching past the window's right edge, to say what scrolls sideways. */
    private static final String WIDE = """
            const edge = document.documentElement.clientWidth;
            return [...document.querySelectorAll('body *')]
              .filter((element) => element.getBoundingClientRect().right > edge + 1)
              .filter((element) => ![...element.children].some((child) => child.getBoundingClientRect().right > edge + 1))
              .slice(0, 5)
              .map((element) => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + '.' + element.className
                + ' "' + element.textContent.trim().slice(0, 40) + '"');
            """;

    /** Visible targets smaller than 44 px either way: a radio button or checkbox counts by its label, which is its target. */
    private static final String SMALL_TARGETS = """
            const controls = [...document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary')];
            return controls
                .map((control) => control.matches('input[type="radio"], input[type="checkbox"]') ? control.closest('label') ?? control : control)
                .filter((target) => target.getClientRects().length > 0 && getComputedStyle(target).visibility !== 'hidden')
                .map((target) => ({ target, box: target.getBoundingClientRect() }))
                .filter(({ box }) => box.width < 44 || box.height < 44)
                .map(({ target, box }) => `${target.id || target.tagName + '.' + target.className} ${Math.round(box.width)}×${Math.round(box.height)}`);""";

    /** The focused element's focus frame: its width in px and its contrast against the page's background. */
    private static final String FOCUS_FRAME = """
            const luminance = (colour) => {
                const [r, g, b] = colour.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number).map((value) => value / 255)
                    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
                return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const style = getComputedStyle(document.activeElement);
            const page = getComputedStyle(document.documentElement).backgroundColor;
            const [light, dark] = [luminance(style.outlineColor), luminance(page)].sort((a, b) => b - a);
            return { width: parseFloat(style.outlineWidth), style: style.outlineStyle, contrast: (light + 0.05) / (dark + 0.05) };""";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    Accounts accounts;

    private final Messages en = Messages.of("en");

    @Test
    @SuppressWarnings("unchecked")
    void theModesStayOnTheDeviceAndKeepTheCounterLargeClearAndUsableWithSwitches() {
        browser.resize(1280, 800);
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String id = "SHOW-" + tag;
        WebTestClient coordinator = CatalogFixtures.coordinator(client);
        coordinator.post().uri("/api/admin/pos/registers")
                .bodyValue(Map.of("id", id, "kind", "CAFE", "nameZh", "显示设置 " + id, "nameEn", "Display counter " + id))
                .exchange().expectStatus().isCreated();
        Account cashier = accounts.create(new NewAccount("show-" + tag.toLowerCase() + "@example.org", "大字收银员 " + tag,
                "a-long-password-" + tag, Set.of(Role.CASHIER))).block();
        String cashierId = cashier.id().value().toString();
        coordinator.put().uri("/api/admin/staff/{id}/pin", cashierId).bodyValue(Map.of("pin", PIN)).exchange().expectStatus().isNoContent();
        String cup = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator,
                CatalogFixtures.product("大字茶杯 " + tag, "Large-print cup " + tag, false)));
        String code = (String) coordinator.post().uri("/api/admin/pos/registers/" + id + "/pairing-codes").exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("code");

        Storefront tablet = browser.open(port, "/pos/?lang=en").ready("en");
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-pair")));
        tablet.element("pos-code").sendKeys(code);
        tablet.element("pos-pair-submit").click();
        tablet.waitUntil(elementToBeClickable(By.id("pos-cashier-" + cashierId))).click();
        tablet.element("pos-pin").sendKeys(PIN);
        tablet.element("pos-sign-in-submit").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-shift-float"))).sendKeys("100");
        tablet.element("pos-shift-open").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sale-add-" + cup)));
        assertThat(tablet.htmlAttribute("data-text-size")).as("the POS's own size until another is chosen").isNull();

        // The settings, opened and closed with the keyboard: Esc puts focus back on their button.
        tablet.element("pos-display-open").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-display-panel")));
        assertThat(tablet.element("pos-display-size-standard").isSelected()).isTrue();
        tablet.element("pos-display-size-largest").click();
        tablet.element("pos-display-contrast").click();
        tablet.element("pos-display-switch").click();
        assertThat(tablet.htmlAttribute("data-text-size")).isEqualTo("largest");
        assertThat(tablet.htmlAttribute("data-switch-access")).isEqualTo("on");
        assertThat(tablet.htmlAttribute("data-theme")).isEqualTo("high-contrast");
        assertThat(tablet.element("theme-toggle").getDomAttribute("aria-pressed")).as("the header's toggle agrees").isEqualTo("true");
        tablet.press(Keys.ESCAPE);
        tablet.waitUntil(invisibilityOfElementLocated(By.id("pos-display-panel")));
        assertThat(tablet.focusedId()).isEqualTo("pos-display-open");

        // Kept on the device: a reload comes up in the same modes, and the settings say so.
        tablet = browser.open(port, "/pos/?lang=en").ready("en");
        assertThat(tablet.htmlAttribute("data-text-size")).isEqualTo("largest");
        assertThat(tablet.htmlAttribute("data-switch-access")).isEqualTo("on");
        assertThat(tablet.htmlAttribute("data-theme")).isEqualTo("high-contrast");
        assertThat(tablet.element("pos-display-size-largest").isSelected()).isTrue();
        assertThat(tablet.element("pos-display-switch").isSelected()).isTrue();
        assertThat(tablet.element("pos-display-contrast").isSelected()).isTrue();
        tablet.waitUntil(elementToBeClickable(By.id("pos-sale-add-" + cup))).click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sale-pay")));
        tablet.element("pos-display-open").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-display-panel")));

        // Large, reflowed, targets of 44 px and more, a strong focus frame; axe in high contrast.
        assertThat((Long) tablet.script("return document.documentElement.scrollWidth")).as("no sideways scrolling at 1280 px: "
                        + tablet.script(WIDE))
                .isLessThanOrEqualTo((Long) tablet.script("return document.documentElement.clientWidth"));
        assertThat((List<String>) tablet.script(SMALL_TARGETS)).as("targets under 44 px in the largest text with switch access").isEmpty();
        tablet.element("pos-sale-given").click();
        tablet.press(Keys.TAB);
        Map<String, Object> frame = (Map<String, Object>) tablet.script(FOCUS_FRAME);
        assertThat(((Number) frame.get("width")).doubleValue()).as("focus frame width").isGreaterThanOrEqualTo(3);
        assertThat(frame.get("style")).isEqualTo("solid");
        assertThat(((Number) frame.get("contrast")).doubleValue()).as("focus frame against the page").isGreaterThanOrEqualTo(3);
        Accessibility.assertNoSeriousViolations(tablet.driver(), "the counter selling in the largest text, switch access and high contrast, en");

        // With switch access a confirmation opens on its first button, so the next switch press acts.
        tablet.element("pos-sign-out").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sign-out-confirm")));
        assertThat(tablet.element("pos-sign-out-confirm-what").getText())
                .isEqualTo(en.counted("pos.signIn.confirm.saleLost", 1));
        assertThat(tablet.focusedId()).isEqualTo("pos-sign-out-confirm-yes");
        Accessibility.assertNoSeriousViolations(tablet.driver(), "signing out with a sale in progress, switch access, en");
        tablet.press(Keys.ESCAPE);
        assertThat(tablet.focusedId()).isEqualTo("pos-sign-out");
        tablet.element("pos-shift-counted").sendKeys("100");
        tablet.element("pos-shift-close").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-shift-confirm")));
        assertThat(tablet.focusedId()).isEqualTo("pos-shift-confirm-close");
        tablet.element("pos-shift-confirm-back").click();

        // Every POS screen honours the device's modes.
        for (String page : List.of("/pos/tickets.html?lang=en", "/pos/ready.html?lang=en", "/pos/report.html?code=none&lang=en")) {
            Storefront other = browser.open(port, page).ready("en");
            assertThat(other.htmlAttribute("data-text-size")).as(page).isEqualTo("largest");
            assertThat(other.htmlAttribute("data-switch-access")).as(page).isEqualTo("on");
            assertThat(other.htmlAttribute("data-theme")).as(page).isEqualTo("high-contrast");
            assertThat(other.driver().findElements(By.id("pos-display-open"))).as(page + " has the settings").hasSize(1);
            assertThat((Long) other.script("return document.documentElement.scrollWidth")).as(page + " sideways: " + other.script(WIDE))
                    .isLessThanOrEqualTo((Long) other.script("return document.documentElement.clientWidth"));
        }

        // Back to the standard size and no switch access, kept too; the counter reflows at 320 px (400 % of 1280).
        tablet = browser.open(port, "/pos/?lang=en").ready("en");
        tablet.element("pos-display-open").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-display-panel")));
        tablet.element("pos-display-size-standard").click();
        tablet.element("pos-display-switch").click();
        browser.resize(320, 800);
        tablet = browser.open(port, "/pos/?lang=en").ready("en");
        assertThat(tablet.script("return window.innerWidth")).as("viewport width").isEqualTo(320L);
        assertThat(tablet.htmlAttribute("data-text-size")).isNull();
        assertThat(tablet.htmlAttribute("data-switch-access")).isNull();
        tablet.waitUntil(elementToBeClickable(By.id("pos-sale-add-" + cup))).click();
        tablet.waitUntil(textToBePresentInElementLocated(By.id("pos-sale-total"), "68.00"));
        assertThat((Long) tablet.script("return document.documentElement.scrollWidth")).as("no sideways scrolling at 320 px")
                .isLessThanOrEqualTo(320L);
        assertThat((List<String>) tablet.script(SMALL_TARGETS)).as("targets under 44 px at 320 px").isEmpty();
    }
}
