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
import java.util.Objects;
import java.util.Optional;
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
public final class TabletSale {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    public final UUID clientId = UUID.randomUUID();
    private final Map<String, Object> catalog;
    private final List<Map<String, Object>> lines = new ArrayList<>();
    private final List<Map<String, Object>> receiptLines = new ArrayList<>();
    /** The makers of the lines' products, each once: their names in Chinese characters and in Latin script. */
    private final LinkedHashSet<List<String>> makers = new LinkedHashSet<>();
    private boolean oldPage;
    private long total;
    private String priceList;
    private Integer pickupNumber;
    private final List<Map<String, Object>> paidTenders = new ArrayList<>();
    private final List<Map<String, Object>> sentTenders = new ArrayList<>();

    public TabletSale(Map<String, Object> catalog) {
        this.catalog = catalog;
    }

    /**
     * Signs the receipt as a tablet still running a page from before format 3 does: format 1 or 2, without the seller's
     * English name and address, the lines' English variants and the makers' Latin names.
     */
    public TabletSale asOldPage() {
        this.oldPage = true;
        return this;
    }

    /** Prices the lines added from now on at the list {@code code}'s prices, where it has one. */
    public TabletSale priceList(String code) {
        this.priceList = code;
        return this;
    }

    /**
     * Part of the sale paid by card or wallet: the counter payment {@code payment} as {@code GET /api/pos/payments/{id}}
     * answered it once paid. Cash pays the rest, if any.
     */
    @SuppressWarnings("unchecked")
    public TabletSale paidBy(Map<String, Object> payment) {
        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("type", payment.get("method"));
        tender.put("provider", payment.get("provider"));
        tender.put("amount", money(((Number) ((Map<String, Object>) payment.get("amount")).get("amount")).longValue()));
        tender.put("given", null);
        tender.put("change", null);
        tender.put("reference", payment.get("reference"));
        paidTenders.add(tender);
        sentTenders.add(Map.of("type", payment.get("method"), "amount", tender.get("amount"), "payment", payment.get("id")));
        return this;
    }

    /** What card and wallet tenders paid of the sale. */
    @SuppressWarnings("unchecked")
    public long paid() {
        return paidTenders.stream().mapToLong(tender -> ((Number) ((Map<String, Object>) tender.get("amount")).get("amount")).longValue()).sum();
    }

    public TabletSale pickup(int number) {
        this.pickupNumber = number;
        return this;
    }

    /** Adds {@code quantity} of the variant, priced as the catalog says. */
    public TabletSale add(String variantId, int quantity) {
        return add(variantId, quantity, List.of(), 0, null, null);
    }

    /**
     * Adds {@code quantity} of the variant with the options chosen (ids), less {@code discountFen} for {@code reason},
     * with a note; priced as the catalog says: the list's price or the variant's, plus the options' prices.
     */
    @SuppressWarnings("unchecked")
    public TabletSale add(String variantId, int quantity, List<String> optionIds, long discountFen, String reason, String note) {
        for (Map<String, Object> product : (List<Map<String, Object>>) catalog.get("products")) {
            for (Map<String, Object> variant : (List<Map<String, Object>>) product.get("variants")) {
                if (variant.get("id").equals(variantId)) {
                    long price = listed(variantId).orElse(((Number) ((Map<String, Object>) variant.get("price")).get("amount")).longValue());
                    List<Map<String, Object>> options = new ArrayList<>();
                    for (Map<String, Object> group : (List<Map<String, Object>>) product.get("modifierGroups")) {
                        for (Map<String, Object> option : (List<Map<String, Object>>) group.get("options")) {
                            if (optionIds.contains((String) option.get("id"))) {
                                long delta = ((Number) ((Map<String, Object>) option.get("price")).get("amount")).longValue();
                                options.add(Map.of("name", option.get("nameZh"), "nameEn", option.get("nameEn"), "price", money(delta)));
                                price += delta;
                            }
                        }
                    }
                    Map<String, Object> sent = new LinkedHashMap<>(Map.of("variantId", variantId, "quantity", quantity, "options", optionIds));
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("name", product.get("nameZh"));
                    line.put("nameEn", product.get("nameEn"));
                    line.put("variant", variant.get("nameZh"));
                    line.put("variantEn", variant.get("nameEn"));
                    line.put("quantity", quantity);
                    line.put("unitPrice", money(price));
                    line.put("amount", money(price * quantity - discountFen));
                    line.put("taxRate", variant.get("taxRate"));
                    if (!options.isEmpty()) {
                        line.put("options", options);
                    }
                    if (discountFen > 0) {
                        line.put("discount", Map.of("amount", money(discountFen), "reason", reason));
                        sent.put("discount", Map.of("amount", money(discountFen), "reason", reason));
                    }
                    if (note != null) {
                        sent.put("note", note);
                    }
                    lines.add(sent);
                    receiptLines.add(line);
                    List<String> zh = (List<String>) product.get("makers");
                    List<String> latin = (List<String>) product.get("makersEn");
                    for (int index = 0; index < zh.size(); index++) {
                        makers.add(List.of(zh.get(index), latin.get(index)));
                    }
                    total += price * quantity - discountFen;
                    return this;
                }
            }
        }
        throw new IllegalArgumentException("The counter's catalog has no variant " + variantId);
    }

    @SuppressWarnings("unchecked")
    private Optional<Long> listed(String variantId) {
        if (priceList == null) {
            return Optional.empty();
        }
        return ((List<Map<String, Object>>) catalog.get("priceLists")).stream().filter(list -> list.get("code").equals(priceList))
                .map(list -> (Map<String, Object>) ((Map<String, Object>) list.get("prices")).get(variantId))
                .filter(Objects::nonNull)
                .map(price -> ((Number) price.get("amount")).longValue())
                .findFirst();
    }

    public long total() {
        return total;
    }

    /**
     * The receipt the tablet signs for this sale, as the series stands: its card and wallet tenders, then cash for the
     * rest, {@code given} handed over.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> receipt(String register, Map<String, Object> series, long given) {
        long number = ((Number) series.get("lastNumber")).longValue() + 1;
        Map<String, Object> receipt = new LinkedHashMap<>();
        boolean format2 = pickupNumber != null || receiptLines.stream().anyMatch(line -> line.containsKey("options") || line.containsKey("discount"));
        receipt.put("v", oldPage ? format2 ? 2 : 1 : 3);
        receipt.put("register", register);
        receipt.put("number", number);
        receipt.put("kind", "SALE");
        receipt.put("issuedAt", MICROS.format(Instant.now()));
        receipt.put("orderNumber", register + "-" + number);
        receipt.put("refundOf", null);
        Map<String, Object> seller = new LinkedHashMap<>((Map<String, Object>) catalog.get("seller"));
        List<Map<String, Object>> signedLines = receiptLines;
        if (oldPage) {
            seller.remove("nameEn");
            seller.remove("addressEn");
            signedLines = receiptLines.stream().map(line -> {
                Map<String, Object> old = new LinkedHashMap<>(line);
                old.remove("variantEn");
                return old;
            }).toList();
        }
        receipt.put("seller", seller);
        receipt.put("lines", signedLines);
        receipt.put("taxes", taxes());
        receipt.put("total", money(total));
        List<Map<String, Object>> tenders = new ArrayList<>(paidTenders);
        long cash = total - paid();
        if (cash > 0 || tenders.isEmpty()) {
            Map<String, Object> tender = new LinkedHashMap<>();
            tender.put("type", "CASH");
            tender.put("provider", null);
            tender.put("amount", money(cash));
            tender.put("given", money(given));
            tender.put("change", money(given - cash));
            tender.put("reference", null);
            tenders.add(tender);
        }
        receipt.put("tenders", tenders);
        receipt.put("makers", makers.stream().map(names -> names.get(0)).toList());
        if (!oldPage) {
            receipt.put("makersEn", makers.stream().map(names -> names.get(1)).toList());
        }
        receipt.put("previousHash", series.get("lastHash"));
        receipt.put("keyId", series.get("keyId"));
        if (pickupNumber != null) {
            receipt.put("pickupNumber", pickupNumber);
        }
        return receipt;
    }

    /** What the tablet posts: the sale with the receipt, after {@code tamper} had its way with it, signed by {@code tablet}. */
    public Map<String, Object> body(PairedTablet tablet, SignedDocuments documents, String register, Map<String, Object> series, long given,
            Consumer<Map<String, Object>> tamper) {
        Map<String, Object> receipt = receipt(register, series, given);
        tamper.accept(receipt);
        byte[] payload = documents.canonical(receipt);
        List<Map<String, Object>> tenders = new ArrayList<>(sentTenders);
        long cash = total - paid();
        if (cash > 0 || tenders.isEmpty()) {
            tenders.add(Map.of("type", "CASH", "amount", money(cash), "given", money(given)));
        }
        Map<String, Object> body = new LinkedHashMap<>(Map.of("clientId", clientId, "lines", lines, "tenders", tenders,
                "receipt", Map.of("payload", SignatureText.of(payload), "signature", SignatureText.of(tablet.sign(payload)))));
        if (priceList != null) {
            body.put("priceList", priceList);
        }
        if (pickupNumber != null) {
            body.put("pickupNumber", pickupNumber);
        }
        return body;
    }

    public Map<String, Object> body(PairedTablet tablet, SignedDocuments documents, String register, Map<String, Object> series, long given) {
        return body(tablet, documents, register, series, given, receipt -> { });
    }

    private List<Map<String, Object>> taxes() {
        return taxes(receiptLines);
    }

    /** Tax included per rate of receipt lines, in the order of the rates written out, as receipts show it. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> taxes(List<Map<String, Object>> receiptLines) {
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

    public static Map<String, Object> money(long fen) {
        return Map.of("amount", fen, "currency", "CNY");
    }
}
