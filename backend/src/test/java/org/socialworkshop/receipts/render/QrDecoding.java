package org.socialworkshop.receipts.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;

/** Reads QR codes back with zxing, as a phone's scanner would. */
public final class QrDecoding {

    private QrDecoding() {
    }

    public static BufferedImage image(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new IllegalArgumentException("Not an image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Finds the QR code anywhere in the image (a photo, a rendered page). zxing's detector misses some codes on a
     * whole page, depending on the code's pattern (seen as rare test failures with fresh receipt codes), so it looks
     * again as a phone moving further or closer would: with the other binarizer, smaller, then in each half and quarter of
     * the page.
     */
    public static Result find(BufferedImage image) throws NotFoundException {
        for (BufferedImage part : parts(image)) {
            for (boolean histogram : new boolean[] {false, true}) {
                try {
                    return decode(part, false, histogram);
                } catch (NotFoundException notHere) {
                    // look in the next part
                }
            }
        }
        throw NotFoundException.getNotFoundInstance();
    }

    private static List<BufferedImage> parts(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        List<BufferedImage> parts = new java.util.ArrayList<>(List.of(image, scaled(image, 0.5), scaled(image, 0.75)));
        parts.add(image.getSubimage(0, 0, w, h / 2));
        parts.add(image.getSubimage(0, h / 2, w, h - h / 2));
        for (int x = 0; x < 2; x++) {
            for (int y = 0; y < 2; y++) {
                parts.add(image.getSubimage(x * w / 2, y * h / 2, w / 2, h / 2));
            }
        }
        return parts;
    }

    /** The image smaller, as a phone held further away sees it (the detector's sampling lands elsewhere). */
    private static BufferedImage scaled(BufferedImage image, double factor) {
        int w = Math.max(1, (int) (image.getWidth() * factor));
        int h = Math.max(1, (int) (image.getHeight() * factor));
        BufferedImage smaller = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D graphics = smaller.createGraphics();
        graphics.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(image, 0, 0, w, h, null);
        graphics.dispose();
        return smaller;
    }

    /** Reads an image that holds nothing but one QR code and its quiet zone, the way generated images are. */
    static Result pure(BufferedImage image) throws NotFoundException {
        return decode(image, true, false);
    }

    private static Result decode(BufferedImage image, boolean pure, boolean histogram) throws NotFoundException {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        if (pure) {
            hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
        }
        BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(image);
        BinaryBitmap bitmap = new BinaryBitmap(histogram ? new GlobalHistogramBinarizer(source) : new HybridBinarizer(source));
        return new MultiFormatReader().decode(bitmap, hints);
    }
}
