package org.socialworkshop.receipts.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socialworkshop.receipts.ReceiptContent;
import org.socialworkshop.receipts.SignedReceipt;
import org.socialworkshop.shared.Language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReceiptPdfTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final float POINTS_PER_MM = 72f / 25.4f;

    private final ReceiptPdf pdf = new ReceiptPdf(new QrCodes());
    private final SignedReceipt sale = SampleReceipts.sale();
    private final String url = SampleReceipts.url(sale);

    @ParameterizedTest
    @EnumSource(Paper.class)
    void theQrCodeOnThePrintedPageReadsBackAsExactlyTheUrl(Paper paper) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.render(sale, url, paper))) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 300, ImageType.GRAY);

            assertThat(QrDecoding.find(page).getText()).isEqualTo(url);
        }
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void chineseIsPrintedWithTheBundledFontEmbedded(Paper paper) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.render(sale, url, paper))) {
            String text = new PDFTextStripper().getText(document);
            List<PDFont> fonts = fonts(document.getPage(0));

            assertThat(text).contains("青花茶杯（大号）", "成都市锦江区锦爱社会工坊", "¥137.00", "手作：李梅、王强", SampleReceipts.LOCAL_TIME);
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.getName()).contains("NotoSansSC");
                assertThat(font.isEmbedded()).isTrue();
            });
        }
    }

    @Test
    void labelsAreInChineseWithEnglishAfterThem() throws IOException {
        String text = text(pdf.render(sale, url, Paper.ROLL_80MM));

        assertThat(text).contains("销售小票 Sales receipt", "合计 Total", "税率 Tax rate", "时间 Time", "找零 Change", "扫码验真 Scan to verify",
                "Made by 李梅, 王强", "Blue tea cup");
    }

    @Test
    void withEnglishFirstTheChineseStillFollows() throws IOException {
        SignedReceipt refund = SampleReceipts.refund();
        String text = text(pdf.render(refund, SampleReceipts.url(refund), Paper.A4, SHANGHAI, Language.EN));

        assertThat(text).contains("Refund receipt 退款小票", "Total refunded 退款合计", "Refund of ONLINE-12", "退款 ONLINE-12",
                "Card (Stripe) 银行卡（Stripe）").doesNotContain("Made by", "手作：");
        assertThat(text.indexOf("Blue tea cup")).isLessThan(text.indexOf("青花茶杯"));
    }

    @Test
    void theRollIs80mmWideAndEndsJustAfterTheReceipt() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.render(sale, url, Paper.ROLL_80MM))) {
            PDPage page = document.getPage(0);
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.GRAY);
            int pxPerMm = Math.round(150 / 25.4f);

            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(page.getMediaBox().getWidth()).isCloseTo(226.77f, within(1f));
            assertThat(page.getMediaBox().getHeight() / POINTS_PER_MM).isBetween(120f, 400f);
            // Printing (the last line, the hash) within 12 mm of the end, blank paper in the last 2 mm.
            assertThat(darkRows(image, image.getHeight() - 12 * pxPerMm, image.getHeight())).isPositive();
            assertThat(darkRows(image, image.getHeight() - 2 * pxPerMm, image.getHeight())).isZero();
        }
    }

    @Test
    void a4IsAnA4Page() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.render(sale, url, Paper.A4))) {
            PDPage page = document.getPage(0);

            assertThat(page.getMediaBox().getWidth()).isCloseTo(595.3f, within(1f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(841.9f, within(1f));
        }
    }

    @Test
    void timesAreToldInTheGivenZone() throws IOException {
        String text = text(pdf.render(sale, url, Paper.A4, ZoneOffset.UTC, Language.ZH_CN));

        assertThat(text).contains("2026-11-29 14:03:12").doesNotContain(SampleReceipts.LOCAL_TIME);
    }

    @Test
    void receiptTextIsEscapedNotInterpretedAsMarkup() throws IOException {
        ReceiptContent content = sale.content();
        ReceiptContent.Seller seller = new ReceiptContent.Seller("<b>茶&amp;杯</b> \"工坊\"", "1 < 2 & 3 > 2", "'x'");
        ReceiptContent odd = new ReceiptContent(content.register(), content.number(), content.kind(), content.issuedAt(),
                content.orderNumber(), null, seller, content.lines(), content.taxes(), content.total(), content.tenders(),
                List.of("李\u0000梅"), content.previousHash(), content.keyId());
        SignedReceipt receipt = new SignedReceipt(odd, sale.payload(), sale.hash(), sale.signature());

        String text = text(pdf.render(receipt, url, Paper.A4));

        assertThat(text).contains("<b>茶&amp;杯</b> \"工坊\"", "1 < 2 & 3 > 2", "'x'", "李?梅");
    }

    @Test
    void theKeyAndAShortHashArePrinted() throws IOException {
        String text = text(pdf.render(sale, url, Paper.ROLL_80MM));

        assertThat(text).contains("rk-2026-11-29-1", sale.hash().substring(0, 16)).doesNotContain(sale.hash());
    }

    @Test
    void papersAreNamedAsInTheQuery() {
        assertThat(Paper.fromParameter("80MM")).contains(Paper.ROLL_80MM);
        assertThat(Paper.fromParameter("a4")).contains(Paper.A4);
        assertThat(Paper.fromParameter("letter")).isEmpty();
    }

    private static String text(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static List<PDFont> fonts(PDPage page) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (COSName name : page.getResources().getFontNames()) {
            fonts.add(page.getResources().getFont(name));
        }
        return fonts;
    }

    private static int darkRows(BufferedImage image, int from, int to) {
        int rows = 0;
        for (int y = from; y < to; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    rows++;
                    break;
                }
            }
        }
        return rows;
    }
}
