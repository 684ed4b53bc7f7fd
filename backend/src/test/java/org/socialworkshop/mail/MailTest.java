package org.socialworkshop.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.socialworkshop.catalog.Channel;
import org.socialworkshop.ordering.OrderPaid;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.outbox.Outbox;
import org.socialworkshop.platform.outbox.OutboxDispatcher;
import org.socialworkshop.shared.Money;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.SecondInstance;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Mails reach a real SMTP server (GreenMail, in this JVM). The shared instance has no SMTP settings; an instance with
 * them does the background work meanwhile (the shared one's outbox is paused), as a node configured for mail would.
 */
@WorkshopTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailTest {

    private static final Pattern ORDER_LINK = Pattern.compile("(http://\\S+/shop/order\\.html\\?id=([0-9a-f-]+)&token=([A-Za-z0-9_-]+)&lang=\\S+)");

    @Autowired
    WebTestClient client;
    @Autowired
    OutboxDispatcher sharedDispatcher;
    @Autowired
    Outbox outbox;
    @Autowired
    Database db;

    int port;
    GreenMail smtp;
    SecondInstance mailing;
    Shop shop;
    WebTestClient admin;
    String productId;
    String variantId;

    @BeforeAll
    void start() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        smtp = smtpServer();
        sharedDispatcher.stop();
        mailing = SecondInstance.onTestDatabaseWith("spring.mail.host=127.0.0.1", "spring.mail.port=" + port,
                "spring.mail.properties.mail.smtp.connectiontimeout=2000", "spring.mail.properties.mail.smtp.timeout=2000",
                "workshop.mail.from=shop@workshop.test", "workshop.outbox.max-backoff=2s");
        shop = new Shop(client);
        admin = SignIn.admin(client);
        WebTestClient staff = CatalogFixtures.coordinator(client);
        Map<String, Object> body = CatalogFixtures.product("青花茶杯", "Blue tea cup", false);
        body.put("variants", List.of(CatalogFixtures.variant("ML-" + UUID.randomUUID().toString().substring(0, 8), 6800)));
        Map<String, Object> product = CatalogFixtures.create(staff, body);
        productId = (String) product.get("id");
        variantId = CatalogFixtures.firstVariantId(product);
    }

    @AfterAll
    void stop() {
        mailing.close();
        sharedDispatcher.start();
        smtp.stop();
    }

    @Test
    void aPaidOrderIsConfirmedInEnglishWithItsLinkAndTheReceiptAttached() throws Exception {
        Shop.Placed order = paidOrder("en");
        MimeMessage mail = awaitMailTo(buyerOf(order));

        assertThat(mail.getSubject()).isEqualTo("Order " + order.orderNumber() + " is confirmed");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("shop@workshop.test");
        String text = part(mail, "text/plain");
        assertThat(text).contains("We received your payment of ¥68.00 for order " + order.orderNumber())
                .contains("/r/").as("signed with the shop's English name, nothing in Chinese")
                .contains(shopName("nameEn")).doesNotContainPattern("\\p{IsHan}");
        assertThat(part(mail, "text/html")).contains("<a href=\"http://").contains("lang=\"en\"");
        opensTheOrder(text, order);
        assertThat(receiptPdf(mail)).startsWith("%PDF".getBytes());
        assertThat(mail.getMessageID()).matches("<[0-9a-f-]{36}@localhost>");
    }

    @Test
    void aPaidOrderIsConfirmedInChineseWhenTheBuyerShoppedInChinese() throws Exception {
        Shop.Placed order = paidOrder("zh-CN");
        MimeMessage mail = awaitMailTo(buyerOf(order));

        assertThat(mail.getSubject()).isEqualTo("订单 " + order.orderNumber() + " 已确认");
        String text = part(mail, "text/plain");
        assertThat(text).contains("我们已收到订单 " + order.orderNumber() + " 的付款 ¥68.00").contains("收据的 PDF 在附件中")
                .contains(shopName("nameZh"));
        opensTheOrder(text, order);
        assertThat(receiptPdf(mail)).startsWith("%PDF".getBytes());
    }

    /** The shop's name as the one shop identity gives it now. */
    private String shopName(String field) {
        return client.get().uri("/api/shop").exchange().expectStatus().isOk()
                .expectBody(tools.jackson.databind.JsonNode.class).returnResult().getResponseBody().get(field).asString();
    }

    @Test
    void aMailServerThatIsDownLosesNothing() throws Exception {
        smtp.stop();
        Shop.Placed order;
        try {
            order = paidOrder("en");
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> failedAttempts(order.orderNumber()) >= 1);
        } finally {
            smtp = smtpServer();
        }
        MimeMessage mail = awaitMailTo(buyerOf(order));
        assertThat(mail.getSubject()).contains(order.orderNumber());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(listed(order.orderNumber()).get("status")));
    }

    @Test
    void theSameEventTwiceSendsOneMail() throws Exception {
        Shop.Placed order = paidOrder("en");
        String buyer = buyerOf(order);
        awaitMailTo(buyer);

        db.inTransaction(() -> outbox.publish(new OrderPaid(UUID.fromString(order.orderId()), order.orderNumber(), Channel.ONLINE,
                Money.fen(6800), "demo", "again"))).block();
        UUID mailId = UUID.fromString((String) listed(order.orderNumber()).get("id"));
        db.inTransaction(() -> outbox.publish(new MailQueued(mailId))).block();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> db.sql("""
                        SELECT count(*) AS n FROM outbox WHERE status = 'PENDING' AND handler LIKE 'mail.%'
                        AND (payload ->> 'orderId' = :order OR payload ->> 'mailId' IS NOT NULL)""")
                .bind("order", order.orderId()).map(row -> row.get("n", Long.class)).one().block() == 0);

        assertThat(mailsTo(buyer)).hasSize(1);
    }

    @Test
    void onlyAdminsReadTheMails() {
        client.get().uri("/api/admin/mail").exchange().expectStatus().isUnauthorized();
        CatalogFixtures.coordinator(client).get().uri("/api/admin/mail").exchange().expectStatus().isForbidden();
        admin.get().uri("/api/admin/mail?size=0").exchange().expectStatus().isBadRequest();
    }

    private Shop.Placed paidOrder(String lang) {
        String cart = shop.cartWith(Map.of(productId, variantId), 1);
        Shop.Placed placed = Shop.placed(client.post().uri("/api/checkout?lang=" + lang).header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Shop.pickup(cart)).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
        shop.payDemo(placed).expectStatus().isOk();
        shop.awaitStatus(placed, "PAID");
        return placed;
    }

    private String buyerOf(Shop.Placed order) {
        return db.sql("SELECT email FROM orders WHERE id = :id").bind("id", UUID.fromString(order.orderId()))
                .map(row -> row.get("email", String.class)).one().block();
    }

    private GreenMail smtpServer() {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(to -> to.toString().equals(address))) {
                found.add(message);
            }
        }
        return found;
    }

    private MimeMessage awaitMailTo(String address) {
        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> !mailsTo(address).isEmpty());
        try {
            return mailsTo(address).get(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void opensTheOrder(String text, Shop.Placed order) {
        Matcher link = ORDER_LINK.matcher(text);
        assertThat(link.find()).as("an order link in %s", text).isTrue();
        assertThat(link.group(2)).isEqualTo(order.orderId());
        assertThat(link.group(3)).isNotEqualTo(order.accessToken());
        client.get().uri("/api/orders/{id}?token={token}", order.orderId(), link.group(3)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.orderNumber").isEqualTo(order.orderNumber());
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static byte[] receiptPdf(Part part) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (child.isMimeType("application/pdf")) {
                    assertThat(child.getFileName()).isEqualTo("receipt.pdf");
                    try (InputStream in = child.getInputStream()) {
                        return in.readAllBytes();
                    }
                }
                byte[] nested = receiptPdf(child);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> listed(String orderNumber) {
        return find(orderNumber).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> find(String orderNumber) {
        Map<String, Object> page = admin.get().uri("/api/admin/mail?size=100").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().filter(mail -> orderNumber.equals(mail.get("orderNumber")))
                .findFirst();
    }

    private int failedAttempts(String orderNumber) {
        return find(orderNumber).map(mail -> ((Number) mail.get("failedAttempts")).intValue()).orElse(0);
    }
}
