package org.socialworkshop.e2e;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.receipts.render.QrDecoding;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.CreditCodes;
import org.socialworkshop.support.FakeStripe;
import org.socialworkshop.support.SecondInstance;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Issue 13, item 9: a whole corporate order in a real browser, from the enquiry to the impact report, on an instance
 * whose payments go to the fake Stripe. A company not yet registered sends the enquiry from the home page; a coordinator
 * registers it from the enquiry on /admin/companies.html with its payment terms (45 days, a 30 % deposit), a delivery
 * location and its buyer's account; the buyer signs in and asks for a quote of a corporate gift with a wanted date, the
 * coordinator prices and sends it, the buyer accepts it with a purchase-order number. The order owes a deposit and a
 * balance: the coordinator sends the deposit as a Stripe invoice ({@code send_invoice}, due in 7 days), the buyer's page
 * links its hosted page, it is paid there and {@code invoice.paid} arrives signed, and the buyer's page shows the deposit
 * paid with its payment receipt; the coordinator records the balance as a bank transfer, the order is paid and its sale
 * receipt checks genuine. Two makers record checked work for it (one consenting to be named); the coordinator records
 * the whole delivery and the order is handed over; the buyer reads the impact report (two makers, only one named,
 * pieces, hours, the ledger's earnings) and the signed PDF's QR code opens a check that says it is genuine. Every new page
 * state passes axe; most is in Chinese, the coordinator's order screen and the checks in English.
 */
@WorkshopTest
class CorporateOrderEndToEndTest {

    private static final String PASSWORD = "long enough passphrase";
    private static final String COORDINATOR = "coordinator@example.org";
    private static final String COORDINATOR_PASSWORD = "workshop-coordinator";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final int BOXES = 20;
    private static final long TOTAL = BOXES * 6800L;
    private static final long DEPOSIT = TOTAL * 30 / 100;
    private static final long BALANCE = TOTAL - DEPOSIT;
    private static final long RATE = 200;

    @RegisterExtension
    static final Browser browser = new Browser();

    static FakeStripe stripe;
    static SecondInstance app;

    @Autowired
    Database db;

    private final Messages zh = Messages.of("zh-CN");
    private final Messages en = Messages.of("en");

    private int port;
    private WebTestClient coordinator;

    @BeforeAll
    static void startStripeAndTheApp() {
        stripe = FakeStripe.start();
        app = SecondInstance.withStripe(stripe);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (stripe != null) {
            stripe.close();
        }
    }

    @BeforeEach
    void theStripeInstance() {
        port = URI.create(app.baseUrl()).getPort();
        coordinator = CatalogFixtures.coordinator(app.client());
        // Every test sends enquiries from this machine's address: earlier ones are two hours old for the brake (5 an hour).
        db.sql("UPDATE corporate_enquiries SET received_at = received_at - interval '2 hours'").update().block();
    }

    @Test
    void aCompanyEnquiresOrdersPaysByInvoiceAndTransferIsDeliveredAndReadsItsImpact() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String company = "成都" + tag + "全程礼品有限公司";
        String code = CreditCodes.random();
        String buyer = "whole-order-" + tag + "@example.com";
        String location = "总部前台 " + tag;

        String enquiryId = aCompanyEnquires(company, code);
        coordinatorRegistersTheCompany(enquiryId, company, code, buyer, location);

        Map<String, Object> product = CatalogFixtures.product("全程礼盒 " + tag, "Whole-order box " + tag, false);
        product.put("channels", List.of("CORPORATE"));
        Map<String, Object> created = CatalogFixtures.create(coordinator, product);
        String variant = CatalogFixtures.firstVariantId(created);
        String quoteId = buyerAsksForAQuote(buyer, variant, location);
        coordinatorSendsTheQuote(quoteId, company);
        String orderId = buyerAccepts(buyer, quoteId, company);
        String number = db.sql("SELECT number FROM orders WHERE id = CAST(:id AS uuid)").bind("id", orderId)
                .map(row -> row.get("number", String.class)).one().block();

        String invoice = coordinatorSendsTheDepositInvoice(orderId, number);
        buyerSeesTheInvoiceAndItIsPaidByWebhook(buyer, orderId, invoice);
        coordinatorRecordsTheBalanceByTransfer(orderId, number);
        buyerSeesItPaidAndChecksTheSaleReceipt(buyer, orderId);

        String named = "李静" + tag;
        recordsTheWork((String) created.get("id"), orderId, named, "匿名" + tag);
        coordinatorDeliversEverything(orderId);
        buyerReadsTheImpactReport(buyer, orderId, number, named, "匿名" + tag);
    }

    /** Step 1: the home page's corporate door, the enquiry form in Chinese. */
    private String aCompanyEnquires(String company, String code) {
        Storefront home = browser.open(port, "/?lang=zh-CN").ready("zh-CN");
        home.waitUntil(visibilityOfElementLocated(By.id("door-gifts-link"))).click();
        home.waitUntil(urlToBe("http://localhost:" + port + "/corporate/enquiry.html"));
        Storefront page = home.ready("zh-CN");
        page.waitUntil(visibilityOfElementLocated(By.id("enquiry-form")));
        page.element("enquiry-company").sendKeys(company);
        page.element("enquiry-credit-code").sendKeys(code);
        page.element("enquiry-contact-name").sendKeys("张女士");
        page.element("enquiry-contact-phone").sendKeys("138 0000 0000");
        page.element("enquiry-contact-email").sendKeys("zhang@example.com");
        page.element("enquiry-needs").sendKeys("员工答谢礼盒 20 份，一个月后送到总部");
        Accessibility.assertNoSeriousViolations(page.driver(), "the enquiry form filled in, zh-CN");
        page.element("enquiry-send").click();
        page.waitUntil(d -> page.focusedId().equals("enquiry-received"));
        assertThat(page.element("enquiry-received-heading").getText()).isEqualTo(zh.text("corporate.enquiry.receivedHeading"));
        Accessibility.assertNoSeriousViolations(page.driver(), "the enquiry received, zh-CN");

        JsonNode sent = get("/api/admin/corporate/enquiries?status=NEW").valueStream()
                .filter(each -> each.get("companyName").asString().equals(company)).findFirst().orElseThrow();
        assertThat(sent.get("creditCode").asString()).isEqualTo(code);
        return sent.get("id").asString();
    }

    /** Step 2: registered from the enquiry with its payment terms, a delivery location and a buyer, all on the screen. */
    private void coordinatorRegistersTheCompany(String enquiryId, String company, String code, String buyer, String location) {
        browser.forgetCookies();
        Storefront page = browser.openAsStaff(port, "/admin/companies.html?lang=zh-CN", "zh-CN", COORDINATOR, COORDINATOR_PASSWORD);
        page.waitUntil(visibilityOfElementLocated(By.id("enquiry-" + enquiryId)));
        assertThat(page.element("enquiry-" + enquiryId + "-company").getText()).isEqualTo(company);
        page.waitUntil(presenceOfElementLocated(By.id("companies-table")));
        Accessibility.assertNoSeriousViolations(page.driver(), "the companies with a new enquiry, zh-CN");

        page.element("enquiry-register-" + enquiryId).click();
        page.waitUntil(d -> page.focusedId().equals("company-panel-heading"));
        assertThat(page.element("company-legal-name").getDomProperty("value")).isEqualTo(company);
        assertThat(page.element("company-credit-code").getDomProperty("value")).isEqualTo(code);
        assertThat(page.element("company-payment-days").getDomProperty("value")).as("30 days unless agreed otherwise").isEqualTo("30");
        assertThat(page.element("company-deposit-percent").getDomProperty("value")).isEqualTo("0");
        page.element("company-payment-days").clear();
        page.element("company-payment-days").sendKeys("45");
        page.element("company-deposit-percent").clear();
        page.element("company-deposit-percent").sendKeys("30");
        Accessibility.assertNoSeriousViolations(page.driver(), "registering a company from its enquiry, its terms set, zh-CN");
        page.element("company-save").click();
        page.waitUntil(textToBe(By.id("company-status"), zh.text("corporate.companies.registered", Map.of("name", company))));
        String companyId = (String) page.script("return new URLSearchParams(location.search).get('company')");
        page.waitUntil(presenceOfElementLocated(By.id("companies-row-" + companyId)));
        Accessibility.assertNoSeriousViolations(page.driver(), "a company just registered, zh-CN");

        // Its delivery location, on the same panel.
        page.waitUntil(visibilityOfElementLocated(By.id("location-label"))).sendKeys(location);
        page.element("location-recipient").sendKeys("王经理");
        page.element("location-phone").sendKeys("028-8888-0000");
        page.element("location-address").sendKeys("成都市锦江区示范路 1 号 8 楼");
        page.element("location-add").click();
        page.waitUntil(textToBe(By.id("location-status"), zh.text("corporate.location.added", Map.of("label", location))));

        // Its buyer, with an initial password the coordinator hands over.
        page.element("buyer-email").sendKeys(buyer);
        page.element("buyer-name").sendKeys("采购 李");
        page.element("buyer-password").sendKeys(PASSWORD);
        page.element("buyer-add").click();
        page.waitUntil(textToBe(By.id("buyers-status"), zh.text("corporate.buyers.created", Map.of("name", "采购 李", "email", buyer))));
        page.waitUntil(textToBe(By.id("companies-buyers-" + companyId), "1"));
        Accessibility.assertNoSeriousViolations(page.driver(), "a company with its location and buyer, zh-CN");

        JsonNode registered = get("/api/admin/corporate/companies/" + companyId);
        assertThat(registered.get("paymentDays").asInt()).isEqualTo(45);
        assertThat(registered.get("depositPercent").asInt()).isEqualTo(30);
        assertThat(registered.get("locations").valueStream().map(each -> each.get("label").asString())).containsExactly(location);
        assertThat(registered.get("buyers").valueStream().map(each -> each.get("email").asString())).containsExactly(buyer);
        assertThat(get("/api/admin/corporate/enquiries").valueStream().filter(each -> each.get("id").asString().equals(enquiryId))
                .findFirst().orElseThrow().get("status").asString()).isEqualTo("REGISTERED");
    }

    /** Step 3, the buyer's part: signed in on the login page, twenty boxes asked for with a wanted date. */
    private String buyerAsksForAQuote(String buyer, String variant, String location) {
        String shelf = shelfOf(SignIn.as(app.client(), buyer, PASSWORD), variant);
        browser.forgetCookies();
        Storefront login = browser.open(port, "/login.html?lang=zh-CN&next=" + URLEncoder.encode("/corporate/", StandardCharsets.UTF_8))
                .ready("zh-CN");
        login.element("email").sendKeys(buyer);
        login.element("password").sendKeys(PASSWORD);
        login.element("login-submit").click();
        login.waitUntil(urlToBe("http://localhost:" + port + "/corporate/"));
        Storefront portal = login.ready("zh-CN");
        portal.waitUntil(visibilityOfElementLocated(By.id("portal-request"))).click();
        portal.waitUntil(urlContains("/corporate/request.html"));
        Storefront page = portal.ready("zh-CN");
        page.waitUntil(visibilityOfElementLocated(By.id("request-form")));

        page.element("shelf-" + shelf + "-summary").click();
        page.waitUntil(visibilityOfElementLocated(By.id("add-" + variant))).click();
        page.waitUntil(d -> page.focusedId().equals("line-" + variant + "-quantity"));
        page.element("line-" + variant + "-quantity").sendKeys(String.valueOf(BOXES));
        page.waitUntil(textToBe(By.id("request-total"), "¥" + yuan(TOTAL)));
        page.script("""
                const field = document.getElementById(arguments[0]);
                field.value = arguments[1];
                field.dispatchEvent(new Event('input', { bubbles: true }));""", "request-wanted", TODAY.plusDays(40).toString());
        assertThat(page.element("request-location").getText()).contains(location);
        Accessibility.assertNoSeriousViolations(page.driver(), "a quote request for twenty boxes, zh-CN");

        page.element("request-send").click();
        page.waitUntil(d -> page.focusedId().equals("request-sent"));
        String href = page.element("request-sent-quote").getDomAttribute("href");
        String quoteId = href.substring(href.indexOf("id=") + 3);
        JsonNode quote = get("/api/admin/corporate/quotes/" + quoteId);
        assertThat(quote.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(quote.get("wantedBy").asString()).isEqualTo(TODAY.plusDays(40).toString());
        Accessibility.assertNoSeriousViolations(page.driver(), "a quote request sent, zh-CN");
        return quoteId;
    }

    /** Step 3, the coordinator's part: priced without delivery and sent. */
    private void coordinatorSendsTheQuote(String quoteId, String company) {
        Storefront page = signedInAs(COORDINATOR, COORDINATOR_PASSWORD, "/admin/quotes.html?lang=zh-CN&quote=" + quoteId, "zh-CN");
        page.waitUntil(visibilityOfElementLocated(By.id("pricing-send")));
        page.waitUntil(presenceOfElementLocated(By.cssSelector("#quotes-waiting-table #quotes-row-" + quoteId)));
        assertThat(page.element("quote-status").getText()).isEqualTo(zh.text("corporate.quoteStatus.REQUESTED"));
        page.element("pricing-delivery").clear();
        page.element("pricing-delivery").sendKeys("0");
        // Priced for the first time: the sum says what the coordinator adds (nothing), the lines priced on sending.
        page.waitUntil(textToBe(By.id("pricing-sum"), zh.text("corporate.pricing.sum", Map.of("manual", "¥0.00", "delivery", "¥0.00"))));
        Accessibility.assertNoSeriousViolations(page.driver(), "a quote being priced, zh-CN");
        page.element("pricing-send").click();
        page.waitUntil(textToBe(By.id("quote-panel-status"), zh.text("corporate.pricing.sent", Map.of("version", 1, "company", company))));
        assertThat(page.element("quote-v1-total").getText()).isEqualTo("¥" + yuan(TOTAL));
        assertThat(page.element("quote-status").getText()).isEqualTo(zh.text("corporate.quoteStatus.SENT"));
        Accessibility.assertNoSeriousViolations(page.driver(), "a quote sent, zh-CN");
    }

    /** Step 3, accepted with a purchase-order number: the order, waiting for its deposit and balance. */
    private String buyerAccepts(String buyer, String quoteId, String company) {
        Storefront page = signedInAs(buyer, PASSWORD, "/corporate/quote.html?lang=zh-CN&id=" + quoteId, "zh-CN");
        page.waitUntil(textToBe(By.id("quote-v1-total"), "¥" + yuan(TOTAL)));
        page.element("quote-po").sendKeys("PO-E2E-1");
        page.element("quote-accept").click();
        page.waitUntil(d -> page.focusedId().equals("quote-accept-question"));
        assertThat(page.element("quote-accept-question").getText()).isEqualTo(zh.text("corporate.answer.confirm",
                Map.of("version", 1, "total", "¥" + yuan(TOTAL), "company", company, "po", "PO-E2E-1")));
        page.element("quote-accept-yes").click();
        page.waitUntil(d -> page.focusedId().equals("quote-message"));
        assertThat(page.element("quote-status").getText()).isEqualTo(zh.text("corporate.quoteStatus.ACCEPTED"));
        String order = page.element("quote-order-number").getText();
        assertThat(order).startsWith("WS-" + TODAY.getYear() + "-");
        Accessibility.assertNoSeriousViolations(page.driver(), "a quote accepted, zh-CN");

        String orderId = db.sql("SELECT CAST(order_id AS text) AS id FROM quotes WHERE id = CAST(:id AS uuid)").bind("id", quoteId)
                .map(row -> row.get("id", String.class)).one().block();
        assertThat(db.sql("SELECT channel || ' ' || status || ' ' || total_minor AS v FROM orders WHERE id = CAST(:id AS uuid)")
                .bind("id", orderId).map(row -> row.get("v", String.class)).one().block()).isEqualTo("CORPORATE PENDING_PAYMENT " + TOTAL);
        return orderId;
    }

    /** Step 4: the deposit sent as a Stripe invoice from the coordinator's order screen, in English. */
    private String coordinatorSendsTheDepositInvoice(String orderId, String number) {
        Storefront page = signedInAs(COORDINATOR, COORDINATOR_PASSWORD, "/admin/company-orders.html?lang=en&id=" + orderId, "en");
        page.waitUntil(visibilityOfElementLocated(By.id("company-order-invoice-1")));
        assertThat(page.element("company-order-number").getText()).isEqualTo(number);
        assertThat(page.element("company-order-instalment-1-status").getText()).isEqualTo(en.text("corporate.instalment.status.DUE"));
        assertThat(page.element("company-order-instalment-1-left").getText()).isEqualTo("CN¥" + yuan(DEPOSIT));
        assertThat(page.element("company-order-instalment-2-left").getText()).isEqualTo("CN¥" + yuan(BALANCE));
        assertThat(page.element("company-order-instalment-1").getText()).contains(en.text("corporate.instalment.kind.DEPOSIT"));
        assertThat(page.element("company-order-instalment-2").getText()).contains(en.text("corporate.instalment.kind.BALANCE"));
        Accessibility.assertNoSeriousViolations(page.driver(), "a company's order owing a deposit and a balance, en");

        page.element("company-order-invoice-1").click();
        page.waitUntil(textToBe(By.id("company-order-message"), en.text("corporate.invoice.sent",
                Map.of("amount", "CN¥" + yuan(DEPOSIT), "instalment", 1))));
        page.waitUntil(textToBe(By.id("company-order-instalment-1-action"), en.text("corporate.invoice.open")));
        assertThat(page.driver().findElements(By.id("company-order-invoice-2"))).as("the balance can still be invoiced").isNotEmpty();
        Accessibility.assertNoSeriousViolations(page.driver(), "a deposit invoice sent, en");

        // The fake Stripe holds one invoice for the order: sent, to be paid on its page within the deposit's 7 days.
        JsonNode payment = invoicePayment(orderId);
        FakeStripe.Invoice sent = stripe.invoices().stream()
                .filter(each -> orderId.equals(each.metadata().get("order_id"))
                        || payment.get("paymentId").asString().equals(each.metadata().get("payment_id")))
                .reduce((a, b) -> { throw new AssertionError("one invoice, not two"); }).orElseThrow();
        assertThat(sent.collectionMethod()).isEqualTo("send_invoice");
        assertThat(sent.daysUntilDue()).isEqualTo(7);
        assertThat(sent.amountDue()).isEqualTo(DEPOSIT);
        assertThat(sent.sent()).isTrue();
        assertThat(sent.status()).isEqualTo("open");
        assertThat(sent.customerEmail()).isEqualTo("zhang@example.com");
        return sent.id();
    }

    /** Step 4: the buyer's link to the hosted page; paid there, and the signed invoice.paid pays the deposit. */
    private void buyerSeesTheInvoiceAndItIsPaidByWebhook(String buyer, String orderId, String invoice) {
        String paymentId = invoicePayment(orderId).get("paymentId").asString();
        Storefront page = signedInAs(buyer, PASSWORD, "/corporate/order.html?lang=zh-CN&id=" + orderId, "zh-CN");
        page.waitUntil(textToBe(By.id("order-status"), zh.text("corporate.orderStatus.PENDING_PAYMENT")));
        WebElement pay = page.waitUntil(visibilityOfElementLocated(By.id("order-payment-" + paymentId + "-page")));
        assertThat(pay.getText()).isEqualTo(zh.text("corporate.payment.pay", Map.of("instalment", 1)));
        assertThat(pay.getDomAttribute("href")).endsWith("/invoice/" + invoice);
        assertThat(page.element("order-payment-" + paymentId + "-status").getText()).isEqualTo(zh.text("corporate.payment.status.OPEN"));
        assertThat(page.element("order-left").getText()).isEqualTo("¥" + yuan(TOTAL));
        assertThat(page.element("order-next-due").getText()).contains(String.valueOf(TODAY.plusDays(7).getDayOfMonth()));
        Accessibility.assertNoSeriousViolations(page.driver(), "an order with its deposit invoice to pay, zh-CN");

        String intent = stripe.payInvoice(invoice);
        assertThat(FakeStripe.deliver(URI.create(app.baseUrl() + "/api/webhooks/stripe"), stripe.event("invoice.paid", invoice)).statusCode())
                .isEqualTo(200);
        Awaitility.await().atMost(PATIENCE).until(() -> count("""
                SELECT count(*) AS n FROM receipts WHERE order_id = CAST(:id AS uuid) AND kind = 'PAYMENT' AND register = 'CORPORATE'""",
                orderId) == 1);
        assertThat(intent).startsWith("pi_");

        Storefront paid = browser.open(port, "/corporate/order.html?lang=zh-CN&id=" + orderId).ready("zh-CN");
        paid.waitUntil(textToBe(By.id("order-instalment-1-status"), zh.text("corporate.instalment.status.PAID")));
        assertThat(paid.element("order-instalment-2-status").getText()).isEqualTo(zh.text("corporate.instalment.status.DUE"));
        assertThat(paid.element("order-status").getText()).isEqualTo(zh.text("corporate.orderStatus.PENDING_PAYMENT"));
        assertThat(paid.element("order-paid").getText()).isEqualTo("¥" + yuan(DEPOSIT));
        assertThat(paid.element("order-left").getText()).isEqualTo("¥" + yuan(BALANCE));
        assertThat(paid.element("order-payment-" + paymentId + "-status").getText())
                .isEqualTo(zh.text("corporate.payment.status.SUCCEEDED"));
        assertThat(paid.driver().findElements(By.id("order-payment-" + paymentId + "-page"))).as("nothing left to pay there").isEmpty();
        WebElement receipt = paid.element("order-receipt-0");
        assertThat(receipt.getText()).startsWith(zh.text("corporate.receipt.PAYMENT", Map.of("register", "CORPORATE", "number", "")));
        assertThat(receipt.getDomAttribute("href")).startsWith("/r/");
        assertThat(paid.driver().findElements(By.id("order-receipt-1"))).isEmpty();
        Accessibility.assertNoSeriousViolations(paid.driver(), "an order with its deposit paid by invoice, zh-CN");
    }

    /** Step 4: the balance arrives by bank transfer, recorded on the coordinator's screen; the order is paid. */
    private void coordinatorRecordsTheBalanceByTransfer(String orderId, String number) {
        Storefront page = signedInAs(COORDINATOR, COORDINATOR_PASSWORD, "/admin/company-orders.html?lang=en&id=" + orderId, "en");
        page.waitUntil(textToBe(By.id("company-order-instalment-1-status"), en.text("corporate.instalment.status.PAID")));
        page.waitUntil(visibilityOfElementLocated(By.id("transfer-amount")));
        assertThat(page.element("transfer-amount").getDomProperty("value")).as("what is left of the balance")
                .isEqualTo(BigDecimal.valueOf(BALANCE, 2).toPlainString());
        page.element("transfer-reference").sendKeys("BANK-" + number);
        Accessibility.assertNoSeriousViolations(page.driver(), "a balance transfer about to be recorded, en");
        page.element("transfer-record").click();
        page.waitUntil(textToBe(By.id("company-order-message"), en.text("corporate.transfer.recorded",
                Map.of("amount", "CN¥" + yuan(BALANCE), "reference", "BANK-" + number, "order", number))));
        page.waitUntil(textToBe(By.id("company-order-status-row"), en.text("corporate.orderStatus.PAID")));
        page.waitUntil(visibilityOfElementLocated(By.id("transfer-nothing")));
        Accessibility.assertNoSeriousViolations(page.driver(), "a company's order paid, en");
        Awaitility.await().atMost(PATIENCE).until(() -> count("""
                SELECT count(*) AS n FROM receipts WHERE order_id = CAST(:id AS uuid) AND kind = 'SALE' AND register = 'CORPORATE'""",
                orderId) == 1);
    }

    /** Step 4: the buyer's page says paid in full, with both receipts; the sale receipt's page says it is genuine. */
    private void buyerSeesItPaidAndChecksTheSaleReceipt(String buyer, String orderId) {
        Storefront page = signedInAs(buyer, PASSWORD, "/corporate/order.html?lang=zh-CN&id=" + orderId, "zh-CN");
        page.waitUntil(textToBe(By.id("order-status"), zh.text("corporate.orderStatus.PAID")));
        assertThat(page.element("order-paid").getText()).isEqualTo("¥" + yuan(TOTAL));
        assertThat(page.element("order-next-due").getText()).isEqualTo(zh.text("corporate.orders.paidInFull"));
        assertThat(page.element("order-instalment-2-status").getText()).isEqualTo(zh.text("corporate.instalment.status.PAID"));
        String salePrefix = zh.text("corporate.receipt.SALE", Map.of("register", "CORPORATE", "number", ""));
        WebElement sale = page.driver().findElements(By.cssSelector("#order-receipts a")).stream()
                .filter(link -> link.getText().startsWith(salePrefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no sale receipt on the buyer's page: " + page.element("order-receipts").getText()));
        assertThat(page.driver().findElements(By.cssSelector("#order-receipts a"))).hasSize(2);
        String href = sale.getDomAttribute("href");
        assertThat(href).startsWith("/r/");
        Accessibility.assertNoSeriousViolations(page.driver(), "an order paid by invoice and transfer, zh-CN");

        sale.click();
        page.waitUntil(urlContains(href));
        Storefront receipt = page.ready("zh-CN");
        receipt.waitUntil(attributeToBe(By.id("receipt-verdict"), "data-verdict", "GENUINE"));
        assertThat(receipt.element("receipt-verdict-heading").getText()).isEqualTo(zh.text("receipt.verdict.GENUINE"));
        Accessibility.assertNoSeriousViolations(receipt.driver(), "the corporate sale receipt's check, zh-CN");
    }

    /** Step 5: checked work on the order by two makers, one consenting to be named, through the API. */
    @SuppressWarnings("unchecked")
    private void recordsTheWork(String productId, String orderId, String named, String unnamed) {
        String operation = (String) coordinator.post().uri("/api/admin/piecework/operations").bodyValue(Map.of("productId", productId,
                        "nameZh", "编织", "nameEn", "Weaving", "rate", RATE, "validFrom", TODAY.minusDays(30).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        work(maker(named, true), operation, orderId, 12, 0, 150);
        work(maker(unnamed, false), operation, orderId, 8, 1, 100);
    }

    /** Step 6: everything left delivered in one go; delivered and paid, the order is handed over. */
    private void coordinatorDeliversEverything(String orderId) {
        Storefront page = signedInAs(COORDINATOR, COORDINATOR_PASSWORD, "/admin/deliveries.html?lang=zh-CN&order=" + orderId, "zh-CN");
        page.waitUntil(visibilityOfElementLocated(By.id("delivery-form")));
        String line = get("/api/admin/corporate/orders/" + orderId + "/deliveries").get("lines").get(0).get("lineId").asString();
        assertThat(page.element("delivery-pieces-" + line).getDomProperty("value")).isEqualTo(String.valueOf(BOXES));
        assertThat(page.element("delivery-order-status").getText()).isEqualTo(zh.text("adminOrders.status.PAID"));
        page.element("delivery-note").sendKeys("工坊货车，司机李师傅");
        Accessibility.assertNoSeriousViolations(page.driver(), "a paid order's delivery about to be recorded, zh-CN");
        page.element("delivery-record").click();
        page.waitUntil(d -> page.focusedId().equals("delivery-status"));
        assertThat(page.element("delivery-line-" + line + "-outstanding").getText()).isEqualTo("0");
        Awaitility.await().atMost(PATIENCE).until(() -> "FULFILLED".equals(db.sql("SELECT status FROM orders WHERE id = CAST(:id AS uuid)")
                .bind("id", orderId).map(row -> row.get("status", String.class)).one().block()));

        Storefront handedOver = browser.open(port, "/admin/deliveries.html?lang=zh-CN&order=" + orderId).ready("zh-CN");
        handedOver.waitUntil(textToBe(By.id("delivery-order-status"), zh.text("adminOrders.status.FULFILLED")));
        assertThat(handedOver.driver().findElements(By.id("delivery-form"))).as("nothing left to deliver").isEmpty();
        Accessibility.assertNoSeriousViolations(handedOver.driver(), "an order delivered and paid, zh-CN");
    }

    /** Step 7: the order's impact report, from the buyer's order page; its signed PDF checks genuine. */
    private void buyerReadsTheImpactReport(String buyer, String orderId, String number, String named, String unnamed) throws Exception {
        Storefront order = signedInAs(buyer, PASSWORD, "/corporate/order.html?lang=zh-CN&id=" + orderId, "zh-CN");
        order.waitUntil(textToBe(By.id("order-status"), zh.text("corporate.orderStatus.FULFILLED")));
        assertThat(order.element("order-explain").getText()).isEqualTo(zh.text("corporate.order.explainSettled"));
        Accessibility.assertNoSeriousViolations(order.driver(), "an order handed over, zh-CN");
        order.element("order-impact").click();
        order.waitUntil(urlContains("/corporate/impact.html?order=" + orderId));
        Storefront page = order.ready("zh-CN");
        page.waitUntil(visibilityOfElementLocated(By.id("impact-figures")));

        long ledger = db.sql("""
                        SELECT coalesce(sum(p.amount), 0) AS v FROM ledger_postings p JOIN ledger_entries e ON e.id = p.entry_id
                        WHERE p.maker_id IS NOT NULL
                          AND e.source IN (SELECT 'work-record:' || id FROM work_records WHERE order_id = CAST(:o AS uuid))""")
                .bind("o", orderId).map(row -> row.get("v", Number.class).longValue()).one().block();
        assertThat(ledger).as("the makers were paid for the accepted pieces").isEqualTo(BOXES * RATE);

        assertThat(page.element("page-heading").getText()).isEqualTo(zh.text("corporate.impact.heading.order", Map.of("number", number)));
        assertThat(page.element("impact-makers").getText()).startsWith("2")
                .contains(zh.text("corporate.impact.makers.namedAndOthers", Map.of("names", named, "count", 1)))
                .doesNotContain(unnamed);
        assertThat(page.element("impact-pieces").getText()).isEqualTo(zh.text("corporate.impact.pieces", Map.of("accepted", 20, "checked", 21)));
        assertThat(page.element("impact-hours").getText()).isEqualTo(zh.text("corporate.impact.hours.recorded",
                Map.of("hours", "4.2", "timed", 2, "count", 2)));
        assertThat(page.element("impact-earnings").getText()).isEqualTo("¥" + yuan(ledger));
        assertThat(page.element("impact-figures").getText()).doesNotContain(unnamed);
        Accessibility.assertNoSeriousViolations(page.driver(), "the order's impact report, zh-CN");

        // The signed PDF, as the page links it; its QR code opens the public check, in English.
        String pdfUrl = page.element("impact-pdf").getAttribute("href");
        byte[] pdf = SignIn.as(app.client(), buyer, PASSWORD).get().uri(pdfUrl.substring(pdfUrl.indexOf("/api/"))).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        String checkUrl;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            checkUrl = QrDecoding.find(new PDFRenderer(document).renderImageWithDPI(document.getNumberOfPages() - 1, 300)).getText();
        }
        assertThat(checkUrl).contains("/i/");
        String code = checkUrl.substring(checkUrl.indexOf("/i/") + 3);
        browser.forgetCookies();
        Storefront check = browser.open(port, "/i/" + code + "?lang=en").ready("en");
        check.waitUntil(textToBe(By.id("impact-check-verdict-heading"), en.text("corporate.impactCheck.verdict.GENUINE")));
        assertThat(check.element("impact-check-subject").getText()).contains(number);
        assertThat(check.element("impact-check-pieces").getText()).isEqualTo(en.text("corporate.impact.pieces",
                Map.of("accepted", 20, "checked", 21)));
        Accessibility.assertNoSeriousViolations(check.driver(), "the impact report's check, genuine, en");
    }

    /** Opens {@code path} signed in as {@code email}: the session the Stripe instance's login hands out, given to the browser. */
    private Storefront signedInAs(String email, String password, String path, String lang) {
        browser.forgetCookies();
        SignIn.Session session = SignIn.session(app.client(), email, password);
        browser.takeSession(port, session);
        return browser.open(port, path).ready(lang);
    }

    /** The code of the corporate catalog's category (shelf) that offers {@code variant}. */
    private static String shelfOf(WebTestClient buyer, String variant) {
        JsonNode catalog = buyer.get().uri("/api/corporate/catalog").exchange().expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        for (JsonNode shelf : catalog.get("shelves")) {
            for (JsonNode offer : shelf.get("offers")) {
                if (offer.get("variantId").asString().equals(variant)) {
                    return shelf.get("code").asString();
                }
            }
        }
        throw new AssertionError("The corporate catalog does not offer " + variant);
    }

    private JsonNode invoicePayment(String orderId) {
        return get("/api/admin/corporate/orders/" + orderId).get("payments").valueStream()
                .filter(payment -> "INVOICE".equals(payment.get("method").asString())).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private String maker(String name, boolean consent) {
        String id = (String) coordinator.post().uri("/api/admin/makers").bodyValue(Map.of("name", name, "displayName", name)).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        coordinator.post().uri("/api/admin/makers/{id}/consent", id).bodyValue(Map.of("granted", consent)).exchange().expectStatus().isOk();
        return id;
    }

    /** A day's work on the order, checked at once: {@code accepted} good pieces, {@code rejected} not, in {@code minutes}. */
    private void work(String maker, String operation, String orderId, int accepted, int rejected, int minutes) {
        Map<String, Object> body = new HashMap<>(Map.of("makerId", maker, "operationId", operation, "workDate", TODAY.toString(),
                "pieces", accepted + rejected, "orderId", orderId, "minutes", minutes, "check", rejected > 0
                        ? Map.of("accepted", accepted, "rejected", rejected, "reason", "松散") : Map.of("accepted", accepted, "rejected", 0)));
        coordinator.post().uri("/api/admin/piecework/work").bodyValue(body).exchange().expectStatus().isCreated();
    }

    private JsonNode get(String path) {
        return coordinator.get().uri(path).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private long count(String sql, String orderId) {
        return db.sql(sql).bind("id", orderId).map(row -> row.get("n", Long.class)).one().block();
    }

    /** An amount of fen as the pages write it after the currency sign: "1,360.00". */
    private static String yuan(long fen) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(BigDecimal.valueOf(fen, 2));
    }

}
