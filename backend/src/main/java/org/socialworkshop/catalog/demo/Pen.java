package org.socialworkshop.catalog.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;

/** Small drawing helpers shared by the motifs; every coordinate is on a 100 x 100 canvas. */
final class Pen {

    private Pen() {
    }

    static Shape circle(double cx, double cy, double r) {
        return new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
    }

    static Shape ellipse(double cx, double cy, double w, double h) {
        return new Ellipse2D.Double(cx - w / 2, cy - h / 2, w, h);
    }

    static Shape rect(double x, double y, double w, double h, double arc) {
        return new RoundRectangle2D.Double(x, y, w, h, arc, arc);
    }

    /** A closed polygon through the points x0, y0, x1, y1, ... */
    static Path2D polygon(double... xy) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        path.closePath();
        return path;
    }

    static Shape rotated(Shape shape, double degrees, double cx, double cy) {
        return AffineTransform.getRotateInstance(Math.toRadians(degrees), cx, cy).createTransformedShape(shape);
    }

    static void fill(Graphics2D g, Color color, Shape shape) {
        g.setColor(color);
        g.fill(shape);
    }

    static void stroke(Graphics2D g, Color color, double width, Shape shape) {
        g.setColor(color);
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shape);
    }

    static void dashed(Graphics2D g, Color color, double width, double dash, Shape shape) {
        g.setColor(color);
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                new float[] {(float) dash, (float) (dash * 1.2)}, 0f));
        g.draw(shape);
    }

    /** Fills {@code inside} clipped to {@code clip}: stripes on a cup, weave in a basket. */
    static void fillWithin(Graphics2D g, Shape clip, Color color, Shape inside) {
        Shape old = g.getClip();
        g.clip(clip);
        fill(g, color, inside);
        g.setClip(old);
    }

    /** The soft oval shadow an object casts on the ground. */
    static void shadow(Graphics2D g, Palette p, double cx, double cy, double width) {
        fill(g, p.backgroundTint(0.18), ellipse(cx, cy, width, width * 0.14));
    }

    /** A leaf pointing up from (0, 0), {@code length} long and {@code width} wide. */
    static Path2D leaf(double length, double width) {
        Path2D.Double leaf = new Path2D.Double();
        leaf.moveTo(0, 0);
        leaf.curveTo(width * 0.7, -length * 0.2, width * 0.6, -length * 0.75, 0, -length);
        leaf.curveTo(-width * 0.6, -length * 0.75, -width * 0.7, -length * 0.2, 0, 0);
        leaf.closePath();
        return leaf;
    }

    static Shape placed(Shape shape, double x, double y, double degrees) {
        AffineTransform at = AffineTransform.getTranslateInstance(x, y);
        at.rotate(Math.toRadians(degrees));
        return at.createTransformedShape(shape);
    }
}
