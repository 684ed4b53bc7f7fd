package org.socialworkshop.e2e;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.FakePrinter;
import org.socialworkshop.support.FakeStripe;
import org.socialworkshop.support.SecondInstance;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Issue 12, item 10, a whole shift at the counter in a real browser, against an instance whose Stripe is {@link FakeStripe}
 * and whose counter has a receipt printer ({@link FakePrinter}): the coordinator sets the register's card reader and
 * printer on the registers page; the cashier opens the shift with a float and sells in cash (a line taken off before
 * payment), by card on the reader, by WeChat Pay's code, and split between Alipay and cash; prints a receipt on the
 * counter printer; takes the first sale's cup back in cash, printing its refund receipt on the counter printer, and the
 * card sale's back to the card (a Stripe refund); opens
 * the drawer without a sale; closes the shift with a counted cash one yuan short. The Z report says each of these: sales
 * and refunds by tender, the line taken off, the
 * drawer opening, the drawer's figures and the difference.
 */
@WorkshopTest
class CashierWorksAFullShiftTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    static FakeStripe stripe;
    static FakePrinter printer;
    static SecondInstance app;

    @Autowired
    Accounts accounts;

    private final Messages zh = Messages.of("zh-CN");

    @BeforeAll
    static void startStripeThePrinterAndTheApp() {
        stripe = FakeStripe.start();
        printer = FakePrinter.start();
        app = SecondInstance.withStripe(stripe);
    }

    @AfterAll
    static void stop() {
        app.close();
        stripe.close();
        printer.close();
    }

    @Test
    void aShiftOfCashCardWalletAndSplitSalesEndsInAZReportThatSaysThemAll() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String id = "SHIFT-" + tag;
        int port = URI.create(app.baseUrl()).getPort();
        WebTestClient coordinator = CatalogFixtures.coordinator(app.client());
        Map<String, Object> body = CatalogFixtures.product("青花茶杯 " + tag, "Blue tea cup " + tag, false);
        body.put("variants", List.of(CatalogFixtures.variant("SHIFT-CUP-" + tag, 2800)));
        String cup = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, body));
        OpenCounter.create(coordinator, id);
        String reader = "tmr_shift" + tag;
        stripe.reader(reader);

        // The coordinator sets the counter's card reader and printer.
        Storefront admin = browser.openAsStaff(port, "/admin/registers.html?lang=zh-CN", "zh-CN", "coordinator@example.org",
                "workshop-coordinator");
        admin.waitUntil(visibilityOfElementLocated(By.id("register-devices-open-" + id))).click();
        admin.waitUntil(visibilityOfElementLocated(By.id("register-reader"))).sendKeys(reader);
        admin.element("register-printer").sendKeys("not an address");
        admin.element("register-devices-save").click();
        admin.waitUntil(textToBe(By.id("register-printer-error"), zh.text("pos.admin.devices.printerInvalid")));
        admin.element("register-printer").clear();
        admin.element("register-printer").sendKeys(printer.address());
        Accessibility.assertNoSeriousViolations(admin.driver(), "a register's card reader and printer, zh-CN");
        admin.element("register-devices-save").click();
        admin.waitUntil(textToBePresentInElementLocated(By.id("register-devices-" + id), printer.address()));
        assertThat(admin.element("register-devices-" + id).getText()).contains(reader);
        browser.forgetCookies();

        Storefront tablet = OpenCounter.pair(browser, port, coordinator, accounts, id, "zh-CN", 200).tablet();

        // 1. Cash: two cups, one taken off again (voided), ¥50 given.
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sale-add-" + cup))).click();
        tablet.element("pos-sale-add-" + cup).click();
        tablet.waitUntil(textToBe(By.id("pos-sale-total"), "¥56.00"));
        tablet.element("pos-sale-fewer-" + cup).click();
        tablet.waitUntil(textToBe(By.id("pos-sale-total"), "¥28.00"));
        tablet.element("pos-sale-given").sendKeys("50");
        complete(tablet);
        assertThat(tablet.element("pos-sale-receipt-change").getText()).isEqualTo("¥22.00");
        tablet.element("pos-sale-printer").click();
        tablet.waitUntil(textToBe(By.id("pos-sale-receipt-status"), zh.text("pos.sale.receipt.printed")));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> printer.prints().size() == 1);
        assertThat(new String(printer.prints().get(0), Charset.forName("GB18030"))).contains(id + "-1");
        tablet.element("pos-sale-new").click();

        // 2. Card on the reader.
        sellOne(tablet, cup);
        tablet.element("pos-tenders-card").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-tenders-cancel")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stripe.paymentIntents().stream()
                .anyMatch(intent -> List.of("card_present").equals(intent.get("payment_method_types"))));
        presentCardWhenWaiting(reader);
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-tenders-paid")));
        complete(tablet);
        tablet.element("pos-sale-new").click();

        // 3. WeChat Pay's code, scanned by the customer.
        sellOne(tablet, cup);
        tablet.element("pos-tenders-wechat").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-tenders-qr")));
        stripe.payWallet(stripe.waitingWallet("wechat_pay"));
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-tenders-paid")));
        complete(tablet);
        tablet.element("pos-sale-new").click();

        // 4. Split: ¥10 by Alipay, the rest in cash.
        sellOne(tablet, cup);
        tablet.element("pos-tenders-amount").sendKeys("10");
        tablet.element("pos-tenders-alipay").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-tenders-qr")));
        stripe.payWallet(stripe.waitingWallet("alipay"));
        tablet.waitUntil(textToBe(By.id("pos-sale-cash-due"), zh.text("pos.sale.cash.due", Map.of("amount", "¥18.00"))));
        tablet.element("pos-sale-exact").click();
        complete(tablet);
        tablet.element("pos-sale-new").click();

        // 5. A return: the cup of the first (cash) sale comes back, against its receipt's number, paid back in cash.
        tablet.element("pos-mode-return").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-return-code"))).sendKeys(id + "-1" + Keys.ENTER);
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-return-original")));
        String cupLine = tablet.driver().findElement(By.cssSelector("#pos-return-lines > li")).getDomAttribute("id")
                .substring("pos-return-line-".length());
        tablet.element("pos-return-more-" + cupLine).click();
        tablet.element("pos-return-review").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-return-give"))).click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-return-receipt")));
        assertThat(tablet.element("pos-return-receipt-cash").getText()).isEqualTo("¥28.00");
        // Its refund receipt, printed on the counter printer as the sale's was.
        String refundNumber = tablet.element("pos-return-receipt-number").getText();
        assertThat(refundNumber).isEqualTo(id + "-5");
        String refundCode = tablet.element("pos-return-receipt-link").getDomAttribute("href").substring("/r/".length());
        tablet.element("pos-return-printer").click();
        tablet.waitUntil(textToBe(By.id("pos-return-receipt-status"), zh.text("pos.sale.receipt.printed")));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> printer.prints().size() == 2);
        assertThat(new String(printer.prints().get(1), Charset.forName("GB18030"))).contains(refundNumber)
                .contains("/r/" + refundCode).contains("退款小票 Refund receipt").contains("退款 " + id + "-1");
        Accessibility.assertNoSeriousViolations(tablet.driver(), "a refund receipt printed on the counter printer, zh-CN");

        // 6. Another: the cup paid by card goes back to the card, through Stripe; no cash leaves the drawer.
        tablet.element("pos-return-new").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-return-code"))).sendKeys(id + "-2" + Keys.ENTER);
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-return-original")));
        String cardLine = tablet.driver().findElement(By.cssSelector("#pos-return-lines > li")).getDomAttribute("id")
                .substring("pos-return-line-".length());
        tablet.element("pos-return-more-" + cardLine).click();
        String card = zh.text("receipt.tender.withProvider", Map.of("type", zh.text("receipt.tender.CARD"), "provider", "Stripe"));
        assertThat(tablet.element("pos-return-tender-hint").getText()).isEqualTo(zh.text("pos.return.tender.originalTo",
                Map.of("tender", card, "left", "¥28.00")));
        tablet.element("pos-return-tender-original").click();
        tablet.element("pos-return-review").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-return-confirm")));
        assertThat(tablet.element("pos-return-confirm-what").getText()).contains(zh.text("pos.return.confirm.partTo",
                Map.of("amount", "¥28.00", "tender", card)));
        tablet.element("pos-return-give").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-return-receipt")));
        assertThat(tablet.element("pos-return-receipt-original").getText()).isEqualTo("¥28.00");
        assertThat(tablet.element("pos-return-receipt-cash").getText()).isEqualTo("¥0.00");
        assertThat(stripe.requests()).filteredOn(request -> request.path().equals("/v1/refunds")).singleElement()
                .satisfies(request -> assertThat(request.param("amount")).isEqualTo("2800"));
        tablet.element("pos-mode-sale").click();

        // The drawer opened without a sale.
        tablet.element("pos-no-sale-reason").sendKeys("找零 change for a note");
        tablet.element("pos-no-sale-save").click();
        tablet.waitUntil(textToBe(By.id("pos-shift-status"), zh.text("pos.shift.noSale.done", Map.of("reason", "找零 change for a note"))));

        // Close: 200 float + 28 + 18 cash − 28 paid back in cash = 218 expected (the card's refund is not the drawer's); 217 counted.
        tablet.waitUntil(textToBePresentInElementLocated(By.id("pos-shift-expected"), "218.00"));
        tablet.element("pos-shift-counted").sendKeys("217");
        tablet.element("pos-shift-close").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-shift-confirm-close"))).click();
        String zLink = tablet.waitUntil(visibilityOfElementLocated(By.id("pos-shift-z-report"))).getDomAttribute("href");

        Storefront z = browser.open(port, zLink + "&lang=zh-CN").ready("zh-CN");
        z.waitUntil(visibilityOfElementLocated(By.id("report-sales-count")));
        assertThat(z.element("report-sales-count").getText()).isEqualTo("4");
        assertThat(z.element("report-sales-total").getText()).isEqualTo("¥112.00");
        String tenders = z.element("report-tenders").getText();
        assertThat(tenders).contains(zh.text("receipt.tender.CASH") + " 2 ¥46.00", zh.text("receipt.tender.CARD") + " 1 ¥28.00",
                zh.text("receipt.tender.WECHAT_PAY") + " 1 ¥28.00", zh.text("receipt.tender.ALIPAY") + " 1 ¥10.00");
        assertThat(z.element("report-voided").getText()).isEqualTo(zh.text("report.voided.summary",
                Map.of("lines", 1, "quantity", 1, "amount", "¥28.00")));
        assertThat(z.element("report-no-sales").getText()).contains("找零 change for a note");
        assertThat(z.element("report-refunds-count").getText()).isEqualTo("2");
        assertThat(z.element("report-refunds-total").getText()).isEqualTo("¥56.00");
        assertThat(z.element("report-refund-tenders").getText()).contains(zh.text("receipt.tender.CASH") + " 1 ¥28.00",
                zh.text("receipt.tender.CARD") + " 1 ¥28.00");
        assertThat(z.element("report-drawer-expected").getText()).isEqualTo("¥218.00");
        assertThat(z.element("report-drawer-counted").getText()).isEqualTo("¥217.00");
        assertThat(z.element("report-drawer-difference").getText()).isEqualTo("-¥1.00");
        Accessibility.assertNoSeriousViolations(z.driver(), "the Z report of a whole shift, zh-CN");
    }

    private static void sellOne(Storefront tablet, String cup) {
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sale-add-" + cup))).click();
        tablet.waitUntil(textToBe(By.id("pos-sale-total"), "¥28.00"));
    }

    private static void complete(Storefront tablet) {
        tablet.element("pos-sale-complete").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sale-receipt")));
    }

    /** The customer taps a card once the reader has the payment. */
    private static void presentCardWhenWaiting(String reader) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            stripe.presentCard(reader, "4242424242424242");
            return true;
        });
    }

}
