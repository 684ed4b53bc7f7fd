package org.socialworkshop.e2e;

import java.util.Map;
import java.util.Set;

import org.openqa.selenium.By;
import org.socialworkshop.identity.Account;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.identity.NewAccount;
import org.socialworkshop.identity.Role;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * A counter ready to sell, as staff make it: a coordinator opens the register {@code id} and gives a new cashier a
 * PIN; the tablet (a browser page at {@code /pos/}) pairs with a code, the cashier signs in with the PIN and opens the
 * shift with a float of {@code floatYuan}.
 */
record OpenCounter(String registerId, String cashierId, Storefront tablet) {

    static OpenCounter open(Browser browser, int port, WebTestClient coordinator, Accounts accounts, String registerId, String lang,
            int floatYuan) {
        create(coordinator, registerId);
        return pair(browser, port, coordinator, accounts, registerId, lang, floatYuan);
    }

    /** Opens the register (a shop counter named after its id), with no tablet yet. */
    static void create(WebTestClient coordinator, String registerId) {
        coordinator.post().uri("/api/admin/pos/registers")
                .bodyValue(Map.of("id", registerId, "kind", "SHOP_COUNTER", "nameZh", "柜台 " + registerId, "nameEn", "Counter " + registerId))
                .exchange().expectStatus().isCreated();
    }

    /** Pairs a tablet with the register opened before, signs a new cashier in and opens the shift. */
    static OpenCounter pair(Browser browser, int port, WebTestClient coordinator, Accounts accounts, String registerId, String lang,
            int floatYuan) {
        String tag = registerId.toLowerCase();
        Account cashier = accounts.create(new NewAccount("cashier-" + tag + "@example.org", "收银员 " + registerId,
                "a-long-password-" + tag, Set.of(Role.CASHIER))).block();
        String cashierId = cashier.id().value().toString();
        coordinator.put().uri("/api/admin/staff/{id}/pin", cashierId).bodyValue(Map.of("pin", "4826")).exchange().expectStatus().isNoContent();
        String code = (String) coordinator.post().uri("/api/admin/pos/registers/" + registerId + "/pairing-codes").exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("code");

        Storefront tablet = browser.open(port, "/pos/?lang=" + lang).ready(lang);
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-pair")));
        tablet.element("pos-code").sendKeys(code);
        tablet.element("pos-pair-submit").click();
        tablet.waitUntil(elementToBeClickable(By.id("pos-cashier-" + cashierId))).click();
        tablet.element("pos-pin").sendKeys("4826");
        tablet.element("pos-sign-in-submit").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-shift-float"))).sendKeys(String.valueOf(floatYuan));
        tablet.element("pos-shift-open").click();
        tablet.waitUntil(textToBePresentInElementLocated(By.id("pos-shift-expected"), floatYuan + ".00"));
        return new OpenCounter(registerId, cashierId, tablet);
    }
}
