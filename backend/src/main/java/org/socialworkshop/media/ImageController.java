package org.socialworkshop.media;

import java.time.Duration;
import java.util.UUID;

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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff upload images as raw bodies; anyone fetches their sizes, cached for a year (the content never changes). */
@RestController
class ImageController {

    private final Images images;

    ImageController(Images images) {
        this.images = images;
    }

    @PostMapping("/api/admin/images")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<ResponseEntity<StoredImage>> upload(@RequestBody Flux<DataBuffer> body) {
        return DataBufferUtils.join(body, (int) BodySizeLimit.UPLOAD_LIMIT.toBytes())
                .map(ImageController::bytes)
                .switchIfEmpty(Mono.error(() -> ImageRejected.notAnImage()))
                .flatMap(images::store)
                .map(stored -> ResponseEntity.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(stored.image()));
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
