package org.socialworkshop.receipts;

import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Receipts' settings ({@code workshop.receipts.*}).
 *
 * @param keySecret the secret the signing key is encrypted with ({@code RECEIPT_KEY_SECRET}); without it a demo
 *                  secret is used and the start-up log says so
 * @param timeZone  the time printed on receipts
 */
@ConfigurationProperties("workshop.receipts")
record ReceiptSettings(@Nullable String keySecret, @DefaultValue("Asia/Shanghai") ZoneId timeZone) {

    static final String DEMO_SECRET = "social-workshop-demo-receipt-key-secret";

    String secret() {
        return keySecret == null || keySecret.isBlank() ? DEMO_SECRET : keySecret;
    }

    boolean demoSecret() {
        return keySecret == null || keySecret.isBlank();
    }
}
