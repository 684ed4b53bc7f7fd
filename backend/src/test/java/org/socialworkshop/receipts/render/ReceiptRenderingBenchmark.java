package org.socialworkshop.receipts.render;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.socialworkshop.receipts.SignedReceipt;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Times each rendering of the sample sale on one thread: {@value #WARM_UP} runs to warm up, then
 * {@value #MEASURED} timed ones; prints mean, p50, p99 (ms), runs per second and the output's size. Not a test
 * (no {@code Test} suffix, so Surefire leaves it alone); see docs/performance.md for how to run it.
 */
public final class ReceiptRenderingBenchmark {

    static final int WARM_UP = 200;
    static final int MEASURED = 1_000;

    private ReceiptRenderingBenchmark() {
    }

    public static void main(String[] args) {
        // As application.yaml has it: PDFBox would warn about its unused standard fonts on every document.
        LoggingSystem.get(ReceiptRenderingBenchmark.class.getClassLoader())
                .setLogLevel("org.apache.pdfbox.pdmodel.font.PDType1Font", LogLevel.ERROR);
        QrCodes qrCodes = new QrCodes();
        ReceiptPdf pdf = new ReceiptPdf(qrCodes);
        EscPos escPos = new EscPos(qrCodes);
        SignedReceipt sale = SampleReceipts.sale();
        String url = SampleReceipts.url(sale);
        ZoneId zone = ZoneId.of("Asia/Shanghai");

        Map<String, Supplier<byte[]>> renderings = new LinkedHashMap<>();
        renderings.put("PNG 300 px", () -> qrCodes.png(url, 300));
        renderings.put("PDF 80 mm", () -> pdf.render(sale, url, Paper.ROLL_80MM));
        renderings.put("PDF A4", () -> pdf.render(sale, url, Paper.A4));
        renderings.put("ESC/POS 80 mm", () -> escPos.render(sale, url, 80, zone));

        System.out.printf("%-14s %9s %9s %9s %9s %9s%n", "rendering", "mean ms", "p50 ms", "p99 ms", "per s", "bytes");
        renderings.forEach((name, rendering) -> System.out.println(measure(name, rendering)));
    }

    private static String measure(String name, Supplier<byte[]> rendering) {
        long size = 0;
        for (int i = 0; i < WARM_UP; i++) {
            size = rendering.get().length;
        }
        long[] nanos = new long[MEASURED];
        long started = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            size = rendering.get().length;
            nanos[i] = System.nanoTime() - start;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElseThrow() / 1e6;
        return "%-14s %9.2f %9.2f %9.2f %9.0f %9d".formatted(name, mean, percentile(nanos, 50), percentile(nanos, 99),
                MEASURED / seconds, size);
    }

    /** The nearest-rank percentile of sorted durations, in milliseconds. */
    private static double percentile(long[] sortedNanos, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }
}
