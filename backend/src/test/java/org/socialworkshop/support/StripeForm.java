package org.socialworkshop.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stripe's form encoding as stripe-java writes it: nested keys flattened with brackets
 * ({@code line_items[0][price_data][unit_amount]=3800}, {@code metadata[payment_id]=…}), lists by index.
 */
final class StripeForm {

    private StripeForm() {
    }

    /** Every pair of an {@code application/x-www-form-urlencoded} body or query, keys and values decoded. */
    static Map<String, String> parse(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            form.put(decode(key), decode(value));
        }
        return Collections.unmodifiableMap(form);
    }

    /** The entries of a hash parameter: {@code metadata[payment_id]=x} is {@code payment_id=x} under "metadata". */
    static Map<String, String> hash(Map<String, String> form, String name) {
        String prefix = name + "[";
        Map<String, String> entries = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.endsWith("]") && key.indexOf('[', prefix.length()) < 0) {
                entries.put(key.substring(prefix.length(), key.length() - 1), value);
            }
        });
        return entries;
    }

    /**
     * The elements of a list parameter, each as its remaining keys: {@code line_items[0][quantity]=2} is
     * {@code [quantity]=2} in element 0.
     */
    static List<Map<String, String>> list(Map<String, String> form, String name) {
        List<Map<String, String>> elements = new ArrayList<>();
        for (int index = 0; ; index++) {
            String prefix = name + "[" + index + "]";
            Map<String, String> element = new LinkedHashMap<>();
            form.forEach((key, value) -> {
                if (key.startsWith(prefix)) {
                    element.put(key.substring(prefix.length()), value);
                }
            });
            if (element.isEmpty()) {
                return elements;
            }
            elements.add(element);
        }
    }

    /** A list of plain values: {@code payment_method_types[0]=card&payment_method_types[1]=alipay}. */
    static List<String> values(Map<String, String> form, String name) {
        return list(form, name).stream().map(element -> element.getOrDefault("", "")).toList();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
