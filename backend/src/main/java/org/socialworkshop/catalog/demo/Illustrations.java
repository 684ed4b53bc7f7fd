package org.socialworkshop.catalog.demo;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.imageio.ImageIO;

import static org.socialworkshop.catalog.demo.Pen.circle;
import static org.socialworkshop.catalog.demo.Pen.fill;
import static org.socialworkshop.catalog.demo.Pen.rect;

/**
 * Flat, text-free illustrations for the demo catalog: one simple drawing per motif (a cup, a teapot, a maker's
 * portrait...) on the palette's background, so the demo shop has pictures without shipping photographs.
 * The same motif, palette and seed always give the same PNG; another seed tilts and shifts it a little.
 */
public final class Illustrations {

    /** The size the demo catalog uses, in pixels a side. */
    public static final int SIZE = 800;

    /** Draws one motif on a 100 x 100 canvas, on top of the background. */
    @FunctionalInterface
    interface Motif {
        void draw(Graphics2D g, Palette p, Random random);
    }

    private static final Map<String, Motif> MOTIFS = motifTable();

    private Illustrations() {
    }

    /** The motifs {@link #png} can draw. */
    public static Set<String> motifs() {
        return Collections.unmodifiableSet(MOTIFS.keySet());
    }

    /**
     * A square PNG of {@code motif} in {@code palette} (background, main, accent as {@code #RRGGBB}).
     *
     * @throws IllegalArgumentException for an unknown motif, a bad palette or a size outside 16..4096
     */
    public static byte[] png(String motif, List<String> palette, int size, long seed) {
        BufferedImage image = image(motif, palette, size, seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The same drawing as {@link #png}, not encoded.
     *
     * @throws IllegalArgumentException as {@link #png} does
     */
    public static BufferedImage image(String motif, List<String> palette, int size, long seed) {
        Motif drawing = MOTIFS.get(motif);
        if (drawing == null) {
            throw new IllegalArgumentException("unknown motif '" + motif + "'; known: " + MOTIFS.keySet());
        }
        if (size < 16 || size > 4096) {
            throw new IllegalArgumentException("size must be 16..4096 pixels, was " + size);
        }
        Palette p = Palette.of(palette);
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size / 100.0, size / 100.0);
            background(g, p, random);
            // Small seeded variations: a slight tilt, shift and scale of the whole drawing.
            g.translate(50 + random.nextDouble() * 4 - 2, 50 + random.nextDouble() * 3 - 1.5);
            g.rotate(Math.toRadians(random.nextDouble() * 8 - 4));
            double scale = 0.94 + random.nextDouble() * 0.06;
            g.scale(scale, scale);
            g.translate(-50, -50);
            drawing.draw(g, p, random);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The background colour, a soft disc behind the object and a few dots near the edges. */
    private static void background(Graphics2D g, Palette p, Random random) {
        fill(g, p.background(), rect(-1, -1, 102, 102, 0));
        fill(g, Palette.isDark(p.background()) ? Palette.lighter(p.background(), 0.08)
                : Palette.lighter(p.background(), 0.45), circle(50, 50, 40 + random.nextDouble() * 3));
        int dots = 7 + random.nextInt(5);
        for (int i = 0; i < dots; i++) {
            double angle = random.nextDouble() * Math.PI * 2;
            double distance = 42 + random.nextDouble() * 8;
            double r = 0.8 + random.nextDouble() * 1.6;
            fill(g, Palette.mix(p.background(), p.accent(), 0.35 + random.nextDouble() * 0.2),
                    circle(50 + Math.cos(angle) * distance, 50 + Math.sin(angle) * distance, r));
        }
    }

    private static Map<String, Motif> motifTable() {
        Map<String, Motif> table = new LinkedHashMap<>();
        table.put("cup", Tableware::cup);
        table.put("bowl", Tableware::bowl);
        table.put("noodles", Tableware::noodles);
        table.put("teapot", Tableware::teapot);
        table.put("tea-leaf", Tableware::teaLeaf);
        table.put("drink-glass", Tableware::drinkGlass);
        table.put("vase", Tableware::vase);
        table.put("basket", Tableware::basket);
        table.put("box", Crafts::box);
        table.put("bag", Crafts::bag);
        table.put("embroidery", Crafts::embroidery);
        table.put("notebook", Crafts::notebook);
        table.put("bookmark", Crafts::bookmark);
        table.put("scarf", Crafts::scarf);
        table.put("keyring", Crafts::keyring);
        table.put("toy", Crafts::toy);
        table.put("paper-cut", Crafts::paperCut);
        table.put("portrait", Crafts::portrait);
        return table;
    }
}
