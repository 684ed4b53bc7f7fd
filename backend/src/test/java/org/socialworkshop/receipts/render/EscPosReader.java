package org.socialworkshop.receipts.render;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Splits ESC/POS bytes into the commands a receipt may use and its lines of text, as a printer would read them;
 * any other control byte fails the read, so a stray or injected command cannot go unnoticed.
 */
final class EscPosReader {

    static final Charset GB18030 = Charset.forName("GB18030");

    /** A command with its parameters, or a line of text (without its LF) where {@code text} is set. */
    record Part(byte[] bytes, boolean text) {

        String line() {
            return new String(bytes, GB18030);
        }

        boolean is(int... prefix) {
            if (text || bytes.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if ((bytes[i] & 0xFF) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return text ? line() : HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(bytes.length, 12));
        }
    }

    private EscPosReader() {
    }

    static List<Part> read(byte[] bytes) {
        List<Part> parts = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b == 0x0A) {
                parts.add(new Part(line.toByteArray(), true));
                line.reset();
                i++;
            } else if (b < 0x20 || b == 0x7F) {
                int length = commandLength(bytes, i);
                parts.add(new Part(Arrays.copyOfRange(bytes, i, i + length), false));
                i += length;
            } else {
                line.write(b);
                i++;
            }
        }
        if (line.size() > 0) {
            parts.add(new Part(line.toByteArray(), true));
        }
        return parts;
    }

    private static int commandLength(byte[] bytes, int at) {
        int first = bytes[at] & 0xFF;
        int second = at + 1 < bytes.length ? bytes[at + 1] & 0xFF : -1;
        return switch (first) {
            case 0x1B -> switch (second) {
                case '@' -> 2;
                case 'a', 'E', 'd' -> 3;
                default -> throw unknown(bytes, at);
            };
            case 0x1C -> switch (second) {
                case '&', '.' -> 2;
                case '!' -> 3;
                default -> throw unknown(bytes, at);
            };
            case 0x1D -> switch (second) {
                case '!' -> 3;
                case 'V' -> 4;
                case '(' -> 5 + (bytes[at + 3] & 0xFF) + 256 * (bytes[at + 4] & 0xFF);
                default -> throw unknown(bytes, at);
            };
            default -> throw unknown(bytes, at);
        };
    }

    private static IllegalStateException unknown(byte[] bytes, int at) {
        return new IllegalStateException("Unexpected control byte at " + at + ": "
                + HexFormat.ofDelimiter(" ").formatHex(bytes, at, Math.min(bytes.length, at + 4)));
    }
}
