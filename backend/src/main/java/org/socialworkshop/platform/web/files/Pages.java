package org.socialworkshop.platform.web.files;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Rewrites a storefront page once, at start-up, so that it loads the release's files: its scripts, stylesheets and
 * icon point to {@code /v/{release}/…}; the import map comes first in {@code <head>}; and every module and stylesheet
 * the page will load is announced before {@code </head>}. Links to other pages stay as they are: pages are always
 * revalidated, which is how a new release reaches browsers.
 */
final class Pages {

    private static final Pattern TAG = Pattern.compile("<(script|link|img)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADDRESS = Pattern.compile("\\b(src|href)=\"/([^\"?#]+)\"");
    private static final Pattern CHARSET = Pattern.compile("<meta charset=[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEAD = Pattern.compile("<head>", Pattern.CASE_INSENSITIVE);

    private final String prefix;
    private final ImportMap importMap;
    private final Map<String, byte[]> contents;
    private final Dependencies dependencies;

    Pages(String prefix, ImportMap importMap, Map<String, byte[]> contents) {
        this.prefix = prefix;
        this.importMap = importMap;
        this.contents = contents;
        this.dependencies = new Dependencies(contents);
    }

    /** The page as served, preloading {@code translations} (a path), which its scripts fetch before drawing. */
    byte[] rewrite(String page, String translations) {
        String html = new String(contents.get(page), StandardCharsets.UTF_8);
        List<String> modules = new ArrayList<>();
        List<String> stylesheets = new ArrayList<>();
        StringBuilder out = new StringBuilder(html.length() + 4096);
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String element = tag.group();
            Matcher address = ADDRESS.matcher(element);
            if (address.find() && isFile(address.group(2))) {
                String file = address.group(2);
                if (element.contains("type=\"module\"")) {
                    modules.add(file);
                } else if (element.contains("rel=\"stylesheet\"")) {
                    stylesheets.add(file);
                }
                element = element.substring(0, address.start(2) - 1) + prefix + file + element.substring(address.end(2));
            }
            tag.appendReplacement(out, Matcher.quoteReplacement(element));
        }
        tag.appendTail(out);
        return withHead(out.toString(), modules, stylesheets, modules.isEmpty() ? null : translations)
                .getBytes(StandardCharsets.UTF_8);
    }

    private String withHead(String html, List<String> modules, List<String> stylesheets,
            @Nullable String translations) {
        StringBuilder announced = new StringBuilder();
        if (translations != null && contents.containsKey(translations)) {
            // fetched by lib/i18n.js with fetch()'s defaults, which a preload matches only with crossorigin
            announced.append("  <link rel=\"preload\" as=\"fetch\" crossorigin href=\"").append(prefix)
                    .append(translations).append("\">\n");
        }
        for (String module : dependencies.of(modules)) {
            announced.append("  <link rel=\"modulepreload\" href=\"").append(prefix).append(module).append("\">\n");
        }
        for (String stylesheet : dependencies.of(stylesheets)) {
            announced.append("  <link rel=\"preload\" as=\"style\" href=\"").append(prefix).append(stylesheet)
                    .append("\">\n");
        }
        // after the charset, which must stay within the first bytes; before any module script
        Matcher start = CHARSET.matcher(html);
        if (!start.find()) {
            start = HEAD.matcher(html);
        }
        int end = html.indexOf("</head>");
        if (!start.find(0) || end < start.end()) {
            return html;
        }
        return html.substring(0, start.end()) + "\n  " + importMap.element()
                + html.substring(start.end(), end) + announced + html.substring(end);
    }

    private boolean isFile(String path) {
        return contents.containsKey(path) && !path.endsWith(".html");
    }
}
