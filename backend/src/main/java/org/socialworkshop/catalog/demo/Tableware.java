package org.socialworkshop.catalog.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.util.Random;

import static org.socialworkshop.catalog.demo.Palette.alpha;
import static org.socialworkshop.catalog.demo.Palette.darker;
import static org.socialworkshop.catalog.demo.Palette.lighter;
import static org.socialworkshop.catalog.demo.Palette.mix;
import static org.socialworkshop.catalog.demo.Pen.circle;
import static org.socialworkshop.catalog.demo.Pen.ellipse;
import static org.socialworkshop.catalog.demo.Pen.fill;
import static org.socialworkshop.catalog.demo.Pen.fillWithin;
import static org.socialworkshop.catalog.demo.Pen.leaf;
import static org.socialworkshop.catalog.demo.Pen.placed;
import static org.socialworkshop.catalog.demo.Pen.polygon;
import static org.socialworkshop.catalog.demo.Pen.rect;
import static org.socialworkshop.catalog.demo.Pen.rotated;
import static org.socialworkshop.catalog.demo.Pen.shadow;
import static org.socialworkshop.catalog.demo.Pen.stroke;

/** Motifs from the canteen, the café and the tea room: cups, bowls, teapot, tea leaves, glass, vase, basket. */
final class Tableware {

    private static final Color WHITE = Color.WHITE;

    private Tableware() {
    }

    /** A cup with a handle, a band and rising steam, on a saucer. */
    static void cup(Graphics2D g, Palette p, Random random) {
        shadow(g, p, 50, 84, 66);
        fill(g, darker(p.accent(), 0.12), ellipse(50, 80, 64, 12));
        fill(g, lighter(p.accent(), 0.2), ellipse(50, 78.5, 54, 8));
        stroke(g, darker(p.main(), 0.15), 5, ellipse(71, 58, 16, 18));
        Path2D.Double body = new Path2D.Double();
        body.moveTo(27, 42);
        body.lineTo(73, 42);
        body.curveTo(73, 64, 66, 78, 50, 78);
        body.curveTo(34, 78, 27, 64, 27, 42);
        body.closePath();
        fill(g, p.main(), body);
        fillWithin(g, body, p.accent(), rect(20, 52 + random.nextDouble() * 4, 60, 5, 0));
        fillWithin(g, body, alpha(WHITE, 60), ellipse(34, 56, 6, 20));
        fill(g, darker(p.main(), 0.2), ellipse(50, 42, 46, 9));
        fill(g, mix(darker(p.main(), 0.55), p.accent(), 0.15), ellipse(50, 42.5, 41, 6.5));
        steam(g, p, random, 36, 34);
    }

    /** A bowl of rice with toppings and a pair of chopsticks. */
    static void bowl(Graphics2D g, Palette p, Random random) {
        shadow(g, p, 50, 86, 60);
        chopsticks(g, p, 40, 34, 88, 22);
        fill(g, darker(p.main(), 0.35), ellipse(50, 52, 66, 14));
        Color rice = lighter(p.accent(), 0.75);
        fill(g, rice, ellipse(50, 49, 56, 20));
        int pieces = 6 + random.nextInt(4);
        for (int i = 0; i < pieces; i++) {
            double x = 32 + random.nextDouble() * 36;
            double y = 42 + random.nextDouble() * 8;
            Color c = i % 3 == 0 ? darker(p.accent(), 0.25) : p.accent();
            fill(g, c, rotated(rect(x - 3, y - 2, 6, 4.5, 2), random.nextDouble() * 90, x, y));
        }
        bowlBody(g, p, random);
    }

    /** A bowl of noodles in chilli broth, a few strands lifted on chopsticks. */
    static void noodles(Graphics2D g, Palette p, Random random) {
        shadow(g, p, 50, 86, 60);
        fill(g, darker(p.main(), 0.35), ellipse(50, 52, 66, 14));
        fill(g, mix(p.accent(), darker(p.main(), 0.2), 0.45), ellipse(50, 51, 58, 10));
        Color noodle = lighter(mix(p.accent(), new Color(0xF2D27A), 0.6), 0.35);
        for (int i = 0; i < 5; i++) {
            double y = 48 + i * 1.4;
            Path2D.Double wave = new Path2D.Double();
            wave.moveTo(26 + i * 2, y);
            for (int k = 0; k < 6; k++) {
                double x = 26 + i * 2 + k * 8;
                wave.quadTo(x + 2, y + (k % 2 == 0 ? -2.4 : 2.4), x + 4 + random.nextDouble(), y);
            }
            stroke(g, noodle, 1.6, wave);
        }
        for (int i = 0; i < 3; i++) {
            double x = 52 + i * 2.5;
            stroke(g, noodle, 1.5, new QuadCurve2D.Double(x, 50, x + 6 + i, 38, x + 12 + i * 1.5, 27 + i));
        }
        chopsticks(g, p, 54, 30, 92, 18);
        for (int i = 0; i < 4; i++) {
            fill(g, new Color(0x6AA84F), circle(34 + random.nextDouble() * 30, 48 + random.nextDouble() * 4, 1.2));
        }
        bowlBody(g, p, random);
    }

    /** A round teapot with spout, handle and lid, and a small cup beside it. */
    static void teapot(Graphics2D g, Palette p, Random random) {
        shadow(g, p, 50, 84, 74);
        stroke(g, darker(p.main(), 0.2), 5, ellipse(73, 60, 18, 24));
        Path2D.Double spout = new Path2D.Double();
        spout.moveTo(32, 62);
        spout.curveTo(24, 60, 20, 52, 13, 42);
        spout.lineTo(19, 39.5);
        spout.curveTo(24, 47, 28, 51, 34, 52);
        spout.closePath();
        fill(g, darker(p.main(), 0.1), spout);
        Shape body = ellipse(50, 62, 48, 40);
        fill(g, p.main(), body);
        fillWithin(g, body, p.accent(), rect(20, 60, 60, 5, 0));
        fillWithin(g, body, alpha(WHITE, 55), rotated(ellipse(38, 54, 7, 14), 25, 38, 54));
        fill(g, darker(p.main(), 0.2), ellipse(50, 43, 30, 8));
        fill(g, p.main(), new Arc2D.Double(39, 35, 22, 14, 0, 180, Arc2D.CHORD));
        fill(g, p.accent(), circle(50, 34.5, 3.4));
        double cx = 84 + random.nextDouble() * 2;
        fill(g, darker(p.accent(), 0.15), polygon(cx - 7, 72, cx + 7, 72, cx + 5.5, 83, cx - 5.5, 83));
        fill(g, lighter(p.accent(), 0.3), ellipse(cx, 72, 14, 3.5));
    }

    /** Three tea leaves on a sprig, with a few rolled dry leaves below. */
    static void teaLeaf(Graphics2D g, Palette p, Random random) {
        double baseX = 50;
        double baseY = 76;
        stroke(g, darker(p.main(), 0.35), 2.2, new QuadCurve2D.Double(baseX, baseY, baseX - 2, 82, baseX - 6, 86));
        double[] angles = {-38, 0, 36};
        double[] lengths = {40, 54, 42};
        for (int i = 0; i < 3; i++) {
            double angle = angles[i] + random.nextDouble() * 8 - 4;
            Color colour = i == 1 ? p.main() : i == 0 ? darker(p.main(), 0.12) : mix(p.main(), p.accent(), 0.45);
            Shape leaf = placed(leaf(lengths[i], 26), baseX, baseY, angle);
            fill(g, colour, leaf);
            Color vein = lighter(colour, 0.4);
            stroke(g, vein, 1.2, placed(new Line2D.Double(0, 0, 0, -lengths[i] * 0.92), baseX, baseY, angle));
            for (int k = 1; k <= 3; k++) {
                double y = -lengths[i] * k / 4.2;
                stroke(g, vein, 0.8, placed(new Line2D.Double(0, y, 6, y - 6), baseX, baseY, angle));
                stroke(g, vein, 0.8, placed(new Line2D.Double(0, y, -6, y - 6), baseX, baseY, angle));
            }
        }
        fill(g, lighter(p.main(), 0.25), placed(leaf(14, 8), baseX, baseY - 2, 8));
        for (int i = 0; i < 5; i++) {
            double x = 24 + i * 13 + random.nextDouble() * 4;
            fill(g, darker(p.main(), 0.3), rotated(ellipse(x, 88, 7, 2.6), random.nextDouble() * 40 - 20, x, 88));
        }
    }

    /** A tall glass: a drink with ice, a straw and a slice of fruit on the rim. */
    static void drinkGlass(Graphics2D g, Palette p, Random random) {
        shadow(g, p, 50, 87, 44);
        Path2D glass = polygon(31, 20, 69, 20, 65, 82, 62, 85, 38, 85, 35, 82);
        fill(g, lighter(p.background(), 0.6), glass);
        double level = 32 + random.nextDouble() * 4;
        fillWithin(g, glass, p.main(), rect(20, level, 60, 70, 0));
        fillWithin(g, glass, darker(p.main(), 0.12), rect(20, 70, 60, 20, 0));
        stroke(g, p.accent(), 3.6, new Line2D.Double(56, 66, 70, 6));
        for (int i = 0; i < 3; i++) {
            double x = 40 + i * 9 + random.nextDouble() * 3;
            double y = level + 4 + (i % 2) * 7;
            fill(g, alpha(WHITE, 150), rotated(rect(x - 4.5, y - 4.5, 9, 9, 3), random.nextDouble() * 40, x, y));
        }
        fill(g, alpha(WHITE, 45), glass);
        fill(g, alpha(WHITE, 110), rect(37, 26, 3, 50, 3));
        stroke(g, alpha(WHITE, 200), 1.2, glass);
        Shape slice = circle(33, 22, 8);
        fill(g, p.accent(), slice);
        fill(g, lighter(p.accent(), 0.45), circle(33, 22, 6.2));
        for (int k = 0; k < 6; k++) {
            double a = Math.PI * k / 3;
            stroke(g, p.accent(), 0.7, new Line2D.Double(33, 22, 33 + Math.cos(a) * 6, 22 + Math.sin(a) * 6));
        }
    }

    /** A round-bellied vase with a flowering twig. */
    static void vase(Graphics2D g, Palette p, Random random) {
        shadow(g, p, 50, 86, 46);
        Color twig = darker(p.main(), 0.4);
        double[][] tips = {{30, 12}, {66, 10}, {50, 6}};
        for (double[] tip : tips) {
            QuadCurve2D.Double stem = new QuadCurve2D.Double(50, 36, (50 + tip[0]) / 2 + 4, (36 + tip[1]) / 2, tip[0],
                    tip[1] + random.nextDouble() * 4);
            stroke(g, twig, 1.6, stem);
            for (double t : new double[] {0.55, 1.0}) {
                double x = (1 - t) * (1 - t) * 50 + 2 * (1 - t) * t * stem.ctrlx + t * t * stem.x2;
                double y = (1 - t) * (1 - t) * 36 + 2 * (1 - t) * t * stem.ctrly + t * t * stem.y2;
                blossom(g, p.accent(), x, y, 3.2 + random.nextDouble());
            }
        }
        Path2D.Double body = new Path2D.Double();
        body.moveTo(43, 30);
        body.lineTo(57, 30);
        body.curveTo(57, 36, 54, 40, 56, 44);
        body.curveTo(73, 50, 75, 74, 61, 85);
        body.lineTo(39, 85);
        body.curveTo(25, 74, 27, 50, 44, 44);
        body.curveTo(46, 40, 43, 36, 43, 30);
        body.closePath();
        fill(g, p.main(), body);
        fillWithin(g, body, p.accent(), rect(20, 58, 60, 4, 0));
        for (int i = 0; i < 5; i++) {
            fill(g, lighter(p.main(), 0.35), circle(38 + i * 6, 69, 1.3));
        }
        fillWithin(g, body, alpha(WHITE, 55), rotated(ellipse(38, 60, 5, 16), 12, 38, 60));
        fill(g, darker(p.main(), 0.2), ellipse(50, 30, 15, 3.5));
    }

    /** A woven basket with a hooped handle; sometimes with fruit. */
    static void basket(Graphics2D g, Palette p, Random random) {
        shadow(g, p, 50, 87, 68);
        stroke(g, darker(p.main(), 0.25), 4.5, new Arc2D.Double(26, 16, 48, 64, 0, 180, Arc2D.OPEN));
        if (random.nextBoolean()) {
            fill(g, p.accent(), circle(40, 44, 8));
            fill(g, darker(p.accent(), 0.15), circle(55, 42, 9));
            fill(g, lighter(p.accent(), 0.25), circle(66, 46, 6));
        }
        Path2D body = polygon(19, 48, 81, 48, 73, 85, 27, 85);
        fill(g, darker(p.main(), 0.4), body);
        for (int row = 0; row < 7; row++) {
            for (int col = 0; col < 9; col++) {
                double x = 15 + col * 8 + (row % 2) * 4;
                double y = 48 + row * 5.4;
                Color c = (row + col) % 2 == 0 ? p.main() : lighter(p.main(), 0.18);
                fillWithin(g, body, c, rect(x, y + 0.5, 7.2, 4.4, 2.5));
            }
        }
        fill(g, darker(p.main(), 0.2), rect(16, 44, 68, 7, 6));
        fill(g, lighter(p.main(), 0.1), rect(18, 45.2, 64, 2, 2));
    }

    private static void bowlBody(Graphics2D g, Palette p, Random random) {
        Path2D.Double body = new Path2D.Double();
        body.moveTo(17, 52);
        body.curveTo(17, 72, 34, 84, 50, 84);
        body.curveTo(66, 84, 83, 72, 83, 52);
        body.closePath();
        fill(g, p.main(), body);
        fill(g, darker(p.main(), 0.2), rect(40, 82, 20, 4, 2));
        fillWithin(g, body, p.accent(), rect(10, 60 + random.nextDouble() * 3, 80, 3.5, 0));
        fillWithin(g, body, alpha(WHITE, 50), ellipse(28, 62, 6, 14));
    }

    private static void chopsticks(Graphics2D g, Palette p, double x1, double y1, double x2, double y2) {
        Color wood = mix(new Color(0xB07A44), p.main(), 0.15);
        stroke(g, wood, 2.2, new Line2D.Double(x1, y1 + 4, x2, y2));
        stroke(g, darker(wood, 0.15), 2.2, new Line2D.Double(x1 + 2, y1 + 8, x2, y2 + 5));
    }

    private static void steam(Graphics2D g, Palette p, Random random, double fromX, double baseY) {
        Color vapour = Palette.isDark(p.background()) ? alpha(WHITE, 150) : alpha(p.backgroundTint(0.5), 170);
        int wisps = 2 + random.nextInt(2);
        for (int i = 0; i < wisps; i++) {
            double x = fromX + i * 12 + random.nextDouble() * 3;
            Path2D.Double wisp = new Path2D.Double();
            wisp.moveTo(x, baseY);
            wisp.curveTo(x - 5, baseY - 5, x + 5, baseY - 10, x, baseY - 15);
            wisp.curveTo(x - 4, baseY - 19, x + 3, baseY - 22, x, baseY - 25);
            stroke(g, vapour, 2.2, wisp);
        }
    }

    static void blossom(Graphics2D g, Color colour, double x, double y, double r) {
        for (int k = 0; k < 5; k++) {
            double a = Math.PI * 2 * k / 5;
            fill(g, colour, circle(x + Math.cos(a) * r * 0.6, y + Math.sin(a) * r * 0.6, r * 0.55));
        }
        fill(g, lighter(colour, 0.6), circle(x, y, r * 0.35));
    }
}
