package org.socialworkshop.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message the storefront asks for is there in Chinese and in English. Checked on the files the browser
 * loads, so a key added in one language only, or a key a screen uses but nobody wrote, fails here and not in
 * front of a coordinator.
 */
class TranslationsTest {

    private static final String RESOURCES = "/META-INF/resources/";

    /** A staff-order message written out in a script or page: adminOrders. followed by its name (not a prefix). */
    private static final Pattern ORDER_KEY = Pattern.compile("adminOrders\\.[A-Za-z0-9_.]*[A-Za-z0-9_]\\b(?![.$])");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    /** Messages the order screens name by a code from the API, so no script spells them out. */
    private static final Map<String, Set<String>> ORDER_CODES = Map.ofEntries(
            Map.entry("adminOrders.status.", Set.of("PENDING_PAYMENT", "PAID", "FULFILLED", "CANCELLED", "REFUNDED", "PARTIALLY_REFUNDED", "READY_FOR_PICKUP", "SHIPPED")),
            Map.entry("adminOrders.type.", Set.of("PICKUP", "DELIVERY")),
            Map.entry("adminOrders.payment.", Set.of("OPEN", "SUCCEEDED", "FAILED", "EXPIRED")),
            Map.entry("adminOrders.provider.", Set.of("stripe", "demo")),
            Map.entry("adminOrders.method.", Set.of("ORIGINAL", "CASH", "BANK_TRANSFER", "AT_PROVIDER")),
            Map.entry("adminOrders.refund.methodNote.", Set.of("ORIGINAL", "CASH", "BANK_TRANSFER")),
            Map.entry("adminOrders.refundStatus.", Set.of("SUCCEEDED", "PENDING", "FAILED")),
            Map.entry("adminOrders.refund.result.", Set.of("SUCCEEDED", "PENDING", "FAILED")),
            Map.entry("adminOrders.refund.amountProblem.", Set.of("missing", "format", "range")),
            Map.entry("adminOrders.refund.scope.", Set.of("wholeShort", "linesShort", "amountShort")),
            Map.entry("adminOrders.fulfil.done.", Set.of("READY_FOR_PICKUP", "SHIPPED", "FULFILLED")),
            Map.entry("adminOrders.action.order.", Set.of("placed", "paid", "payment-failed", "payment-expired", "cancelled",
                    "ready-for-pickup", "shipped", "fulfilled", "refunded", "refund-failed", "paid-after-cancel", "stock-not-held")),
            Map.entry("adminOrders.historyDetail.", Set.of("amount", "total", "fulfilment", "method", "provider", "reference",
                    "restock", "note", "reason", "sku", "quantity")));

    private final Messages zh = Messages.of("zh-CN");
    private final Messages en = Messages.of("en");

    @Test
    void bothLanguagesHaveTheSameMessages() {
        assertThat(en.keys()).as("keys in en.json").containsExactlyElementsOf(zh.keys());
    }

    @Test
    void staffOrderScreensFindEveryMessageTheyUseInBothLanguages() throws IOException {
        Set<String> used = orderKeysInStorefront();
        ORDER_CODES.forEach((prefix, codes) -> codes.forEach(code -> used.add(prefix + code)));
        assertThat(used).as("adminOrders messages the order screens use").hasSizeGreaterThan(100);

        for (Messages messages : new Messages[] {zh, en}) {
            assertThat(messages.keys()).containsAll(used);
            used.forEach(key -> assertThat(messages.anyText(key)).as(key).isNotBlank());
        }
    }

    @Test
    void staffOrderMessagesFillTheSamePlaceholdersInBothLanguages() {
        zh.keys().stream().filter(key -> key.startsWith("adminOrders.")).forEach(key ->
                assertThat(placeholders(en.anyText(key))).as(key).isEqualTo(placeholders(zh.anyText(key))));
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The adminOrders keys spelled out in the storefront's scripts and pages, read from the classpath. */
    private static Set<String> orderKeysInStorefront() throws IOException {
        URI translations = storefrontFile("i18n/zh-CN.json");
        String text = translations.toString();
        if ("jar".equals(translations.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(URI.create(text.substring(0, text.indexOf("!/") + 2)), Map.of())) {
                return orderKeysUnder(jar.getPath(RESOURCES));
            }
        }
        return orderKeysUnder(Path.of(translations).getParent().getParent());
    }

    private static Set<String> orderKeysUnder(Path root) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".js") || file.toString().endsWith(".html"))
                    .forEach(file -> {
                        Matcher matcher = ORDER_KEY.matcher(read(file));
                        while (matcher.find()) {
                            keys.add(matcher.group());
                        }
                    });
        }
        return keys;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URI storefrontFile(String name) {
        URL url = TranslationsTest.class.getResource(RESOURCES + name);
        assertThat(url).as("the storefront's " + name + " on the classpath").isNotNull();
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
