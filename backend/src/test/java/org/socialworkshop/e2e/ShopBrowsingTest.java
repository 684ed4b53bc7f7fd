package org.socialworkshop.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.socialworkshop.e2e.DemoWorkshop.Maker;
import org.socialworkshop.e2e.DemoWorkshop.Product;
import org.socialworkshop.e2e.DemoWorkshop.Variant;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

/** Buyers find products in Chinese, read them on a small phone, and never learn who did not agree to be shown. */
@WorkshopTest
class ShopBrowsingTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final DemoWorkshop demo = DemoWorkshop.load();
    private static final int PHONE = 360;

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Test
    void buyerFindsATeaBySearchingInChineseAndOpensIt() {
        Product jasmine = demo.product("jasmine-tea");
        assertThat(jasmine.nameZh()).as("the demo tea's name").contains("茶");
        Storefront page = browser.open(port, "/shop/products.html").ready("zh-CN");

        WebElement card = ProductList.on(page).search("茶").card(jasmine.nameZh());
        card.findElement(By.cssSelector(".product-card__link")).click();

        page.waitUntil(textToBe(By.id("product-title"), jasmine.nameZh()));
        assertThat(page.driver().getCurrentUrl()).startsWith("http://localhost:" + port + "/shop/product.html?id=");
        Messages zh = Messages.of("zh-CN");
        assertThat(page.driver().getTitle())
                .isEqualTo(zh.text("product.pageTitle", Map.of("name", jasmine.nameZh(), "site", zh.text("brand.name"))));
        assertThat(metaDescription(page))
                .as("meta description: the product's own, not the page's default")
                .startsWith(jasmine.descriptionZh().substring(0, 20));
        assertStructuredData(page, jasmine);
    }

    @Test
    void buyerSortsByPriceAndKeepsToABudget() {
        Messages en = Messages.of("en");
        Storefront page = browser.open(port, "/shop/products.html?lang=en").ready("en");
        page.waitUntil(d -> !page.driver().findElements(ProductList.CARDS).isEmpty());

        // Not an amount: said at the field, focused, nothing loaded.
        page.element("price-max").sendKeys("lots");
        page.element("search-submit").click();
        page.waitUntil(d -> page.focusedId().equals("price-max"));
        assertThat(page.element("price-error").getText()).isEqualTo(en.text("products.price.invalid"));
        assertThat(page.element("price-max").getDomAttribute("aria-invalid")).isEqualTo("true");
        Accessibility.assertNoSeriousViolations(page.driver(), "a price that is not an amount");

        // Cheapest first, at most ¥100: the address keeps it, every card is within it, in order.
        page.element("price-max").clear();
        page.element("price-max").sendKeys("100");
        new Select(page.element("sort-order")).selectByValue("PRICE_ASC");
        page.element("search-submit").click();
        page.waitUntil(urlContains("max=100"));
        assertThat(page.driver().getCurrentUrl()).contains("sort=PRICE_ASC");
        page.waitUntil(d -> !"true".equals(page.element("results").getDomAttribute("aria-busy")));
        List<Long> prices = page.driver().findElements(By.cssSelector("#results .product-card__price")).stream()
                .map(price -> Math.round(Double.parseDouble(price.getText().replaceAll("[^0-9.]", "")) * 100)).toList();
        assertThat(prices).isNotEmpty().isSorted().allSatisfy(price -> assertThat(price).isLessThanOrEqualTo(10_000L));
        assertThat(page.element("price-error").isDisplayed()).isFalse();
        Accessibility.assertNoSeriousViolations(page.driver(), "sorted by price within a budget");
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"zh-CN", "en"})
    void productPageAndListFitASmallPhone(String lang) {
        // Two options, a maker with a photo and a long name: the most there is to fit on a product page.
        Product panda = demo.product("shu-embroidery-panda");
        browser.resize(PHONE, 780);
        Storefront page = openProduct(panda, lang);
        page.waitUntil(d -> Boolean.TRUE.equals(page.script(
                "const img = document.getElementById('product-image'); return img.complete && img.naturalWidth > 0")));

        assertThat(page.script("return window.innerWidth")).as("viewport width").isEqualTo((long) PHONE);
        assertNoSidewaysScrolling(page, "product page");
        for (String id : List.of("product-title", "product-price")) {
            WebElement element = page.element(id);
            assertThat(element.isDisplayed()).as("#" + id + " shown").isTrue();
            Rectangle box = element.getRect();
            assertThat(box.getX()).as("#" + id + " left edge").isGreaterThanOrEqualTo(0);
            assertThat(box.getX() + box.getWidth()).as("#" + id + " right edge").isLessThanOrEqualTo(PHONE);
        }
        assertThat(page.element("product-price").getText()).matches("(CN)?¥\\d+\\.\\d{2}");
        List<WebElement> images = page.driver().findElements(By.cssSelector("main img"));
        assertThat(images).as("images on the product page").isNotEmpty();
        images.forEach(ShopBrowsingTest::assertSizeReserved);
        assertThat(page.element("product-image").getDomAttribute("loading"))
                .as("the main picture is what the buyer came for: never lazy").isNotEqualTo("lazy");

        // The tea shelf: other tests add their products (no photo, a placeholder) to the handcrafts, whose first page they
        // can fill; every demo product has a picture.
        Storefront list = browser.open(port, "/shop/products.html?category=TEA&lang=" + lang).ready(lang);
        List<WebElement> cards = ProductList.on(list).cards();
        assertNoSidewaysScrolling(list, "product list");
        List<WebElement> pictures = list.driver().findElements(By.cssSelector("#product-results img.product-card__image"));
        assertThat(pictures).as("card pictures").isNotEmpty();
        assertThat(pictures.size() + list.driver().findElements(By.cssSelector("#product-results .product-card__image--none")).size())
                .as("cards with a picture or its placeholder").isEqualTo(cards.size());
        for (WebElement picture : pictures) {
            assertSizeReserved(picture);
            assertThat(picture.getDomAttribute("loading")).as("card picture " + picture.getDomAttribute("src"))
                    .isEqualTo("lazy");
        }
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"zh-CN", "en"})
    void buyerLooksAtEveryPhotoCloseUp(String lang) {
        Messages messages = Messages.of(lang);
        Product panda = demo.product("shu-embroidery-panda");
        Storefront page = openProduct(panda, lang);
        String name = panda.name(lang);
        assertThat(page.element("product-image").getDomAttribute("alt"))
                .isEqualTo(messages.text("product.images.alt", Map.of("name", name, "n", 1, "count", 2)));
        assertThat(page.element("product-photo-1").getDomAttribute("aria-pressed")).isEqualTo("true");
        String first = page.element("product-image").getDomAttribute("src");

        page.element("product-photo-2").click();
        page.waitUntil(d -> "true".equals(page.element("product-photo-2").getDomAttribute("aria-pressed")));
        assertThat(page.element("product-photo-1").getDomAttribute("aria-pressed")).isEqualTo("false");
        assertThat(page.element("product-image").getDomAttribute("src")).as("the second photo, large").isNotEqualTo(first);
        assertThat(page.element("product-image").getDomAttribute("alt"))
                .isEqualTo(messages.text("product.images.alt", Map.of("name", name, "n", 2, "count", 2)));
        assertThat(page.focusedId()).as("focus stays on the photo's button").isEqualTo("product-photo-2");

        page.element("product-zoom").click();
        page.waitUntil(d -> page.element("product-zoom-dialog").getDomProperty("open").equals("true"));
        assertThat(page.focusedId()).isEqualTo("product-zoom-in");
        assertThat(page.element("product-zoom-level").getText()).isEqualTo("100%");
        assertThat(page.element("product-zoom-out").isEnabled()).as("no smaller than the screen").isFalse();
        Accessibility.assertNoSeriousViolations(page.driver(), "the zoomed photo (" + lang + ")");
        page.element("product-zoom-in").click();
        page.press("+");
        assertThat(page.element("product-zoom-level").getText()).isEqualTo("200%");
        assertThat(page.script("const view = document.getElementById('product-zoom-view');"
                + " return view.scrollWidth > view.clientWidth")).as("the enlarged photo scrolls within its view").isEqualTo(true);
        page.press(org.openqa.selenium.Keys.ESCAPE);
        page.waitUntil(d -> page.element("product-zoom-dialog").getDomProperty("open").equals("false"));
        assertThat(page.focusedId()).as("focus back where the buyer was").isEqualTo("product-zoom");

        // Its card: one price "from" (the options differ), and no stock number that the page would contradict.
        Storefront list = browser.open(port, "/shop/products.html?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                + "&lang=" + lang).ready(lang);
        WebElement card = ProductList.on(list).card(name);
        String price = card.findElement(By.cssSelector(".product-card__price")).getText();
        assertThat(price).isEqualTo(messages.text("card.priceFrom", Map.of("price", price.replaceAll("^from |\\s*起$", ""))));
        assertThat(card.findElement(By.cssSelector(".product-card__availability")).getText())
                .isIn(messages.text("card.inStockOptions"), messages.text("card.soldOut"));
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"zh-CN", "en"})
    void aCategorySoldOnlyAtTheCounterSaysSoInsteadOfAnEmptyList(String lang) {
        Messages messages = Messages.of(lang);
        WebTestClient coordinator = org.socialworkshop.support.CatalogFixtures.coordinator(client);
        String code = "COUNTER_" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
        String categoryName = lang.equals("en") ? "Counter snacks " + code : "柜台小吃" + code;
        coordinator.post().uri("/api/admin/categories").bodyValue(Map.of("code", code, "nameZh", "柜台小吃" + code,
                "nameEn", "Counter snacks " + code, "position", 950)).exchange().expectStatus().isCreated();
        Map<String, Object> snack = org.socialworkshop.support.CatalogFixtures.product("小吃" + code, "Snack " + code, false);
        snack.put("category", code);
        snack.put("channels", List.of("POS"));
        org.socialworkshop.support.CatalogFixtures.create(coordinator, snack);

        Storefront home = browser.open(port, "/shop/?lang=" + lang).ready(lang);
        home.waitUntil(d -> !d.findElements(By.id("category-counter-only")).isEmpty());
        assertThat(home.driver().findElements(By.cssSelector("#category-links [data-category='" + code + "']")))
                .as("no shelf leading to an empty list").isEmpty();
        assertThat(home.element("category-counter-only").getText()).contains(categoryName);

        Storefront list = browser.open(port, "/shop/products.html?category=" + code + "&lang=" + lang).ready(lang);
        list.waitUntil(d -> !d.findElements(By.id("results-counter-only")).isEmpty());
        assertThat(list.element("results-counter-only").getText())
                .startsWith(messages.text("products.counterOnly", Map.of("name", categoryName)));
        Accessibility.assertNoSeriousViolations(list.driver(), "a category sold at the counter only (" + lang + ")");
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"zh-CN", "en"})
    void makersWithoutConsentAreNeverNamed(String lang) {
        Messages messages = Messages.of(lang);
        List<Product> unnamed = demo.products().stream()
                .filter(Product::soldOnline)
                .filter(demo::creditsOnlyMakersWithoutConsent)
                .toList();
        assertThat(unnamed).as("demo products credited only to makers without consent").isNotEmpty();

        for (Product product : unnamed) {
            Storefront page = openProduct(product, lang);
            assertThat(page.element("maker-anonymous").getText()).isEqualTo(messages.text("product.makers.anonymous"));
            assertThat(page.driver().findElements(By.cssSelector(".maker-story"))).as("maker stories").isEmpty();
            assertNothingAbout(page, demo.makersOf(product));
        }

        Product first = unnamed.get(0);
        Storefront list = browser.open(port, "/shop/products.html?lang=" + lang).ready(lang);
        WebElement card = ProductList.on(list).search(first.name(lang)).card(first.name(lang));
        assertThat(card.findElement(By.cssSelector(".product-card__makers")).getText())
                .isEqualTo(messages.text("card.madeByWorkshop"));
        assertNothingAbout(list, demo.makersOf(first));
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"zh-CN", "en"})
    void makersWhoAgreedAreShownWithTheirStories(String lang) {
        Product cup = demo.product("blue-teacup");
        Maker maker = demo.maker(cup.makers().get(0));
        assertThat(maker.consent()).as(maker.name() + " agreed to be shown").isTrue();

        // In English the maker's name in Latin script (pinyin unless a coordinator wrote another), as the API gives it.
        String name = lang.equals("en") ? makerNameInEnglish(cup) : maker.displayName();
        if (lang.equals("en")) {
            assertThat(name).as("the name on an English page").matches("\\p{IsLatin}[\\p{IsLatin} '-]*");
        }
        Storefront page = openProduct(cup, lang);
        WebElement story = page.driver().findElement(By.cssSelector("#maker-stories-section .maker-story"));
        assertThat(story.findElement(By.cssSelector(".maker-story__name")).getText()).isEqualTo(name);
        assertThat(story.findElement(By.cssSelector(".maker-story__text")).getText()).isEqualTo(maker.story(lang));
        assertThat(story.findElement(By.cssSelector(".maker-story__photo")).getDomAttribute("alt"))
                .isEqualTo(Messages.of(lang).text("product.makers.photoAlt", Map.of("name", name)));
        assertThat(page.driver().findElements(By.id("maker-anonymous"))).as("the anonymous line").isEmpty();
    }

    @Test
    void aProductByMakersWithAndWithoutConsentNamesOnlyThoseWhoAgreed() {
        Product keyring = demo.product(product -> product.soldOnline()
                && demo.makersOf(product).stream().anyMatch(Maker::consent)
                && demo.makersOf(product).stream().anyMatch(maker -> !maker.consent()), "by makers with and without consent");
        List<Maker> agreed = new ArrayList<>();
        List<Maker> notAgreed = new ArrayList<>();
        demo.makersOf(keyring).forEach(maker -> (maker.consent() ? agreed : notAgreed).add(maker));

        Storefront page = openProduct(keyring, "zh-CN");
        assertThat(page.driver().findElements(By.cssSelector(".maker-story__name")))
                .extracting(WebElement::getText)
                .containsExactlyElementsOf(agreed.stream().map(Maker::displayName).toList());
        // Said once, however many there are: not even the number of makers without consent is given away.
        assertThat(page.element("maker-anonymous").getText())
                .isEqualTo(Messages.of("zh-CN").text("product.makers.anonymous"));
        assertNothingAbout(page, notAgreed);
    }

    private String makerNameInEnglish(Product product) {
        return client.get().uri("/api/products/{id}?lang=en", DemoWorkshop.idOf(client, product)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("makers").get(0).get("displayName").asString();
    }

    private Storefront openProduct(Product product, String lang) {
        String id = DemoWorkshop.idOf(client, product);
        Storefront page = browser.open(port, "/shop/product.html?id=" + id + "&lang=" + lang).ready(lang);
        page.waitUntil(textToBe(By.id("product-title"), product.name(lang)));
        return page;
    }

    private static String metaDescription(Storefront page) {
        return page.driver().findElement(By.cssSelector("meta[name='description']")).getDomAttribute("content");
    }

    /** schema.org Product with one Offer per variant, prices as decimal strings in CNY, as search engines read it. */
    private void assertStructuredData(Storefront page, Product product) {
        String text = (String) page.script("return document.getElementById('structured-data').textContent");
        JsonNode data = JsonMapper.builder().build().readTree(text);
        assertThat(data.get("@context").asString()).isEqualTo("https://schema.org");
        assertThat(data.get("@type").asString()).isEqualTo("Product");
        assertThat(data.get("name").asString()).isEqualTo(product.nameZh());
        assertThat(data.get("image").get(0).asString()).startsWith("http://localhost:" + port + "/api/images/");
        List<String> prices = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        for (JsonNode offer : data.get("offers")) {
            assertThat(offer.get("@type").asString()).isEqualTo("Offer");
            assertThat(offer.get("priceCurrency").asString()).isEqualTo("CNY");
            assertThat(offer.get("price").isString()).as("price is a decimal string, not a number: " + offer).isTrue();
            assertThat(offer.get("availability").asString()).startsWith("https://schema.org/");
            prices.add(offer.get("price").asString());
            skus.add(offer.get("sku").asString());
        }
        assertThat(prices).containsExactlyElementsOf(product.variants().stream().map(Variant::priceText).toList());
        assertThat(skus).containsExactlyElementsOf(product.variants().stream().map(Variant::sku).toList());
    }

    private static void assertNoSidewaysScrolling(Storefront page, String what) {
        assertThat((Long) page.script("return document.documentElement.scrollWidth"))
                .as(what + " width at " + PHONE + " px (wider means sideways scrolling)")
                .isLessThanOrEqualTo((Long) page.script("return window.innerWidth"));
    }

    /** Width and height in the markup let the browser keep the picture's place before it loads: no jumping text. */
    private static void assertSizeReserved(WebElement image) {
        String which = "image " + image.getDomAttribute("src");
        assertThat(image.getDomAttribute("width")).as(which + " width").matches("\\d+");
        assertThat(image.getDomAttribute("height")).as(which + " height").matches("\\d+");
    }

    /** Neither name nor story of these makers anywhere in what the browser holds, not even hidden. */
    private static void assertNothingAbout(Storefront page, List<Maker> makers) {
        String source = page.driver().getPageSource();
        for (Maker maker : makers) {
            assertThat(source).as("page source, about a maker without consent")
                    .doesNotContain(maker.name())
                    .doesNotContain(maker.displayName())
                    .doesNotContain(maker.storyZh().substring(0, 20))
                    .doesNotContain(maker.storyEn().substring(0, 20));
        }
    }
}
