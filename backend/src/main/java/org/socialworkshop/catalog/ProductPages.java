package org.socialworkshop.catalog;

import java.util.List;
import java.util.Map;

import org.socialworkshop.makers.Makers;
import org.socialworkshop.media.Images;
import org.socialworkshop.media.ImageLinks;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.shared.Language;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** One product for its public page: active variants with availability, images, and maker credits. */
@Service
public class ProductPages {

    private final Database db;
    private final Makers makers;
    private final ProductQueries queries;
    private final Images images;

    ProductPages(Database db, Makers makers, ProductQueries queries, Images images) {
        this.db = db;
        this.makers = makers;
        this.queries = queries;
        this.images = images;
    }

    public Mono<ProductDetails> find(ProductId id, Channel channel, Language language) {
        return ProductRows.adminProduct(db, id)
                .filter(product -> product.status() == ProductStatus.ACTIVE)
                .switchIfEmpty(Mono.error(() -> CatalogProblem.productNotFound(id)))
                .flatMap(product -> details(product, channel, language));
    }

    private Mono<ProductDetails> details(AdminProduct product, Channel channel, Language language) {
        List<AdminProduct.Variant> variants = product.variants().stream()
                .filter(variant -> variant.status() == ProductStatus.ACTIVE).toList();
        String name = language.pick(product.nameZh(), product.nameEn());
        Mono<Map<VariantId, Long>> available = product.stockTracked()
                ? queries.available(variants.stream().map(AdminProduct.Variant::id).toList(), channel)
                : Mono.just(Map.of());
        Mono<List<ImageLinks>> images = this.images.links(product.imageIds(), "")
                .map(links -> links.stream().map(link -> link.withAlt(product.alt(link.id(), language))).toList());
        Mono<String> categoryName = db.sql("SELECT name_zh, name_en FROM categories WHERE code = :code")
                .bind("code", product.category())
                .map(row -> language.pick(row.get("name_zh", String.class), row.get("name_en", String.class)))
                .one();
        return Mono.zip(available, images, makers.credits(product.makerIds(), language), categoryName)
                .map(found -> new ProductDetails(product.id(), name,
                        language.pick(product.descriptionZh(), product.descriptionEn()), product.category(),
                        found.getT4(), product.channels(), product.stockTracked(), product.status(),
                        variants.stream().map(AdminProduct.Variant::price).min((a, b) -> Long.compare(a.minor(), b.minor()))
                                .orElseThrow(),
                        found.getT2(),
                        variants.stream().map(variant -> new ProductDetails.VariantView(variant.id(), variant.sku(),
                                language.pick(variant.nameZh(), variant.nameEn()), variant.price(),
                                product.stockTracked() ? found.getT1().getOrDefault(variant.id(), 0L) : null)).toList(),
                        product.makerIds().stream().map(found.getT3()::get).filter(java.util.Objects::nonNull).toList()));
    }

}
