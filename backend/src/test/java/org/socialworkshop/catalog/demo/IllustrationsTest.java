package org.socialworkshop.catalog.demo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo illustrations draw every motif as a real PNG, and the demo catalog follows its content rules. */
class IllustrationsTest {

    static final List<String> PALETTE = List.of("#F4EEE4", "#E38C9B", "#3E7D5A");
    static final String CATALOG = "/demo/catalog.json";
    static final Pattern ZH_SENTENCE_END = Pattern.compile("[。！？][”」]?");
    static final Pattern EN_SENTENCE_END = Pattern.compile("[.!?][\"”]?(?=\\s|$)");
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static Stream<String> motifs() {
        return Illustrations.motifs().stream();
    }

    // ---- Illustrations ------------------------------------------------------------------------------------------

    @Test
    void drawsTheAgreedSetOfMotifs() {
        assertThat(Illustrations.motifs()).containsExactlyInAnyOrder("cup", "bowl", "noodles", "teapot", "tea-leaf",
                "box", "bag", "embroidery", "basket", "vase", "notebook", "bookmark", "scarf", "keyring", "toy",
                "paper-cut", "drink-glass", "portrait");
    }

    @ParameterizedTest
    @MethodSource("motifs")
    void everyMotifIsASquarePngWithAPictureOnIt(String motif) throws IOException {
        byte[] png = Illustrations.png(motif, PALETTE, Illustrations.SIZE, 7);

        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(800);
        assertThat(distinctColours(image)).as("distinct colours in %s", motif).isGreaterThanOrEqualTo(8);
        int background = Palette.parse(PALETTE.get(0)).getRGB() & 0xFFFFFF;
        int disc = Palette.lighter(Palette.parse(PALETTE.get(0)), 0.45).getRGB() & 0xFFFFFF;
        assertThat(shareDrawn(image, Set.of(background, disc))).as("drawn area of %s", motif).isBetween(0.06, 0.8);
    }

    @ParameterizedTest
    @MethodSource("motifs")
    void theSameSeedGivesTheSameBytesAndAnotherSeedVariesTheDrawing(String motif) {
        byte[] first = Illustrations.png(motif, PALETTE, 800, 42);

        assertThat(Illustrations.png(motif, PALETTE, 800, 42)).isEqualTo(first);
        assertThat(Illustrations.png(motif, PALETTE, 800, 43)).isNotEqualTo(first);
    }

    @Test
    void drawsOnADarkBackgroundAndAtOtherSizes() throws IOException {
        byte[] png = Illustrations.png("box", List.of("#22304A", "#E9C46A", "#F4F1DE"), 200, 1);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(distinctColours(image)).isGreaterThanOrEqualTo(8);
    }

    @Test
    void rejectsUnknownMotifsBadPalettesAndSizes() {
        assertThatThrownBy(() -> Illustrations.png("spaceship", PALETTE, 800, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spaceship");
        assertThatThrownBy(() -> Illustrations.png("cup", List.of("#FFFFFF", "#000000"), 800, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Illustrations.png("cup", List.of("#FFFFFF", "red", "#000000"), 800, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("red");
        assertThatThrownBy(() -> Illustrations.png("cup", PALETTE, 100_000, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- The demo catalog ---------------------------------------------------------------------------------------

    record Catalog(List<Maker> makers, List<ModifierGroup> modifierGroups, List<Product> products, List<PriceList> priceLists) {
    }

    record ModifierGroup(String code, String nameZh, String nameEn, int minChoices, int maxChoices, List<Option> options) {
    }

    record Option(String nameZh, String nameEn, long priceFen) {
    }

    record PriceList(String code, String nameZh, String nameEn, Map<String, Long> prices) {
    }

    record Maker(String key, String name, String displayName, String storyZh, String storyEn, boolean consent,
            String motif, List<String> palette) {
    }

    record Product(String key, String category, String nameZh, String nameEn, String descriptionZh,
            String descriptionEn, String taxCategory, List<String> channels, boolean stockTracked,
            List<String> makers, String motif, List<String> palette, List<Variant> variants, List<String> modifierGroups) {

        boolean soldOut() {
            return variants.stream().allMatch(v -> v.total() == 0);
        }
    }

    record Variant(String sku, String nameZh, String nameEn, long priceFen, Map<String, Integer> stock) {

        int total() {
            return stock.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    static final Set<String> CATEGORIES = Set.of("HANDCRAFT", "CANTEEN_MEAL", "CAFE_DRINK", "TEA", "GIFT_BOX");
    static final Set<String> LOCATIONS = Set.of("WORKSHOP_SHOP", "ONLINE_STORE_ROOM");
    static final Map<String, long[]> PRICE_RANGE_FEN = Map.of(
            "CANTEEN_MEAL", new long[] {1500, 3500},
            "CAFE_DRINK", new long[] {1200, 2800},
            "HANDCRAFT", new long[] {2500, 48000},
            "TEA", new long[] {3800, 26800},
            "GIFT_BOX", new long[] {12800, 59800});
    static final List<String> WORDS_NOT_TO_USE = List.of("残疾", "残障", "病", "盲", "聋", "轮椅", "disab", "blind",
            "deaf", "wheelchair", "illness", "diagnos");

    static Catalog catalog() throws IOException {
        try (InputStream in = IllustrationsTest.class.getResourceAsStream(CATALOG)) {
            assertThat(in).as(CATALOG).isNotNull();
            return JSON.readValue(in, Catalog.class);
        }
    }

    @Test
    void catalogUsesExactlyTheAgreedFieldNames() throws IOException {
        JsonNode root;
        try (InputStream in = IllustrationsTest.class.getResourceAsStream(CATALOG)) {
            root = JSON.readTree(in);
        }
        assertThat(root.propertyNames()).containsExactly("makers", "modifierGroups", "products", "priceLists");
        for (JsonNode maker : root.get("makers").values()) {
            assertThat(maker.propertyNames()).containsExactlyInAnyOrder("key", "name", "displayName", "storyZh",
                    "storyEn", "consent", "motif", "palette");
        }
        for (JsonNode product : root.get("products").values()) {
            assertThat(product.propertyNames()).contains("key", "category", "nameZh", "nameEn",
                    "descriptionZh", "descriptionEn", "taxCategory", "channels", "stockTracked", "makers", "motif",
                    "palette", "variants").isSubsetOf("key", "category", "nameZh", "nameEn", "descriptionZh", "descriptionEn",
                    "taxCategory", "channels", "stockTracked", "makers", "motif", "palette", "variants", "modifierGroups");
            for (JsonNode variant : product.get("variants").values()) {
                assertThat(variant.propertyNames()).contains("sku", "nameZh", "nameEn", "priceFen")
                        .isSubsetOf("sku", "nameZh", "nameEn", "priceFen", "stock");
            }
        }
    }

    @Test
    void counterChoicesAreOfferedWhereTheyExistAndPriceListsPriceCanteenMealsBelowTheirPrice() throws IOException {
        Catalog catalog = catalog();
        Map<String, ModifierGroup> groups = new java.util.HashMap<>();
        catalog.modifierGroups().forEach(group -> groups.put(group.code(), group));
        for (ModifierGroup group : catalog.modifierGroups()) {
            assertThat(group.minChoices()).isBetween(0, group.maxChoices());
            assertThat(group.maxChoices()).isLessThanOrEqualTo(group.options().size());
        }
        Map<String, Long> prices = new java.util.HashMap<>();
        for (Product product : catalog.products()) {
            if (product.modifierGroups() != null) {
                assertThat(product.channels()).as(product.key() + ": choices are made at the counter").contains("POS");
                assertThat(groups.keySet()).containsAll(product.modifierGroups());
            }
            if (product.category().equals("CANTEEN_MEAL")) {
                product.variants().forEach(variant -> prices.put(variant.sku(), variant.priceFen()));
            }
        }
        for (PriceList list : catalog.priceLists()) {
            list.prices().forEach((sku, price) -> assertThat(price).as(list.code() + " " + sku).isPositive().isLessThan(prices.get(sku)));
        }
    }

    @Test
    void makersHaveStoriesInBothLanguagesAndTwoHaveNotConsented() throws IOException {
        Catalog catalog = catalog();

        assertThat(catalog.makers()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(catalog.makers()).filteredOn(m -> !m.consent()).hasSize(2);
        assertThat(catalog.makers()).extracting(Maker::key).doesNotHaveDuplicates();
        for (Maker maker : catalog.makers()) {
            assertThat(maker.key()).matches("[a-z0-9-]{1,64}");
            assertThat(maker.name()).isNotBlank().hasSizeLessThanOrEqualTo(120);
            assertThat(maker.displayName()).isNotBlank().hasSizeLessThanOrEqualTo(120);
            assertThat(maker.motif()).isEqualTo("portrait");
            assertPalette(maker.key(), maker.palette());
            if (maker.consent()) {
                assertThat(sentences(maker.storyZh(), ZH_SENTENCE_END)).as("%s storyZh", maker.key()).isBetween(2, 4);
                assertThat(sentences(maker.storyEn(), EN_SENTENCE_END)).as("%s storyEn", maker.key())
                        .isBetween(2, 4);
            }
        }
    }

    @Test
    void productsCoverEveryCategoryWithSensibleTaxChannelsAndPrices() throws IOException {
        Catalog catalog = catalog();
        Set<String> makerKeys = catalog.makers().stream().map(Maker::key).collect(Collectors.toSet());

        assertThat(catalog.products()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(catalog.products()).extracting(Product::category).containsAll(CATEGORIES);
        assertThat(catalog.products()).extracting(Product::key).doesNotHaveDuplicates();
        assertThat(catalog.products().stream().flatMap(p -> p.variants().stream()).map(Variant::sku))
                .doesNotHaveDuplicates().allMatch(sku -> sku.matches("[A-Za-z0-9._-]{1,64}"));
        for (Product product : catalog.products()) {
            String key = product.key();
            boolean catering = product.category().equals("CANTEEN_MEAL") || product.category().equals("CAFE_DRINK");
            assertThat(key).matches("[a-z0-9-]{1,64}");
            assertThat(CATEGORIES).as(key).contains(product.category());
            assertThat(product.taxCategory()).as(key).isEqualTo(catering ? "CATERING" : "GOODS");
            assertThat(product.stockTracked()).as(key).isEqualTo(!catering);
            assertThat(product.channels()).as(key).isNotEmpty().doesNotHaveDuplicates()
                    .isSubsetOf("ONLINE", "POS", "CORPORATE");
            if (product.category().equals("CANTEEN_MEAL")) {
                assertThat(product.channels()).as(key).containsExactlyInAnyOrder("POS", "ONLINE");
            }
            if (product.category().equals("CAFE_DRINK")) {
                assertThat(product.channels()).as(key).contains("POS");
            }
            if (product.category().equals("GIFT_BOX")) {
                assertThat(product.channels()).as(key).contains("CORPORATE");
            }
            assertThat(makerKeys).as(key).containsAll(product.makers());
            if (product.category().equals("HANDCRAFT")) {
                assertThat(product.makers()).as(key).hasSizeBetween(1, 2);
            }
            assertThat(Illustrations.motifs()).as(key).contains(product.motif());
            assertPalette(key, product.palette());
            assertThat(product.variants()).as(key).isNotEmpty();
            long[] range = PRICE_RANGE_FEN.get(product.category());
            for (Variant variant : product.variants()) {
                assertThat(variant.priceFen()).as(variant.sku()).isPositive().isBetween(range[0], range[1]);
                assertThat(variant.nameZh()).as(variant.sku()).isNotBlank().hasSizeLessThanOrEqualTo(120);
                assertThat(variant.nameEn()).as(variant.sku()).isNotBlank().hasSizeLessThanOrEqualTo(120);
            }
        }
    }

    @Test
    void someProductsAreAnonymouslyMadeButEveryConsentingMakerIsCredited() throws IOException {
        Catalog catalog = catalog();
        Set<String> anonymous = catalog.makers().stream().filter(m -> !m.consent()).map(Maker::key)
                .collect(Collectors.toSet());
        Set<String> credited = catalog.products().stream().flatMap(p -> p.makers().stream())
                .collect(Collectors.toSet());

        assertThat(catalog.products()).anyMatch(p -> !p.makers().isEmpty() && anonymous.containsAll(p.makers()));
        assertThat(credited).containsAll(catalog.makers().stream().map(Maker::key).toList());
    }

    @Test
    void stockIsTrackedOnlyForGoodsWithOneProductSoldOutAndSomeNearlySo() throws IOException {
        Catalog catalog = catalog();

        for (Product product : catalog.products()) {
            for (Variant variant : product.variants()) {
                if (product.stockTracked()) {
                    assertThat(variant.stock()).as(variant.sku()).isNotNull();
                    assertThat(variant.stock().keySet()).as(variant.sku()).isEqualTo(LOCATIONS);
                    assertThat(variant.stock().values()).as(variant.sku()).allMatch(n -> n >= 0 && n <= 100_000);
                } else {
                    assertThat(variant.stock()).as("untracked %s has no stock", variant.sku()).isNull();
                }
            }
        }
        List<Product> tracked = catalog.products().stream().filter(Product::stockTracked).toList();
        assertThat(tracked).filteredOn(Product::soldOut).hasSize(1);
        assertThat(tracked.stream().flatMap(p -> p.variants().stream()))
                .filteredOn(v -> v.total() > 0 && v.total() <= 4).hasSizeGreaterThanOrEqualTo(3);
        assertThat(tracked.stream().flatMap(p -> p.variants().stream()))
                .filteredOn(v -> v.total() >= 20).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void textIsBilingualWithinLimitsAndNeverTalksAboutHealth() throws IOException {
        Catalog catalog = catalog();
        Predicate<String> hasChinese = s -> s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN);

        for (Product product : catalog.products()) {
            assertThat(product.nameZh()).as(product.key()).isNotBlank().hasSizeLessThanOrEqualTo(120)
                    .matches(hasChinese::test, "has Chinese");
            assertThat(product.nameEn()).as(product.key()).isNotBlank().hasSizeLessThanOrEqualTo(120)
                    .matches(s -> !hasChinese.test(s), "has no Chinese");
            assertThat(sentences(product.descriptionZh(), ZH_SENTENCE_END)).as(product.key()).isBetween(1, 3);
            assertThat(sentences(product.descriptionEn(), EN_SENTENCE_END)).as(product.key()).isBetween(1, 3);
            assertThat(product.descriptionZh()).matches(hasChinese::test, "has Chinese").hasSizeLessThanOrEqualTo(400);
            assertThat(product.descriptionEn()).matches(s -> !hasChinese.test(s), "has no Chinese")
                    .hasSizeLessThanOrEqualTo(600);
            assertNoHealthWords(product.key(), product.nameZh(), product.nameEn(), product.descriptionZh(),
                    product.descriptionEn());
        }
        for (Maker maker : catalog.makers()) {
            assertThat(maker.storyZh()).as(maker.key()).matches(hasChinese::test, "has Chinese");
            assertThat(maker.storyEn()).as(maker.key()).matches(s -> !hasChinese.test(s), "has no Chinese");
            assertNoHealthWords(maker.key(), maker.storyZh(), maker.storyEn());
        }
    }

    @Test
    void everyCatalogEntryCanBeIllustrated() throws IOException {
        Catalog catalog = catalog();

        for (Product product : catalog.products()) {
            assertThat(Illustrations.png(product.motif(), product.palette(), 64, product.key().hashCode()))
                    .as(product.key()).isNotEmpty();
        }
        for (Maker maker : catalog.makers()) {
            assertThat(Illustrations.png(maker.motif(), maker.palette(), 64, maker.key().hashCode()))
                    .as(maker.key()).isNotEmpty();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static void assertPalette(String owner, List<String> palette) {
        assertThat(palette).as("palette of %s", owner).hasSize(3).allMatch(c -> c.matches("#[0-9A-Fa-f]{6}"))
                .doesNotHaveDuplicates();
    }

    static void assertNoHealthWords(String owner, String... texts) {
        for (String text : texts) {
            String lower = text.toLowerCase(Locale.ROOT);
            assertThat(WORDS_NOT_TO_USE).as("words about health in %s: %s", owner, text)
                    .noneMatch(lower::contains);
        }
    }

    /** Sentences in {@code text}: each sentence end, plus a last sentence left without one. */
    static int sentences(String text, Pattern end) {
        String stripped = text.strip();
        Matcher matcher = end.matcher(stripped);
        int count = 0;
        int lastEnd = -1;
        while (matcher.find()) {
            count++;
            lastEnd = matcher.end();
        }
        return lastEnd == stripped.length() ? count : count + 1;
    }

    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }

    /** The share of pixels that are neither the background nor the soft disc behind the object. */
    static double shareDrawn(BufferedImage image, Set<Integer> backdrop) {
        int differ = 0;
        int total = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                total++;
                if (!backdrop.contains(image.getRGB(x, y) & 0xFFFFFF)) {
                    differ++;
                }
            }
        }
        return (double) differ / total;
    }
}
