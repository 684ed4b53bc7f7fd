package org.socialworkshop.receipts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A refund receipt names the makers of what was refunded, as a sale receipt does, and says nothing when it cannot. */
@WorkshopTest
class RefundReceiptMakersTest {

    @Autowired
    WebTestClient client;

    Shop shop;
    WebTestClient staff;
    String productId;
    String variantId;
    String makerName;
    String makerLatin;

    @BeforeEach
    void aProductByANamedMaker() {
        shop = new Shop(client);
        staff = CatalogFixtures.coordinator(client);
        String tag = UUID.randomUUID().toString().substring(0, 4);
        makerName = "钱芳" + tag;
        makerLatin = "Qian Fang " + tag;
        String maker = (String) staff.post().uri("/api/admin/makers")
                .bodyValue(Map.of("name", makerName, "displayName", makerName, "displayNameLatin", makerLatin))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        staff.post().uri("/api/admin/makers/{id}/consent", maker).bodyValue(Map.of("granted", true)).exchange().expectStatus().isOk();
        Map<String, Object> body = CatalogFixtures.product("剪纸书签", "Paper-cut bookmark", false);
        body.put("variants", List.of(CatalogFixtures.variant("RM-" + UUID.randomUUID().toString().substring(0, 8), 2500)));
        body.put("makerIds", List.of(maker));
        Map<String, Object> product = CatalogFixtures.create(staff, body);
        productId = (String) product.get("id");
        variantId = CatalogFixtures.firstVariantId(product);
    }

    @SuppressWarnings("unchecked")
    private List<String> receiptCodes(Shop.Placed order, int count) {
        String[][] codes = new String[1][];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            List<Map<String, Object>> found = (List<Map<String, Object>>) shop.order(order).get("receipts");
            assertThat(found).hasSize(count);
            codes[0] = found.stream().map(receipt -> (String) receipt.get("code")).toArray(String[]::new);
        });
        return List.of(codes[0]);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> receipt(String code) {
        return client.get().uri("/api/receipts/{code}", code).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private String pdfText(String code) throws Exception {
        byte[] pdf = client.get().uri("/api/receipts/{code}/receipt.pdf?lang=en", code).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void refundedUnitsNameTheirMakersAndAnAmountRefundLeavesTheLineOut() throws Exception {
        Shop.Placed order = shop.paidOrder(productId, variantId, 3);
        receiptCodes(order, 1);
        String lineId = (String) Shop.lines(shop.order(order)).get(0).get("lineId");

        staff.post().uri("/api/admin/orders/{id}/refunds", order.orderId())
                .bodyValue(Map.of("lines", List.of(Map.of("lineId", lineId, "quantity", 1)), "restock", false, "reason", "chipped"))
                .exchange().expectStatus().isCreated();
        String byUnits = receiptCodes(order, 2).get(1);
        assertThat(receipt(byUnits)).containsEntry("kind", "REFUND").containsEntry("makers", List.of(makerName))
                .containsEntry("makersEn", List.of(makerLatin));
        assertThat(pdfText(byUnits)).contains("手作：" + makerName, "Made by " + makerLatin).doesNotContain("workshop makers");

        staff.post().uri("/api/admin/orders/{id}/refunds", order.orderId())
                .bodyValue(Map.of("amount", Map.of("amount", 500), "restock", false, "reason", "goodwill"))
                .exchange().expectStatus().isCreated();
        String byAmount = receiptCodes(order, 3).get(2);
        assertThat(receipt(byAmount)).containsEntry("makers", List.of()).containsEntry("makersEn", List.of());
        assertThat(pdfText(byAmount)).doesNotContain("Made by", "手作：");
    }
}
