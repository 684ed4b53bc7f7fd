package org.socialworkshop.catalog.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.socialworkshop.catalog.Catalog;
import org.socialworkshop.catalog.ProductId;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.catalog.VariantInfo;
import org.socialworkshop.makers.Maker;
import org.socialworkshop.makers.Makers;
import org.socialworkshop.media.ImageId;
import org.socialworkshop.media.Images;
import org.socialworkshop.platform.startup.DemoDataset;
import org.socialworkshop.shared.Page;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo workshop's pictures: a drawing for each maker and product of {@code demo/catalog.json}, stored through the
 * image store and shown on the maker or product the demo catalog created (found by name, and by the first variant's
 * SKU). A dataset of its own, so that stock and piece work, which need the products but not their pictures, load
 * while the pictures are drawn: drawing is most of a fresh demo start's data time.
 */
@Component
@Order(150)
class DemoIllustrations implements DemoDataset {

    private static final int IMAGE_SIZE = 600;
    private static final int DRAWN_AT_ONCE = 2;

    private final Makers makers;
    private final Catalog catalog;
    private final Images images;
    private final JsonMapper json;

    DemoIllustrations(Makers makers, Catalog catalog, Images images, JsonMapper json) {
        this.makers = makers;
        this.catalog = catalog;
        this.images = images;
        this.json = json;
    }

    @Override
    public String name() {
        return "catalog.demo-illustrations";
    }

    @Override
    public Set<String> loadedAfter() {
        return Set.of("catalog.demo-workshop");
    }

    @Override
    public Mono<Void> load() {
        DemoCatalog.DemoFile file = DemoCatalog.read(json);
        Mono<Void> makerPhotos = makers.list(null, new Page.Request(0, Page.Request.MAX_SIZE))
                .map(page -> page.items().stream().collect(Collectors.toMap(Maker::name, Maker::id, (a, b) -> a)))
                .flatMapMany(byName -> Flux.fromIterable(file.makers())
                        .filter(maker -> byName.containsKey(maker.name()))
                        .flatMapSequential(maker -> illustrate(maker.key(), maker.motif(), maker.palette())
                                .map(photo -> Map.entry(byName.get(maker.name()), photo)), DRAWN_AT_ONCE))
                .concatMap(drawn -> makers.showPhoto(drawn.getKey(), drawn.getValue()))
                .then();
        List<String> skus = file.products().stream().map(product -> product.variants().get(0).sku()).toList();
        Mono<Void> productPictures = catalog.variantIdsBySku(skus)
                .flatMap(bySku -> catalog.variants(bySku.values()).map(infos -> Map.entry(bySku, infos)))
                .flatMapMany(found -> Flux.fromIterable(file.products())
                        .filter(product -> found.getKey().containsKey(product.variants().get(0).sku()))
                        .flatMapSequential(product -> pictures(product)
                                .map(pictures -> Map.entry(productOf(found.getKey(), found.getValue(), product), pictures)), DRAWN_AT_ONCE))
                .concatMap(drawn -> catalog.showImages(drawn.getKey(), drawn.getValue()))
                .then();
        return makerPhotos.then(productPictures);
    }

    private static ProductId productOf(Map<String, VariantId> bySku,
            Map<VariantId, VariantInfo> infos, DemoCatalog.DemoProduct product) {
        return infos.get(bySku.get(product.variants().get(0).sku())).productId();
    }

    /**
     * A product's pictures: one drawing, and for handcrafts a second in the colours swapped and tilted otherwise, so
     * that the product page's gallery has something to show.
     */
    private Mono<List<ImageId>> pictures(DemoCatalog.DemoProduct product) {
        Mono<ImageId> first = illustrate(product.key(), product.motif(), product.palette());
        if (!product.category().equals("HANDCRAFT")) {
            return first.map(List::of);
        }
        List<String> p = product.palette();
        return first.zipWith(illustrate(product.key() + "/2", product.motif(), List.of(p.get(0), p.get(2), p.get(1))), List::of);
    }

    private Mono<ImageId> illustrate(String key, String motif, List<String> palette) {
        return Mono.fromCallable(() -> Illustrations.image(motif, palette, IMAGE_SIZE, key.hashCode()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(images::storeDrawn)
                .map(stored -> stored.image().id());
    }
}
