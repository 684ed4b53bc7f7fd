package org.socialworkshop.e2e;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Issue 12, steps 1 and 2, as people do it: a coordinator opens a register in the staff area, sets a cashier's PIN
 * and reads out a pairing code; the counter tablet's page takes the code, makes its key with WebCrypto and is paired,
 * and stays paired over a reload; the cashier signs in there with their PIN, runs a shift from float to a counted
 * close, changes their PIN, and signs out; the coordinator revokes
 * the tablet after a confirmation, and the tablet asks to be paired again. Every screen state is checked with axe, in
 * both languages.
 */
@WorkshopTest
class CoordinatorPairsATabletTest {

    private static final String DEMO_CASHIER = "Demo cashier 演示收银员";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void coordinatorPairsATabletWhereACashierSignsInThenRevokesIt() {
        String id = "CAFE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Messages zh = Messages.of("zh-CN");
        Messages en = Messages.of("en");

        Storefront admin = browser.openAsStaff(port, "/admin/registers.html", "zh-CN", "coordinator@example.org", "workshop-coordinator");
        admin.waitUntil(presenceOfElementLocated(By.id("register-form")));
        admin.element("register-id").sendKeys(id.toLowerCase());
        new Select(admin.element("register-kind")).selectByValue("CAFE");
        admin.element("register-name-zh").sendKeys("咖啡馆吧台 " + id);
        admin.element("register-name-en").sendKeys("Café bar " + id);
        admin.element("register-save").click();
        admin.waitUntil(textToBe(By.id("register-status"),
                zh.text("pos.admin.new.done", Map.of("name", "咖啡馆吧台 " + id, "id", id))));
        admin.waitUntil(textToBe(By.id("register-tablet-" + id), zh.text("pos.admin.notPaired")));

        // The demo cashier gets a new PIN for the counter.
        Select cashier = new Select(admin.waitUntil(presenceOfElementLocated(By.id("cashier-pin-who"))));
        admin.waitUntil(d -> cashier.getOptions().stream().anyMatch(option -> option.getText().equals(DEMO_CASHIER)));
        cashier.selectByVisibleText(DEMO_CASHIER);
        String cashierId = cashier.getFirstSelectedOption().getDomAttribute("value");
        admin.element("cashier-pin-value").sendKeys("1234");
        admin.element("cashier-pin-save").click();
        admin.waitUntil(textToBe(By.id("cashier-pin-value-error"), zh.text("pos.pins.pinWeak")));
        admin.element("cashier-pin-value").clear();
        admin.element("cashier-pin-value").sendKeys("4826");
        admin.element("cashier-pin-save").click();
        admin.waitUntil(textToBe(By.id("cashier-pin-status"), zh.text("pos.pins.saved", Map.of("name", DEMO_CASHIER))));
        admin.waitUntil(textToBePresentInElementLocated(By.id("cashier-pin-state-" + cashierId), zh.text("pos.pins.set")));

        admin.waitUntil(elementToBeClickable(By.id("register-code-" + id))).click();
        admin.waitUntil(visibilityOfElementLocated(By.id("register-code-panel")));
        assertThat(admin.focusedId()).as("focus moves to the code").isEqualTo("register-code-heading");
        String code = admin.element("register-code").findElement(By.cssSelector("[aria-hidden=true]")).getText().replaceAll("\\D", "");
        assertThat(code).matches("\\d{8}");
        Accessibility.assertNoSeriousViolations(admin.driver(), "POS registers with a pairing code, zh-CN");

        Storefront tablet = browser.open(port, "/pos/?lang=en").ready("en");
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-pair")));
        assertThat(tablet.element("pos-pair-submit").isEnabled()).as("localhost is a secure context").isTrue();
        Accessibility.assertNoSeriousViolations(tablet.driver(), "the tablet's pairing form, en");
        tablet.element("pos-code").sendKeys("1234 567");
        tablet.element("pos-pair-submit").click();
        tablet.waitUntil(textToBe(By.id("pos-code-error"), en.text("pos.device.codeInvalid")));
        tablet.element("pos-code").clear();
        tablet.element("pos-code").sendKeys(code.substring(0, 4) + " " + code.substring(4));
        tablet.element("pos-label").clear();
        tablet.element("pos-label").sendKeys("Café counter");
        tablet.element("pos-pair-submit").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-paired")));
        assertThat(tablet.element("pos-paired-register").getText())
                .isEqualTo(en.text("pos.device.register", Map.of("name", "Café bar " + id, "id", id)));
        assertThat(tablet.focusedId()).isEqualTo("pos-paired-heading");
        Accessibility.assertNoSeriousViolations(tablet.driver(), "the paired tablet, en");

        Storefront reloaded = browser.open(port, "/pos/?lang=zh-CN").ready("zh-CN");
        reloaded.waitUntil(visibilityOfElementLocated(By.id("pos-paired")));
        assertThat(reloaded.element("pos-paired-register").getText())
                .isEqualTo(zh.text("pos.device.register", Map.of("name", "咖啡馆吧台 " + id, "id", id)));
        assertThat(reloaded.script("return document.cookie")).as("the credential is out of script's reach")
                .asString().doesNotContain("POS_DEVICE");

        // The cashier signs in: their name, then the PIN, typed and tapped on the number pad.
        reloaded.waitUntil(visibilityOfElementLocated(By.id("pos-who")));
        Accessibility.assertNoSeriousViolations(reloaded.driver(), "the paired tablet asking who is at the counter, zh-CN");
        reloaded.element("pos-cashier-" + cashierId).click();
        reloaded.element("pos-pin").sendKeys("4820");
        reloaded.element("pos-sign-in-submit").click();
        reloaded.waitUntil(textToBe(By.id("pos-pin-error"), zh.text("pos.signIn.wrongPin")));
        reloaded.element("pos-pin").sendKeys("482");
        reloaded.element("pos-key-6").click();
        assertThat(reloaded.element("pos-pin-count").getText()).isEqualTo(zh.text("pos.signIn.digits", Map.of("count", 4)));
        reloaded.element("pos-sign-in-submit").click();
        reloaded.waitUntil(visibilityOfElementLocated(By.id("pos-signed-in")));
        assertThat(reloaded.element("pos-signed-in-who").getText())
                .isEqualTo(zh.text("pos.signIn.whoAt", Map.of("name", DEMO_CASHIER, "register", "咖啡馆吧台 " + id)));
        assertThat(reloaded.focusedId()).isEqualTo("pos-signed-in-heading");
        Accessibility.assertNoSeriousViolations(reloaded.driver(), "a cashier signed in at the tablet, zh-CN");

        // The shift: a float, cash paid out for milk, and a close that counts 0.50 short, confirmed first.
        reloaded.waitUntil(visibilityOfElementLocated(By.id("pos-shift-float"))).sendKeys("200");
        reloaded.element("pos-shift-open").click();
        reloaded.waitUntil(textToBe(By.id("pos-shift-expected"), "¥200.00"));
        reloaded.element("pos-cash-out").click();
        reloaded.element("pos-cash-amount").sendKeys("30");
        reloaded.element("pos-cash-reason").sendKeys("给咖啡馆买牛奶");
        reloaded.element("pos-cash-save").click();
        reloaded.waitUntil(textToBe(By.id("pos-shift-expected"), "¥170.00"));
        reloaded.element("pos-shift-counted").sendKeys("169.50");
        reloaded.element("pos-shift-close").click();
        reloaded.waitUntil(visibilityOfElementLocated(By.id("pos-shift-confirm")));
        assertThat(reloaded.element("pos-shift-confirm-what").getText()).isEqualTo(zh.text("pos.shift.confirm.short",
                Map.of("counted", "¥169.50", "expected", "¥170.00", "difference", "¥0.50")));
        assertThat(reloaded.focusedId()).isEqualTo("pos-shift-confirm-heading");
        Accessibility.assertNoSeriousViolations(reloaded.driver(), "closing a shift, zh-CN");
        reloaded.element("pos-shift-confirm-close").click();
        reloaded.waitUntil(visibilityOfElementLocated(By.id("pos-shift-closed-figures")));
        assertThat(reloaded.element("pos-shift-closed-figures").getText()).isEqualTo(zh.text("pos.shift.closedFigures",
                Map.of("expected", "¥170.00", "counted", "¥169.50", "difference", "-¥0.50")));
        assertThat(reloaded.element("pos-shift-float").isDisplayed()).as("a new shift can open").isTrue();
        Storefront again = browser.open(port, "/pos/?lang=en").ready("en");
        again.waitUntil(visibilityOfElementLocated(By.id("pos-signed-in")));
        // The cashier changes their own PIN, signs out, and the new one lets them in.
        again.driver().findElement(By.cssSelector("#pos-pin-change summary")).click();
        again.element("pos-pin-current").sendKeys("4826");
        again.element("pos-pin-new").sendKeys("6391");
        again.element("pos-pin-again").sendKeys("6391");
        again.element("pos-pin-change-save").click();
        again.waitUntil(textToBe(By.id("pos-sign-in-status"), en.text("pos.pinChange.done")));
        again.element("pos-sign-out").click();
        again.waitUntil(visibilityOfElementLocated(By.id("pos-sign-out-confirm")));
        assertThat(again.focusedId()).as("signing out asks first").isEqualTo("pos-sign-out-confirm-heading");
        again.element("pos-sign-out-confirm-yes").click();
        again.waitUntil(visibilityOfElementLocated(By.id("pos-who")));
        again.element("pos-cashier-" + cashierId).click();
        again.element("pos-pin").sendKeys("6391");
        again.element("pos-sign-in-submit").click();
        again.waitUntil(visibilityOfElementLocated(By.id("pos-signed-in")));
        again.element("pos-sign-out").click();
        again.waitUntil(elementToBeClickable(By.id("pos-sign-out-confirm-yes"))).click();
        again.waitUntil(visibilityOfElementLocated(By.id("pos-who")));

        Storefront staff = browser.openAsStaff(port, "/admin/registers.html?lang=en", "en", "coordinator@example.org",
                "workshop-coordinator");
        staff.waitUntil(textToBePresentInElementLocated(By.id("register-tablet-" + id), "Café counter"));
        assertThat(staff.element("register-tablet-" + id).getText()).startsWith(en.text("pos.admin.paired"));
        staff.waitUntil(elementToBeClickable(By.id("register-revoke-" + id))).click();
        staff.waitUntil(visibilityOfElementLocated(By.id("register-revoke-panel")));
        assertThat(staff.element("register-revoke-what").getText())
                .isEqualTo(en.text("pos.admin.revoke.what", Map.of("label", "Café counter", "name", "Café bar " + id)));
        Accessibility.assertNoSeriousViolations(staff.driver(), "revoking a tablet, en");
        staff.element("register-revoke-cancel").click();
        assertThat(staff.element("register-revoke-panel").isDisplayed()).as("kept").isFalse();
        assertThat(staff.focusedId()).isEqualTo("register-revoke-" + id);
        staff.element("register-revoke-" + id).click();
        staff.waitUntil(elementToBeClickable(By.id("register-revoke-confirm"))).click();
        staff.waitUntil(textToBe(By.id("register-list-status"),
                en.text("pos.admin.revoke.done", Map.of("label", "Café counter", "name", "Café bar " + id))));
        staff.waitUntil(textToBe(By.id("register-tablet-" + id), en.text("pos.admin.notPaired")));

        Storefront unpaired = browser.open(port, "/pos/?lang=en").ready("en");
        unpaired.waitUntil(visibilityOfElementLocated(By.id("pos-pair")));
    }
}
