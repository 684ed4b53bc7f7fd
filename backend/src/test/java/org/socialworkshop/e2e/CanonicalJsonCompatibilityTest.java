package org.socialworkshop.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A POS tablet will sign its register's receipts (docs/adr/0017, step 4), so the storefront's canonical JSON
 * (lib/canonical-json.js, run in Chromium) must give the very bytes the server's does: for every kind of value a
 * receipt holds, for names that sort differently by UTF-16 unit than by code point, and for text that must be escaped.
 */
@WorkshopTest
class CanonicalJsonCompatibilityTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    SignedDocuments documents;

    @Autowired
    JsonMapper json;

    @Test
    void theTabletWritesTheServersBytes() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", "瓷胎竹编茶杯 \"大号\"");
        line.put("quantity", 2);
        line.put("amount", Map.of("amount", -13600, "currency", "CNY"));
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("zeta", "last by ASCII");
        tree.put("alpha", List.of(1, 0, -1, 9_007_199_254_740_991L, true, false));
        tree.put("\uFF5A", "fullwidth z (U+FF5A): before the emoji by code point, after it by UTF-16 unit");
        tree.put("\uD83D\uDE00", "an emoji name (U+1F600)");
        tree.put("é", "accented");
        tree.put("中", "汉字 and 😀 as themselves");
        tree.put("escapes", "quote \" backslash \\ slash / tab \t newline \n return \r");
        tree.put("nothing", null);
        tree.put("lines", List.of(line, Map.of()));
        tree.put("", "an empty name");

        byte[] server = documents.canonical(tree);

        Storefront page = browser.open(port, "/pos/?lang=en").ready("en");
        Object answer = ((JavascriptExecutor) page.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/lib/canonical-json.js')
                  .then((m) => done(btoa(String.fromCharCode(...m.canonicalBytes(JSON.parse(arguments[0]))))))
                  .catch((error) => done('failed: ' + error));""", json.writeValueAsString(tree));

        assertThat(answer).asString().doesNotStartWith("failed");
        assertThat(new String(Base64.getDecoder().decode((String) answer), StandardCharsets.UTF_8))
                .isEqualTo(new String(server, StandardCharsets.UTF_8));
        assertThat(Base64.getDecoder().decode((String) answer)).isEqualTo(server);
    }
}
