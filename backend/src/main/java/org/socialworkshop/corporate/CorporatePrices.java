package org.socialworkshop.corporate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.Catalog;
import org.socialworkshop.catalog.Channel;
import org.socialworkshop.catalog.ProductId;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.catalog.VariantInfo;
import org.socialworkshop.corporate.VolumePrices.Terms;
import org.socialworkshop.corporate.VolumePrices.Tier;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.platform.web.Problems;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The corporate catalog and what each company pays (issue 13, item 2): products on the {@code CORPORATE} channel with
 * their terms, volume tiers and customisations, a company's negotiated prices, and the price of a set of lines as a
 * quote will price them ({@link VolumePrices} decides). Coordinators set terms, tiers, customisations and negotiated
 * prices.
 */
@Service
public class CorporatePrices {

    private static final ZoneId WORKSHOP = ZoneId.of("Asia/Shanghai");

    private final Database db;
    private final Catalog catalog;
    private final AuditLog audit;
    private final Clock clock;

    CorporatePrices(Database db, Catalog catalog, AuditLog audit, Clock clock) {
        this.db = db;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    /** A customisation a line may have: per unit, and a set-up charge once per line. */
    public record Customisation(String code, String nameZh, String nameEn, Money unitPrice, Money setupPrice, boolean active,
            int position) {
    }

    /** A variant as a company sees it: its catalog facts, what it pays from which quantity, its product's terms. */
    public record Offer(VariantId variantId, ProductId productId, String sku, String productNameZh, String productNameEn,
            String variantNameZh, String variantNameEn, Money catalogPrice, List<Tier> tiers, @Nullable Money negotiated, Terms terms) {
    }

    public record Shelf(String code, String nameZh, String nameEn, List<Offer> offers) {
    }

    /** The corporate catalog for a company: shelves of what is sold on the channel, and the customisations offered. */
    public record Offers(List<Shelf> shelves, List<Customisation> customisations) {
    }

    /** A line to price: units of a variant, with customisations by code. */
    public record Wanted(VariantId variantId, int quantity, List<String> customisations) {
    }

    /** A customisation on a line, priced: per unit times the units, plus the set-up. */
    public record CustomisationCharge(String code, String nameZh, String nameEn, Money unitPrice, Money setupPrice, Money amount) {
    }

    /** A line priced, with what is wrong with its quantity under the product's terms (nothing: it can be quoted). */
    public record PricedLine(VariantId variantId, String productNameZh, String productNameEn, String variantNameZh,
            String variantNameEn, int quantity, VolumePrices.UnitPrice unitPrice, Money goods, List<CustomisationCharge> customisations,
            Money amount, Terms terms, List<VolumePrices.Issue> issues) {
    }

    /** Lines priced: goods, customisations, the total, and the earliest date the longest lead time allows. */
    public record Priced(List<PricedLine> lines, Money goods, Money customisations, Money total, LocalDate earliestDelivery) {

        public boolean quotable() {
            return lines.stream().allMatch(line -> line.issues().isEmpty());
        }
    }

    public Mono<Offers> offers(@Nullable UUID companyId) {
        return catalog.shelves(Channel.CORPORATE).flatMap(shelves -> {
            List<VariantInfo> variants = shelves.stream().flatMap(shelf -> shelf.variants().stream()).toList();
            return Mono.zip(terms(variants.stream().map(VariantInfo::productId).collect(Collectors.toSet())),
                            tiers(variants.stream().map(VariantInfo::id).toList()),
                            negotiated(companyId, variants.stream().map(VariantInfo::id).toList()), customisations(true))
                    .map(found -> new Offers(shelves.stream().map(shelf -> new Shelf(shelf.code(), shelf.nameZh(), shelf.nameEn(),
                                    shelf.variants().stream().map(variant -> offer(variant, found.getT1(), found.getT2(), found.getT3())).toList()))
                            .toList(), found.getT4()));
        });
    }

    private static Offer offer(VariantInfo variant, Map<ProductId, Terms> terms, Map<VariantId, List<Tier>> tiers,
            Map<VariantId, Money> negotiated) {
        return new Offer(variant.id(), variant.productId(), variant.sku(), variant.productNameZh(), variant.productNameEn(),
                variant.variantNameZh(), variant.variantNameEn(), variant.price(), tiers.getOrDefault(variant.id(), List.of()),
                negotiated.get(variant.id()), terms.getOrDefault(variant.productId(), Terms.DEFAULT));
    }

    /**
     * Prices lines for a company (or at list prices): a 400 problem naming each line whose variant is not sold on the
     * corporate channel or whose customisation is unknown; quantities outside the terms are priced and marked.
     */
    public Mono<Priced> price(@Nullable UUID companyId, List<Wanted> wanted) {
        List<VariantId> ids = wanted.stream().map(Wanted::variantId).distinct().toList();
        return catalog.variants(ids).flatMap(variants -> {
            List<Problems.FieldError> errors = new ArrayList<>();
            for (int i = 0; i < wanted.size(); i++) {
                VariantInfo variant = variants.get(wanted.get(i).variantId());
                if (variant == null || !variant.sellableOn(Channel.CORPORATE)) {
                    errors.add(new Problems.FieldError("lines[" + i + "].variantId", "Not sold to companies."));
                }
            }
            return customisations(true).flatMap(offered -> {
                Map<String, Customisation> byCode = offered.stream().collect(Collectors.toMap(Customisation::code, c -> c));
                for (int i = 0; i < wanted.size(); i++) {
                    for (String code : wanted.get(i).customisations()) {
                        if (!byCode.containsKey(code)) {
                            errors.add(new Problems.FieldError("lines[" + i + "].customisations", "No customisation " + code + " is offered."));
                        }
                    }
                }
                if (!errors.isEmpty()) {
                    return Mono.error(InvalidInput.fields(errors));
                }
                return Mono.zip(terms(variants.values().stream().map(VariantInfo::productId).collect(Collectors.toSet())), tiers(ids),
                                negotiated(companyId, ids))
                        .map(found -> priced(wanted, variants, byCode, found.getT1(), found.getT2(), found.getT3()));
            });
        });
    }

    private Priced priced(List<Wanted> wanted, Map<VariantId, VariantInfo> variants, Map<String, Customisation> customisations,
            Map<ProductId, Terms> terms, Map<VariantId, List<Tier>> tiers, Map<VariantId, Money> negotiated) {
        List<PricedLine> lines = new ArrayList<>();
        Money goods = Money.fen(0);
        Money extras = Money.fen(0);
        int lead = 0;
        for (Wanted line : wanted) {
            VariantInfo variant = variants.get(line.variantId());
            Terms productTerms = terms.getOrDefault(variant.productId(), Terms.DEFAULT);
            VolumePrices.UnitPrice unit = VolumePrices.unitPrice(variant.price(), tiers.getOrDefault(variant.id(), List.of()),
                    negotiated.get(variant.id()), line.quantity());
            Money lineGoods = unit.amount().times(line.quantity());
            List<CustomisationCharge> charges = new LinkedHashSet<>(line.customisations()).stream().map(customisations::get)
                    .map(custom -> new CustomisationCharge(custom.code(), custom.nameZh(), custom.nameEn(), custom.unitPrice(),
                            custom.setupPrice(), custom.unitPrice().times(line.quantity()).plus(custom.setupPrice())))
                    .toList();
            Money lineExtras = charges.stream().map(CustomisationCharge::amount).reduce(Money.fen(0), Money::plus);
            lines.add(new PricedLine(variant.id(), variant.productNameZh(), variant.productNameEn(), variant.variantNameZh(),
                    variant.variantNameEn(), line.quantity(), unit, lineGoods, charges, lineGoods.plus(lineExtras), productTerms,
                    VolumePrices.issues(productTerms, line.quantity())));
            goods = goods.plus(lineGoods);
            extras = extras.plus(lineExtras);
            lead = Math.max(lead, productTerms.leadDays());
        }
        return new Priced(lines, goods, extras, goods.plus(extras), LocalDate.now(clock.withZone(WORKSHOP)).plusDays(lead));
    }

    /** The terms of these products (those without terms left out). */
    Mono<Map<ProductId, Terms>> terms(Collection<ProductId> products) {
        return db.sql("SELECT product_id, min_quantity, multiple_of, lead_days FROM corporate_terms WHERE product_id = ANY(:ids)")
                .bind("ids", products.stream().map(ProductId::value).toArray(UUID[]::new))
                .map(row -> Map.entry(new ProductId(row.get("product_id", UUID.class)), new Terms(row.get("min_quantity", Integer.class),
                        row.get("multiple_of", Integer.class), row.get("lead_days", Integer.class))))
                .list()
                .map(entries -> entries.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** The volume tiers of these variants, by quantity. */
    Mono<Map<VariantId, List<Tier>>> tiers(Collection<VariantId> variants) {
        return db.sql("""
                        SELECT variant_id, from_quantity, unit_price_minor FROM corporate_price_tiers
                        WHERE variant_id = ANY(:ids) ORDER BY variant_id, from_quantity""")
                .bind("ids", variants.stream().map(VariantId::value).toArray(UUID[]::new))
                .map(row -> Map.entry(new VariantId(row.get("variant_id", UUID.class)),
                        new Tier(row.get("from_quantity", Integer.class), Money.fen(row.get("unit_price_minor", Long.class)))))
                .list()
                .map(entries -> entries.stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList()))));
    }

    /** The company's negotiated unit prices of these variants; none without a company. */
    Mono<Map<VariantId, Money>> negotiated(@Nullable UUID companyId, Collection<VariantId> variants) {
        if (companyId == null) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT variant_id, unit_price_minor FROM company_prices WHERE company_id = :company AND variant_id = ANY(:ids)")
                .bind("company", companyId).bind("ids", variants.stream().map(VariantId::value).toArray(UUID[]::new))
                .map(row -> Map.entry(new VariantId(row.get("variant_id", UUID.class)), Money.fen(row.get("unit_price_minor", Long.class))))
                .list()
                .map(entries -> entries.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** The customisations in their order: only those offered now, or all. */
    public Mono<List<Customisation>> customisations(boolean offeredOnly) {
        return db.sql("SELECT * FROM corporate_customisations WHERE active OR NOT :offered ORDER BY position, code")
                .bind("offered", offeredOnly)
                .map(row -> new Customisation(row.get("code", String.class), row.get("name_zh", String.class), row.get("name_en", String.class),
                        Money.fen(row.get("unit_price_minor", Long.class)), Money.fen(row.get("setup_price_minor", Long.class)),
                        Boolean.TRUE.equals(row.get("active", Boolean.class)), row.get("position", Integer.class)))
                .list();
    }

    /** A product's terms and its variants' tiers, as a coordinator sets them (the tiers replace the variant's). */
    public record ProductTerms(Terms terms, Map<VariantId, List<Tier>> tiers) {
    }

    public Mono<ProductTerms> productTerms(ProductId product) {
        return catalog.find(product).flatMap(found -> Mono.zip(terms(List.of(product)),
                        tiers(found.variants().stream().map(variant -> variant.id()).toList()))
                .map(known -> new ProductTerms(known.getT1().getOrDefault(product, Terms.DEFAULT), known.getT2())));
    }

    /**
     * Sets a product's terms and replaces the tiers of the variants named: each variant must be the product's, and its
     * tiers descend below its catalog price (400 naming the variant otherwise). The product must be sold to companies.
     */
    public Mono<ProductTerms> setTerms(ProductId product, ProductTerms wanted) {
        return catalog.find(product).flatMap(found -> {
            List<Problems.FieldError> errors = new ArrayList<>();
            if (!found.channels().contains(Channel.CORPORATE)) {
                errors.add(new Problems.FieldError("productId", "This product is not sold to companies; add the corporate channel first."));
            }
            Map<VariantId, Money> prices = new HashMap<>();
            found.variants().forEach(variant -> prices.put(variant.id(), variant.price()));
            wanted.tiers().forEach((variant, tiers) -> {
                Money catalogPrice = prices.get(variant);
                if (catalogPrice == null) {
                    errors.add(new Problems.FieldError("tiers." + variant.value(), "Not a variant of this product."));
                } else if (!VolumePrices.descending(catalogPrice, tiers)) {
                    errors.add(new Problems.FieldError("tiers." + variant.value(), "Each tier starts above the one before, from 2 units, "
                            + "and costs less per unit than the one before and than the catalog's " + catalogPrice.decimal() + "."));
                }
            });
            if (!errors.isEmpty()) {
                return Mono.error(InvalidInput.fields(errors));
            }
            return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> db.sql("""
                                    INSERT INTO corporate_terms (product_id, min_quantity, multiple_of, lead_days, updated_by)
                                    VALUES (:product, :min, :multiple, :lead, :by)
                                    ON CONFLICT (product_id) DO UPDATE SET min_quantity = excluded.min_quantity,
                                        multiple_of = excluded.multiple_of, lead_days = excluded.lead_days, updated_at = now(),
                                        updated_by = excluded.updated_by""")
                            .bind("product", product.value()).bind("min", wanted.terms().minQuantity())
                            .bind("multiple", wanted.terms().multipleOf()).bind("lead", wanted.terms().leadDays()).bind("by", actor)
                            .update()
                            .thenMany(Flux.fromIterable(wanted.tiers().entrySet()).concatMap(variant -> db.sql(
                                            "DELETE FROM corporate_price_tiers WHERE variant_id = :variant")
                                    .bind("variant", variant.getKey().value()).update()
                                    .thenMany(Flux.fromIterable(variant.getValue()).concatMap(tier -> db.sql("""
                                                    INSERT INTO corporate_price_tiers (variant_id, from_quantity, unit_price_minor)
                                                    VALUES (:variant, :from, :price)""")
                                            .bind("variant", variant.getKey().value()).bind("from", tier.fromQuantity())
                                            .bind("price", tier.unitPrice().minor()).update()))))
                            .then(audit.record(actor, "corporate.terms-set", "product:" + product.value(),
                                    Map.of("min", wanted.terms().minQuantity(), "multiple", wanted.terms().multipleOf(),
                                            "lead", wanted.terms().leadDays())))))
                    .then(Mono.defer(() -> productTerms(product)));
        });
    }

    /** Adds or changes a customisation. */
    public Mono<Customisation> setCustomisation(Customisation customisation) {
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> db.sql("""
                                INSERT INTO corporate_customisations (code, name_zh, name_en, unit_price_minor, setup_price_minor, active, position)
                                VALUES (:code, :zh, :en, :unit, :setup, :active, :position)
                                ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en,
                                    unit_price_minor = excluded.unit_price_minor, setup_price_minor = excluded.setup_price_minor,
                                    active = excluded.active, position = excluded.position, updated_at = now()""")
                        .bind("code", customisation.code()).bind("zh", customisation.nameZh().strip()).bind("en", customisation.nameEn().strip())
                        .bind("unit", customisation.unitPrice().minor()).bind("setup", customisation.setupPrice().minor())
                        .bind("active", customisation.active()).bind("position", customisation.position())
                        .update()
                        .then(audit.record(actor, "corporate.customisation-set", "customisation:" + customisation.code(), Map.of()))))
                .thenReturn(customisation);
    }

    /** The company's negotiated prices, by variant. */
    public Mono<Map<VariantId, Money>> companyPrices(UUID companyId) {
        return db.sql("SELECT variant_id, unit_price_minor FROM company_prices WHERE company_id = :company")
                .bind("company", companyId)
                .map(row -> Map.entry(new VariantId(row.get("variant_id", UUID.class)), Money.fen(row.get("unit_price_minor", Long.class))))
                .list()
                .map(entries -> entries.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** Replaces the company's negotiated prices: each variant must be sold to companies (400 naming it otherwise). */
    public Mono<Map<VariantId, Money>> setCompanyPrices(UUID companyId, Map<VariantId, Money> prices) {
        return catalog.variants(prices.keySet()).flatMap(variants -> {
            List<Problems.FieldError> errors = prices.keySet().stream()
                    .filter(variant -> variants.get(variant) == null || !variants.get(variant).channels().contains(Channel.CORPORATE))
                    .map(variant -> new Problems.FieldError("prices." + variant.value(), "Not a variant sold to companies."))
                    .toList();
            if (!errors.isEmpty()) {
                return Mono.error(InvalidInput.fields(errors));
            }
            return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> db.sql("SELECT id FROM companies WHERE id = :id FOR UPDATE")
                            .bind("id", companyId).map(row -> row.get("id", UUID.class)).one()
                            .switchIfEmpty(Mono.error(CorporateProblem::unknownCompany))
                            .then(db.sql("DELETE FROM company_prices WHERE company_id = :company").bind("company", companyId).update())
                            .thenMany(Flux.fromIterable(prices.entrySet()).concatMap(price -> db.sql("""
                                            INSERT INTO company_prices (company_id, variant_id, unit_price_minor, updated_by)
                                            VALUES (:company, :variant, :price, :by)""")
                                    .bind("company", companyId).bind("variant", price.getKey().value())
                                    .bind("price", price.getValue().minor()).bind("by", actor).update()))
                            .then(audit.record(actor, "corporate.prices-set", "company:" + companyId, Map.of("variants", prices.size())))))
                    .then(Mono.defer(() -> companyPrices(companyId)));
        });
    }
}
