package org.socialworkshop.receipts.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PagePosition;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.Box;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.socialworkshop.receipts.SignedReceipt;
import org.socialworkshop.shared.Language;
import org.springframework.stereotype.Component;

/**
 * A receipt as PDF, on an 80 mm roll (the page exactly as long as the receipt) or on A4. Both languages are
 * shown; the primary one first. Chinese prints with the bundled Noto Sans SC, of which only the glyphs used are
 * embedded. Nothing outside the document is loaded: the QR code is inlined as a {@code data:} image.
 */
@Component
public class ReceiptPdf {

    /** Pixels of the embedded QR image: 8 a module for the usual symbol (version 7 and its quiet zone, 53 modules). */
    static final int QR_PX = 424;

    private static final float POINTS_PER_MM = 72f / 25.4f;
    private static final Pattern END = Pattern.compile("^" + ReceiptHtml.END_ID + "$");

    private final QrCodes qrCodes;
    private final ReceiptFonts fonts = new ReceiptFonts();

    public ReceiptPdf(QrCodes qrCodes) {
        this.qrCodes = qrCodes;
        PdfLog.install();
    }

    /** The receipt with Chinese first and times in Asia/Shanghai. */
    public byte[] render(SignedReceipt receipt, String verificationUrl, Paper paper) {
        return render(receipt, verificationUrl, paper, ReceiptText.DEFAULT_ZONE, Language.ZH_CN);
    }

    /**
     * The receipt as PDF bytes.
     *
     * @param verificationUrl the public page the QR code points at, printed beneath it
     * @param zone where the receipt's local date and time are told
     * @param language the language shown first; the other follows every label
     */
    public byte[] render(SignedReceipt receipt, String verificationUrl, Paper paper, ZoneId zone, Language language) {
        byte[] qr = qrCodes.png(verificationUrl, QR_PX);
        String html = ReceiptHtml.of(receipt, verificationUrl, qr, paper, zone, language);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .withHtmlContent(html, null)
                .useExternalResourceAccessControl((uri, type) -> uri.startsWith("data:"),
                        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        fonts.register(builder);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            try (PDDocument document = renderer.createPDFKeepOpen()) {
                // Positions are known once the pages are drawn.
                List<PagePosition<Box>> end = renderer.findPagePositionsByID(END);
                if (paper == Paper.ROLL_80MM && !end.isEmpty()) {
                    cutAfter(document, end.get(0));
                }
                ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
                document.save(pdf);
                return pdf.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Shortens the receipt's last page to end a margin below the receipt, as a roll printer cuts it: the page is
     * laid out very tall, and its media box is moved up to the end (PDF measures from the bottom of the page).
     */
    private static void cutAfter(PDDocument document, PagePosition<Box> end) {
        PDPage page = document.getPage(end.getPageNo());
        PDRectangle box = page.getMediaBox();
        float bottom = Math.max(box.getLowerLeftY(), end.getY() - ReceiptCss.ROLL_MARGIN_MM * POINTS_PER_MM);
        page.setMediaBox(new PDRectangle(box.getLowerLeftX(), bottom, box.getWidth(), box.getUpperRightY() - bottom));
    }
}
