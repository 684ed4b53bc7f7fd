package org.socialworkshop.catalog;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.cache.JsonAnswer;
import org.socialworkshop.platform.cache.ReadCache;
import org.socialworkshop.platform.cache.ReadCaches;
import org.socialworkshop.shared.Language;
import org.socialworkshop.shared.Page;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every buyer reads most, the product list and product pages, written as JSON once and kept on each instance
 * until PostgreSQL reports a change to anything they show: products, variants, prices, texts, images, makers and
 * their consent, stock (triggers in V9__catalog_change_notifications.sql).
 */
@Component
class PublicCatalog {

    /** Enough for every page of every category and language, and a good many searches. */
    private static final long KEPT = 10_000;

    private record ListKey(Channel channel, ProductQueries.Listing listing, Page.Request page, Language language) {
    }

    private record ProductKey(ProductId id, Channel channel, Language language) {
    }

    private final ProductQueries queries;
    private final ProductPages pages;
    private final JsonMapper json;
    private final ReadCache<ListKey, JsonAnswer> lists;
    private final ReadCache<ProductKey, JsonAnswer> products;
    private final Categories categories;
    private final ReadCache<Language, JsonAnswer> shelves;

    PublicCatalog(ProductQueries queries, ProductPages pages, Categories categories, JsonMapper json, ReadCaches caches) {
        this.queries = queries;
        this.pages = pages;
        this.categories = categories;
        this.json = json;
        // The channels a category sells through change with products, never with stock.
        this.shelves = caches.create("catalog.categories", Language.values().length, Catalog.CHANGED);
        this.lists = caches.create("catalog.lists", KEPT, Catalog.CHANGED, Catalog.STOCK_CHANGED);
        this.products = caches.create("catalog.products", KEPT, Catalog.CHANGED, Catalog.STOCK_CHANGED);
    }

    Mono<JsonAnswer> list(Channel channel, ProductQueries.Listing listing, Page.Request page, Language language) {
        return lists.get(new ListKey(channel, listing, page, language),
                () -> queries.list(channel, listing, page, language).map(found -> JsonAnswer.of(found, json)));
    }

    Mono<JsonAnswer> categories(Language language) {
        return shelves.get(language, () -> categories.all(language).map(found -> JsonAnswer.of(found, json)));
    }

    Mono<JsonAnswer> product(ProductId id, Channel channel, Language language) {
        return products.get(new ProductKey(id, channel, language),
                () -> pages.find(id, channel, language).map(found -> JsonAnswer.of(found, json)));
    }
}
