package org.socialworkshop.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message the storefront asks for exists in Chinese and in English, so no page ever shows a bare key.
 * Keys are read from the same files the browser loads: quoted keys in the modules, data-i18n attributes in the
 * pages; keys built from API codes (order statuses, say) are listed here, code by code.
 */
class StorefrontMessagesTest {

    /** A quoted string shaped like a key ("cart.add.done"); only those starting like a real key count. */
    private static final Pattern QUOTED = Pattern.compile("(['\"])([a-z][A-Za-z0-9-]*+(?:\\.[A-Za-z0-9_-]++)++)\\1");
    private static final Pattern ATTRIBUTES = Pattern.compile("data-i18n-attr=\"([^\"$]*)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** Sections whose placeholders must match between the languages (orders, receipts, statements, piece work, companies). */
    private static final Set<String> CHECKED_SECTIONS = Set.of("cart", "checkout", "demoPayment", "order", "adminOrders", "receipt",
            "statement", "maker", "piecework", "corporate");
    private static final Set<String> QUOTE_STATUSES = Set.of("REQUESTED", "SENT", "CHANGES_REQUESTED", "ACCEPTED", "DECLINED");
    private static final Set<String> LEDGER_REASONS = Set.of("WORK", "SALE_SHARE", "REFUND_SHARE", "PAYOUT", "ADJUSTMENT",
            "TOP_UP", "REVERSAL");

    /** Keys put together from codes the API sends. */
    private static final Map<String, Set<String>> FROM_CODES = Map.ofEntries(
            Map.entry("order.status.", Set.of("PENDING_PAYMENT", "PAID", "FULFILLED", "CANCELLED", "REFUNDED", "PARTIALLY_REFUNDED")),
            Map.entry("order.statusText.", Set.of("PENDING_PAYMENT", "PAID", "FULFILLED", "CANCELLED", "REFUNDED", "PARTIALLY_REFUNDED")),
            Map.entry("order.stage.", Set.of("READY_FOR_PICKUP", "SHIPPED")),
            Map.entry("order.payment.", Set.of("OPEN", "SUCCEEDED", "FAILED", "EXPIRED")),
            Map.entry("order.refunds.", Set.of("SUCCEEDED", "PENDING", "FAILED")),
            Map.entry("demoPayment.closed.", Set.of("SUCCEEDED", "FAILED", "EXPIRED")),
            Map.entry("cart.quantity.", Set.of("missing", "format", "range", "lessPlain", "morePlain")),
            Map.entry("adminOrders.status.", Set.of("PENDING_PAYMENT", "PAID", "FULFILLED", "CANCELLED", "REFUNDED", "PARTIALLY_REFUNDED",
                    "READY_FOR_PICKUP", "SHIPPED")),
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
                    "restock", "note", "reason", "sku", "quantity")),
            Map.entry("receipt.verdict.", Set.of("GENUINE", "REFUNDED", "PARTIALLY_REFUNDED", "VOIDED", "NOT_GENUINE")),
            Map.entry("receipt.why.", Set.of("GENUINE", "REFUNDED", "PARTIALLY_REFUNDED", "VOIDED")),
            Map.entry("receipt.kind.", Set.of("SALE", "REFUND")),
            Map.entry("receipt.total.", Set.of("SALE", "REFUND")),
            Map.entry("receipt.tenders.", Set.of("SALE", "REFUND")),
            Map.entry("receipt.tender.", Set.of("CARD", "WALLET", "CASH", "ONLINE", "BANK_TRANSFER")),
            Map.entry("receipt.provider.", Set.of("stripe", "demo")),
            Map.entry("maker.reason.", LEDGER_REASONS),
            Map.entry("maker.report.piecesProblem.", Set.of("missing", "format", "range")),
            Map.entry("piecework.reason.", LEDGER_REASONS),
            Map.entry("piecework.status.", Set.of("REPORTED", "RECORDED", "CHECKED", "DECLINED")),
            Map.entry("piecework.method.", Set.of("BANK_TRANSFER", "CASH", "MOBILE_WALLET")),
            Map.entry("piecework.count.", Set.of("missing", "format", "range")),
            Map.entry("piecework.amount.", Set.of("missing", "format", "range", "zero")),
            Map.entry("statement.reason.", LEDGER_REASONS),
            Map.entry("corporate.kind.", Set.of("NORMAL", "SPECIAL")),
            Map.entry("corporate.quoteStatus.", QUOTE_STATUSES),
            Map.entry("corporate.quote.explain.", QUOTE_STATUSES),
            Map.entry("corporate.basis.", Set.of("CATALOG", "TIER", "NEGOTIATED")),
            Map.entry("corporate.issue.", Set.of("BELOW_MINIMUM", "NOT_A_MULTIPLE")),
            Map.entry("corporate.request.quantity.", Set.of("missing", "format", "range")),
            Map.entry("corporate.pricing.delivery.", Set.of("missing", "format", "range")),
            Map.entry("corporate.pricing.unitPrice.", Set.of("missing", "format", "range")),
            Map.entry("corporate.enquiries.lang.", Set.of("zh-CN", "en")),
            Map.entry("corporate.orderStatus.", Set.of("PENDING_PAYMENT", "PAID", "FULFILLED", "CANCELLED", "REFUNDED", "PARTIALLY_REFUNDED")),
            Map.entry("corporate.instalment.kind.", Set.of("DEPOSIT", "BALANCE", "FULL")),
            Map.entry("corporate.instalment.status.", Set.of("PAID", "PART_PAID", "DUE", "OVERDUE")),
            Map.entry("corporate.payment.method.", Set.of("BANK_TRANSFER", "INVOICE")),
            Map.entry("corporate.payment.status.", Set.of("OPEN", "SUCCEEDED", "FAILED", "EXPIRED")),
            Map.entry("corporate.receipt.", Set.of("SALE", "REFUND", "PAYMENT", "other")),
            Map.entry("corporate.transfer.amount.", Set.of("missing", "format", "range")));

    private final Messages zh = Messages.of("zh-CN");
    private final Messages en = Messages.of("en");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(en.keys()).as("keys in en.json").isEqualTo(zh.keys());
    }

    @Test
    void everyKeyThePagesUseExistsInBothLanguages() {
        Map<String, Set<String>> used = usedKeys();
        assertThat(used).as("keys found in the storefront's sources").isNotEmpty();
        Map<String, Set<String>> missing = new TreeMap<>();
        used.forEach((key, files) -> {
            if (!isKnown(zh, key) || !isKnown(en, key)) {
                missing.put(key, files);
            }
        });
        assertThat(missing).as("keys used but missing in zh-CN.json or en.json (key → files)").isEmpty();
    }

    @Test
    void keysBuiltFromApiCodesExist() {
        FROM_CODES.forEach((prefix, codes) -> codes.forEach(code -> {
            assertThat(zh.entries().has(prefix + code)).as("zh-CN " + prefix + code).isTrue();
            assertThat(en.entries().has(prefix + code)).as("en " + prefix + code).isTrue();
        }));
    }

    @Test
    void orderMessagesTakeTheSamePlaceholdersInBothLanguages() {
        for (String key : zh.keys()) {
            if (CHECKED_SECTIONS.contains(key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.')))) {
                assertThat(placeholders(en.entries().get(key))).as("placeholders of " + key + " in en")
                        .isEqualTo(placeholders(zh.entries().get(key)));
            }
        }
    }

    /** A key the file has, or the prefix of keys made from codes ("admin.channel" + ".ONLINE"). */
    private static boolean isKnown(Messages messages, String key) {
        if (messages.entries().has(key)) {
            return true;
        }
        return messages.keys().stream().anyMatch(existing -> existing.startsWith(key + "."));
    }

    private static Set<String> placeholders(JsonNode entry) {
        Set<String> names = new TreeSet<>();
        Stream<JsonNode> texts = entry.isObject() ? entry.valueStream() : Stream.of(entry);
        texts.forEach(text -> {
            Matcher matcher = PLACEHOLDER.matcher(text.asString());
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        });
        return names;
    }

    /** Key → the files using it, over every page and module of the storefront. */
    private Map<String, Set<String>> usedKeys() {
        Set<String> sections = new TreeSet<>();
        zh.keys().forEach(key -> sections.add(key.split("\\.")[0]));
        Map<String, Set<String>> used = new TreeMap<>();
        StorefrontFiles.walk(root -> {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(file -> file.toString().endsWith(".js") || file.toString().endsWith(".html"))
                        .forEach(file -> collect(root.relativize(file).toString(), read(file), sections, used));
            }
        });
        return used;
    }

    private static void collect(String file, String source, Set<String> sections, Map<String, Set<String>> used) {
        Matcher quoted = QUOTED.matcher(source);
        while (quoted.find()) {
            String key = quoted.group(2);
            if (sections.contains(key.split("\\.")[0])) {
                used.computeIfAbsent(key, k -> new TreeSet<>()).add(file);
            }
        }
        Matcher attributes = ATTRIBUTES.matcher(source);
        while (attributes.find()) {
            for (String pair : attributes.group(1).split(";")) {
                String[] parts = pair.split(":", 2);
                if (parts.length == 2 && parts[1].trim().contains(".")) {
                    used.computeIfAbsent(parts[1].trim(), k -> new TreeSet<>()).add(file);
                }
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
