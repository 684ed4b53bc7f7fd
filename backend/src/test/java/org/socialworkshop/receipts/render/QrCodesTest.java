package org.socialworkshop.receipts.render;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.BitMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QrCodesTest {

    private static final String URL = SampleReceipts.url(SampleReceipts.sale());
    private static final int BLACK = 0xFF000000;
    private static final int WHITE = 0xFFFFFFFF;

    private final QrCodes qrCodes = new QrCodes();

    @ParameterizedTest
    @ValueSource(ints = {128, 300, 1024})
    void aPngReadsBackAsExactlyTheUrlAtErrorCorrectionMOrBetter(int size) throws Exception {
        BufferedImage image = QrDecoding.image(qrCodes.png(URL, size));

        Result found = QrDecoding.find(image);
        Result pure = QrDecoding.pure(image);

        assertThat(image.getWidth()).isEqualTo(size);
        assertThat(image.getHeight()).isEqualTo(size);
        assertThat(found.getText()).isEqualTo(URL);
        assertThat(pure.getText()).isEqualTo(URL);
        assertThat(found.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL)).isIn("M", "Q", "H");
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 300, 1024})
    void aPngIsBlackOnWhiteWithAQuietZoneOfAtLeastFourModules(int size) {
        BufferedImage image = QrDecoding.image(qrCodes.png(URL, size));
        int symbolModules = qrCodes.matrix(URL).getWidth() - 2 * QrCodes.QUIET_ZONE;

        Bounds dark = Bounds.ofDarkPixels(image);
        int modulePx = dark.width() / symbolModules;

        assertThat(dark.width()).isEqualTo(dark.height()).isEqualTo(symbolModules * modulePx);
        assertThat(Math.min(Math.min(dark.left(), dark.top()), Math.min(size - 1 - dark.right(), size - 1 - dark.bottom())))
                .isGreaterThanOrEqualTo(4 * modulePx);
        assertThat(colours(image)).isEqualTo(Set.of(BLACK, WHITE));
    }

    @Test
    void theMatrixCarriesTheQuietZoneAndStartsWithAFinderPattern() {
        BitMatrix matrix = qrCodes.matrix(URL);
        int q = QrCodes.QUIET_ZONE;

        for (int i = 0; i < matrix.getWidth(); i++) {
            for (int border = 0; border < q; border++) {
                assertThat(matrix.get(i, border) || matrix.get(border, i)).isFalse();
                assertThat(matrix.get(i, matrix.getHeight() - 1 - border) || matrix.get(matrix.getWidth() - 1 - border, i)).isFalse();
            }
        }
        // The top-left finder pattern: a dark 7×7 ring starting right after the quiet zone.
        assertThat(matrix.get(q, q) && matrix.get(q + 6, q) && matrix.get(q, q + 6) && matrix.get(q + 6, q + 6)).isTrue();
        assertThat(matrix.get(q + 1, q + 1)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 127, 1025})
    void sizesOutsideTheRangeAreRefused(int size) {
        assertThatThrownBy(() -> qrCodes.png(URL, size)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textTooLongForTheSizeIsRefusedRatherThanCropped() {
        String tooLong = URL + "?" + "x".repeat(1500);

        assertThatThrownBy(() -> qrCodes.png(tooLong, 128)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours;
    }

    /** The smallest rectangle holding every dark pixel, edges inclusive. */
    record Bounds(int left, int top, int right, int bottom) {

        int width() {
            return right - left + 1;
        }

        int height() {
            return bottom - top + 1;
        }

        static Bounds ofDarkPixels(BufferedImage image) {
            int left = Integer.MAX_VALUE;
            int top = Integer.MAX_VALUE;
            int right = -1;
            int bottom = -1;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if ((image.getRGB(x, y) & 0xFF) < 128) {
                        left = Math.min(left, x);
                        top = Math.min(top, y);
                        right = Math.max(right, x);
                        bottom = Math.max(bottom, y);
                    }
                }
            }
            return new Bounds(left, top, right, bottom);
        }
    }
}
