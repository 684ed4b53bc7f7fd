package org.socialworkshop.e2e;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.socialworkshop.receipts.render.QrDecoding;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;

/**
 * Anyone holding a maker's printed earnings statement checks it, as its QR code leads there: the statement page says
 * it is genuine and shows the month's earnings, in Chinese and English and on a small phone; a made-up code is not
 * genuine. Every page passes axe.
 */
@WorkshopTest
class StatementCheckTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    /** The shop's clock: last month is the workshop's, not the JVM's. */
    @Autowired
    Clock clock;

    private final Messages zh = Messages.of("zh-CN");
    private final Messages en = Messages.of("en");

    @Test
    void aFinishedMonthsStatementIsGenuineAndShowsWhatWasEarned() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        WebTestClient staff = CatalogFixtures.coordinator(client);
        UUID maker = statementOfWork(staff, "查验手作人" + tag, "编织" + tag, last);
        String code = codeOnThePdf(staff, maker, last);

        Storefront page = browser.open(port, "/s/" + code + "?lang=zh-CN").ready("zh-CN");
        expectVerdict(page, zh, "GENUINE", "statement.verdict.GENUINE");
        assertThat(page.element("statement-check-signature").getText()).isEqualTo(zh.text("statement.check.signatureOk"));
        assertThat(page.element("statement-maker").getText()).isEqualTo("查验手作人" + tag);
        assertThat(page.element("statement-earned").getText()).isEqualTo("¥10.50");
        assertThat(page.element("statement-paid-out").getText()).isEqualTo("¥0.00");
        assertThat(page.element("statement-closing").getText()).isEqualTo("¥10.50");
        assertThat(page.element("statement-pieces").getText()).isEqualTo("7");
        assertThat(page.element("statement-lines").getText())
                .contains(zh.text("statement.reason.WORK"), "编织" + tag, "¥1.50", "¥10.50");
        assertThat(page.element("statement-keys").getDomAttribute("href")).isEqualTo("/.well-known/receipt-keys");
        Accessibility.assertNoSeriousViolations(page.driver(), "genuine statement in zh-CN");
        printsOnA4(page);

        browser.resize(360, 800);
        Storefront english = browser.open(port, "/s/" + code + "?lang=en").ready("en");
        expectVerdict(english, en, "GENUINE", "statement.verdict.GENUINE");
        assertThat(english.element("statement-earned").getText()).isEqualTo("CN¥10.50");
        assertThat(english.element("statement-lines").getText()).contains(en.text("statement.reason.WORK"), "CN¥1.50");
        assertThat(english.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than a 360 px phone").isEqualTo(true);
        Accessibility.assertNoSeriousViolations(english.driver(), "genuine statement in en at 360 px");
    }

    @Test
    void aMadeUpCodeIsNotGenuineInEitherLanguage() {
        String madeUp = "/s/" + UUID.randomUUID() + "." + "A".repeat(86);
        for (String lang : List.of("zh-CN", "en")) {
            Messages messages = Messages.of(lang);
            Storefront page = browser.open(port, madeUp + "?lang=" + lang).ready(lang);
            expectVerdict(page, messages, "NOT_GENUINE", "statement.verdict.NOT_GENUINE");
            assertThat(page.element("statement-verdict").getDomAttribute("data-reason")).isEqualTo("notFound");
            assertThat(page.element("statement-verdict-text").getText()).isEqualTo(messages.text("statement.why.notFound"));
            assertThat(page.driver().findElements(By.id("statement-paper"))).as("no statement shown").isEmpty();
            Accessibility.assertNoSeriousViolations(page.driver(), "a made-up statement code in " + lang);
        }
    }

    /**
     * A new maker with 7 checked pieces of a new operation (1.50 yuan each, the rate in force from the month's first day) on
     * the 12th of {@code month}; returns the maker's id.
     */
    @SuppressWarnings("unchecked")
    private static UUID statementOfWork(WebTestClient staff, String name, String operationName, YearMonth month) {
        Map<String, Object> product = CatalogFixtures.create(staff, CatalogFixtures.product("编织篮" + name, "Woven basket " + name, true));
        String operation = (String) staff.post().uri("/api/admin/piecework/operations")
                .bodyValue(Map.of("productId", product.get("id"), "nameZh", operationName, "nameEn", "Weaving " + operationName, "rate", 150,
                        "validFrom", month.atDay(1).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        UUID maker = UUID.fromString((String) staff.post().uri("/api/admin/makers").bodyValue(Map.of("name", name, "displayName", name))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
        staff.post().uri("/api/admin/piecework/work").bodyValue(Map.of("makerId", maker, "operationId", operation,
                        "workDate", month.atDay(12).toString(), "pieces", 7, "check", Map.of("accepted", 7, "rejected", 0)))
                .exchange().expectStatus().isCreated();
        return maker;
    }

    /** The code in the QR code of the coordinator's copy of the statement, as a phone would read it from paper. */
    private static String codeOnThePdf(WebTestClient staff, UUID maker, YearMonth month) throws Exception {
        byte[] pdf = staff.get().uri("/api/admin/piecework/makers/{id}/months/{month}/statement.pdf", maker, month.toString())
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 300);
            String url = QrDecoding.find(page).getText();
            assertThat(url).contains("/s/");
            return url.substring(url.indexOf("/s/") + 3);
        }
    }

    /** The print button prints, on A4; the print dialog is stood in for. */
    private static void printsOnA4(Storefront page) {
        page.script("window.print = () => { window.printed = true; };");
        page.element("statement-print").click();
        assertThat(page.script("return window.printed === true")).isEqualTo(true);
    }

    /** Waits for the verdict, then checks its words, and that the (visually hidden) live region said them. */
    private static void expectVerdict(Storefront page, Messages messages, String verdict, String key) {
        page.waitUntil(attributeToBe(By.id("statement-verdict"), "data-verdict", verdict));
        assertThat(page.element("statement-verdict-heading").getText()).isEqualTo(messages.text(key));
        page.waitUntil(d -> messages.text(key).equals(page.script("return document.getElementById('statement-live').textContent")));
    }
}
