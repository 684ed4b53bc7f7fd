package org.socialworkshop.platform.web.files;

import org.springframework.core.io.Resource;
import org.springframework.web.reactive.resource.TransformedResource;

/** One storefront file as it is served (pages already rewritten), held in memory with its entity tag. */
final class ServedFile extends TransformedResource {

    private final String etag;

    ServedFile(Resource original, byte[] content) {
        super(original, content);
        this.etag = '"' + Hashes.hex(Hashes.sha256(content)).substring(0, 20) + '"';
    }

    String etag() {
        return etag;
    }

    /** The entity tag of a file this package serves; {@code null} for others (webjars), which then have none. */
    static String etagOf(Resource resource) {
        return resource instanceof ServedFile file ? file.etag : null;
    }
}
