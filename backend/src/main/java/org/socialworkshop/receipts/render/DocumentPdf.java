package org.socialworkshop.receipts.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;

/**
 * A4 PDFs of other signed documents (earnings statements) with the receipts' fonts: Chinese prints with the
 * bundled Noto Sans SC, and nothing outside the document is loaded ({@code data:} images only).
 */
@Component
public class DocumentPdf {

    private final ReceiptFonts fonts = new ReceiptFonts();

    public DocumentPdf() {
        PdfLog.install();
    }

    /** The XHTML document as PDF bytes; use {@link #escape} for every text put into it. */
    public byte[] render(String xhtml) {
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .withHtmlContent(xhtml, null)
                .useExternalResourceAccessControl((uri, type) -> uri.startsWith("data:"),
                        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        fonts.register(builder);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    /** The font family to name in the document's CSS. */
    public static String fontFamily() {
        return ReceiptFonts.FAMILY;
    }

    /** Text escaped for XHTML. */
    public static String escape(String text) {
        return Xml.text(text);
    }
}
