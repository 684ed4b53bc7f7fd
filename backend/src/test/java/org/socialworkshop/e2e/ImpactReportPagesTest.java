package org.socialworkshop.e2e;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.receipts.render.QrDecoding;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.CreditCodes;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Issue 13, step 7, in the browser: a buyer opens their order's impact report from the accepted quote (makers named only
 * with consent, the others counted; pieces, hours recorded and on how many records, earnings paid) on a 360 px phone and
 * in English; the year's summary lists the order; the signed PDF's QR code opens the public check page, which says the
 * report is genuine and shows its figures; a forged code is said to be not genuine. Every state passes axe.
 */
@WorkshopTest
class ImpactReportPagesTest {

    private static final String PASSWORD = "long enough passphrase";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

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
    @SuppressWarnings("unchecked")
    void aBuyerReadsTheirOrdersImpactAndAnyoneChecksTheSignedReport() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        WebTestClient coordinator = CatalogFixtures.coordinator(client);
        String buyer = "impact-buyer-" + tag + "@example.com";
        String companyId = (String) coordinator.post().uri("/api/admin/corporate/companies").bodyValue(company("影响" + tag + "有限公司"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        coordinator.post().uri("/api/admin/corporate/companies/{id}/buyers", companyId)
                .bodyValue(Map.of("email", buyer, "displayName", "采购", "password", PASSWORD)).exchange().expectStatus().isOk();
        Map<String, Object> product = CatalogFixtures.product("竹编礼盒 " + tag, "Bamboo box " + tag, false);
        product.put("channels", List.of("CORPORATE"));
        Map<String, Object> created = CatalogFixtures.create(coordinator, product);
        String operation = (String) coordinator.post().uri("/api/admin/piecework/operations").bodyValue(Map.of("productId", created.get("id"),
                        "nameZh", "编织", "nameEn", "Weaving", "rate", 200, "validFrom", TODAY.minusDays(30).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        WebTestClient buyerApi = SignIn.as(client, buyer, PASSWORD);
        String quoteId = (String) buyerApi.post().uri("/api/corporate/quotes").bodyValue(Map.of("lines", List.of(Map.of("variantId",
                        CatalogFixtures.firstVariantId(created), "quantity", 20, "customisations", List.of())),
                        "wantedBy", TODAY.plusDays(30).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        coordinator.post().uri("/api/admin/corporate/quotes/{id}/versions", quoteId).bodyValue(Map.of("validUntil", TODAY.plusDays(7).toString(),
                "delivery", Map.of("amount", 0, "currency", "CNY"), "manual", List.of())).exchange().expectStatus().isOk();
        Map<String, Object> accepted = buyerApi.post().uri("/api/corporate/quotes/{id}/accept", quoteId)
                .bodyValue(Map.of("version", 1, "poNumber", "PO-" + tag)).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        String orderId = (String) accepted.get("orderId");
        String orderNumber = (String) accepted.get("orderNumber");
        String named = "李静" + tag;
        String namedLatin = "Li Jing " + tag;
        work(coordinator, maker(coordinator, named, namedLatin, true), operation, orderId, 12, 0, 150);
        work(coordinator, maker(coordinator, "匿名" + tag, "Niming " + tag, false), operation, orderId, 8, 2, null);

        // From the accepted quote to the order's report, on a phone, in Chinese.
        browser.resize(360, 800);
        Storefront quote = signedInAs(buyer, "/corporate/quote.html?lang=zh-CN&id=" + quoteId, "zh-CN");
        quote.waitUntil(visibilityOfElementLocated(By.id("quote-impact"))).click();
        Storefront page = quote.ready("zh-CN");
        page.waitUntil(visibilityOfElementLocated(By.id("impact-figures")));
        assertThat(page.element("page-heading").getText()).isEqualTo(zh.text("corporate.impact.heading.order", Map.of("number", orderNumber)));
        assertThat(page.element("impact-makers").getText()).contains("2")
                .contains(zh.text("corporate.impact.makers.namedAndOthers", Map.of("names", named, "count", 1)))
                .doesNotContain("匿名");
        assertThat(page.element("impact-pieces").getText()).isEqualTo(zh.text("corporate.impact.pieces", Map.of("accepted", 20, "checked", 22)));
        assertThat(page.element("impact-hours").getText()).isEqualTo(zh.text("corporate.impact.hours.recorded",
                Map.of("hours", "2.5", "timed", 1, "count", 2)));
        assertThat(page.element("impact-earnings").getText()).isEqualTo("¥40.00");
        assertThat(page.script("return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isEqualTo(true);
        Accessibility.assertNoSeriousViolations(page.driver(), "an order's impact report at 360 px, zh-CN");

        // The signed PDF, as the page links it; its QR code opens the check.
        String pdfUrl = page.element("impact-pdf").getAttribute("href");
        byte[] pdf = buyerApi.get().uri(pdfUrl.substring(pdfUrl.indexOf("/api/"))).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        String checkUrl;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            checkUrl = QrDecoding.find(new PDFRenderer(document).renderImageWithDPI(document.getNumberOfPages() - 1, 300)).getText();
        }
        String code = checkUrl.substring(checkUrl.indexOf("/i/") + 3);

        // The year's summary lists the order, in English on a desk.
        browser.resize(Browser.DESKTOP.width, Browser.DESKTOP.height);
        Storefront year = browser.open(port, "/corporate/impact.html?lang=en&year=" + TODAY.getYear()).ready("en");
        year.waitUntil(visibilityOfElementLocated(By.id("impact-order-lines")));
        assertThat(year.element("page-heading").getText()).isEqualTo(en.text("corporate.impact.heading.year", Map.of("year", TODAY.getYear())));
        assertThat(year.element("impact-order-lines").getText()).contains(orderNumber);
        // in English the maker is named in Latin script (the report's namedMakersEn)
        assertThat(year.element("impact-makers").getText()).contains(namedLatin).contains("1 other maker").doesNotContain(named, "Niming");
        Accessibility.assertNoSeriousViolations(year.driver(), "a year's impact summary, en");

        // Anyone checks the report: genuine, with its figures; a forged code is not.
        browser.forgetCookies();
        Storefront check = browser.open(port, "/i/" + code + "?lang=zh-CN").ready("zh-CN");
        check.waitUntil(textToBe(By.id("impact-check-verdict-heading"), zh.text("corporate.impactCheck.verdict.GENUINE")));
        assertThat(check.element("impact-check-pieces").getText()).isEqualTo(zh.text("corporate.impact.pieces", Map.of("accepted", 20, "checked", 22)));
        assertThat(check.element("impact-check-subject").getText()).contains(orderNumber);
        Accessibility.assertNoSeriousViolations(check.driver(), "a genuine impact report's check, zh-CN");
        Storefront forged = browser.open(port, "/i/" + code.substring(0, code.length() - 3) + "AAA?lang=en").ready("en");
        forged.waitUntil(textToBe(By.id("impact-check-verdict-heading"), en.text("corporate.impactCheck.verdict.NOT_GENUINE")));
        assertThat(forged.element("impact-check-verdict-text").getText()).isEqualTo(en.text("corporate.impactCheck.why.notFound"));
        Accessibility.assertNoSeriousViolations(forged.driver(), "a forged impact report's check, en");
    }

    private Storefront signedInAs(String email, String path, String lang) {
        browser.forgetCookies();
        SignIn.Session session = SignIn.session(client, email, PASSWORD);
        browser.takeSession(port, session);
        return browser.open(port, path).ready(lang);
    }

    @SuppressWarnings("unchecked")
    private static String maker(WebTestClient coordinator, String name, String latin, boolean consent) {
        String id = (String) coordinator.post().uri("/api/admin/makers")
                .bodyValue(Map.of("name", name, "displayName", name, "displayNameLatin", latin)).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        coordinator.post().uri("/api/admin/makers/{id}/consent", id).bodyValue(Map.of("granted", consent)).exchange().expectStatus().isOk();
        return id;
    }

    private static void work(WebTestClient coordinator, String maker, String operation, String orderId, int accepted, int rejected,
            Integer minutes) {
        Map<String, Object> body = new HashMap<>(Map.of("makerId", maker, "operationId", operation, "workDate", TODAY.toString(),
                "pieces", accepted + rejected, "orderId", orderId, "check", rejected > 0
                        ? Map.of("accepted", accepted, "rejected", rejected, "reason", "松散") : Map.of("accepted", accepted, "rejected", 0)));
        if (minutes != null) {
            body.put("minutes", minutes);
        }
        coordinator.post().uri("/api/admin/piecework/work").bodyValue(body).exchange().expectStatus().isCreated();
    }

    private static Map<String, Object> company(String name) {
        Map<String, Object> company = new HashMap<>();
        company.put("legalName", name);
        company.put("creditCode", CreditCodes.random());
        company.put("invoice", Map.of("title", name, "kind", "NORMAL"));
        company.put("contact", Map.of("name", "张女士", "phone", "138 0000 0000", "email", "zhang@example.com"));
        return company;
    }

}
