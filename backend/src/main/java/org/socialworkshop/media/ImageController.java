package org.socialworkshop.media;

import java.time.Duration;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.idempotency.Idempotency;
import org.socialworkshop.platform.idempotency.IdempotentRequest;
import org.socialworkshop.platform.web.BodySizeLimit;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff upload images as raw bodies; anyone fetches their sizes, cached for a year (the content never changes). */
@RestController
class ImageController {

    private final Images images;
    private final Idempotency idempotency;

    ImageController(Images images, Idempotency idempotency) {
        this.images = images;
        this.idempotency = idempotency;
    }

    /**
     * Stores an upload; the same bytes again answer 200 with the stored image. With an {@code Idempotency-Key}
     * a retry replays the first answer exactly, as every creating POST does.
     */
    @PostMapping(path = "/api/admin/images", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<ResponseEntity<byte[]>> upload(@RequestBody Flux<DataBuffer> body,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key,
            ServerWebExchange exchange) {
        return DataBufferUtils.join(body, (int) BodySizeLimit.UPLOAD_LIMIT.toBytes())
                .map(ImageController::bytes)
                .switchIfEmpty(Mono.error(() -> ImageRejected.notAnImage()))
                .flatMap(bytes -> idempotency.execute(exchange, key, bytes, () -> images.store(bytes)
                        .map(stored -> ResponseEntity.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK)
                                .body(stored.image()))));
    }

    @GetMapping("/api/images/{id}/{size}")
    Mono<ResponseEntity<byte[]>> rendition(@PathVariable UUID id, @PathVariable String size, ServerWebExchange exchange) {
        ImageSize wanted = ImageSize.fromPath(size).orElseThrow(() -> notFound());
        String etag = "\"" + id + "-" + wanted.path() + "\"";
        if (exchange.checkNotModified(etag)) {
            return Mono.just(ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build());
        }
        return images.rendition(new ImageId(id), wanted)
                .map(rendition -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(rendition.mediaType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                        .eTag(etag)
                        .body(rendition.bytes()))
                .switchIfEmpty(Mono.error(ImageController::notFound));
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such image.");
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
