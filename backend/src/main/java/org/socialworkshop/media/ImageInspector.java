package org.socialworkshop.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.stream.IntStream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Checks an upload and makes its renditions, without trusting anything the client said about it: the format
 * is read from the first bytes, and the pixel dimensions from the header <em>before</em> decoding, so a tiny
 * file that would decompress to gigabytes (a decompression bomb) is refused without being decoded.
 */
final class ImageInspector {

    static final int MAX_SIDE = 10_000;
    static final long MAX_PIXELS = 40_000_000L;
    /**
     * At most this many pixels are decoded, whatever the image declares: twice the largest rendition's side
     * squared, 41 MB as 32-bit pixels. Larger images are read with source subsampling (every n-th pixel of every
     * n-th row), which the readers do while decoding, so a 40-megapixel upload costs no more memory than this.
     */
    static final long DECODED_PIXELS = 4L * ImageSize.FULL.maxSide() * ImageSize.FULL.maxSide();
    private static final float JPEG_QUALITY = 0.85f;

    static {
        // Registers the WebP reader found on the class path (the application's class loader, not the JDK's).
        ImageIO.scanForPlugins();
    }

    private ImageInspector() {
    }

    /** The accepted formats, recognised by their signatures. */
    enum Format {
        JPEG("image/jpeg"), PNG("image/png"), WEBP("image/webp");

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    /** The image as decoded (perhaps subsampled), and its own size as the file declares it. */
    record Decoded(Format format, int width, int height, BufferedImage image) {
    }

    record Rendition(ImageSize size, String mediaType, int width, int height, byte[] bytes) {
    }

    static Format sniff(byte[] bytes) {
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Format.JPEG;
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Format.PNG;
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return Format.WEBP;
        }
        throw ImageRejected.notAnImage();
    }

    static Decoded decode(byte[] bytes) {
        Format format = sniff(bytes);
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.mediaType);
            if (!readers.hasNext()) {
                throw new IllegalStateException("No ImageIO reader for " + format.mediaType);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
                    throw ImageRejected.tooManyPixels(width, height);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling(width, height);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return new Decoded(format, width, height, reader.read(0, param));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageRejected rejected) {
                throw rejected;
            }
            throw ImageRejected.unreadable();
        }
    }

    /** The smallest step that keeps the decoded pixels within {@link #DECODED_PIXELS}. */
    static int subsampling(long width, long height) {
        return (int) Math.max(1, Math.ceil(Math.sqrt((double) width * height / DECODED_PIXELS)));
    }

    /** Scales down (never up) to fit the size, then encodes as PNG when transparent, else as JPEG. */
    static Rendition render(BufferedImage image, ImageSize size) {
        BufferedImage scaled = fit(image, size.maxSide());
        boolean transparent = image.getColorModel().hasAlpha();
        byte[] bytes = transparent ? png(scaled) : jpeg(scaled);
        return new Rendition(size, transparent ? "image/png" : "image/jpeg", scaled.getWidth(), scaled.getHeight(), bytes);
    }

    private static BufferedImage fit(BufferedImage image, int maxSide) {
        BufferedImage current = image;
        int longest = Math.max(image.getWidth(), image.getHeight());
        double target = Math.min(1.0, (double) maxSide / longest);
        int width = Math.max(1, (int) Math.round(image.getWidth() * target));
        int height = Math.max(1, (int) Math.round(image.getHeight() * target));
        // Halving in steps keeps downscaled photos sharp without a slow filter.
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2, image.getColorModel().hasAlpha());
        }
        return draw(current, width, height, image.getColorModel().hasAlpha());
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, boolean alpha) {
        BufferedImage target = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (!alpha) {
                graphics.setColor(java.awt.Color.WHITE);
                graphics.fillRect(0, 0, width, height);
            }
            graphics.drawImage(source, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static boolean startsWith(byte[] bytes, int offset, int... signature) {
        if (bytes.length < offset + signature.length) {
            return false;
        }
        return IntStream.range(0, signature.length).allMatch(i -> (bytes[offset + i] & 0xFF) == signature[i]);
    }
}
