package org.socialworkshop.media;

import java.util.Arrays;
import java.util.Optional;

/** The sizes an image is served in; each keeps the aspect ratio within a square of {@code maxSide}. */
public enum ImageSize {
    THUMBNAIL("thumbnail", 200),
    CARD("card", 600),
    FULL("full", 1600);

    private final String path;
    private final int maxSide;

    ImageSize(String path, int maxSide) {
        this.path = path;
        this.maxSide = maxSide;
    }

    public String path() {
        return path;
    }

    public int maxSide() {
        return maxSide;
    }

    public static Optional<ImageSize> fromPath(String path) {
        return Arrays.stream(values()).filter(size -> size.path.equals(path)).findFirst();
    }
}
