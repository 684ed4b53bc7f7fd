package org.socialworkshop.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo workshop as {@code demo/catalog.json} describes it, read from the same file the application loads,
 * so the tests name real demo products and makers without copying their text.
 */
record DemoWorkshop(List<Maker> makers, List<Product> products) {

    private static final String FILE = "/demo/catalog.json";

    record Maker(String key, String name, String displayName, String storyZh, String storyEn, boolean consent) {

        String story(String lang) {
            return lang.equals("en") ? storyEn : storyZh;
        }
    }

    record Product(String key, String nameZh, String nameEn, String descriptionZh, String descriptionEn,
            List<String> channels, List<String> makers, List<Variant> variants) {

        String name(String lang) {
            return lang.equals("en") ? nameEn : nameZh;
        }

        String description(String lang) {
            return lang.equals("en") ? descriptionEn : descriptionZh;
        }

        boolean soldOnline() {
            return channels.contains("ONLINE");
        }
    }

    record Variant(String sku, long priceFen) {

        /** The price as schema.org and Intl write it: 3800 fen → "38.00". */
        String priceText() {
            return String.format("%d.%02d", priceFen / 100, priceFen % 100);
        }
    }

    static DemoWorkshop load() {
        try (InputStream in = DemoWorkshop.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("No demo catalog on the classpath at " + FILE);
            }
            return JsonMapper.builder().build().readValue(in, DemoWorkshop.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Product product(String key) {
        return products.stream().filter(product -> product.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo product " + key + " in " + FILE));
    }

    /** The first demo product that fits, in the file's order. */
    Product product(Predicate<Product> fits, String what) {
        return products.stream().filter(fits).findFirst()
                .orElseThrow(() -> new IllegalStateException("No demo product " + what + " in " + FILE));
    }

    Maker maker(String key) {
        return makers.stream().filter(maker -> maker.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo maker " + key + " in " + FILE));
    }

    List<Maker> makersOf(Product product) {
        return product.makers().stream().map(this::maker).toList();
    }

    /**
     * The product's id, asked of the public API the shop itself uses. Other tests share the database and add
     * products with similar names, so only the exact demo name counts.
     */
    static String idOf(WebTestClient client, Product product) {
        JsonNode page = client.get()
                .uri(uri -> uri.path("/api/products").queryParam("q", product.nameZh()).queryParam("size", 100)
                        .queryParam("lang", "zh-CN").build())
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        for (JsonNode item : page.get("items")) {
            if (item.get("name").asString().equals(product.nameZh())) {
                return item.get("id").asString();
            }
        }
        throw new IllegalStateException("The shop does not list the demo product " + product.nameZh() + ": " + page);
    }

    /** True when every maker credited with the product has never agreed to be shown publicly. */
    boolean creditsOnlyMakersWithoutConsent(Product product) {
        return !product.makers().isEmpty() && makersOf(product).stream().noneMatch(Maker::consent);
    }
}
