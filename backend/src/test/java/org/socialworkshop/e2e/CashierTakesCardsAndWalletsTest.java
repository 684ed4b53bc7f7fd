package org.socialworkshop.e2e;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.FakeStripe;
import org.socialworkshop.support.SecondInstance;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Issue 12, step 8, as the counter does it, against an instance whose stripe-java talks HTTP to {@link FakeStripe}:
 * part of a sale paid by WeChat Pay (the customer scans the code on the screen), the rest by card on the register's
 * reader after a first card is declined; the receipt names both. A reader that does not answer, a card payment
 * cancelled while it waits, and a wallet payment given back after a confirmation, each said in words. Without a Stripe
 * key, the card reader is a stand-in labelled as the demo, and so is the receipt. Every state passes axe.
 */
@WorkshopTest
class CashierTakesCardsAndWalletsTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    static FakeStripe stripe;
    static SecondInstance app;

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    Accounts accounts;

    private final Messages zh = Messages.of("zh-CN");
    private final Messages en = Messages.of("en");

    @BeforeAll
    static void startStripeAndTheApp() {
        stripe = FakeStripe.start();
        app = SecondInstance.withStripe(stripe);
    }

    @AfterAll
    static void stop() {
        app.close();
        stripe.close();
    }

    @Test
    void aSaleIsSplitBetweenWeChatPayAndACardAfterADeclineAndItsReceiptNamesBoth() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        WebTestClient coordinator = CatalogFixtures.coordinator(app.client());
        String cup = cup(coordinator, tag);
        OpenCounter counter = OpenCounter.open(browser, stripePort(), coordinator, accounts, "CARD-" + tag, "zh-CN", 100);
        String reader = reader(coordinator, counter.registerId(), tag);
        Storefront tablet = counter.tablet();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sale-add-" + cup))).click();
        tablet.element("pos-sale-add-" + cup).click();
        tablet.waitUntil(textToBe(By.id("pos-sale-total"), "¥56.00"));

        // ¥20.00 by WeChat Pay: the code on the screen, scanned by the customer.
        tablet.element("pos-tenders-amount").sendKeys("20");
        tablet.click("pos-tenders-wechat");
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-tenders-qr")));
        assertThat(tablet.element("pos-tenders-qr").getDomAttribute("aria-label"))
                .isEqualTo(zh.text("pos.tenders.qrLabel", Map.of("method", "微信支付", "amount", "¥20.00")));
        assertThat(tablet.element("pos-tenders-ask").getText())
                .isEqualTo(zh.text("pos.tenders.waitingWallet", Map.of("method", "微信支付", "amount", "¥20.00")));
        assertThat(tablet.element("pos-sale-remove-" + cup).getDomAttribute("aria-disabled")).as("the lines hold").isEqualTo("true");
        Accessibility.assertNoSeriousViolations(tablet.driver(), "a WeChat Pay code waiting to be scanned, zh-CN");
        stripe.payWallet(stripe.waitingWallet("wechat_pay"));
        tablet.waitUntil(textToBe(By.id("pos-tenders-status"), zh.text("pos.tenders.paid",
                Map.of("method", "微信支付", "amount", zh.text("money.spoken", Map.of("amount", "20.00")), "left", zh.text("money.spoken", Map.of("amount", "36.00"))))));
        assertThat(tablet.element("pos-sale-cash-due").getText()).isEqualTo(zh.text("pos.sale.cash.due", Map.of("amount", "¥36.00")));

        // The rest by card: the first is declined, the second pays.
        tablet.click("pos-tenders-card");
        tablet.waitUntil(textToBe(By.id("pos-tenders-status"), zh.text("pos.tenders.waitingCard", Map.of("amount", zh.text("money.spoken", Map.of("amount", "36.00"))))));
        stripe.presentCard(reader, "4000000000000002");
        tablet.waitUntil(textToBe(By.id("pos-tenders-status"), zh.text("pos.tenders.failed",
                Map.of("method", "银行卡", "reason", zh.text("pos.tenders.reason.declined")))));
        tablet.click("pos-tenders-card");
        tablet.waitUntil(textToBe(By.id("pos-tenders-status"), zh.text("pos.tenders.waitingCard", Map.of("amount", zh.text("money.spoken", Map.of("amount", "36.00"))))));
        stripe.presentCard(reader, "4242424242424242");
        tablet.waitUntil(textToBe(By.id("pos-tenders-status"), zh.text("pos.tenders.paid",
                Map.of("method", "银行卡", "amount", zh.text("money.spoken", Map.of("amount", "36.00")), "left", zh.text("money.spoken", Map.of("amount", "0.00"))))));
        assertThat(tablet.element("pos-sale-cash").isDisplayed()).as("nothing is left to pay in cash").isFalse();

        tablet.element("pos-sale-complete").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sale-receipt")));
        assertThat(tablet.element("pos-sale-receipt-paid-0").getText()).isEqualTo("¥20.00");
        assertThat(tablet.element("pos-sale-receipt-paid-1").getText()).isEqualTo("¥36.00");
        assertThat(tablet.driver().findElements(By.id("pos-sale-receipt-given"))).isEmpty();
        Accessibility.assertNoSeriousViolations(tablet.driver(), "the receipt of a sale paid by wallet and card, zh-CN");
        String code = tablet.element("pos-sale-receipt-link").getDomAttribute("href").substring("/r/".length());
        JsonNode receipt = app.client().get().uri("/api/receipts/{code}", code).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(receipt.at("/verification/status").asString()).isEqualTo("GENUINE");
        assertThat(receipt.at("/tenders/0/type").asString()).isEqualTo("WECHAT_PAY");
        assertThat(receipt.at("/tenders/0/amount/amount").asLong()).isEqualTo(2000);
        assertThat(receipt.at("/tenders/1/type").asString()).isEqualTo("CARD");
        assertThat(receipt.at("/tenders/1/amount/amount").asLong()).isEqualTo(3600);
        assertThat(receipt.at("/tenders/1/provider").asString()).isEqualTo("stripe");
    }

    @Test
    void aReaderThatDoesNotAnswerACardCancelledWhileItWaitsAndAWalletPaymentGivenBack() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        WebTestClient coordinator = CatalogFixtures.coordinator(app.client());
        String cup = cup(coordinator, tag);
        OpenCounter counter = OpenCounter.open(browser, stripePort(), coordinator, accounts, "BACK-" + tag, "en", 100);
        String reader = reader(coordinator, counter.registerId(), tag);
        Storefront tablet = counter.tablet();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sale-add-" + cup))).click();
        tablet.waitUntil(textToBe(By.id("pos-sale-total"), "CN¥28.00"));

        stripe.readerTimesOut(reader, true);
        tablet.click("pos-tenders-card");
        tablet.waitUntil(textToBe(By.id("pos-tenders-status"), en.text("pos.tenders.failed",
                Map.of("method", "Card", "reason", en.text("pos.tenders.reason.readerTimeout")))));
        stripe.readerTimesOut(reader, false);

        tablet.click("pos-tenders-card");
        tablet.waitUntil(textToBe(By.id("pos-tenders-status"), en.text("pos.tenders.waitingCard", Map.of("amount", en.text("money.spoken", Map.of("amount", "28.00"))))));
        tablet.click("pos-tenders-cancel");
        tablet.waitUntil(textToBe(By.id("pos-tenders-status"), en.text("pos.tenders.cancelled", Map.of("method", "Card"))));
        assertThat(stripe.paymentIntents().stream().filter(intent -> List.of("card_present").equals(intent.get("payment_method_types"))))
                .allMatch(intent -> "canceled".equals(intent.get("status")));

        // Alipay pays it all, then the customer would rather pay cash: given back after a confirmation.
        tablet.click("pos-tenders-alipay");
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-tenders-qr")));
        String alipay = stripe.waitingWallet("alipay");
        stripe.payWallet(alipay);
        tablet.waitUntil(textToBe(By.id("pos-tenders-status"), en.text("pos.tenders.paid",
                Map.of("method", "Alipay", "amount", en.text("money.spoken", Map.of("amount", "28.00")), "left", en.text("money.spoken", Map.of("amount", "0.00"))))));
        tablet.driver().findElement(By.cssSelector("[data-give-back]")).click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-tenders-confirm-text")));
        assertThat(tablet.element("pos-tenders-confirm-text").getText())
                .isEqualTo(en.text("pos.tenders.confirmGiveBack", Map.of("method", "Alipay", "amount", "CN¥28.00")));
        assertThat(tablet.focusedId()).as("the safe choice has the focus").isEqualTo("pos-tenders-give-back-no");
        Accessibility.assertNoSeriousViolations(tablet.driver(), "giving back a wallet payment, asked to confirm, en");
        tablet.click("pos-tenders-give-back-yes");
        tablet.waitUntil(textToBe(By.id("pos-tenders-status"), en.text("pos.tenders.givenBack", Map.of("method", "Alipay", "amount", en.text("money.spoken", Map.of("amount", "28.00"))))));
        assertThat(stripe.requests()).anyMatch(request -> request.path().equals("/v1/refunds") && alipay.equals(request.param("payment_intent")));
        assertThat(tablet.element("pos-sale-remove-" + cup).getDomAttribute("aria-disabled")).as("the lines are free again").isNull();

        tablet.element("pos-sale-exact").click();
        tablet.element("pos-sale-complete").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sale-receipt")));
        assertThat(tablet.element("pos-sale-receipt-given").getText()).isEqualTo("CN¥28.00");
    }

    @Test
    void withoutAStripeKeyTheReaderIsALabelledStandInAndSoIsTheReceipt() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        WebTestClient coordinator = CatalogFixtures.coordinator(client);
        String cup = cup(coordinator, tag);
        Storefront tablet = OpenCounter.open(browser, port, coordinator, accounts, "DEMO-" + tag, "zh-CN", 100).tablet();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sale-add-" + cup))).click();
        tablet.click("pos-tenders-card");
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-tenders-demo-pay")));
        assertThat(tablet.element("pos-tenders-now").getText()).contains(zh.text("pos.tenders.demo"));
        Accessibility.assertNoSeriousViolations(tablet.driver(), "the demo card reader, zh-CN");
        tablet.click("pos-tenders-demo-pay");
        tablet.waitUntil(textToBe(By.id("pos-tenders-status"), zh.text("pos.tenders.paid",
                Map.of("method", "银行卡", "amount", zh.text("money.spoken", Map.of("amount", "28.00")), "left", zh.text("money.spoken", Map.of("amount", "0.00"))))));
        tablet.waitUntil(invisibilityOfElementLocated(By.id("pos-tenders-demo-pay")));
        tablet.element("pos-sale-complete").click();
        tablet.waitUntil(visibilityOfElementLocated(By.id("pos-sale-receipt")));
        assertThat(tablet.element("pos-slip").getText()).contains(zh.text("receipt.tender.withProvider",
                Map.of("type", "银行卡", "provider", zh.text("receipt.provider.demo"))));
    }

    private int stripePort() {
        return URI.create(app.baseUrl()).getPort();
    }

    /** A cup at ¥28.00 sold at the counter. */
    private static String cup(WebTestClient coordinator, String tag) {
        Map<String, Object> body = CatalogFixtures.product("青花茶杯 " + tag, "Blue tea cup " + tag, false);
        body.put("variants", List.of(CatalogFixtures.variant("TENDER-CUP-" + tag, 2800)));
        return CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, body));
    }

    private static String reader(WebTestClient coordinator, String register, String tag) {
        String reader = "tmr_e2e" + tag;
        stripe.reader(reader);
        coordinator.put().uri("/api/admin/pos/registers/{id}/card-reader", register).bodyValue(Map.of("reader", reader))
                .exchange().expectStatus().isOk();
        return reader;
    }

}
