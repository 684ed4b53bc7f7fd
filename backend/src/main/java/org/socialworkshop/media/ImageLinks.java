package org.socialworkshop.media;

/** Where a browser fetches an image, with the full size's dimensions for layout and the text for {@code alt}. */
public record ImageLinks(ImageId id, String thumbnail, String card, String full, int width, int height, String alt) {

    public static ImageLinks of(ImageId id, int width, int height, String alt) {
        String base = "/api/images/" + id.value() + "/";
        double scale = Math.min(1.0, (double) ImageSize.FULL.maxSide() / Math.max(width, height));
        return new ImageLinks(id, base + ImageSize.THUMBNAIL.path(), base + ImageSize.CARD.path(),
                base + ImageSize.FULL.path(), (int) Math.round(width * scale), (int) Math.round(height * scale), alt);
    }

    /** The same links, saying {@code text} of what the image shows. */
    public ImageLinks withAlt(String text) {
        return new ImageLinks(id, thumbnail, card, full, width, height, text);
    }
}
