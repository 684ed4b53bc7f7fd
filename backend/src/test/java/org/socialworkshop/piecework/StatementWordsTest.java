package org.socialworkshop.piecework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.receipts.render.QrDecoding;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Makers' statements in plain words, in the maker's language: each line says what was done for which product, payouts
 * say how they were paid, no codes; the PDF of a short month is one page with its check on it.
 */
@WorkshopTest
class StatementWordsTest {

    private static final List<String> CODES = List.of("WORK", "PAYOUT", "CASH", "SALE_SHARE", "TOP_UP");

    @Autowired
    WebTestClient client;

    @Autowired
    Clock clock;

    @Autowired
    MakerPayouts payouts;

    WebTestClient staff;
    WebTestClient me;
    YearMonth last;

    @BeforeEach
    void aMonthOfBookmarksAndACashPayout() {
        staff = CatalogFixtures.coordinator(client);
        LocalDate today = LocalDate.now(clock);
        last = YearMonth.from(today.minusMonths(1));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String product = (String) CatalogFixtures.create(staff, CatalogFixtures.product("剪纸书签" + tag, "Paper-cut bookmark " + tag, true)).get("id");
        String maker = (String) staff.post().uri("/api/admin/makers").bodyValue(Map.of("name", "赵丽", "displayName", "赵丽"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        String operation = (String) staff.post().uri("/api/admin/piecework/operations")
                .bodyValue(Map.of("productId", product, "nameZh", "制作", "nameEn", "Making", "rate", 150,
                        "validFrom", last.atDay(1).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        staff.post().uri("/api/admin/piecework/work").bodyValue(Map.of("makerId", maker, "operationId", operation,
                "workDate", last.atDay(5).toString(), "pieces", 12, "check", Map.of("accepted", 12, "rejected", 0)))
                .exchange().expectStatus().isCreated();
        payouts.payOn(UUID.fromString(maker), 1000, MakerPayouts.Method.CASH, "月结 month end", last.atDay(28)).block();
        me = makerSession(maker);
    }

    private WebTestClient makerSession(String maker) {
        String email = "maker-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        SignIn.admin(client).post().uri("/api/admin/users").bodyValue(Map.of("email", email, "displayName", "手作人",
                "password", "a-long-maker-password", "roles", List.of("MAKER"))).exchange().expectStatus().isCreated();
        staff.put().uri("/api/admin/piecework/makers/{id}/account", maker).bodyValue(Map.of("email", email)).exchange().expectStatus().isNoContent();
        return SignIn.as(client, email, "a-long-maker-password");
    }

    @Test
    void eachLineSaysWhatWasDoneAndForWhichProductInBothLanguages() {
        me.get().uri("/api/maker/months/{month}", last.toString()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.maker.nameLatin").isEqualTo("Zhao Li")
                .jsonPath("$.lines[?(@.reason == 'WORK')].whatZh").value(words -> assertThat(words.toString()).matches("\\[\"制作剪纸书签\\w+ 12 件\"\\]"))
                .jsonPath("$.lines[?(@.reason == 'WORK')].whatEn").value(words -> assertThat(words.toString()).matches("\\[\"Making: 12 × Paper-cut bookmark \\w+\"\\]"))
                .jsonPath("$.lines[?(@.reason == 'PAYOUT')].whatZh").isEqualTo("现金支付")
                .jsonPath("$.lines[?(@.reason == 'PAYOUT')].whatEn").isEqualTo("Paid in cash");
    }

    @Test
    void theStatementPdfIsInTheMakersLanguageWithNoCodesAndItsCheckOnTheOnePage() throws Exception {
        for (String lang : List.of("en", "zh-CN")) {
            byte[] pdf = me.get().uri("/api/maker/months/{month}/statement.pdf?lang={lang}", last.toString(), lang).exchange()
                    .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(document.getNumberOfPages()).as(lang).isEqualTo(1);
                String text = new PDFTextStripper().getText(document);
                if (lang.equals("en")) {
                    assertThat(text).contains("Earnings statement", "Zhao Li", "Making: 12 × Paper-cut bookmark", "Paid in cash",
                            "Scan to check this statement").doesNotContain("收入明细", "现金");
                } else {
                    assertThat(text).contains("收入明细", "赵丽", "制作剪纸书签", "12 件", "现金支付", "扫码核验本明细")
                            .doesNotContain("Earnings statement");
                }
                assertThat(text).contains("/s/");
                CODES.forEach(code -> assertThat(text).as(lang).doesNotContain(code));
                assertThat(QrDecoding.find(new PDFRenderer(document).renderImageWithDPI(0, 300)).getText()).contains("/s/");
            }
        }
    }
}
