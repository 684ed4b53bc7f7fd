package org.socialworkshop.media;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An upload that is not an image we accept. Nothing is stored. */
public final class ImageRejected extends ErrorResponseException {

    private ImageRejected(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    static ImageRejected notAnImage() {
        return new ImageRejected(HttpStatus.BAD_REQUEST, "Not an accepted image",
                "Upload a JPEG, PNG or WebP image; the file's content is not one of these.");
    }

    static ImageRejected unreadable() {
        return new ImageRejected(HttpStatus.BAD_REQUEST, "Unreadable image", "The image file is damaged or incomplete.");
    }

    static ImageRejected tooManyPixels(int width, int height) {
        return new ImageRejected(HttpStatus.CONTENT_TOO_LARGE, "Image too large",
                "The image is " + width + " × " + height + " pixels; at most " + ImageInspector.MAX_SIDE
                        + " pixels a side and " + ImageInspector.MAX_PIXELS / 1_000_000 + " megapixels are accepted.");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
