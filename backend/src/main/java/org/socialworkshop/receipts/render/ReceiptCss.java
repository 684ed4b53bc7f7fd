package org.socialworkshop.receipts.render;

/**
 * The style sheet of a PDF receipt. A roll page is laid out {@value #ROLL_LENGTH_MM} mm tall and cut to the
 * receipt's length afterwards ({@link ReceiptPdf}); A4 is an ordinary page with the receipt in a centred column.
 */
final class ReceiptCss {

    static final int ROLL_WIDTH_MM = 80;
    static final int ROLL_LENGTH_MM = 4000;
    static final int ROLL_MARGIN_MM = 4;

    private static final String COMMON = """
            * { font-family: 'Noto Sans SC'; }
            body { margin: 0; line-height: 1.35; }
            h1 { font-size: 140%; font-weight: 700; text-align: center; margin: 0 0 1mm 0; }
            h2 { font-size: 115%; font-weight: 700; text-align: center; margin: 2mm 0 1mm 0; }
            p { margin: 1mm 0; }
            table { width: 100%; border-collapse: collapse; margin: 1.5mm 0; }
            th { text-align: left; font-weight: 400; vertical-align: bottom; }
            td { vertical-align: bottom; }
            .center, .refund, .makers, .qr { text-align: center; }
            .num { text-align: right; white-space: nowrap; }
            .second { font-size: 82%; }
            .refund { font-weight: 700; }
            .lines th, .taxes th { border-bottom: 0.3mm solid #000; }
            .lines td { padding-top: 1mm; }
            .quantity { padding-left: 3mm; }
            .total { border-top: 0.3mm solid #000; border-bottom: 0.3mm solid #000; font-size: 130%; }
            .total th, .total td { font-weight: 700; padding: 1mm 0; }
            .qr img { image-rendering: pixelated; }
            .qr p { margin: 0.5mm 0; }
            .url { font-size: 70%; word-wrap: break-word; }
            .key { font-size: 75%; text-align: center; }
            """;

    private static final String ROLL = """
            @page { size: %dmm %dmm; margin: 3mm %dmm 0 %dmm; }
            body { font-size: 8pt; }
            .qr img { width: 42mm; height: 42mm; }
            """.formatted(ROLL_WIDTH_MM, ROLL_LENGTH_MM, ROLL_MARGIN_MM, ROLL_MARGIN_MM);

    private static final String A4 = """
            @page { size: A4; margin: 20mm; }
            body { font-size: 10pt; }
            .receipt { width: 120mm; margin: 0 auto; }
            .second { color: #444; }
            .qr img { width: 45mm; height: 45mm; }
            """;

    private ReceiptCss() {
    }

    static String of(Paper paper) {
        return COMMON + (paper == Paper.ROLL_80MM ? ROLL : A4);
    }
}
