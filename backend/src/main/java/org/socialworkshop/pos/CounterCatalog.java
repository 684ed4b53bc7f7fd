package org.socialworkshop.pos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.Catalog;
import org.socialworkshop.catalog.Channel;
import org.socialworkshop.catalog.Modifiers;
import org.socialworkshop.catalog.PriceLists;
import org.socialworkshop.catalog.ProductId;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.catalog.VariantInfo;
import org.socialworkshop.inventory.Inventory;
import org.socialworkshop.receipts.CounterReceipts;
import org.socialworkshop.receipts.ReceiptContent;
import org.socialworkshop.receipts.Receipts;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What a counter tablet sells from: the products of the POS channel by category, each with what its receipts say of
 * it (names in both languages, price, tax rate, the makers named) and, for counted stock, how many the counter holds;
 * and the seller every receipt names. The tablet builds and signs receipts from exactly this, so the server's own
 * reading of a sale (CounterReceipts) comes out the same.
 */
@Service
class CounterCatalog {

    private final Catalog catalog;
    private final Modifiers modifiers;
    private final PriceLists priceLists;
    private final Inventory inventory;
    private final Receipts receipts;
    private final CounterReceipts counterReceipts;

    CounterCatalog(Catalog catalog, Modifiers modifiers, PriceLists priceLists, Inventory inventory, Receipts receipts,
            CounterReceipts counterReceipts) {
        this.catalog = catalog;
        this.modifiers = modifiers;
        this.priceLists = priceLists;
        this.inventory = inventory;
        this.receipts = receipts;
        this.counterReceipts = counterReceipts;
    }

    record Laid(ReceiptContent.Seller seller, List<Category> categories, List<Product> products, List<PriceList> priceLists) {
    }

    /** A price list a cashier may choose for a sale, with its prices for what the counter sells. */
    record PriceList(String code, String nameZh, String nameEn, Map<VariantId, Money> prices) {
    }

    record Category(String code, String nameZh, String nameEn) {
    }

    /** A product; {@code modifierGroups} are the choices it is sold with, in order, each with its active options. */
    record Product(ProductId id, String category, String nameZh, String nameEn, List<String> makers, List<String> makersEn,
            List<Variant> variants, List<Modifiers.Group> modifierGroups) {
    }

    /** A variant; {@code available} only where stock is counted, {@code taxRate} as receipts write it. */
    record Variant(VariantId id, String sku, String nameZh, String nameEn, Money price, String taxRate, boolean stockTracked,
            @Nullable Long available) {
    }

    Mono<Laid> laidOut() {
        return catalog.shelves(Channel.POS).flatMap(shelves -> {
            List<VariantInfo> all = shelves.stream().flatMap(shelf -> shelf.variants().stream()).toList();
            List<ProductId> products = all.stream().map(VariantInfo::productId).distinct().toList();
            Set<VariantId> sold = all.stream().map(VariantInfo::id).collect(Collectors.toSet());
            return Mono.zip(receipts.creditedMakers(products),
                    inventory.available(all.stream().filter(VariantInfo::stockTracked).map(VariantInfo::id).toList(), Channel.POS),
                    modifiers.ofProducts(products), priceLists.all(true)).map(found -> new Laid(counterReceipts.seller(),
                            shelves.stream().map(shelf -> new Category(shelf.code(), shelf.nameZh(), shelf.nameEn())).toList(),
                            shelves.stream().flatMap(shelf -> products(shelf, found.getT1(), found.getT2(), found.getT3()).stream()).toList(),
                            found.getT4().stream().map(list -> new PriceList(list.code(), list.nameZh(), list.nameEn(),
                                    list.prices().entrySet().stream().filter(price -> sold.contains(price.getKey()))
                                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))).toList()));
        });
    }

    private static List<Product> products(Catalog.Shelf shelf, Map<ProductId, List<ReceiptContent.MakerName>> makers, Map<VariantId, Long> available,
            Map<ProductId, List<Modifiers.Group>> groups) {
        Map<ProductId, List<Variant>> byProduct = new LinkedHashMap<>();
        Map<ProductId, VariantInfo> first = new LinkedHashMap<>();
        for (VariantInfo info : shelf.variants()) {
            first.putIfAbsent(info.productId(), info);
            byProduct.computeIfAbsent(info.productId(), product -> new ArrayList<>()).add(new Variant(info.id(), info.sku(),
                    info.variantNameZh(), info.variantNameEn(), info.price(), ReceiptContent.Line.rate(info.taxRate()), info.stockTracked(),
                    info.stockTracked() ? available.getOrDefault(info.id(), 0L) : null));
        }
        return byProduct.entrySet().stream().map(entry -> {
            VariantInfo info = first.get(entry.getKey());
            List<ReceiptContent.MakerName> named = makers.getOrDefault(entry.getKey(), List.of());
            return new Product(entry.getKey(), shelf.code(), info.productNameZh(), info.productNameEn(),
                    ReceiptContent.MakerName.zh(named), ReceiptContent.MakerName.latin(named), List.copyOf(entry.getValue()),
                    groups.getOrDefault(entry.getKey(), List.of()));
        }).toList();
    }
}
