package org.socialworkshop.pos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.Catalog;
import org.socialworkshop.catalog.Channel;
import org.socialworkshop.catalog.Modifiers;
import org.socialworkshop.catalog.PriceLists;
import org.socialworkshop.catalog.ProductId;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.catalog.VariantInfo;
import org.socialworkshop.receipts.CounterReceipts;
import org.socialworkshop.receipts.ReceiptContent;
import org.socialworkshop.receipts.Receipts;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a counter sale costs, line by line, as the server reads it (docs/api/pos.md, steps 4–6): each variant at its
 * price, or the price list's the cashier chose; plus the options chosen from the groups the product is offered with
 * (within each group's least and most choices), in the catalog's order; less a discount the cashier may give. A sale
 * made offline keeps what its receipt showed where the catalog may have changed since ({@link #OFFLINE_PRICES}).
 */
@Component
class CounterPricing {

    /** How long before a sale made offline a price may have been the item's. */
    static final Duration OFFLINE_PRICES = Duration.ofDays(7);

    private final Catalog catalog;
    private final Modifiers modifiers;
    private final PriceLists priceLists;
    private final Receipts receipts;
    private final CounterReceipts counterReceipts;
    CounterPricing(Catalog catalog, Modifiers modifiers, PriceLists priceLists, Receipts receipts, CounterReceipts counterReceipts) {
        this.catalog = catalog;
        this.modifiers = modifiers;
        this.priceLists = priceLists;
        this.receipts = receipts;
        this.counterReceipts = counterReceipts;
    }

    /** Taken off a line, and why. */
    record Discount(Money amount, String reason) {
    }

    /** A line as the tablet sends it. */
    record Wanted(VariantId variant, int quantity, List<UUID> options, @Nullable Discount discount, @Nullable String note) {
    }

    /** A line priced: what the order stores and the receipt says. */
    record Line(VariantInfo variant, int quantity, Money unitPrice, List<Modifiers.Option> options, @Nullable Discount discount,
            @Nullable String note, ReceiptContent.Line receipt) {
    }

    /**
     * The sale priced: its lines, the seller and makers its receipt names, and what the audit log should hear of
     * (lines sold offline at an earlier price, discounts beyond the cashier's permission given offline).
     */
    record Priced(List<Line> lines, ReceiptContent.Seller seller, List<ReceiptContent.MakerName> makers, List<Map<String, Object>> toAudit) {

        Money total() {
            return lines.stream().map(line -> line.receipt().amount()).reduce(Money::plus).orElseThrow();
        }
    }

    /** Prices the sale for a cashier who may take {@code discountUpTo} percent off a line. */
    Mono<Priced> price(List<Wanted> wanted, @Nullable String priceList, boolean offline, byte[] payload, int discountUpTo) {
        List<VariantId> ids = wanted.stream().map(Wanted::variant).toList();
        return catalog.variants(ids).flatMap(infos -> {
            List<String> notSold = ids.stream().filter(id -> infos.get(id) == null || !infos.get(id).sellableOn(Channel.POS))
                    .map(id -> id.value().toString()).distinct().toList();
            if (!notSold.isEmpty()) {
                return Mono.error(PosProblem.notSoldHere(notSold));
            }
            List<VariantInfo> sold = ids.stream().map(infos::get).toList();
            List<ProductId> products = sold.stream().map(VariantInfo::productId).toList();
            Mono<Map<VariantId, Money>> listed = priceList == null ? Mono.just(Map.of())
                    : priceLists.active(priceList).map(PriceLists.PriceList::prices).switchIfEmpty(Mono.error(PosProblem::unknownPriceList));
            return Mono.zip(modifiers.ofProducts(products), listed, receipts.creditedMakers(products))
                    .flatMap(found -> {
                        List<Base> bases = new ArrayList<>();
                        for (int index = 0; index < wanted.size(); index++) {
                            VariantInfo info = sold.get(index);
                            List<Modifiers.Option> options = chosen(index, wanted.get(index).options(),
                                    found.getT1().getOrDefault(info.productId(), List.of()));
                            bases.add(new Base(info, found.getT2().getOrDefault(info.id(), info.price()), options));
                        }
                        Priced now = priced(wanted, bases, null, counterReceipts.seller(), Receipts.makersOf(products, found.getT3()));
                        return (offline ? asShown(wanted, bases, payload, now) : Mono.just(now))
                                .flatMap(priced -> permitted(priced, discountUpTo, offline));
                    });
        });
    }

    /** A variant at its price (or the list's) with the options chosen for it. */
    private record Base(VariantInfo variant, Money price, List<Modifiers.Option> options) {

        Money deltas() {
            return options.stream().map(Modifiers.Option::price).reduce(Money.zero(price.currency()), Money::plus);
        }
    }

    /** The options chosen for line {@code index}, in the catalog's order; refused when they do not fit the groups. */
    private static List<Modifiers.Option> chosen(int index, List<UUID> ids, List<Modifiers.Group> groups) {
        List<Modifiers.Option> chosen = new ArrayList<>();
        int found = 0;
        for (Modifiers.Group group : groups) {
            int inGroup = 0;
            for (Modifiers.Option option : group.options()) {
                if (ids.contains(option.id())) {
                    chosen.add(option);
                    inGroup++;
                }
            }
            if (inGroup < group.minChoices() || inGroup > group.maxChoices()) {
                throw PosProblem.optionsInvalid(index, group.nameEn() + ": choose " + (group.minChoices() == group.maxChoices()
                        ? group.minChoices() : group.minChoices() + " to " + group.maxChoices()));
            }
            found += inGroup;
        }
        if (found != Set.copyOf(ids).size() || ids.size() != Set.copyOf(ids).size()) {
            throw PosProblem.optionsInvalid(index, "an option is not offered on this product, or chosen twice");
        }
        return chosen;
    }

    /** The lines at {@code prices} (or each base's), named as the catalog names them now or as {@code shown}. */
    private static Priced priced(List<Wanted> wanted, List<Base> bases, @Nullable List<Shown> shown, ReceiptContent.Seller seller,
            List<ReceiptContent.MakerName> makers) {
        List<Line> lines = new ArrayList<>();
        for (int index = 0; index < wanted.size(); index++) {
            Wanted line = wanted.get(index);
            Base base = bases.get(index);
            VariantInfo info = base.variant();
            Shown as = shown == null ? null : shown.get(index);
            Money unit = as == null ? base.price().plus(base.deltas()) : as.unitPrice();
            if (unit.minor() <= 0) {
                throw PosProblem.optionsInvalid(index, "the options leave nothing to pay for this item");
            }
            Money gross = unit.times(line.quantity());
            Discount discount = line.discount();
            if (discount != null && discount.amount().minor() >= gross.minor()) {
                throw PosProblem.discountInvalid(index);
            }
            ReceiptContent.Line receipt = new ReceiptContent.Line(as == null ? info.productNameZh() : as.line().name(),
                    as == null ? info.productNameEn() : as.line().nameEn(), as == null ? info.variantNameZh() : as.line().variant(),
                    line.quantity(), unit, discount == null ? gross : gross.minus(discount.amount()), ReceiptContent.Line.rate(info.taxRate()),
                    base.options().stream().map(option -> new ReceiptContent.Option(option.nameZh(), option.nameEn(), option.price())).toList(),
                    discount == null ? null : new ReceiptContent.Discount(discount.amount(), discount.reason()),
                    as == null ? info.variantNameEn() : as.line().variantEn());
            lines.add(new Line(info, line.quantity(), unit, base.options(), discount, line.note(), receipt));
        }
        return new Priced(lines, seller, makers, new ArrayList<>());
    }

    private record Shown(ReceiptContent.Line line, Money unitPrice) {
    }

    /**
     * A sale made offline: its receipt is in the buyer's hand, printed from the catalog the tablet had. Its names,
     * seller and makers stand as signed; a unit price stands when, less the options, it is a price the item had in the
     * {@link #OFFLINE_PRICES} before the sale or its price on the chosen list (else the catalog's now is expected, and
     * the receipt is refused as differing there); options, tax rates, amounts and totals are the server's.
     */
    private Mono<Priced> asShown(List<Wanted> wanted, List<Base> bases, byte[] payload, Priced now) {
        CounterReceipts.Claimed claimed = counterReceipts.claimed(payload);
        if (claimed.lines().size() != wanted.size()) {
            return Mono.just(now);
        }
        return catalog.pricesBetween(bases.stream().map(base -> base.variant().id()).toList(), claimed.issuedAt().minus(OFFLINE_PRICES),
                claimed.issuedAt()).map(had -> {
                    List<Shown> shown = new ArrayList<>();
                    List<Map<String, Object>> earlier = new ArrayList<>();
                    for (int index = 0; index < bases.size(); index++) {
                        Base base = bases.get(index);
                        ReceiptContent.Line signed = claimed.lines().get(index);
                        Money computed = now.lines().get(index).unitPrice();
                        long shownBase = signed.unitPrice().minor() - base.deltas().minor();
                        boolean held = signed.unitPrice().currency().equals(computed.currency())
                                && (shownBase == base.price().minor() || had.getOrDefault(base.variant().id(), Set.of()).contains(shownBase));
                        shown.add(new Shown(signed, held ? signed.unitPrice() : computed));
                        if (held && !signed.unitPrice().equals(computed)) {
                            earlier.add(Map.of("sku", base.variant().sku(), "soldAt", signed.unitPrice().minor(), "priceNow", computed.minor()));
                        }
                    }
                    Priced priced = priced(wanted, bases, shown, claimed.seller(), claimed.makerNames());
                    if (!earlier.isEmpty()) {
                        priced.toAudit().add(Map.of("event", "pos.sold-offline-at-earlier-price", "lines", earlier));
                    }
                    return priced;
                });
    }

    /**
     * Discounts within what the cashier may give (percent of the line before it). Beyond it a sale made online is
     * refused; one made offline is in the buyer's hand, so it stands and the audit log says so.
     */
    private static Mono<Priced> permitted(Priced priced, int upTo, boolean offline) {
        List<Map<String, Object>> beyond = new ArrayList<>();
        for (int index = 0; index < priced.lines().size(); index++) {
            Line line = priced.lines().get(index);
            if (line.discount() == null) {
                continue;
            }
            long allowed = Math.floorDiv(line.unitPrice().minor() * line.quantity() * upTo, 100);
            if (line.discount().amount().minor() > allowed) {
                if (!offline) {
                    return Mono.error(PosProblem.discountNotAllowed(upTo));
                }
                beyond.add(new HashMap<>(Map.of("line", index, "discount", line.discount().amount().minor(), "allowed", allowed)));
            }
        }
        if (!beyond.isEmpty()) {
            priced.toAudit().add(Map.of("event", "pos.discount-beyond-permission", "lines", beyond));
        }
        return Mono.just(priced);
    }
}
