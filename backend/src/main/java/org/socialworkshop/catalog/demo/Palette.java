package org.socialworkshop.catalog.demo;

import java.awt.Color;
import java.util.List;

/** The three colours of an illustration, parsed from {@code #RRGGBB}, and the tints derived from them. */
record Palette(Color background, Color main, Color accent) {

    static Palette of(List<String> hex) {
        if (hex.size() < 3) {
            throw new IllegalArgumentException("a palette needs background, main and accent colours: " + hex);
        }
        return new Palette(parse(hex.get(0)), parse(hex.get(1)), parse(hex.get(2)));
    }

    static Color parse(String hex) {
        if (!hex.matches("#[0-9A-Fa-f]{6}")) {
            throw new IllegalArgumentException("not a #RRGGBB colour: " + hex);
        }
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }

    /** {@code a} moved a fraction {@code t} (0..1) of the way towards {@code b}. */
    static Color mix(Color a, Color b, double t) {
        return new Color(channel(a.getRed(), b.getRed(), t), channel(a.getGreen(), b.getGreen(), t),
                channel(a.getBlue(), b.getBlue(), t));
    }

    static Color lighter(Color c, double t) {
        return mix(c, Color.WHITE, t);
    }

    static Color darker(Color c, double t) {
        return mix(c, Color.BLACK, t);
    }

    static Color alpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    static boolean isDark(Color c) {
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue() < 110;
    }

    /** A tint of the background that still shows against it: lighter on light backgrounds, lighter still on dark. */
    Color backgroundTint(double t) {
        return isDark(background) ? lighter(background, t * 0.6) : darker(background, t * 0.5);
    }

    private static int channel(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * Math.max(0, Math.min(1, t)));
    }
}
