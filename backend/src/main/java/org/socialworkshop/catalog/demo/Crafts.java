package org.socialworkshop.catalog.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.util.Random;

import static org.socialworkshop.catalog.demo.Palette.alpha;
import static org.socialworkshop.catalog.demo.Palette.darker;
import static org.socialworkshop.catalog.demo.Palette.lighter;
import static org.socialworkshop.catalog.demo.Palette.mix;
import static org.socialworkshop.catalog.demo.Pen.circle;
import static org.socialworkshop.catalog.demo.Pen.dashed;
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

/** Motifs from the workshop and the gift shelf, and the makers' portrait. */
final class Crafts {

    private static final Color WHITE = Color.WHITE;
    private static final Color WOOD = new Color(0xC99A62);
    private static final Color METAL = new Color(0xB9BEC6);
    private static final Color HAIR = new Color(0x2E2725);
    private static final Color BLUSH = new Color(0xF08C8C);
    private static final Color[] SKIN = {new Color(0xF3D2B3), new Color(0xE8BC98), new Color(0xD9A57E)};

    private Crafts() {
    }

    /** A gift box with a ribbon and bow. */
    static void box(Graphics2D g, Palette p, Random random) {
        shadow(g, p, 50, 86, 68);
        Shape body = rect(24, 44, 52, 41, 2);
        fill(g, p.main(), body);
        if (random.nextBoolean()) {
            for (int i = 0; i < 4; i++) {
                for (int k = 0; k < 3; k++) {
                    fill(g, lighter(p.main(), 0.2), circle(30 + i * 13.5, 52 + k * 12, 1.6));
                }
            }
        } else {
            for (int i = 0; i < 5; i++) {
                fillWithin(g, body, lighter(p.main(), 0.12), rotated(rect(18 + i * 14, 30, 5, 70, 0), 30, 50, 64));
            }
        }
        fill(g, darker(p.main(), 0.15), rect(20, 36, 60, 12, 2));
        fill(g, p.accent(), rect(45.5, 36, 9, 49, 0));
        fill(g, p.accent(), rect(24, 60, 52, 7, 0));
        fill(g, darker(p.accent(), 0.15), polygon(47, 36, 42, 46, 45, 47));
        fill(g, darker(p.accent(), 0.15), polygon(53, 36, 58, 46, 55, 47));
        for (int side = -1; side <= 1; side += 2) {
            double cx = 50 + side * 10;
            fill(g, p.accent(), rotated(ellipse(cx, 30, 20, 11), side * 28, cx, 30));
            fill(g, darker(p.accent(), 0.2), rotated(ellipse(cx, 30, 10, 4.5), side * 28, cx, 30));
        }
        fill(g, darker(p.accent(), 0.1), circle(50, 34, 4.5));
    }

    /** A tote bag with two handles and a little flower mark. */
    static void bag(Graphics2D g, Palette p, Random random) {
        shadow(g, p, 50, 88, 60);
        stroke(g, darker(p.accent(), 0.1), 3.5, new Arc2D.Double(32, 22, 15, 36, 0, 180, Arc2D.OPEN));
        stroke(g, darker(p.accent(), 0.1), 3.5, new Arc2D.Double(53, 22, 15, 36, 0, 180, Arc2D.OPEN));
        Path2D body = polygon(25, 40, 75, 40, 79, 84, 78, 86.5, 22, 86.5, 21, 84);
        fill(g, p.main(), body);
        fill(g, darker(p.main(), 0.15), rect(25, 40, 50, 5, 0));
        dashed(g, lighter(p.main(), 0.45), 0.7, 1.5, new Line2D.Double(26, 47.5, 74, 47.5));
        double cx = 50 + random.nextDouble() * 6 - 3;
        Tableware.blossom(g, p.accent(), cx, 65, 9);
        fill(g, alpha(WHITE, 35), polygon(25, 45, 33, 45, 30, 86.5, 22, 86.5, 21, 84));
    }

    /** An embroidery hoop with a stitched flower, a needle and thread. */
    static void embroidery(Graphics2D g, Palette p, Random random) {
        Color wood = mix(WOOD, p.main(), 0.1);
        fill(g, darker(wood, 0.2), rect(45, 11, 10, 8, 2));
        fill(g, METAL, circle(50, 13, 2));
        fill(g, lighter(mix(p.background(), WHITE, 0.7), 0.3), circle(50, 52, 33));
        dashed(g, lighter(p.main(), 0.4), 0.8, 1.4, circle(50, 52, 27));
        for (int side = -1; side <= 1; side += 2) {
            fill(g, p.accent(), placed(leaf(18, 12), 50 + side * 4, 60, side * 55 + random.nextDouble() * 10 - 5));
        }
        int petals = 5 + random.nextInt(2);
        double turn = random.nextDouble() * 30;
        for (int k = 0; k < petals; k++) {
            double angle = turn + 360.0 * k / petals;
            fill(g, p.main(), placed(ellipse(0, -9, 11, 17), 50, 50, angle));
            fill(g, lighter(p.main(), 0.3), placed(ellipse(0, -7, 5, 9), 50, 50, angle));
            stroke(g, darker(p.main(), 0.15), 0.5, placed(new Line2D.Double(0, -3, 0, -15), 50, 50, angle));
        }
        fill(g, mix(p.accent(), new Color(0xF2C14E), 0.6), circle(50, 50, 4.5));
        stroke(g, wood, 5, circle(50, 52, 35));
        stroke(g, lighter(wood, 0.3), 1, circle(50, 52, 36.5));
        stroke(g, METAL, 1.2, new Line2D.Double(78, 78, 90, 66));
        stroke(g, p.main(), 0.9, new QuadCurve2D.Double(90, 66, 96, 80, 82, 90));
    }

    /** A thread-bound notebook with a label and an elastic band. */
    static void notebook(Graphics2D g, Palette p, Random random) {
        shadow(g, p, 52, 86, 56);
        fill(g, lighter(p.background(), 0.85), rect(30, 20, 46, 63, 3));
        fill(g, darker(p.background(), 0.08), rect(30, 80, 46, 1.2, 0));
        Shape cover = rect(26, 17, 46, 64, 4);
        fill(g, p.main(), cover);
        for (int row = 0; row < 6; row++) {
            for (int col = 0; col < 4; col++) {
                double x = 38 + col * 9 + (row % 2) * 4.5;
                double y = 46 + row * 6;
                fillWithin(g, cover, lighter(p.main(), 0.15), circle(x, y, 1.4));
            }
        }
        fill(g, darker(p.main(), 0.22), rect(26, 17, 7, 64, 3));
        for (int i = 0; i < 4; i++) {
            double y = 24 + i * 16.5;
            stroke(g, lighter(p.background(), 0.7), 1.1, new Line2D.Double(26, y, 31, y));
            fill(g, darker(p.main(), 0.5), circle(30, y, 0.9));
        }
        fill(g, lighter(p.background(), 0.75), rect(39, 26, 24, 11, 1.5));
        stroke(g, darker(p.background(), 0.25), 1, new Line2D.Double(42, 30, 60, 30));
        stroke(g, darker(p.background(), 0.25), 1, new Line2D.Double(42, 33.5, 54, 33.5));
        fill(g, p.accent(), rect(64 + random.nextDouble() * 2, 17, 3, 64, 0));
    }

    /** A bookmark with a round emblem and a tassel. */
    static void bookmark(Graphics2D g, Palette p, Random random) {
        g.rotate(Math.toRadians(8), 50, 50);
        Path2D body = polygon(38, 22, 62, 22, 62, 88, 50, 80, 38, 88);
        fill(g, p.main(), body);
        dashed(g, lighter(p.main(), 0.4), 0.7, 1.6, polygon(41, 25, 59, 25, 59, 83, 50, 76.5, 41, 83));
        fill(g, lighter(p.main(), 0.3), circle(50, 54, 9.5));
        Tableware.blossom(g, p.accent(), 50, 54, 7);
        fill(g, p.background(), circle(50, 29, 2.2));
        stroke(g, p.accent(), 1.1, new QuadCurve2D.Double(50, 27, 56, 8, 68, 14 + random.nextDouble() * 3));
        Path2D tassel = polygon(68, 14, 72, 16, 75, 34, 64, 34);
        fill(g, p.accent(), tassel);
        fill(g, darker(p.accent(), 0.2), rect(66.5, 16.5, 6.5, 3, 1.5));
        for (int i = 0; i < 4; i++) {
            stroke(g, darker(p.accent(), 0.18), 0.5, new Line2D.Double(67 + i * 2, 22, 66 + i * 2.6, 33.5));
        }
    }

    /** A knitted scarf looped once, with striped ends and fringe. */
    static void scarf(Graphics2D g, Palette p, Random random) {
        shadow(g, p, 50, 90, 44);
        stroke(g, darker(p.main(), 0.2), 11, ellipse(50, 30, 40, 20));
        double sway = random.nextDouble() * 4 - 2;
        Shape left = rotated(rect(34, 36, 15, 46, 3), 6 + sway, 41, 36);
        Shape right = rotated(rect(51, 36, 15, 42, 3), -8 + sway, 58, 36);
        for (Shape end : new Shape[] {right, left}) {
            fill(g, end == left ? p.main() : darker(p.main(), 0.08), end);
            for (int i = 0; i < 2; i++) {
                fillWithin(g, end, p.accent(), rect(20, 62 + i * 7, 60, 3.2, 0));
            }
            for (int i = 0; i < 8; i++) {
                fillWithin(g, end, lighter(p.main(), 0.12), rect(20, 38 + i * 3, 60, 0.8, 0));
            }
        }
        for (int i = 0; i < 5; i++) {
            stroke(g, p.main(), 1, rotated(new Line2D.Double(35.5 + i * 3, 82, 35.5 + i * 3, 87), 6 + sway, 41, 36));
            stroke(g, darker(p.main(), 0.08), 1,
                    rotated(new Line2D.Double(52.5 + i * 3, 78, 52.5 + i * 3, 83), -8 + sway, 58, 36));
        }
        fill(g, p.main(), rect(40, 33, 21, 12, 5));
        stroke(g, darker(p.main(), 0.15), 0.8, new Line2D.Double(44, 36, 44, 43));
        stroke(g, darker(p.main(), 0.15), 0.8, new Line2D.Double(57, 36, 57, 43));
    }

    /** A split ring, a link and a stitched leather tag. */
    static void keyring(Graphics2D g, Palette p, Random random) {
        Color metal = mix(METAL, p.background(), 0.1);
        stroke(g, metal, 2.6, circle(50, 22, 11));
        stroke(g, lighter(metal, 0.5), 0.7, new Arc2D.Double(40.5, 12.5, 19, 19, 100, 60, Arc2D.OPEN));
        stroke(g, metal, 2, ellipse(50, 36, 5, 8));
        double tilt = random.nextDouble() * 10 - 5;
        g.rotate(Math.toRadians(tilt), 50, 40);
        shadow(g, p, 52, 88, 30);
        Path2D.Double tag = new Path2D.Double();
        tag.moveTo(50, 38);
        tag.curveTo(62, 38, 67, 46, 67, 52);
        tag.lineTo(67, 76);
        tag.curveTo(67, 82, 62, 85, 56, 85);
        tag.lineTo(44, 85);
        tag.curveTo(38, 85, 33, 82, 33, 76);
        tag.lineTo(33, 52);
        tag.curveTo(33, 46, 38, 38, 50, 38);
        tag.closePath();
        fill(g, p.main(), tag);
        fillWithin(g, tag, darker(p.main(), 0.12), rect(58, 30, 12, 60, 0));
        dashed(g, lighter(p.main(), 0.5), 0.8, 1.3, rect(36.5, 48, 27, 33.5, 8));
        fill(g, p.background(), circle(50, 44, 2.6));
        fill(g, p.accent(), circle(50, 65, 8));
        fill(g, lighter(p.accent(), 0.35), circle(50, 65, 4.5));
    }

    /** A round, friendly plush bear (a panda when the palette is black and white). */
    static void toy(Graphics2D g, Palette p, Random random) {
        shadow(g, p, 50, 88, 52);
        fill(g, p.accent(), circle(33, 29, 8));
        fill(g, p.accent(), circle(67, 29, 8));
        fill(g, p.accent(), ellipse(31, 70, 12, 16));
        fill(g, p.accent(), ellipse(69, 70, 12, 16));
        fill(g, p.main(), ellipse(50, 73, 42, 30));
        fill(g, p.accent(), ellipse(38, 84, 13, 8));
        fill(g, p.accent(), ellipse(62, 84, 13, 8));
        fill(g, p.main(), circle(50, 45, 23));
        fill(g, alpha(WHITE, 40), circle(43, 38, 10));
        double look = random.nextDouble() * 1.6 - 0.8;
        for (int side = -1; side <= 1; side += 2) {
            fill(g, p.accent(), rotated(ellipse(50 + side * 9, 45, 9, 12), side * -25, 50 + side * 9, 45));
            fill(g, WHITE, circle(50 + side * 9 + look, 44, 2.4));
            fill(g, HAIR, circle(50 + side * 9 + look, 44.4, 1.2));
            fill(g, alpha(BLUSH, 150), ellipse(50 + side * 15, 53, 6, 3.5));
        }
        fill(g, darker(p.accent(), 0.1), ellipse(50, 53, 5.5, 3.5));
        stroke(g, darker(p.accent(), 0.1), 1, new Arc2D.Double(46, 52, 8, 6, 200, 140, Arc2D.OPEN));
    }

    /** A round paper-cut: petals, diamonds and dots cut out of one coloured sheet, hung on a tasselled cord. */
    static void paperCut(Graphics2D g, Palette p, Random random) {
        stroke(g, p.accent(), 1, new Line2D.Double(50, 4, 50, 14));
        Area paper = new Area(circle(50, 50, 36));
        paper.subtract(new Area(circle(50, 50, 3)));
        double turn = random.nextDouble() * 45;
        for (int k = 0; k < 8; k++) {
            double a = turn + 45.0 * k;
            paper.subtract(new Area(placed(ellipse(0, -10, 5, 11), 50, 50, a)));
            paper.subtract(new Area(placed(polygon(0, -17, 4, -22.5, 0, -28, -4, -22.5), 50, 50, a + 22.5)));
            paper.subtract(new Area(placed(leaf(8, 6), 50, 50, a)));
        }
        for (int k = 0; k < 16; k++) {
            double a = Math.toRadians(turn + 22.5 * k);
            paper.subtract(new Area(circle(50 + Math.cos(a) * 31.5, 50 + Math.sin(a) * 31.5, 1.6)));
        }
        fill(g, p.main(), paper);
        stroke(g, p.main(), 1.2, circle(50, 50, 39));
        stroke(g, p.accent(), 1, new Line2D.Double(50, 86, 50, 90));
        fill(g, p.accent(), circle(50, 88.5, 2.2));
        fill(g, p.accent(), polygon(47.5, 90, 52.5, 90, 54, 98, 46, 98));
    }

    /** A friendly abstract portrait: head and shoulders in the main colour, one of three hairstyles. */
    static void portrait(Graphics2D g, Palette p, Random random) {
        Shape frame = circle(50, 52, 38);
        fill(g, mix(p.background(), p.accent(), 0.3), frame);
        int style = random.nextInt(3);
        Color skin = mix(SKIN[random.nextInt(SKIN.length)], p.accent(), 0.08);
        Color hair = mix(HAIR, p.main(), 0.12);
        Shape old = g.getClip();
        g.clip(frame);
        if (style == 2) {
            fill(g, hair, rect(31, 28, 38, 44, 16));
        }
        Path2D.Double shoulders = new Path2D.Double();
        shoulders.moveTo(16, 100);
        shoulders.curveTo(16, 76, 30, 68, 50, 68);
        shoulders.curveTo(70, 68, 84, 76, 84, 100);
        shoulders.closePath();
        fill(g, darker(skin, 0.1), rect(45, 56, 10, 14, 3));
        fill(g, p.main(), shoulders);
        fill(g, darker(skin, 0.05), polygon(44, 68.5, 56, 68.5, 50, 77));
        fill(g, p.accent(), rect(33, 80, 9, 2, 1));
        g.setClip(old);
        fill(g, skin, ellipse(50, 46, 25, 30));
        fill(g, hair, new Arc2D.Double(36.5, 29, 27, 24, 0, 180, Arc2D.CHORD));
        fill(g, hair, rotated(ellipse(44, 36, 16, 8), -20, 44, 36));
        if (style == 1) {
            fill(g, hair, circle(50, 27, 6.5));
        }
        for (int side = -1; side <= 1; side += 2) {
            fill(g, HAIR, ellipse(50 + side * 5.5, 46, 2, 2.6));
            fill(g, alpha(BLUSH, 110), ellipse(50 + side * 8, 51.5, 5, 3));
        }
        stroke(g, darker(skin, 0.5), 1.1, new Arc2D.Double(45, 48, 10, 7, 200, 140, Arc2D.OPEN));
    }
}
