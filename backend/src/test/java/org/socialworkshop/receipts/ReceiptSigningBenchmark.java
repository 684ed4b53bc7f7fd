package org.socialworkshop.receipts;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.function.Supplier;

import org.socialworkshop.receipts.render.SampleReceipts;

/**
 * Times what issuing a receipt costs in the application apart from its database round trips: the canonical JSON,
 * its SHA-256 and the Ed25519 signature, and checking a signature. One thread, {@value #WARM_UP} runs to warm up,
 * then {@value #MEASURED} timed ones. Not a test (no {@code Test} suffix); see docs/performance.md.
 */
public final class ReceiptSigningBenchmark {

    static final int WARM_UP = 2_000;
    static final int MEASURED = 10_000;

    private ReceiptSigningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ReceiptCodec codec = new ReceiptCodec();
        ReceiptContent content = SampleReceipts.sale().content();
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] raw = Arrays.copyOfRange(key.getPublic().getEncoded(), 12, 44);
        byte[] payload = codec.payload(content);
        byte[] signature = ReceiptKeys.sign(key.getPrivate(), payload);

        System.out.printf("%-26s %9s %9s %9s %9s%n", "step", "mean µs", "p50 µs", "p99 µs", "per s");
        System.out.println(measure("encode + hash + sign", () -> {
            byte[] bytes = codec.payload(content);
            ReceiptKeys.sha256(bytes);
            return ReceiptKeys.sign(key.getPrivate(), bytes);
        }));
        System.out.println(measure("verify a signature", () -> ReceiptKeys.verify(raw, payload, signature) ? payload : null));
    }

    private static String measure(String name, Supplier<byte[]> step) {
        for (int i = 0; i < WARM_UP; i++) {
            step.get();
        }
        long[] nanos = new long[MEASURED];
        long started = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            step.get();
            nanos[i] = System.nanoTime() - start;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e3;
        return String.format("%-26s %9.1f %9.1f %9.1f %9.0f", name, mean, nanos[MEASURED / 2] / 1e3,
                nanos[(int) (MEASURED * 0.99)] / 1e3, MEASURED / seconds);
    }
}
