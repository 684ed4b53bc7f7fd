package org.socialworkshop.receipts.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The CJK font PDFs embed: Noto Sans SC, regular and bold, subset to GB2312 and shipped in the jar
 * ({@code resources/fonts/README.md}). Read once; each PDF embeds only the glyphs it uses.
 */
final class ReceiptFonts {

    static final String FAMILY = "Noto Sans SC";

    private final byte[] regular;
    private final byte[] bold;

    ReceiptFonts() {
        this.regular = read("/fonts/NotoSansSC-Regular.ttf");
        this.bold = read("/fonts/NotoSansSC-Bold.ttf");
    }

    void register(PdfRendererBuilder builder) {
        builder.useFont(() -> new ByteArrayInputStream(regular), FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(bold), FAMILY, 700, FontStyle.NORMAL, true);
    }

    private static byte[] read(String resource) {
        try (InputStream in = ReceiptFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
