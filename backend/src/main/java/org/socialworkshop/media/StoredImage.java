package org.socialworkshop.media;

/** An image as stored: its id, original dimensions and type, and where its sizes are served. */
public record StoredImage(ImageId id, int width, int height, String contentType, String thumbnail, String card,
        String full) {

    static StoredImage of(ImageId id, int width, int height, String contentType) {
        ImageLinks links = ImageLinks.of(id, width, height, "");
        return new StoredImage(id, width, height, contentType, links.thumbnail(), links.card(), links.full());
    }
}
