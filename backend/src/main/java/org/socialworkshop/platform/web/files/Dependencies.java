package org.socialworkshop.platform.web.files;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a module or stylesheet loads in turn: the static {@code import}/{@code export … from} of ES modules and the
 * {@code @import} of stylesheets, followed to the end. A page announces them all at once ({@code modulepreload},
 * {@code preload}), so the browser fetches the whole graph in one round instead of one round trip per level.
 * Only files the storefront has count, so a match inside a comment costs nothing worse than an extra preload.
 */
final class Dependencies {

    private static final Pattern MODULE_IMPORT = Pattern.compile(
            "(?:^|[;\\s])(?:import|export)\\s*(?:[^'\";]*?\\bfrom\\s*)?['\"]([^'\"\\n]+)['\"]", Pattern.MULTILINE);
    private static final Pattern CSS_IMPORT = Pattern.compile(
            "@import\\s+(?:url\\(\\s*)?['\"]?([^'\")\\s]+)['\"]?");

    private final Map<String, byte[]> contents;

    Dependencies(Map<String, byte[]> contents) {
        this.contents = contents;
    }

    /** Everything the given files load, directly or not, in the order first met; the files themselves excluded. */
    Set<String> of(Collection<String> roots) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            String file = pending.removeFirst();
            for (String next : direct(file)) {
                if (!roots.contains(next) && found.add(next)) {
                    pending.addLast(next);
                }
            }
        }
        return found;
    }

    private Set<String> direct(String file) {
        byte[] content = contents.get(file);
        Pattern pattern = file.endsWith(".js") ? MODULE_IMPORT : file.endsWith(".css") ? CSS_IMPORT : null;
        Set<String> direct = new LinkedHashSet<>();
        if (content == null || pattern == null) {
            return direct;
        }
        Matcher matcher = pattern.matcher(new String(content, StandardCharsets.UTF_8));
        while (matcher.find()) {
            String target = resolve(file, matcher.group(1));
            if (target != null && contents.containsKey(target)) {
                direct.add(target);
            }
        }
        return direct;
    }

    /** The storefront path {@code reference} points to from {@code file}, or null when it leaves the storefront. */
    private static String resolve(String file, String reference) {
        try {
            URI target = URI.create("/" + file).resolve(reference);
            return target.getScheme() == null && target.getPath() != null && target.getPath().startsWith("/")
                    ? target.getPath().substring(1) : null;
        } catch (IllegalArgumentException notAPath) {
            return null;
        }
    }
}
