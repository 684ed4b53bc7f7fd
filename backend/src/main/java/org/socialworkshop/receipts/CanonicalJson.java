package org.socialworkshop.receipts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical JSON of docs/api/receipts.md: UTF-8, no whitespace, object members sorted by key, integers only,
 * non-ASCII characters written as themselves. Two equal trees always give the same bytes, so a signature over
 * them can be checked by anyone who rebuilds the tree.
 */
final class CanonicalJson {

    private final JsonMapper json;

    CanonicalJson(JsonMapper json) {
        this.json = json;
    }

    byte[] bytes(JsonNode tree) {
        StringBuilder out = new StringBuilder();
        write(tree, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            names.sort(CanonicalJson::compareCodePoints);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(names.get(i), out);
                out.append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isString()) {
            string(node.asString(), out);
        } else if (node.isIntegralNumber() && node.canConvertToLong()) {
            out.append(node.asLong());
        } else if (node.isBoolean()) {
            out.append(node.asBoolean());
        } else if (node.isNull()) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("Receipts hold only strings, integers, booleans and null, not " + node);
        }
    }

    private void string(String value, StringBuilder out) {
        out.append(json.writeValueAsString(value));
    }

    private static int compareCodePoints(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
