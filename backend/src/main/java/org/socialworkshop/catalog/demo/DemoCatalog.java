package org.socialworkshop.catalog.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.Catalog;
import org.socialworkshop.catalog.Modifiers;
import org.socialworkshop.catalog.PriceLists;
import org.socialworkshop.catalog.Channel;
import org.socialworkshop.catalog.ProductDraft;
import org.socialworkshop.catalog.TaxCategory;
import org.socialworkshop.makers.MakerId;
import org.socialworkshop.makers.MakerProfile;
import org.socialworkshop.makers.Makers;
import org.socialworkshop.platform.startup.DemoDataset;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo workshop: makers (most with consent, two without) and products in every category, all from
 * {@code demo/catalog.json}. Their drawn pictures come from {@link DemoIllustrations}, stock from the inventory module.
 */
@Component
@Order(100)
class DemoCatalog implements DemoDataset {

    static final String FILE = "demo/catalog.json";

    private final Makers makers;
    private final Catalog catalog;
    private final Modifiers modifiers;
    private final PriceLists priceLists;
    private final JsonMapper json;

    DemoCatalog(Makers makers, Catalog catalog, Modifiers modifiers, PriceLists priceLists, JsonMapper json) {
        this.makers = makers;
        this.catalog = catalog;
        this.modifiers = modifiers;
        this.priceLists = priceLists;
        this.json = json;
    }

    record DemoFile(List<DemoMaker> makers, List<DemoModifierGroup> modifierGroups, List<DemoProduct> products,
            List<DemoPriceList> priceLists) {
    }

    /** Choices drinks and meals are sold with at the counter. */
    record DemoModifierGroup(String code, String nameZh, String nameEn, int minChoices, int maxChoices, List<DemoOption> options) {
    }

    record DemoOption(String nameZh, String nameEn, long priceFen) {
    }

    /** Subsidised prices for canteen diners, by SKU. */
    record DemoPriceList(String code, String nameZh, String nameEn, Map<String, Long> prices) {
    }

    record DemoMaker(String key, String name, String displayName, String storyZh, String storyEn, boolean consent,
            String motif, List<String> palette) {
    }

    record DemoProduct(String key, String category, String nameZh, String nameEn, String descriptionZh,
            String descriptionEn, TaxCategory taxCategory, Set<Channel> channels, boolean stockTracked,
            List<String> makers, String motif, List<String> palette, List<DemoVariant> variants, @Nullable List<String> modifierGroups) {
    }

    record DemoVariant(String sku, String nameZh, String nameEn, long priceFen, @Nullable Map<String, Long> stock) {
    }

    @Override
    public String name() {
        return "catalog.demo-workshop";
    }

    @Override
    public Mono<Void> load() {
        DemoFile file = read(json);
        // Makers and products first, in the file's order; their pictures are drawn by DemoIllustrations, which the
        // stock and piece-work datasets need not wait for.
        Mono<Void> groups = Flux.fromIterable(file.modifierGroups())
                .concatMap(group -> modifiers.save(group.code(), new Modifiers.GroupDraft(group.nameZh(), group.nameEn(), group.minChoices(),
                        group.maxChoices(), group.options().stream()
                                .map(option -> new Modifiers.OptionDraft(null, option.nameZh(), option.nameEn(), option.priceFen(), true))
                                .toList())))
                .then();
        return groups.thenMany(Flux.fromIterable(file.makers()))
                .concatMap(maker -> makers.create(new MakerProfile(maker.name(), maker.displayName(), maker.storyZh(),
                                maker.storyEn(), null))
                        .flatMap(created -> maker.consent()
                                ? makers.recordConsent(created.id(), true, "Consent recorded with the demo data")
                                : Mono.just(created))
                        .map(created -> Map.entry(maker.key(), created.id())))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .flatMapMany(makerIds -> Flux.fromIterable(file.products())
                        .concatMap(product -> catalog.create(draft(product, makerIds))))
                .then(Flux.fromIterable(file.priceLists()).concatMap(this::priceList).then());
    }

    private Mono<PriceLists.PriceList> priceList(DemoPriceList list) {
        return catalog.variantIdsBySku(list.prices().keySet()).flatMap(ids -> priceLists.save(list.code(),
                new PriceLists.Draft(list.nameZh(), list.nameEn(), true, list.prices().entrySet().stream()
                        .map(price -> new PriceLists.Price(ids.get(price.getKey()).value(), price.getValue())).toList())));
    }

    static DemoFile read(JsonMapper json) {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            return json.readValue(in, DemoFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + FILE, e);
        }
    }

    private static ProductDraft draft(DemoProduct product, Map<String, MakerId> makerIds) {
        return new ProductDraft(product.category(), product.nameZh(), product.nameEn(), product.descriptionZh(),
                product.descriptionEn(), product.taxCategory(), product.channels(), product.stockTracked(), null,
                product.makers().stream().map(key -> makerIds.get(key).value()).toList(), List.of(),
                product.variants().stream().map(variant -> new ProductDraft.VariantDraft(null, variant.sku(),
                        variant.nameZh(), variant.nameEn(), new ProductDraft.Price(variant.priceFen(), "CNY"), null)).toList(),
                product.modifierGroups());
    }

}
