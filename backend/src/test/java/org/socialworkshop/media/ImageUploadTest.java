package org.socialworkshop.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads are judged by their bytes, stored once, refused when hostile, and served in sizes a browser caches. */
@WorkshopTest
class ImageUploadTest {

    @Autowired
    WebTestClient client;

    WebTestClient staff;

    @BeforeEach
    void signIn() {
        staff = CatalogFixtures.coordinator(client);
    }

    @Test
    void storesOnceAndServesThreeCachedSizes() throws IOException {
        byte[] photo = jpeg(2400, 1600, new Color(40, 120, 200));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = upload(photo, MediaType.IMAGE_JPEG).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(first).containsEntry("width", 2400).containsEntry("height", 1600).containsEntry("contentType", "image/jpeg");
        upload(photo, MediaType.IMAGE_JPEG).expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(first.get("id"));

        assertLongestSide((String) first.get("thumbnail"), 200);
        assertLongestSide((String) first.get("card"), 600);
        assertLongestSide((String) first.get("full"), 1600);
        String etag = client.get().uri((String) first.get("card")).exchange()
                .expectHeader().value("Cache-Control", cache -> assertThat(cache).contains("max-age=31536000", "public", "immutable"))
                .returnResult(byte[].class).getResponseHeaders().getETag();
        client.get().uri((String) first.get("card")).header("If-None-Match", etag).exchange().expectStatus().isNotModified();
    }

    @Autowired
    Images images;

    @Test
    void aDrawnPictureIsStoredOnceInEverySize() {
        BufferedImage drawing = new BufferedImage(700, 500, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = drawing.createGraphics();
        g.setColor(new Color(30, 160, 90));
        g.fillOval(100, 50, 500, 400);
        g.dispose();

        Images.Stored first = images.storeDrawn(drawing).block();
        Images.Stored again = images.storeDrawn(drawing).block();

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.image().id()).isEqualTo(first.image().id());
        assertLongestSide(first.image().thumbnail(), 200);
        assertLongestSide(first.image().card(), 600);
        assertLongestSide(first.image().full(), 700);
    }

    @Test
    void aRetriedUploadWithItsKeyGetsTheFirstAnswer() throws IOException {
        byte[] photo = jpeg(640, 480, new Color(200, 80, 40));
        String key = java.util.UUID.randomUUID().toString();
        String first = staff.post().uri("/api/admin/images").header("Idempotency-Key", key).contentType(MediaType.IMAGE_JPEG)
                .bodyValue(photo).exchange().expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        String again = staff.post().uri("/api/admin/images").header("Idempotency-Key", key).contentType(MediaType.IMAGE_JPEG)
                .bodyValue(photo).exchange().expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(again).isEqualTo(first);
        staff.post().uri("/api/admin/images").header("Idempotency-Key", key).contentType(MediaType.IMAGE_PNG)
                .bodyValue(png(20, 20)).exchange().expectStatus().isEqualTo(422);
    }

    @Test
    void typeComesFromTheBytesNotTheLabel() throws IOException {
        upload(png(300, 200), MediaType.IMAGE_JPEG).expectStatus().isCreated()
                .expectBody().jsonPath("$.contentType").isEqualTo("image/png");
        upload("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(), MediaType.IMAGE_PNG).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        upload("GIF89a not accepted".getBytes(), MediaType.IMAGE_GIF).expectStatus().isBadRequest();
        byte[] truncated = java.util.Arrays.copyOf(jpeg(400, 300, Color.ORANGE), 200);
        upload(truncated, MediaType.IMAGE_JPEG).expectStatus().isBadRequest();
    }

    @Test
    void acceptsWebp() throws IOException {
        byte[] webp = new ClassPathResource("images/small.webp").getContentAsByteArray();
        upload(webp, MediaType.parseMediaType("image/webp")).expectStatus().is2xxSuccessful()
                .expectBody().jsonPath("$.contentType").isEqualTo("image/webp").jsonPath("$.width").isEqualTo(64);
    }

    @Test
    void refusesDecompressionBombsWithoutDecodingThem() {
        upload(bombPng(50_000, 50_000), MediaType.IMAGE_PNG).expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.title").isEqualTo("Image too large");
    }

    @Test
    void aBurstOfHostileLargeImagesIsProcessedOrRefusedNeverAFailure() throws IOException {
        byte[] base = jpeg(16, 16, Color.ORANGE);
        java.util.List<Integer> statuses = reactor.core.publisher.Flux.range(0, 8)
                .flatMap(n -> reactor.core.publisher.Mono.fromCallable(() -> {
                    byte[] hostile = ImageInspectorTest.declaring(base, 6324 - n, 6324);
                    return upload(hostile, MediaType.IMAGE_JPEG).returnResult(String.class).getStatus().value();
                }).subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), 8)
                .collectList().block();
        assertThat(statuses).hasSize(8).allSatisfy(status -> assertThat(status).isIn(201, 503));
        assertThat(statuses).contains(201);
    }

    @Test
    void refusesOversizedUploads() {
        upload(new byte[9 * 1024 * 1024], MediaType.IMAGE_JPEG).expectStatus().isEqualTo(413);
    }

    @Test
    void unknownImagesAndSizesAreNotFound() {
        client.get().uri("/api/images/" + java.util.UUID.randomUUID() + "/card").exchange().expectStatus().isNotFound();
        client.get().uri("/api/images/" + java.util.UUID.randomUUID() + "/huge").exchange().expectStatus().isNotFound();
    }

    @Test
    void onlyStaffUpload() throws IOException {
        client.post().uri("/api/admin/images").contentType(MediaType.IMAGE_PNG).bodyValue(png(10, 10))
                .exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec upload(byte[] bytes, MediaType type) {
        return staff.post().uri("/api/admin/images").contentType(type).bodyValue(bytes).exchange();
    }

    private void assertLongestSide(String url, int expected) {
        byte[] bytes = client.get().uri(url).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_JPEG)
                .expectBody(byte[].class).returnResult().getResponseBody();
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(expected);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] jpeg(int width, int height, Color color) throws IOException {
        return encode(width, height, color, "jpeg");
    }

    static byte[] png(int width, int height) throws IOException {
        return encode(width, height, Color.PINK, "png");
    }

    private static byte[] encode(int width, int height, Color color, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(color);
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.WHITE);
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** A valid PNG header announcing huge dimensions, followed by a few bytes of data: tiny on disk, gigabytes decoded. */
    private static byte[] bombPng(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[64 * 1024]);
        deflater.finish();
        byte[] compressed = new byte[1024];
        int length = deflater.deflate(compressed);
        chunk(out, "IDAT", java.util.Arrays.copyOf(compressed, length));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes());
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(type.getBytes());
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
