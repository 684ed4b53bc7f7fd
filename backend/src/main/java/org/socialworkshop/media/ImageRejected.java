package org.socialworkshop.media;

import org.socialworkshop.platform.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** An upload that is not an image we accept, or cannot take now. Nothing is stored. */
public final class ImageRejected extends ProblemException {

    private ImageRejected(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    static ImageRejected notAnImage() {
        return new ImageRejected(HttpStatus.BAD_REQUEST, "Not an accepted image",
                "Upload a JPEG, PNG or WebP image; the file's content is not one of these.");
    }

    /** More large images are being processed than can wait; the client may send this one again shortly. */
    static ImageRejected busy() {
        ImageRejected busy = new ImageRejected(HttpStatus.SERVICE_UNAVAILABLE, "Busy with other images",
                "Many images are being processed right now; send this one again in a few seconds. Nothing was stored.");
        busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        return busy;
    }

    static ImageRejected unreadable() {
        return new ImageRejected(HttpStatus.BAD_REQUEST, "Unreadable image", "The image file is damaged or incomplete.");
    }

    static ImageRejected tooManyPixels(int width, int height) {
        return new ImageRejected(HttpStatus.CONTENT_TOO_LARGE, "Image too large",
                "The image is " + width + " × " + height + " pixels; at most " + ImageInspector.MAX_SIDE
                        + " pixels a side and " + ImageInspector.MAX_PIXELS / 1_000_000 + " megapixels are accepted.");
    }
}
