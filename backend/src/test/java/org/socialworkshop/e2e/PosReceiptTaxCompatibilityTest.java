package org.socialworkshop.e2e;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.socialworkshop.shared.Money;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A POS tablet states the taxes of the receipts it signs (lib/pos-receipt.js, run in Chromium), and the server rebuilds
 * them with {@link Money#includedTax}: the two must agree to the fen for every amount and rate, ties rounded half to
 * even included (a rate such as 100 %, 28 % or 60 % has amounts whose net lies exactly between two fen), for refunds'
 * negative amounts too.
 */
@WorkshopTest
class PosReceiptTaxCompatibilityTest {

    private static final List<String> RATES = List.of("0", "0.00", "0.01", "0.03", "0.06", "0.09", "0.13", "0.12", "0.28",
            "0.6", "0.5", "0.125", "1", "1.00");
    private static final List<Long> AMOUNTS = List.of(0L, 1L, 2L, 3L, 4L, 5L, 14L, 16L, 99L, 100L, 101L, 106L, 113L, 1800L,
            5600L, 12_345L, 9_999_999L, 10_000_000L, 99_999_999_999L, -1L, -3L, -16L, -113L, -5600L);

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void theTabletWorksOutTheServersTaxes() {
        List<Map<String, Object>> pairs = new ArrayList<>();
        Random random = new Random(20261206);
        int ties = 0;
        for (String rate : RATES) {
            for (long gross : AMOUNTS) {
                pairs.add(Map.of("gross", gross, "rate", rate));
            }
            for (int i = 0; i < 40; i++) {
                pairs.add(Map.of("gross", (long) random.nextInt(2_000_000), "rate", rate));
            }
            for (long gross = 1; gross <= 2_000; gross++) {
                if (isTie(gross, rate)) {
                    pairs.add(Map.of("gross", gross, "rate", rate));
                    pairs.add(Map.of("gross", -gross, "rate", rate));
                    ties++;
                }
            }
        }
        assertThat(ties).as("amounts whose net lies exactly between two fen").isGreaterThan(100);

        Storefront page = browser.open(port, "/pos/?lang=en").ready("en");
        Object answer = ((JavascriptExecutor) page.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/lib/pos-receipt.js')
                  .then((m) => done(arguments[0].map(({ gross, rate }) => m.includedTax(gross, rate))))
                  .catch((error) => done('failed: ' + error));""", pairs);

        assertThat(answer).as("the tablet's answer").isInstanceOf(List.class);
        List<?> tablet = (List<?>) answer;
        assertThat(tablet).hasSameSizeAs(pairs);
        for (int i = 0; i < pairs.size(); i++) {
            long gross = (Long) pairs.get(i).get("gross");
            String rate = (String) pairs.get(i).get("rate");
            long server = Money.fen(gross).includedTax(new BigDecimal(rate)).minor();
            assertThat(((Number) tablet.get(i)).longValue()).as("tax in %d fen at %s", gross, rate).isEqualTo(server);
        }
    }

    /** Whether gross ÷ (1 + rate) has a fraction of exactly one half. */
    private static boolean isTie(long gross, String rate) {
        BigDecimal net = BigDecimal.valueOf(gross).divide(BigDecimal.ONE.add(new BigDecimal(rate)), MathContext.DECIMAL128);
        return net.remainder(BigDecimal.ONE).compareTo(new BigDecimal("0.5")) == 0;
    }
}
