package org.socialworkshop.media;

import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.socialworkshop.platform.database.Database;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The media module's facade: store an upload once, check that images exist, fetch a rendition. */
@Service
public class Images implements DisposableBean {

    /**
     * Decoding and scaling run here, one image at a time, with a short queue: each holds up to
     * {@link ImageInspector#DECODED_PIXELS} in memory, so a burst of large uploads waits its turn instead of
     * exhausting the heap, and beyond the queue is told to come back (503).
     */
    private static final int QUEUED_IMAGES = 16;

    private final Database db;
    private final Scheduler imageWork = Schedulers.newBoundedElastic(1, QUEUED_IMAGES, "image-work");

    Images(Database db) {
        this.db = db;
    }

    @Override
    public void destroy() {
        imageWork.dispose();
    }

    /** The result of storing: the image, and whether these bytes were new. */
    public record Stored(StoredImage image, boolean created) {
    }

    /** A rendition's bytes and type, as served. */
    public record Rendition(String mediaType, byte[] bytes) {
    }

    /**
     * Checks and stores an upload, once per distinct content: the same bytes again return the stored image.
     * Decoding and scaling run off the event loop, one image at a time ({@link #QUEUED_IMAGES}).
     */
    public Mono<Stored> store(byte[] bytes) {
        String sha256 = sha256(bytes);
        return once(sha256, () -> Mono.fromCallable(() -> decodeAndRender(bytes))
                .subscribeOn(imageWork)
                .onErrorMap(RejectedExecutionException.class, full -> ImageRejected.busy())
                .flatMap(prepared -> insert(sha256, prepared.decoded().format().mediaType, prepared.decoded().width(),
                        prepared.decoded().height(), prepared.renditions())));
    }

    /**
     * Stores a picture the application drew itself (the demo catalog's illustrations): rendered in every size
     * like an upload, without the round trip through an encoded file, once per distinct drawing (its largest
     * rendition's bytes identify it). Rendering runs off the event loop with uploads ({@link #QUEUED_IMAGES}).
     */
    public Mono<Stored> storeDrawn(BufferedImage drawing) {
        return Mono.fromCallable(() -> render(drawing))
                .subscribeOn(imageWork)
                .onErrorMap(RejectedExecutionException.class, full -> ImageRejected.busy())
                .flatMap(renditions -> {
                    ImageInspector.Rendition largest = renditions.get(renditions.size() - 1);
                    String sha256 = sha256(largest.bytes());
                    return once(sha256, () -> insert(sha256, largest.mediaType(), drawing.getWidth(), drawing.getHeight(), renditions));
                });
    }

    /** The image stored under {@code sha256}, or the one {@code insert} stores (also when another store raced it). */
    private Mono<Stored> once(String sha256, Supplier<Mono<Stored>> insert) {
        return findBySha(sha256)
                .map(existing -> new Stored(existing, false))
                .switchIfEmpty(Mono.defer(insert))
                .onErrorResume(DataIntegrityViolationException.class,
                        raced -> findBySha(sha256).map(existing -> new Stored(existing, false)));
    }

    /** The images among {@code ids} that exist. */
    public Mono<List<ImageId>> existing(Collection<ImageId> ids) {
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.sql("SELECT id FROM images WHERE id = ANY(:ids)")
                .bind("ids", ids.stream().map(ImageId::value).toArray(UUID[]::new))
                .map(row -> new ImageId(row.get("id", UUID.class)))
                .list();
    }

    /** Links for several images in the given order (unknown ids are left out), all with the same alt text. */
    public Mono<List<ImageLinks>> links(List<ImageId> ids, String alt) {
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.sql("SELECT id, width, height FROM images WHERE id = ANY(:ids)")
                .bind("ids", ids.stream().map(ImageId::value).toArray(UUID[]::new))
                .map(row -> ImageLinks.of(new ImageId(row.get("id", UUID.class)), row.get("width", Integer.class),
                        row.get("height", Integer.class), alt))
                .list()
                .map(found -> ids.stream().flatMap(id -> found.stream().filter(links -> links.id().equals(id))).toList());
    }

    /** Links to the image's sizes with its dimensions, for pages that show it. */
    public Mono<ImageLinks> links(ImageId id, String alt) {
        return db.sql("SELECT width, height FROM images WHERE id = :id")
                .bind("id", id.value())
                .map(row -> ImageLinks.of(id, row.get("width", Integer.class), row.get("height", Integer.class), alt))
                .one();
    }

    Mono<Rendition> rendition(ImageId id, ImageSize size) {
        return db.sql("SELECT content_type, bytes FROM image_renditions WHERE image_id = :id AND size = :size")
                .bind("id", id.value())
                .bind("size", size.path())
                .map(row -> new Rendition(row.get("content_type", String.class), row.get("bytes", byte[].class)))
                .one();
    }

    private Mono<StoredImage> findBySha(String sha256) {
        return db.sql("SELECT id, width, height, content_type FROM images WHERE sha256 = :sha")
                .bind("sha", sha256)
                .map(row -> StoredImage.of(new ImageId(row.get("id", UUID.class)), row.get("width", Integer.class),
                        row.get("height", Integer.class), row.get("content_type", String.class)))
                .one();
    }

    /** An upload decoded and rendered in every size; the decoded pixels are garbage once this returns. */
    private record Prepared(ImageInspector.Decoded decoded, List<ImageInspector.Rendition> renditions) {
    }

    private static Prepared decodeAndRender(byte[] bytes) {
        ImageInspector.Decoded decoded = ImageInspector.decode(bytes);
        return new Prepared(decoded, render(decoded.image()));
    }

    /** Every size, smallest first. */
    private static List<ImageInspector.Rendition> render(BufferedImage image) {
        return Arrays.stream(ImageSize.values()).map(size -> ImageInspector.render(image, size)).toList();
    }

    private Mono<Stored> insert(String sha256, String contentType, int width, int height,
            List<ImageInspector.Rendition> renditions) {
        ImageId id = new ImageId(UUID.randomUUID());
        return db.inTransaction(() -> db.sql("""
                                INSERT INTO images (id, sha256, content_type, width, height)
                                VALUES (:id, :sha, :type, :width, :height)""")
                        .bind("id", id.value()).bind("sha", sha256).bind("type", contentType)
                        .bind("width", width).bind("height", height)
                        .update()
                        .thenMany(Flux.fromIterable(renditions).concatMap(rendition -> db.sql("""
                                        INSERT INTO image_renditions (image_id, size, content_type, width, height, bytes)
                                        VALUES (:id, :size, :type, :width, :height, :bytes)""")
                                .bind("id", id.value()).bind("size", rendition.size().path())
                                .bind("type", rendition.mediaType()).bind("width", rendition.width())
                                .bind("height", rendition.height()).bind("bytes", rendition.bytes())
                                .update()))
                        .then())
                .thenReturn(new Stored(StoredImage.of(id, width, height, contentType), true));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
