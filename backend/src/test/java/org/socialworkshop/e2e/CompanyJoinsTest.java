package org.socialworkshop.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.socialworkshop.corporate.CreditCode;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.identity.NewAccount;
import org.socialworkshop.identity.Role;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Issue 13, step 1, in the browser: a visitor finds the corporate door on the home page and sends an enquiry in Chinese
 * (a mistyped credit code is caught on the page before anything is sent); a coordinator finds it on
 * /admin/companies.html, declines another after its question, registers the company from the enquiry (a special invoice
 * without its tax details is caught first) and sets up an account for its buyer; that buyer signs in, lands on
 * /corporate/, sees the company and adds a delivery location, then removes another after its question. Every page state
 * passes axe, in Chinese and the main ones in English; the portal fits a 360 px phone; an account that buys for no
 * company is told what to do.
 */
@WorkshopTest
class CompanyJoinsTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String PASSWORD = "long enough passphrase";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    Database db;

    @Autowired
    Accounts accounts;

    private final Messages zh = Messages.of("zh-CN");
    private final Messages en = Messages.of("en");
    private final Random random = new Random();

    @BeforeEach
    void aQuietHour() {
        // Every test sends from this machine's address: earlier enquiries are two hours old for the brake (5 an hour).
        db.sql("UPDATE corporate_enquiries SET received_at = received_at - interval '2 hours'").update().block();
    }

    @Test
    void aCompanyEnquiresIsRegisteredAndItsBuyerAddsADeliveryLocation() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String name = "成都" + tag + "文化传播有限公司";
        String code = creditCode();
        String buyerEmail = "buyer-" + tag + "@example.com";

        String enquiryId = sendsAnEnquiryFromTheHomePage(name, code);
        String declined = "另一家 " + tag;
        String declinedId = enquiry(declined);
        String companyId = coordinatorRegistersTheCompanyAndItsBuyer(enquiryId, declinedId, declined, name, code, buyerEmail);
        buyerSeesTheCompanyAndAddsALocation(companyId, name, code, buyerEmail);
    }

    private String sendsAnEnquiryFromTheHomePage(String name, String code) {
        // Signed out, the portal asks to sign in and offers the enquiry instead.
        Storefront portal = browser.open(port, "/corporate/?lang=en").ready("en");
        portal.waitUntil(d -> portal.focusedId().equals("portal-sign-in"));
        assertThat(portal.element("portal-sign-in-link").getDomAttribute("href")).startsWith("/login.html?next=%2Fcorporate%2F");
        Accessibility.assertNoSeriousViolations(portal.driver(), "the buyers' portal signed out, en");

        Storefront home = browser.open(port, "/?lang=zh-CN").ready("zh-CN");
        assertThat(home.element("door-gifts").getText()).contains(zh.text("home.doors.gifts.status"));
        home.element("door-gifts-link").click();
        home.waitUntil(urlToBe("http://localhost:" + port + "/corporate/enquiry.html"));
        Storefront page = home.ready("zh-CN");
        page.waitUntil(visibilityOfElementLocated(By.id("enquiry-form")));
        theCheckCharacterIsWorkedOutAsTheServerDoes(page);
        Accessibility.assertNoSeriousViolations(page.driver(), "the enquiry form, zh-CN");

        // A character mistyped: caught on the page, nothing sent.
        page.element("enquiry-company").sendKeys(name);
        page.element("enquiry-credit-code").sendKeys(mistyped(code).toLowerCase());
        page.element("enquiry-contact-name").sendKeys("张女士");
        page.element("enquiry-contact-phone").sendKeys("138 0000 0000");
        page.element("enquiry-contact-email").sendKeys("zhang@example.com");
        page.element("enquiry-needs").sendKeys("中秋礼盒 300 份，九月初送到两个办公室");
        page.element("enquiry-send").click();
        page.waitUntil(d -> page.focusedId().equals("enquiry-errors"));
        assertThat(page.element("enquiry-credit-code-error").getText()).isEqualTo(zh.text("corporate.creditCode.check"));
        assertThat(page.element("enquiry-credit-code").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.element("enquiry-credit-code").getDomAttribute("aria-describedby")).contains("enquiry-credit-code-error");
        Accessibility.assertNoSeriousViolations(page.driver(), "the enquiry form with a mistyped credit code, zh-CN");
        assertThat(enquiriesOf(name)).as("nothing sent").isZero();

        page.element("enquiry-credit-code").clear();
        page.element("enquiry-credit-code").sendKeys(code.substring(0, 9) + " " + code.substring(9));
        page.element("enquiry-send").click();
        page.waitUntil(d -> page.focusedId().equals("enquiry-received"));
        assertThat(page.element("enquiry-received-heading").getText()).isEqualTo(zh.text("corporate.enquiry.receivedHeading"));
        assertThat(page.element("enquiry-next").getText()).contains(zh.text("corporate.next.register"));
        assertThat(page.element("enquiry-received").getText()).contains(zh.text("corporate.enquiry.noEmail"));
        Accessibility.assertNoSeriousViolations(page.driver(), "the enquiry received, zh-CN");

        JsonNode sent = newEnquiries().valueStream().filter(each -> each.get("companyName").asString().equals(name)).findFirst()
                .orElseThrow();
        assertThat(sent.get("creditCode").asString()).isEqualTo(code);
        assertThat(sent.get("lang").asString()).isEqualTo("zh-CN");
        assertThat(sent.get("contactEmail").asString()).isEqualTo("zhang@example.com");

        // In English: an empty form is caught, each field with its message.
        Storefront english = browser.open(port, "/corporate/enquiry.html?lang=en").ready("en");
        english.waitUntil(visibilityOfElementLocated(By.id("enquiry-send"))).click();
        english.waitUntil(d -> english.focusedId().equals("enquiry-errors"));
        assertThat(english.element("enquiry-company-error").getText()).isEqualTo(en.text("corporate.enquiry.company.missing"));
        assertThat(english.element("enquiry-credit-code-error").isDisplayed()).as("the code is optional").isFalse();
        Accessibility.assertNoSeriousViolations(english.driver(), "the enquiry form left empty, en");
        return sent.get("id").asString();
    }

    private String coordinatorRegistersTheCompanyAndItsBuyer(String enquiryId, String declinedId, String declined, String name,
            String code, String buyerEmail) {
        Storefront page = browser.openAsStaff(port, "/admin/companies.html?lang=zh-CN", "zh-CN", "coordinator@example.org", "workshop-coordinator");
        assertThat(page.element("admin-nav-companies").getDomAttribute("aria-current")).isEqualTo("page");
        page.waitUntil(visibilityOfElementLocated(By.id("enquiry-" + enquiryId)));
        assertThat(page.element("enquiry-" + enquiryId + "-company").getText()).isEqualTo(name);
        assertThat(page.element("enquiry-" + enquiryId + "-lang").getText()).isEqualTo(zh.text("corporate.enquiries.lang.zh-CN"));
        page.waitUntil(presenceOfElementLocated(By.id("companies-table")));
        Accessibility.assertNoSeriousViolations(page.driver(), "the coordinators' companies, zh-CN");

        // Declined after its question; "keep" first gives focus back.
        page.element("enquiry-decline-" + declinedId).click();
        assertThat(page.focusedId()).isEqualTo("enquiry-confirm-" + declinedId);
        Accessibility.assertNoSeriousViolations(page.driver(), "declining an enquiry, zh-CN");
        page.element("enquiry-confirm-keep-" + declinedId).click();
        assertThat(page.focusedId()).isEqualTo("enquiry-decline-" + declinedId);
        page.element("enquiry-decline-" + declinedId).click();
        page.element("enquiry-confirm-decline-" + declinedId).click();
        page.waitUntil(invisibilityOfElementLocated(By.id("enquiry-" + declinedId)));
        page.waitUntil(textToBe(By.id("enquiries-status"), zh.text("corporate.enquiries.declined", Map.of("company", declined))));
        assertThat(status(declinedId)).isEqualTo("DECLINED");

        // Registered from the enquiry: the form comes filled from it; a special invoice needs its four tax details.
        page.element("enquiry-register-" + enquiryId).click();
        assertThat(page.focusedId()).isEqualTo("company-panel-heading");
        assertThat(page.element("company-panel-heading").getText())
                .isEqualTo(zh.text("corporate.companies.registerFromHeading", Map.of("name", name)));
        assertThat(page.element("company-legal-name").getDomProperty("value")).isEqualTo(name);
        assertThat(page.element("company-credit-code").getDomProperty("value")).isEqualTo(code);
        assertThat(page.element("company-invoice-title").getDomProperty("value")).isEqualTo(name);
        assertThat(page.element("company-contact-email").getDomProperty("value")).isEqualTo("zhang@example.com");
        assertThat(page.element("company-enquiry-needs").getText()).isEqualTo("中秋礼盒 300 份，九月初送到两个办公室");
        page.element("company-invoice-kind-SPECIAL").click();
        page.element("company-save").click();
        page.waitUntil(d -> page.focusedId().equals("company-errors"));
        assertThat(page.element("company-tax-address-error").getText()).isEqualTo(zh.text("corporate.invoice.taxAddress.missing"));
        assertThat(page.element("company-bank-account-error").getText()).isEqualTo(zh.text("corporate.invoice.bankAccount.missing"));
        Accessibility.assertNoSeriousViolations(page.driver(), "registering a company, its special invoice lacking tax details, zh-CN");
        page.element("company-tax-address").sendKeys("成都市锦江区某路 1 号");
        page.element("company-tax-phone").sendKeys("028-8888-1234");
        page.element("company-bank-name").sendKeys("中国银行成都锦江支行");
        page.element("company-bank-account").sendKeys("1234 5678 9012");
        page.element("company-save").click();
        page.waitUntil(textToBe(By.id("company-status"), zh.text("corporate.companies.registered", Map.of("name", name))));
        assertThat(page.focusedId()).isEqualTo("company-panel-heading");
        assertThat(page.element("company-view-invoice-kind").getText()).isEqualTo(zh.text("corporate.kind.SPECIAL"));
        page.waitUntil(invisibilityOfElementLocated(By.id("enquiry-" + enquiryId)));
        String companyId = (String) page.script("return new URLSearchParams(location.search).get('company')");
        page.waitUntil(presenceOfElementLocated(By.id("companies-row-" + companyId)));
        assertThat(status(enquiryId)).isEqualTo("REGISTERED");
        Accessibility.assertNoSeriousViolations(page.driver(), "a company just registered, zh-CN");

        // A new account for its buyer, with an initial password the coordinator hands over.
        page.element("buyer-email").sendKeys(buyerEmail);
        page.element("buyer-name").sendKeys("采购 李");
        page.element("buyer-password").sendKeys("too short");
        page.element("buyer-add").click();
        page.waitUntil(textToBe(By.id("buyer-password-error"), zh.text("corporate.buyers.password.short", Map.of("min", 12))));
        page.element("buyer-password").clear();
        page.element("buyer-password").sendKeys(PASSWORD);
        page.element("buyer-add").click();
        page.waitUntil(textToBe(By.id("buyers-status"), zh.text("corporate.buyers.created", Map.of("name", "采购 李", "email", buyerEmail))));
        page.waitUntil(textToBe(By.id("companies-buyers-" + companyId), "1"));
        Accessibility.assertNoSeriousViolations(page.driver(), "a company with its new buyer, zh-CN");

        JsonNode company = get("/api/admin/corporate/companies/" + companyId);
        assertThat(company.get("creditCode").asString()).isEqualTo(code);
        assertThat(company.get("invoice").get("kind").asString()).isEqualTo("SPECIAL");
        assertThat(company.get("invoice").get("bankAccount").asString()).isEqualTo("1234 5678 9012");
        assertThat(company.get("buyers").valueStream().map(buyer -> buyer.get("email").asString())).containsExactly(buyerEmail);

        // The same screen in English, the company open as the address names it.
        Storefront english = browser.open(port, "/admin/companies.html?lang=en&company=" + companyId).ready("en");
        english.waitUntil(textToBe(By.id("company-view-invoice-kind"), en.text("corporate.kind.SPECIAL")));
        english.waitUntil(presenceOfElementLocated(By.id("companies-table")));
        Accessibility.assertNoSeriousViolations(english.driver(), "the coordinators' companies with one open, en");
        english.element("company-edit").click();
        assertThat(english.focusedId()).isEqualTo("company-legal-name");
        Accessibility.assertNoSeriousViolations(english.driver(), "changing a company's details, en");
        english.element("company-cancel").click();
        assertThat(english.focusedId()).isEqualTo("company-edit");
        return companyId;
    }

    private void buyerSeesTheCompanyAndAddsALocation(String companyId, String name, String code, String buyerEmail) {
        browser.forgetCookies();
        Storefront login = browser.open(port, "/login.html?lang=zh-CN").ready("zh-CN");
        login.element("email").sendKeys(buyerEmail);
        login.element("password").sendKeys(PASSWORD);
        login.element("login-submit").click();
        login.waitUntil(urlToBe("http://localhost:" + port + "/corporate/"));
        Storefront page = login.ready("zh-CN");
        page.waitUntil(textToBe(By.id("portal-legal-name"), name));
        assertThat(page.element("portal-credit-code").getText()).isEqualTo(code);
        assertThat(page.element("portal-invoice-kind").getText()).isEqualTo(zh.text("corporate.kind.SPECIAL"));
        assertThat(page.element("portal-invoice-bankAccount").getText()).isEqualTo("1234 5678 9012");
        assertThat(page.element("portal-buyers").getText()).contains("采购 李", buyerEmail);
        assertThat(page.element("location-empty").getText()).isEqualTo(zh.text("corporate.location.empty"));
        assertThat(page.element("nav-corporate").getDomAttribute("aria-current")).isEqualTo("page");
        Accessibility.assertNoSeriousViolations(page.driver(), "the buyers' portal, zh-CN");

        // A location without its address is caught; then two are added and one removed after its question.
        location(page, "总部前台", "王经理", "028-8888-0000", "");
        page.waitUntil(d -> page.focusedId().equals("location-errors"));
        assertThat(page.element("location-address-error").getText()).isEqualTo(zh.text("corporate.location.address.missing"));
        Accessibility.assertNoSeriousViolations(page.driver(), "a delivery location without its address, zh-CN");
        page.element("location-address").sendKeys("成都市锦江区示范路 1 号 8 楼");
        page.element("location-add").click();
        page.waitUntil(textToBe(By.id("location-status"), zh.text("corporate.location.added", Map.of("label", "总部前台"))));
        location(page, "二号仓库", "李师傅", "028-8888-0001", "成都市成华区某路 2 号");
        page.waitUntil(textToBe(By.id("location-status"), zh.text("corporate.location.added", Map.of("label", "二号仓库"))));
        List<JsonNode> locations = get("/api/admin/corporate/companies/" + companyId).get("locations").valueStream().toList();
        assertThat(locations).extracting(location -> location.get("label").asString()).containsExactly("总部前台", "二号仓库");
        String warehouse = locations.get(1).get("id").asString();
        page.element("location-remove-" + warehouse).click();
        assertThat(page.focusedId()).isEqualTo("location-confirm-" + warehouse);
        Accessibility.assertNoSeriousViolations(page.driver(), "removing a delivery location, zh-CN");
        page.element("location-confirm-remove-" + warehouse).click();
        page.waitUntil(textToBe(By.id("location-status"), zh.text("corporate.location.removed", Map.of("label", "二号仓库"))));
        page.waitUntil(invisibilityOfElementLocated(By.id("location-" + warehouse)));
        assertThat(get("/api/admin/corporate/companies/" + companyId).get("locations").valueStream()
                .map(location -> location.get("label").asString())).containsExactly("总部前台");

        // In English, and on a small phone.
        Storefront english = browser.open(port, "/corporate/?lang=en").ready("en");
        english.waitUntil(textToBe(By.id("portal-invoice-kind"), en.text("corporate.kind.SPECIAL")));
        Accessibility.assertNoSeriousViolations(english.driver(), "the buyers' portal, en");
        browser.resize(360, 800);
        Storefront phone = browser.open(port, "/corporate/?lang=zh-CN").ready("zh-CN");
        phone.waitUntil(textToBe(By.id("portal-legal-name"), name));
        assertThat(phone.script("return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isEqualTo(true);
        assertThat(smallTargets(phone)).as("controls under 44 px on the phone").isEmpty();
        Accessibility.assertNoSeriousViolations(phone.driver(), "the buyers' portal at 360 px, zh-CN");
        Storefront phoneForm = browser.open(port, "/corporate/enquiry.html?lang=zh-CN").ready("zh-CN");
        phoneForm.waitUntil(visibilityOfElementLocated(By.id("enquiry-form")));
        assertThat(phoneForm.script("return document.documentElement.scrollWidth <= window.innerWidth")).as("the form fits too").isEqualTo(true);
        assertThat(smallTargets(phoneForm)).as("controls under 44 px on the phone's form").isEmpty();
        browser.resize(Browser.DESKTOP.width, Browser.DESKTOP.height);

        // An account that buys for no company is told what to do.
        String loose = "loose-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        accounts.create(new NewAccount(loose, "没有企业的采购", PASSWORD, Set.of(Role.CORPORATE_BUYER))).block();
        browser.forgetCookies();
        Storefront again = browser.open(port, "/login.html?lang=en").ready("en");
        again.element("email").sendKeys(loose);
        again.element("password").sendKeys(PASSWORD);
        again.element("login-submit").click();
        again.waitUntil(urlContains("/corporate/"));
        Storefront none = again.ready("en");
        none.waitUntil(d -> none.focusedId().equals("portal-no-company"));
        assertThat(none.element("portal-no-company").getText()).contains(loose);
        assertThat(none.element("portal-no-company-enquire").getDomAttribute("href")).isEqualTo("/corporate/enquiry.html");
        Accessibility.assertNoSeriousViolations(none.driver(), "the buyers' portal for an account of no company, en");
    }

    /** The page's lib/credit-code.js says of codes what CreditCode.java says: valid ones, and each with one typo. */
    @SuppressWarnings("unchecked")
    private void theCheckCharacterIsWorkedOutAsTheServerDoes(Storefront page) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String code = creditCode();
            codes.add(code);
            codes.add(mistyped(code));
        }
        codes.addAll(List.of("9144030071526726XG", "91350100M000100Y43", "914403A071526726XG", "91440300715267I6XG", ""));
        List<Boolean> onThePage = (List<Boolean>) ((JavascriptExecutor) page.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/lib/credit-code.js').then((m) => done(arguments[0].map((code) => m.isValid(code))));""", codes);
        assertThat(onThePage).isEqualTo(codes.stream().map(CreditCode::valid).toList());
    }

    /** Buttons, links and fields in the page's main part smaller than 44 px high (a line of text's own links aside). */
    @SuppressWarnings("unchecked")
    private static List<String> smallTargets(Storefront page) {
        return (List<String>) page.script("""
                return [...document.querySelectorAll('main button, main input, main select, main textarea, main a.button,'
                    + ' main .corporate-jump a, main .facts a, main .corporate-people a, main .corporate-aside a')]
                  .filter((el) => el.offsetParent !== null && el.type !== 'radio' && el.type !== 'checkbox')
                  .filter((el) => el.getBoundingClientRect().height < 44)
                  .map((el) => (el.id || el.tagName) + ' ' + Math.round(el.getBoundingClientRect().height));""");
    }

    private static void location(Storefront page, String label, String recipient, String phone, String address) {
        page.element("location-label").sendKeys(label);
        page.element("location-recipient").sendKeys(recipient);
        page.element("location-phone").sendKeys(phone);
        page.element("location-address").sendKeys(address);
        page.element("location-add").click();
    }

    /** A valid code of a company in Chengdu's Jinjiang district, unique to this run. */
    private String creditCode() {
        StringBuilder first17 = new StringBuilder("91510104MA");
        while (first17.length() < 17) {
            first17.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        for (char check : ALPHABET.toCharArray()) {
            if (CreditCode.valid(first17.toString() + check)) {
                return first17.toString() + check;
            }
        }
        throw new AssertionError("No check character completes " + first17);
    }

    /** The code with its 12th character typed wrong. */
    private static String mistyped(String code) {
        char wrong = code.charAt(11) == '7' ? '1' : '7';
        return code.substring(0, 11) + wrong + code.substring(12);
    }

    private WebTestClient coordinator;

    private WebTestClient coordinator() {
        if (coordinator == null) {
            coordinator = CatalogFixtures.coordinator(client);
        }
        return coordinator;
    }

    private JsonNode get(String path) {
        return coordinator().get().uri(path).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode newEnquiries() {
        return get("/api/admin/corporate/enquiries?status=NEW");
    }

    private String status(String enquiryId) {
        return get("/api/admin/corporate/enquiries").valueStream().filter(each -> each.get("id").asString().equals(enquiryId))
                .findFirst().orElseThrow().get("status").asString();
    }

    private long enquiriesOf(String name) {
        return db.sql("SELECT count(*) AS n FROM corporate_enquiries WHERE company_name = :name").bind("name", name)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    /** An enquiry sent as the form sends it, for the coordinator to decline. */
    @SuppressWarnings("unchecked")
    private String enquiry(String company) {
        Map<String, Object> body = Map.of("companyName", company, "contactName", "赵先生", "contactPhone", "139 0000 0000",
                "contactEmail", "zhao@example.com", "needs", "想了解一下", "lang", "en");
        Map<String, Object> received = client.post().uri("/api/corporate/enquiries").bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) received.get("id");
    }
}
