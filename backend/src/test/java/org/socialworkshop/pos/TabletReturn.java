package org.socialworkshop.pos;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.shared.SignatureText;

/**
 * A return at the counter as the tablet makes it (components/pos/pos-return, lib/pos-returns.js): from the original's
 * lines as {@code GET /api/pos/returns/lookup} gives them, units of some of them given back, the refund receipt
 * numbered and chained from the series of {@code GET /api/pos/device}, in canonical JSON, signed with the tablet's key.
 * {@link #body} is what it posts to {@code /api/pos/returns}; a test may change the receipt before it is signed.
 */
public final class TabletReturn {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    public UUID clientId = UUID.randomUUID();
    private final Map<String, Object> found;
    private final Map<String, Object> seller;
    private final Map<String, Map<String, Object>> wanted = new LinkedHashMap<>();
    private String tender = "CASH";
    /** The body {@link #body} made last: what the tablet sends again when an answer was lost. */
    public Map<String, Object> lastBody;

    /** From the lookup's answer, and the counter's catalog (whose seller every receipt names). */
    @SuppressWarnings("unchecked")
    public TabletReturn(Map<String, Object> found, Map<String, Object> catalog) {
        this.found = found;
        this.seller = (Map<String, Object>) catalog.get("seller");
    }

    public TabletReturn add(String lineId, int quantity, boolean restock) {
        wanted.put(lineId, Map.of("lineId", lineId, "quantity", quantity, "restock", restock));
        return this;
    }

    public TabletReturn tender(String tender) {
        this.tender = tender;
        return this;
    }

    /** The lookup's lines, in the receipt's order. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> lines() {
        return (List<Map<String, Object>>) found.get("lines");
    }

    /** The refund receipt's lines: in the sale receipt's order, each the units given back at their share of the line. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> refundLines() {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> line : lines()) {
            Map<String, Object> chosen = wanted.get((String) line.get("lineId"));
            if (chosen == null) {
                continue;
            }
            int units = (Integer) chosen.get("quantity");
            int quantity = ((Number) line.get("quantity")).intValue();
            long unit = amount(line.get("unitPrice"));
            long sold = amount(line.get("amount"));
            long amount = units == quantity ? sold : Math.floorDiv(sold * units, quantity);
            Map<String, Object> refunded = new LinkedHashMap<>();
            refunded.put("name", line.get("name"));
            refunded.put("nameEn", line.get("nameEn"));
            refunded.put("variant", line.get("variant"));
            refunded.put("variantEn", line.get("variantEn"));
            refunded.put("quantity", units);
            refunded.put("unitPrice", TabletSale.money(unit));
            refunded.put("amount", TabletSale.money(amount));
            refunded.put("taxRate", line.get("taxRate"));
            if (line.get("options") != null) {
                refunded.put("options", line.get("options"));
            }
            Map<String, Object> discount = (Map<String, Object>) line.get("discount");
            if (discount != null) {
                refunded.put("discount", Map.of("amount", TabletSale.money(unit * units - amount), "reason", discount.get("reason")));
            }
            lines.add(refunded);
        }
        return lines;
    }

    public long total() {
        return refundLines().stream().mapToLong(line -> amount(line.get("amount"))).sum();
    }

    /** The refund receipt the tablet signs, as the series stands. */
    public Map<String, Object> receipt(String register, Map<String, Object> series) {
        long number = ((Number) series.get("lastNumber")).longValue() + 1;
        List<Map<String, Object>> lines = refundLines();
        long total = total();
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("v", 3);
        receipt.put("register", register);
        receipt.put("number", number);
        receipt.put("kind", "REFUND");
        receipt.put("issuedAt", MICROS.format(Instant.now()));
        receipt.put("orderNumber", found.get("orderNumber"));
        receipt.put("refundOf", found.get("number"));
        receipt.put("seller", seller);
        receipt.put("lines", lines);
        receipt.put("taxes", TabletSale.taxes(lines));
        receipt.put("total", TabletSale.money(total));
        receipt.put("tenders", tenders(total));
        receipt.put("makers", List.of());
        receipt.put("makersEn", List.of());
        receipt.put("previousHash", series.get("lastHash"));
        receipt.put("keyId", series.get("keyId"));
        return receipt;
    }

    /**
     * How the money goes back: all in cash; or, to the original tender of a sale paid by card, wallet or online, to the
     * lookup's {@code backTo} as much as is left of it, the rest in cash.
     */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> tenders(long total) {
        Map<String, Object> backTo = "ORIGINAL".equals(tender) ? (Map<String, Object>) ((Map<String, Object>) found.get("tenders")).get("backTo")
                : null;
        List<Map<String, Object>> tenders = new ArrayList<>();
        long toOriginal = 0;
        if (backTo != null) {
            toOriginal = Math.min(total, amount(backTo.get("amount")));
            tenders.add(tender((String) backTo.get("type"), (String) backTo.get("provider"), toOriginal, (String) backTo.get("reference")));
        }
        if (total > toOriginal) {
            tenders.add(tender("CASH", null, total - toOriginal, null));
        }
        return tenders;
    }

    private static Map<String, Object> tender(String type, String provider, long amount, String reference) {
        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("type", type);
        tender.put("provider", provider);
        tender.put("amount", TabletSale.money(amount));
        tender.put("given", null);
        tender.put("change", null);
        tender.put("reference", reference);
        return tender;
    }

    /** What the tablet posts: the return with its receipt, after {@code tamper} had its way with it, signed by {@code tablet}. */
    public Map<String, Object> body(PairedTablet tablet, SignedDocuments documents, String register, Map<String, Object> series,
            Consumer<Map<String, Object>> tamper) {
        Map<String, Object> receipt = receipt(register, series);
        tamper.accept(receipt);
        byte[] payload = documents.canonical(receipt);
        lastBody = new LinkedHashMap<>(Map.of("clientId", clientId, "original", found.get("code"), "lines", List.copyOf(wanted.values()),
                "tender", tender,
                "receipt", Map.of("payload", SignatureText.of(payload), "signature", SignatureText.of(tablet.sign(payload)))));
        return lastBody;
    }

    public Map<String, Object> body(PairedTablet tablet, SignedDocuments documents, String register, Map<String, Object> series) {
        return body(tablet, documents, register, series, receipt -> { });
    }

    @SuppressWarnings("unchecked")
    private static long amount(Object money) {
        return ((Number) ((Map<String, Object>) money).get("amount")).longValue();
    }
}
