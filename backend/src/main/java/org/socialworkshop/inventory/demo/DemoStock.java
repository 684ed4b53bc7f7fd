package org.socialworkshop.inventory.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.Catalog;
import org.socialworkshop.inventory.Inventory;
import org.socialworkshop.platform.startup.DemoDataset;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stock for the demo products, received into the two locations as {@code demo/catalog.json} lists it: plenty
 * of some things, a handful of others, one sold out. Loaded after the demo catalog.
 */
@Component
@Order(200)
class DemoStock implements DemoDataset {

    private final Catalog catalog;
    private final Inventory inventory;
    private final JsonMapper json;

    DemoStock(Catalog catalog, Inventory inventory, JsonMapper json) {
        this.catalog = catalog;
        this.inventory = inventory;
        this.json = json;
    }

    record StockFile(List<Product> products) {
    }

    record Product(List<Variant> variants) {
    }

    record Variant(String sku, @Nullable Map<String, Long> stock) {
    }

    @Override
    public String name() {
        return "inventory.demo-stock";
    }

    @Override
    public Set<String> loadedAfter() {
        return Set.of("catalog.demo-workshop");
    }

    @Override
    public Mono<Void> load() {
        List<Variant> stocked = read().products().stream().flatMap(product -> product.variants().stream())
                .filter(variant -> variant.stock() != null).toList();
        return catalog.variantIdsBySku(stocked.stream().map(Variant::sku).toList())
                .flatMapMany(ids -> Flux.fromIterable(stocked).concatMap(variant -> Flux
                        .fromIterable(variant.stock().entrySet())
                        .filter(level -> level.getValue() > 0)
                        .concatMap(level -> inventory.receive(ids.get(variant.sku()), level.getKey(), level.getValue(),
                                "Demo stock"))))
                .then();
    }

    private StockFile read() {
        try (InputStream in = new ClassPathResource("demo/catalog.json").getInputStream()) {
            return json.readValue(in, StockFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read demo/catalog.json", e);
        }
    }
}
