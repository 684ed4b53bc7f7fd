package org.socialworkshop.e2e;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.CreditCodes;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Issue 13, step 3, in the browser: a company's buyer picks a gift from the corporate catalog on /corporate/request.html
 * (a quantity below the minimum is said at its line; 200 with a logo card gets the volume price from 200) and asks for a
 * quote; a coordinator opens it on /admin/quotes.html among those waiting and sends version 1 with a design fee of their
 * own and delivery; the buyer reads it on /corporate/quote.html and asks for free delivery; the coordinator sends
 * version 2 without it; the buyer, on a 360 px phone, accepts version 2 with a purchase-order number after a question
 * that says the total (a version that passed its date meanwhile is refused in words and offered for changes only) and
 * sees the order's number. Every state passes axe; the coordinator's first screens are in English, the rest in Chinese,
 * the accepted quote in both; the buyer's pages fit a 360 px phone.
 */
@WorkshopTest
class CompanyOrdersByQuoteTest {

    private static final String PASSWORD = "long enough passphrase";
    private static final String COORDINATOR = "coordinator@example.org";
    private static final String COORDINATOR_PASSWORD = "workshop-coordinator";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final long LOGO_CARD = 300;
    private static final long LOGO_SETUP = 20_000;

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    Database db;

    private final Messages zh = Messages.of("zh-CN");
    private final Messages en = Messages.of("en");

    @Test
    void aBuyerRequestsAQuoteAsksForChangesAndAcceptsTheSecondVersion() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String company = "成都" + tag + "礼品采购有限公司";
        String buyer = "quote-buyer-" + tag + "@example.com";
        String locationLabel = "总部前台 " + tag;
        registerWithBuyer(company, buyer, locationLabel);
        JsonNode offer = aGiftWithVolumeTiers(SignIn.as(client, buyer, PASSWORD));
        String variant = offer.get("variantId").asString();
        long tier200 = tierFrom(offer, 200);
        long asked = tier200 * 200 + LOGO_CARD * 200 + LOGO_SETUP;

        String quoteId = buyerAsksForAQuote(buyer, offer, variant, asked, locationLabel);
        long v1 = asked + 30_000 + 5_000;
        coordinatorSendsTheFirstVersion(quoteId, offer, company, v1);
        buyerReadsItAndAsksForChanges(buyer, quoteId, v1);
        long v2 = asked + 30_000;
        coordinatorSendsTheSecondVersion(quoteId, company, v2);
        buyerAcceptsOnAPhone(buyer, quoteId, company, v2, shelfOf(offer));
    }

    private String buyerAsksForAQuote(String buyer, JsonNode offer, String variant, long asked, String locationLabel) {
        Storefront page = signIn(buyer, "/corporate/", "zh-CN");
        page.waitUntil(visibilityOfElementLocated(By.id("portal-request"))).click();
        page.waitUntil(urlContains("/corporate/request.html"));
        page.ready("zh-CN");
        page.waitUntil(visibilityOfElementLocated(By.id("request-form")));
        assertThat(page.element("request-lines-empty").getText()).isEqualTo(zh.text("corporate.request.empty"));
        Accessibility.assertNoSeriousViolations(page.driver(), "the quote request with nothing in it, zh-CN");

        // The gift's category opens; its price per quantity and its terms are said in words.
        String shelf = shelfOf(offer);
        page.element("shelf-" + shelf + "-summary").click();
        page.waitUntil(visibilityOfElementLocated(By.id("add-" + variant)));
        assertThat(page.element("variant-" + variant + "-prices").getText())
                .contains(zh.text("corporate.offer.tier", Map.of("from", 200, "price", "¥" + yuan(tierFrom(offer, 200)))));
        assertThat(page.element("product-" + offer.get("productId").asString() + "-terms").getText())
                .isEqualTo(zh.text("corporate.terms", Map.of("min", 10, "multiple", 1, "days", 21)));
        page.element("add-" + variant).click();
        assertThat(page.focusedId()).isEqualTo("line-" + variant + "-quantity");

        // Five are fewer than the minimum: the price check says so at the line.
        page.element("line-" + variant + "-quantity").sendKeys("5");
        page.waitUntil(textToBe(By.cssSelector("#line-" + variant + "-issues li"),
                zh.text("corporate.issue.BELOW_MINIMUM", Map.of("min", 10, "quantity", 5))));
        Accessibility.assertNoSeriousViolations(page.driver(), "a line below the product's minimum, zh-CN");

        // Two hundred with a logo card: the volume price from 200, the card per unit and its set-up.
        page.element("line-" + variant + "-quantity").clear();
        page.element("line-" + variant + "-quantity").sendKeys("200");
        page.element("line-" + variant + "-custom-LOGO_CARD").click();
        page.waitUntil(textToBe(By.id("line-" + variant + "-basis"), zh.text("corporate.basis.TIER", Map.of("from", 200))));
        page.waitUntil(textToBe(By.id("request-total"), "¥" + yuan(asked)));
        assertThat(page.element("line-" + variant + "-issues").getText()).isEmpty();
        assertThat(page.element("request-earliest").getText()).contains(String.valueOf(TODAY.plusDays(21).getYear()));
        page.script("""
                const field = document.getElementById(arguments[0]);
                field.value = arguments[1];
                field.dispatchEvent(new Event('input', { bubbles: true }));""", "request-wanted", TODAY.plusDays(40).toString());
        assertThat(page.element("request-location").getText()).contains(locationLabel);
        page.element("request-note").sendKeys("春节前送到，请印公司标志");
        Accessibility.assertNoSeriousViolations(page.driver(), "a quote request priced, zh-CN");

        page.element("request-send").click();
        page.waitUntil(d -> page.focusedId().equals("request-sent"));
        String href = page.element("request-sent-quote").getDomAttribute("href");
        String quoteId = href.substring(href.indexOf("id=") + 3);
        JsonNode quote = coordinatorGet("/api/admin/corporate/quotes/" + quoteId);
        assertThat(page.element("request-sent-heading").getText())
                .isEqualTo(zh.text("corporate.request.sentHeading", Map.of("number", quote.get("number").asString())));
        assertThat(quote.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(quote.get("wantedBy").asString()).isEqualTo(TODAY.plusDays(40).toString());
        assertThat(quote.get("lines").get(0).get("customisations").get(0).asString()).isEqualTo("LOGO_CARD");
        Accessibility.assertNoSeriousViolations(page.driver(), "a quote request sent, zh-CN");
        return quoteId;
    }

    private void coordinatorSendsTheFirstVersion(String quoteId, JsonNode offer, String company, long total) {
        browser.forgetCookies();
        Storefront page = browser.openAsStaff(port, "/admin/quotes.html?lang=en", "en", COORDINATOR, COORDINATOR_PASSWORD);
        assertThat(page.element("admin-nav-quotes").getDomAttribute("aria-current")).isEqualTo("page");
        page.waitUntil(presenceOfElementLocated(By.cssSelector("#quotes-waiting-table #quotes-row-" + quoteId)));
        assertThat(page.element("quotes-status-" + quoteId).getText()).isEqualTo(en.text("corporate.quoteStatus.REQUESTED"));
        Accessibility.assertNoSeriousViolations(page.driver(), "the coordinators' quotes, en");

        page.element("quote-open-" + quoteId).click();
        page.waitUntil(d -> page.focusedId().equals("quote-panel-heading"));
        assertThat(page.element("quote-asked-0").getText()).contains(offer.get("productNameEn").asString(), "Logo card");
        assertThat(page.element("pricing-previous").getText()).isEqualTo(en.text("corporate.pricing.firstTime"));
        Accessibility.assertNoSeriousViolations(page.driver(), "a quote requested, open, en");

        // A design fee of their own, and ¥50 delivery.
        page.element("pricing-delivery").clear();
        page.element("pricing-delivery").sendKeys("50");
        page.element("pricing-manual-add").click();
        assertThat(page.focusedId()).isEqualTo("pricing-manual-0-name-zh");
        page.element("pricing-manual-0-name-zh").sendKeys("礼盒设计");
        page.element("pricing-manual-0-name-en").sendKeys("Box design");
        page.element("pricing-manual-0-price").sendKeys("300");
        page.element("pricing-note").sendKeys("Includes the box design.");
        page.element("pricing-send").click();
        page.waitUntil(textToBe(By.id("quote-panel-status"), en.text("corporate.pricing.sent", Map.of("version", 1, "company", company))));
        assertThat(page.element("quote-v1-total").getText()).contains(yuan(total));
        assertThat(page.element("quote-status").getText()).isEqualTo(en.text("corporate.quoteStatus.SENT"));
        page.waitUntil(presenceOfElementLocated(By.cssSelector("#quotes-sent-table #quotes-row-" + quoteId)));
        Accessibility.assertNoSeriousViolations(page.driver(), "a quote with its first version sent, en");
    }

    private void buyerReadsItAndAsksForChanges(String buyer, String quoteId, long total) {
        Storefront list = signedInAs(buyer, PASSWORD, "/corporate/quotes.html?lang=zh-CN", "zh-CN");
        list.waitUntil(textToBe(By.id("quotes-status-" + quoteId), zh.text("corporate.quoteStatus.SENT")));
        assertThat(list.element("quotes-total-" + quoteId).getText()).contains("¥" + yuan(total));
        Accessibility.assertNoSeriousViolations(list.driver(), "the company's quotes, zh-CN");

        list.element("quotes-open-" + quoteId).click();
        list.waitUntil(urlContains("/corporate/quote.html"));
        Storefront page = list.ready("zh-CN");
        page.waitUntil(textToBe(By.id("quote-v1-total"), "¥" + yuan(total)));
        assertThat(page.element("quote-v1-line-0-basis").getText()).isEqualTo(zh.text("corporate.basis.TIER", Map.of("from", 200)));
        assertThat(page.element("quote-v1-line-0-customs").getText()).contains("企业标志卡");
        assertThat(page.element("quote-v1-manual-0").getText()).contains("礼盒设计");
        assertThat(page.element("quote-v1-delivery").getText()).isEqualTo("¥50.00");
        assertThat(page.element("quote-v1-meets").getText()).isEqualTo(zh.text("corporate.version.meets"));
        Accessibility.assertNoSeriousViolations(page.driver(), "a quote sent to the buyer, zh-CN");

        page.element("quote-changes-send").click();
        page.waitUntil(d -> page.focusedId().equals("quote-changes-errors"));
        assertThat(page.element("quote-changes-error").getText()).isEqualTo(zh.text("corporate.answer.changes.missing"));
        page.element("quote-changes").sendKeys("请免运费");
        page.element("quote-changes-send").click();
        page.waitUntil(textToBe(By.id("quote-message"), zh.text("corporate.answer.changesSent")));
        assertThat(page.focusedId()).isEqualTo("quote-message");
        assertThat(page.element("quote-status").getText()).isEqualTo(zh.text("corporate.quoteStatus.CHANGES_REQUESTED"));
        assertThat(page.element("quote-changes-asked").getText()).isEqualTo("请免运费");
        Accessibility.assertNoSeriousViolations(page.driver(), "changes asked for, zh-CN");
    }

    private void coordinatorSendsTheSecondVersion(String quoteId, String company, long total) {
        Storefront page = signedInAs(COORDINATOR, COORDINATOR_PASSWORD, "/admin/quotes.html?lang=zh-CN&quote=" + quoteId, "zh-CN");
        page.waitUntil(textToBe(By.id("quote-changes-asked"), "请免运费"));
        assertThat(page.element("quote-status").getText()).isEqualTo(zh.text("corporate.quoteStatus.CHANGES_REQUESTED"));
        page.waitUntil(presenceOfElementLocated(By.cssSelector("#quotes-waiting-table #quotes-row-" + quoteId)));
        // The form starts from version 1: its design fee and delivery, and how it priced the lines.
        assertThat(page.element("pricing-manual-0-name-en").getDomProperty("value")).isEqualTo("Box design");
        assertThat(page.element("pricing-delivery").getDomProperty("value")).isEqualTo("50.00");
        assertThat(page.element("pricing-previous").getText()).contains(zh.text("corporate.pricing.previous", Map.of("version", 1)));
        page.element("pricing-delivery").clear();
        page.element("pricing-delivery").sendKeys("0");
        page.waitUntil(textToBePresentInElementLocated(By.id("pricing-sum"), "¥" + yuan(total)));
        page.element("pricing-send").click();
        page.waitUntil(textToBe(By.id("quote-panel-status"), zh.text("corporate.pricing.sent", Map.of("version", 2, "company", company))));
        assertThat(page.element("quote-v2-delivery").getText()).isEqualTo(zh.text("corporate.version.noDelivery"));
        assertThat(page.element("quote-v2-total").getText()).isEqualTo("¥" + yuan(total));
        assertThat(page.element("quote-earlier").getText()).contains(zh.counted("corporate.version.earlier", 1));
        Accessibility.assertNoSeriousViolations(page.driver(), "a quote with its second version sent, zh-CN");
    }

    private void buyerAcceptsOnAPhone(String buyer, String quoteId, String company, long total, String shelf) {
        browser.resize(360, 800);
        Storefront page = signedInAs(buyer, PASSWORD, "/corporate/quote.html?lang=zh-CN&id=" + quoteId, "zh-CN");
        page.waitUntil(textToBe(By.id("quote-v2-total"), "¥" + yuan(total)));
        assertThat(page.script("return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isEqualTo(true);
        assertThat(smallTargets(page)).as("controls under 44 px on the phone").isEmpty();
        Accessibility.assertNoSeriousViolations(page.driver(), "the second version at 360 px, zh-CN");

        page.element("quote-accept").click();
        page.waitUntil(d -> page.focusedId().equals("quote-accept-errors"));
        assertThat(page.element("quote-po-error").getText()).isEqualTo(zh.text("corporate.answer.po.missing"));
        page.element("quote-po").sendKeys("PO-2026-118");
        page.element("quote-accept").click();
        assertThat(page.focusedId()).isEqualTo("quote-accept-question");
        assertThat(page.element("quote-accept-question").getText()).isEqualTo(zh.text("corporate.answer.confirm",
                Map.of("version", 2, "total", "¥" + yuan(total), "company", company, "po", "PO-2026-118")));
        Accessibility.assertNoSeriousViolations(page.driver(), "accepting a quote, the question, zh-CN");
        page.element("quote-accept-no").click();
        assertThat(page.focusedId()).isEqualTo("quote-accept");

        // Meanwhile the version passes its date: the refusal is said, and the quote, loaded again, offers changes only.
        validUntil(quoteId, TODAY.minusDays(1));
        page.element("quote-accept").click();
        page.element("quote-accept-yes").click();
        page.waitUntil(d -> page.focusedId().equals("quote-message"));
        assertThat(page.element("quote-message").getText())
                .isEqualTo(zh.text("corporate.refused.expired", Map.of("date", chinese(TODAY.minusDays(1)))));
        assertThat(page.element("quote-expired").getText())
                .isEqualTo(zh.text("corporate.answer.expired", Map.of("version", 2, "date", chinese(TODAY.minusDays(1)))));
        assertThat(page.driver().findElements(By.id("quote-accept"))).isEmpty();
        Accessibility.assertNoSeriousViolations(page.driver(), "a version expired while the buyer decided, zh-CN");

        validUntil(quoteId, TODAY.plusDays(14));
        browser.open(port, "/corporate/quote.html?lang=zh-CN&id=" + quoteId).ready("zh-CN");
        page.waitUntil(visibilityOfElementLocated(By.id("quote-po"))).sendKeys("PO-2026-118");
        page.element("quote-accept").click();
        page.element("quote-accept-yes").click();
        page.waitUntil(d -> page.focusedId().equals("quote-message"));
        JsonNode quote = coordinatorGet("/api/admin/corporate/quotes/" + quoteId);
        String order = quote.get("orderNumber").asString();
        assertThat(order).startsWith("WS-" + TODAY.getYear() + "-");
        assertThat(page.element("quote-message").getText()).isEqualTo(zh.text("corporate.answer.accepted",
                Map.of("order", order, "number", quote.get("number").asString())));
        assertThat(page.element("quote-order-number").getText()).isEqualTo(order);
        assertThat(page.element("quote-status").getText()).isEqualTo(zh.text("corporate.quoteStatus.ACCEPTED"));
        assertThat(page.driver().findElements(By.id("quote-accept-form"))).as("nothing left to answer").isEmpty();
        assertThat(db.sql("SELECT channel || ' ' || status || ' ' || total_minor AS v FROM orders WHERE number = :number")
                .bind("number", order).map(row -> row.get("v", String.class)).one().block())
                .isEqualTo("CORPORATE PENDING_PAYMENT " + total);
        assertThat(page.script("return document.documentElement.scrollWidth <= window.innerWidth")).as("still no sideways scrolling")
                .isEqualTo(true);
        Accessibility.assertNoSeriousViolations(page.driver(), "a quote accepted at 360 px, zh-CN");

        // The request form fits the phone too, a category open.
        Storefront request = browser.open(port, "/corporate/request.html?lang=zh-CN").ready("zh-CN");
        request.waitUntil(visibilityOfElementLocated(By.id("request-form")));
        request.element("shelf-" + shelf + "-summary").click();
        assertThat(request.script("return document.documentElement.scrollWidth <= window.innerWidth")).as("the request fits")
                .isEqualTo(true);
        assertThat(smallTargets(request)).as("controls under 44 px on the phone's request").isEmpty();
        browser.resize(Browser.DESKTOP.width, Browser.DESKTOP.height);

        Storefront english = browser.open(port, "/corporate/quote.html?lang=en&id=" + quoteId).ready("en");
        english.waitUntil(textToBe(By.id("quote-status"), en.text("corporate.quoteStatus.ACCEPTED")));
        assertThat(english.element("quote-order-number").getText()).isEqualTo(order);
        assertThat(english.element("quote-v2-line-0-basis").getText()).isEqualTo(en.text("corporate.basis.TIER", Map.of("from", 200)));
        Accessibility.assertNoSeriousViolations(english.driver(), "a quote accepted, en");
    }

    /**
     * Opens {@code path} signed in as {@code email} without the login page's round trip (CompanyJoinsTest and the first
     * steps here go through it): the session the login endpoint hands out, given to the browser as its cookies.
     */
    private Storefront signedInAs(String email, String password, String path, String lang) {
        browser.forgetCookies();
        SignIn.Session session = SignIn.session(client, email, password);
        browser.takeSession(port, session);
        return browser.open(port, path).ready(lang);
    }

    /** Signs the buyer in on the login page, which brings them to {@code path}. */
    private Storefront signIn(String email, String path, String lang) {
        browser.forgetCookies();
        Storefront login = browser.open(port, "/login.html?lang=" + lang + "&next=" + URLEncoder.encode(path, StandardCharsets.UTF_8))
                .ready(lang);
        login.element("email").sendKeys(email);
        login.element("password").sendKeys(PASSWORD);
        login.element("login-submit").click();
        login.waitUntil(urlContains(path.contains("?") ? path.substring(0, path.indexOf('?')) : path));
        login.waitUntil(d -> !d.getCurrentUrl().contains("/login.html"));
        return login.ready(lang);
    }

    private void validUntil(String quoteId, LocalDate day) {
        db.sql("UPDATE quote_versions SET valid_until = CAST(:day AS date) WHERE quote_id = CAST(:id AS uuid)")
                .bind("day", day.toString()).bind("id", quoteId).update().block();
    }

    /** A day as the Chinese pages write it: "2026年12月6日". */
    private static String chinese(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /** Buttons, links, fields and folds in the page's main part smaller than 44 px high (a line of text's own links aside). */
    @SuppressWarnings("unchecked")
    private static List<String> smallTargets(Storefront page) {
        return (List<String>) page.script("""
                return [...document.querySelectorAll('main button, main input, main select, main textarea, main a.button,'
                    + ' main summary, main .facts a, main .data-table a')]
                  .filter((el) => el.offsetParent !== null && el.type !== 'radio' && el.type !== 'checkbox')
                  .filter((el) => el.getBoundingClientRect().height < 44)
                  .map((el) => (el.id || el.tagName) + ' ' + Math.round(el.getBoundingClientRect().height));""");
    }

    /** A corporate gift the new company has no agreed price for, with volume tiers from 50 and 200 (the demo's). */
    private static JsonNode aGiftWithVolumeTiers(WebTestClient buyer) {
        JsonNode offers = buyer.get().uri("/api/corporate/catalog").exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        for (JsonNode shelf : offers.get("shelves")) {
            for (JsonNode offer : shelf.get("offers")) {
                if (offer.get("negotiated").isNull() && offer.get("tiers").size() == 2 && offer.get("terms").get("minQuantity").asInt() == 10) {
                    ((ObjectNode) offer).put("shelf", shelf.get("code").asString());
                    return offer;
                }
            }
        }
        throw new AssertionError("No corporate gift with volume tiers in the demo catalog");
    }

    private static String shelfOf(JsonNode offer) {
        return offer.get("shelf").asString();
    }

    private static long tierFrom(JsonNode offer, int from) {
        for (JsonNode tier : offer.get("tiers")) {
            if (tier.get("fromQuantity").asInt() == from) {
                return tier.get("unitPrice").get("amount").asLong();
            }
        }
        throw new AssertionError("No tier from " + from + " in " + offer);
    }

    /** An amount of fen as the pages write it after the currency sign: "12,345.00". */
    private static String yuan(long fen) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(BigDecimal.valueOf(fen, 2));
    }

    /** A company with a delivery location and a buyer of a new account, set up through the API as a coordinator would. */
    @SuppressWarnings("unchecked")
    private void registerWithBuyer(String name, String email, String locationLabel) {
        WebTestClient coordinator = coordinator();
        Map<String, Object> company = new HashMap<>();
        company.put("legalName", name);
        company.put("creditCode", CreditCodes.random());
        company.put("invoice", Map.of("title", name, "kind", "NORMAL"));
        company.put("contact", Map.of("name", "张女士", "phone", "138 0000 0000", "email", "zhang@example.com"));
        String id = (String) coordinator.post().uri("/api/admin/corporate/companies").bodyValue(company).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        coordinator.post().uri("/api/admin/corporate/companies/{id}/locations", id)
                .bodyValue(Map.of("label", locationLabel, "recipient", "张女士", "phone", "138 0000 0000", "address", "成都市锦江区某路 1 号"))
                .exchange().expectStatus().isCreated();
        coordinator.post().uri("/api/admin/corporate/companies/{id}/buyers", id)
                .bodyValue(Map.of("email", email, "displayName", "采购 王", "password", PASSWORD)).exchange().expectStatus().isOk();
    }


    private WebTestClient coordinator;

    private WebTestClient coordinator() {
        if (coordinator == null) {
            coordinator = CatalogFixtures.coordinator(client);
        }
        return coordinator;
    }

    private JsonNode coordinatorGet(String path) {
        return coordinator().get().uri(path).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
