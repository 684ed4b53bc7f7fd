package org.socialworkshop.media;

import java.awt.Color;
import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Decoding stays within its pixel budget whatever size an image declares (issue 11: 360 bytes declaring 6324²). */
class ImageInspectorTest {

    @Test
    void aTinyFileDeclaringFortyMegapixelsIsDecodedSubsampled() throws IOException {
        byte[] hostile = declaring(ImageUploadTest.jpeg(16, 16, Color.ORANGE), 6324, 6324);
        assertThat(hostile.length).isLessThan(1_000);

        ImageInspector.Decoded decoded = ImageInspector.decode(hostile);

        assertThat(decoded.width()).isEqualTo(6324);
        assertThat(decoded.height()).isEqualTo(6324);
        assertThat((long) decoded.image().getWidth() * decoded.image().getHeight()).isLessThanOrEqualTo(ImageInspector.DECODED_PIXELS);
        assertThat(decoded.image().getWidth()).isEqualTo(3162);
        assertThat(ImageInspector.render(decoded.image(), ImageSize.FULL).width()).isEqualTo(1600);
    }

    @Test
    void imagesWithinTheBudgetAreDecodedWhole() throws IOException {
        ImageInspector.Decoded decoded = ImageInspector.decode(ImageUploadTest.jpeg(3200, 1800, Color.BLUE));
        assertThat(decoded.image().getWidth()).isEqualTo(3200);
        assertThat(ImageInspector.subsampling(3200, 3200)).isEqualTo(1);
        assertThat(ImageInspector.subsampling(3201, 3200)).isEqualTo(2);
        assertThat(ImageInspector.subsampling(10_000, 4_000)).isEqualTo(2);
        assertThat(ImageInspector.subsampling(10_000, 10_000)).isEqualTo(4);
    }

    /** The JPEG with its frame header (SOF0) changed to declare another size; the data stays as small as it was. */
    static byte[] declaring(byte[] jpeg, int width, int height) {
        byte[] patched = jpeg.clone();
        for (int i = 2; i + 8 < patched.length; i++) {
            if ((patched[i] & 0xFF) == 0xFF && (patched[i + 1] & 0xFF) == 0xC0) {
                patched[i + 5] = (byte) (height >> 8);
                patched[i + 6] = (byte) height;
                patched[i + 7] = (byte) (width >> 8);
                patched[i + 8] = (byte) width;
                return patched;
            }
        }
        throw new IllegalArgumentException("no baseline frame header");
    }
}
