package org.socialworkshop.e2e;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.socialworkshop.e2e.DemoWorkshop.Maker;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/** A coordinator puts a new product in the shop, photo and all, and buyers find it there with its price. */
@WorkshopTest
class CoordinatorCreatesProductTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    @Test
    void coordinatorCreatesAProductThatBuyersFindInTheShop() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String nameZh = "蜡染棉布杯垫" + tag;
        String nameEn = "Batik Cotton Coaster " + tag;
        Maker maker = DemoWorkshop.load().maker("li-mei");
        Messages zh = Messages.of("zh-CN");
        Path photo = drawPhoto(files.resolve("coaster-" + tag + ".png"), tag);

        Storefront form = browser.openAsStaff(port, "/admin/product.html", "zh-CN",
                "coordinator@example.org", "workshop-coordinator");
        form.waitUntil(presenceOfElementLocated(By.id("product-form")));
        form.element("product-name-zh").sendKeys(nameZh);
        form.element("product-name-en").sendKeys(nameEn);
        form.element("product-description-zh").sendKeys("用植物染料手工蜡染的棉布杯垫，每一片花纹都不一样。");
        form.element("product-description-en").sendKeys("A cotton coaster dyed by hand with plant dyes; no two are alike.");
        new Select(form.element("product-category")).selectByValue("HANDCRAFT");
        form.element("product-tax-goods").click();
        form.element("product-channel-online").click();
        // Made to order: buyers can see it at once, without stock received first.
        setChecked(form.element("product-stock-tracked"), false);
        makerChoice(form, maker).click();
        form.element("variant-0-sku").sendKeys("E2E-" + tag);
        form.element("variant-0-name-zh").sendKeys("标准");
        form.element("variant-0-name-en").sendKeys("Standard");
        form.element("variant-0-price").sendKeys("88.00");

        form.element("product-image-upload").sendKeys(photo.toAbsolutePath().toString());
        WebElement uploaded = form.waitUntil(presenceOfElementLocated(By.cssSelector("#product-image-list li[data-image-id]")));
        String imageId = uploaded.getDomAttribute("data-image-id");
        WebElement thumbnail = uploaded.findElement(By.tagName("img"));
        form.waitUntil(d -> hasLoaded(form, thumbnail));
        assertThat(thumbnail.getDomAttribute("src")).isEqualTo("/api/images/" + imageId + "/thumbnail");
        assertThat(thumbnail.getDomAttribute("alt"))
                .isEqualTo(zh.text("admin.images.alt", Map.of("n", 1, "name", nameZh)));

        form.element("product-save").click();
        form.waitUntil(textToBe(By.id("product-status"), zh.text("admin.product.created", Map.of("name", nameZh))));
        String productId = UriComponentsBuilder.fromUriString(form.driver().getCurrentUrl()).build()
                .getQueryParams().getFirst("id");
        assertThat(productId).as("the form's address names the new product").isNotBlank();
        assertThat(form.element("product-errors").isDisplayed()).as("error summary").isFalse();

        Storefront shop = browser.open(port, "/shop/products.html").ready("zh-CN");
        ProductList list = ProductList.on(shop).search(nameZh);
        assertThat(list.cards()).as("cards for the new product's unique name").hasSize(1);
        WebElement card = list.card(nameZh);
        assertThat(card.getDomAttribute("data-product-id")).isEqualTo(productId);
        assertThat(card.findElement(By.cssSelector(".product-card__price")).getText()).isEqualTo("¥88.00");
        assertThat(card.findElement(By.cssSelector(".product-card__availability")).getDomAttribute("data-state"))
                .isEqualTo("made-to-order");
        assertThat(card.findElement(By.cssSelector(".product-card__makers")).getText())
                .isEqualTo(zh.text("card.madeBy", Map.of("names", maker.displayName())));
        WebElement picture = card.findElement(By.cssSelector("img.product-card__image"));
        assertThat(picture.getDomAttribute("src")).isEqualTo("/api/images/" + imageId + "/card");
        assertThat(picture.getDomAttribute("alt")).isEqualTo(nameZh);
        shop.waitUntil(d -> hasLoaded(shop, picture));

        card.findElement(By.cssSelector(".product-card__link")).click();
        shop.waitUntil(textToBe(By.id("product-title"), nameZh));
        assertThat(shop.element("product-price").getText()).isEqualTo("¥88.00");
        assertThat(shop.element("product-image").getDomAttribute("src")).isEqualTo("/api/images/" + imageId + "/full");
        shop.waitUntil(d -> hasLoaded(shop, shop.element("product-image")));
        assertThat(shop.driver().findElement(By.cssSelector(".maker-story__name")).getText())
                .isEqualTo(maker.displayName());

        Storefront english = browser.open(port, "/shop/product.html?id=" + productId + "&lang=en").ready("en");
        english.waitUntil(textToBe(By.id("product-title"), nameEn));
        english.waitUntil(attributeToBe(By.id("product-availability"), "data-state", "made-to-order"));
        assertThat(english.element("product-price").getText()).isEqualTo("CN¥88.00");
    }

    /** The maker's box, found by the name the coordinator reads next to it. */
    private static WebElement makerChoice(Storefront form, Maker maker) {
        WebElement label = form.waitUntil(visibilityOfElementLocated(By.xpath(
                "//fieldset[@id='product-makers']//label[.//span[normalize-space(.)='" + maker.name() + "']]")));
        return form.element(label.getDomAttribute("for"));
    }

    private static void setChecked(WebElement box, boolean checked) {
        if (box.isSelected() != checked) {
            box.click();
        }
        assertThat(box.isSelected()).isEqualTo(checked);
    }

    private static boolean hasLoaded(Storefront page, WebElement image) {
        return Boolean.TRUE.equals(page.script("return arguments[0].complete && arguments[0].naturalWidth > 0", image));
    }

    /** A real photo-sized PNG, its colours taken from {@code tag} so no two runs upload the same bytes. */
    private static Path drawPhoto(Path file, String tag) throws IOException {
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0xF2E6D0));
            g.fillRect(0, 0, 800, 600);
            g.setColor(new Color(tag.hashCode() & 0x7F7F7F));
            g.fillOval(200, 100, 400, 400);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(12));
            for (int ring = 60; ring < 200; ring += 45) {
                g.drawOval(400 - ring, 300 - ring, 2 * ring, 2 * ring);
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
