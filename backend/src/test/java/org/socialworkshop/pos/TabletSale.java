package org.socialworkshop.pos;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.shared.Money;
import org.socialworkshop.shared.SignatureText;

/**
 * A cash sale as the counter tablet makes it (components/pos/pos-sale, lib/pos-receipt.js): the lines priced from
 * {@code GET /api/pos/catalog}, the receipt numbered and chained from the series of {@code GET /api/pos/device}, in
 * canonical JSON, signed with the tablet's key. {@link #body()} is what it posts to {@code /api/pos/sales}; a test may
 * change the receipt before it is signed ({@link #tamper}) to see what the server refuses.
 */
final class TabletSale {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    final UUID clientId = UUID.randomUUID();
    private final Map<String, Object> catalog;
    private final List<Map<String, Object>> lines = new ArrayList<>();
    private final List<Map<String, Object>> receiptLines = new ArrayList<>();
    private final LinkedHashSet<String> makers = new LinkedHashSet<>();
    private long total;

    TabletSale(Map<String, Object> catalog) {
        this.catalog = catalog;
    }

    /** Adds {@code quantity} of the variant, priced as the catalog says. */
    @SuppressWarnings("unchecked")
    TabletSale add(String variantId, int quantity) {
        for (Map<String, Object> product : (List<Map<String, Object>>) catalog.get("products")) {
            for (Map<String, Object> variant : (List<Map<String, Object>>) product.get("variants")) {
                if (variant.get("id").equals(variantId)) {
                    long price = ((Number) ((Map<String, Object>) variant.get("price")).get("amount")).longValue();
                    lines.add(Map.of("variantId", variantId, "quantity", quantity));
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("name", product.get("nameZh"));
                    line.put("nameEn", product.get("nameEn"));
                    line.put("variant", variant.get("nameZh"));
                    line.put("quantity", quantity);
                    line.put("unitPrice", money(price));
                    line.put("amount", money(price * quantity));
                    line.put("taxRate", variant.get("taxRate"));
                    receiptLines.add(line);
                    makers.addAll((List<String>) product.get("makers"));
                    total += price * quantity;
                    return this;
                }
            }
        }
        throw new IllegalArgumentException("The counter's catalog has no variant " + variantId);
    }

    long total() {
        return total;
    }

    /** The receipt the tablet signs for this sale paid with {@code given} cash, as the series stands. */
    @SuppressWarnings("unchecked")
    Map<String, Object> receipt(String register, Map<String, Object> series, long given) {
        long number = ((Number) series.get("lastNumber")).longValue() + 1;
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("v", 1);
        receipt.put("register", register);
        receipt.put("number", number);
        receipt.put("kind", "SALE");
        receipt.put("issuedAt", MICROS.format(Instant.now()));
        receipt.put("orderNumber", register + "-" + number);
        receipt.put("refundOf", null);
        receipt.put("seller", catalog.get("seller"));
        receipt.put("lines", receiptLines);
        receipt.put("taxes", taxes());
        receipt.put("total", money(total));
        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("type", "CASH");
        tender.put("provider", null);
        tender.put("amount", money(total));
        tender.put("given", money(given));
        tender.put("change", money(given - total));
        tender.put("reference", null);
        receipt.put("tenders", List.of(tender));
        receipt.put("makers", List.copyOf(makers));
        receipt.put("previousHash", series.get("lastHash"));
        receipt.put("keyId", series.get("keyId"));
        return receipt;
    }

    /** What the tablet posts: the sale with the receipt, after {@code tamper} had its way with it, signed by {@code tablet}. */
    Map<String, Object> body(PairedTablet tablet, SignedDocuments documents, String register, Map<String, Object> series, long given,
            Consumer<Map<String, Object>> tamper) {
        Map<String, Object> receipt = receipt(register, series, given);
        tamper.accept(receipt);
        byte[] payload = documents.canonical(receipt);
        return Map.of("clientId", clientId, "lines", lines,
                "tenders", List.of(Map.of("type", "CASH", "amount", money(total), "given", money(given))),
                "receipt", Map.of("payload", SignatureText.of(payload), "signature", SignatureText.of(tablet.sign(payload))));
    }

    Map<String, Object> body(PairedTablet tablet, SignedDocuments documents, String register, Map<String, Object> series, long given) {
        return body(tablet, documents, register, series, given, receipt -> { });
    }

    /** Tax included per rate, in the order of the rates written out, as receipts show it. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> taxes() {
        Map<String, Long> gross = new TreeMap<>();
        receiptLines.forEach(line -> gross.merge((String) line.get("taxRate"),
                ((Number) ((Map<String, Object>) line.get("amount")).get("amount")).longValue(), Long::sum));
        return gross.entrySet().stream().map(rate -> {
            long tax = Money.fen(rate.getValue()).includedTax(new BigDecimal(rate.getKey())).minor();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("rate", rate.getKey());
            line.put("gross", money(rate.getValue()));
            line.put("tax", money(tax));
            line.put("net", money(rate.getValue() - tax));
            return line;
        }).toList();
    }

    static Map<String, Object> money(long fen) {
        return Map.of("amount", fen, "currency", "CNY");
    }
}
