package org.socialworkshop.receipts.render;

/** A thermal printer's paper: its columns in font A (12 dots a character) and its printable width in dots. */
record Roll(int columns, int dots) {

    /** 58 mm paper prints 48 mm (384 dots at 203 dpi), 80 mm paper 72 mm (576 dots). */
    static Roll of(int widthMm) {
        return switch (widthMm) {
            case 58 -> new Roll(32, 384);
            case 80 -> new Roll(48, 576);
            default -> throw new IllegalArgumentException("Receipt printers take 58 or 80 mm paper, not " + widthMm);
        };
    }
}
