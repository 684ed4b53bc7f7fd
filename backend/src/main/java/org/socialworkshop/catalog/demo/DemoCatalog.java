package org.socialworkshop.catalog.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.Catalog;
import org.socialworkshop.catalog.Channel;
import org.socialworkshop.catalog.ProductDraft;
import org.socialworkshop.catalog.TaxCategory;
import org.socialworkshop.makers.MakerId;
import org.socialworkshop.makers.MakerProfile;
import org.socialworkshop.makers.Makers;
import org.socialworkshop.media.ImageId;
import org.socialworkshop.media.Images;
import org.socialworkshop.platform.startup.DemoDataset;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo workshop: makers (most with consent, two without), products in every category with drawn
 * illustrations, all from {@code demo/catalog.json}. Stock comes separately, from the inventory module.
 */
@Component
@Order(100)
class DemoCatalog implements DemoDataset {

    static final String FILE = "demo/catalog.json";
    private static final int IMAGE_SIZE = 600;
    private static final int DRAWN_AT_ONCE = 2;

    private final Makers makers;
    private final Catalog catalog;
    private final Images images;
    private final JsonMapper json;

    DemoCatalog(Makers makers, Catalog catalog, Images images, JsonMapper json) {
        this.makers = makers;
        this.catalog = catalog;
        this.images = images;
        this.json = json;
    }

    record DemoFile(List<DemoMaker> makers, List<DemoProduct> products) {
    }

    record DemoMaker(String key, String name, String displayName, String storyZh, String storyEn, boolean consent,
            String motif, List<String> palette) {
    }

    record DemoProduct(String key, String category, String nameZh, String nameEn, String descriptionZh,
            String descriptionEn, TaxCategory taxCategory, Set<Channel> channels, boolean stockTracked,
            List<String> makers, String motif, List<String> palette, List<DemoVariant> variants) {
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
        // Drawing and storing the pictures is most of the time, so two are drawn at once (one per core); makers and
        // products are still created one after the other, in the file's order.
        return Flux.fromIterable(file.makers())
                .flatMapSequential(maker -> illustrate(maker.key(), maker.motif(), maker.palette())
                        .map(photo -> Map.entry(maker, photo)), DRAWN_AT_ONCE)
                .concatMap(drawn -> {
                    DemoMaker maker = drawn.getKey();
                    return makers.create(new MakerProfile(maker.name(), maker.displayName(), maker.storyZh(),
                                    maker.storyEn(), drawn.getValue().value()))
                            .flatMap(created -> maker.consent()
                                    ? makers.recordConsent(created.id(), true, "Consent recorded with the demo data")
                                    : Mono.just(created))
                            .map(created -> Map.entry(maker.key(), created.id()));
                })
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .flatMapMany(makerIds -> Flux.fromIterable(file.products())
                        .flatMapSequential(product -> illustrate(product.key(), product.motif(), product.palette())
                                .map(image -> Map.entry(product, image)), DRAWN_AT_ONCE)
                        .concatMap(drawn -> catalog.create(draft(drawn.getKey(), makerIds, drawn.getValue()))))
                .then();
    }

    static DemoFile read(JsonMapper json) {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            return json.readValue(in, DemoFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + FILE, e);
        }
    }

    private Mono<ImageId> illustrate(String key, String motif, List<String> palette) {
        return Mono.fromCallable(() -> Illustrations.image(motif, palette, IMAGE_SIZE, key.hashCode()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(images::storeDrawn)
                .map(stored -> stored.image().id());
    }

    private static ProductDraft draft(DemoProduct product, Map<String, MakerId> makerIds, ImageId image) {
        return new ProductDraft(product.category(), product.nameZh(), product.nameEn(), product.descriptionZh(),
                product.descriptionEn(), product.taxCategory(), product.channels(), product.stockTracked(), null,
                product.makers().stream().map(key -> makerIds.get(key).value()).toList(), List.of(image.value()),
                product.variants().stream().map(variant -> new ProductDraft.VariantDraft(null, variant.sku(),
                        variant.nameZh(), variant.nameEn(), new ProductDraft.Price(variant.priceFen(), "CNY"), null)).toList());
    }

}
