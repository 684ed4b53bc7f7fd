package org.socialworkshop.platform.web.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The storefront's own files ({@code META-INF/resources} of the storefront jar), read once at start-up and served
 * from memory. The release id is a hash of every file's path and content, so a change to any file gives a new one
 * and a versioned address such as {@code /v/{release}/lib/money.js} never serves other bytes: browsers may keep it
 * for a year. Pages are rewritten once here (see {@link Pages}) to load their scripts, styles and icon from there.
 */
@Component
public class StorefrontFiles {

    /** Where versioned addresses start; the release and then the file's own path follow. */
    public static final String VERSIONED = "/v/";

    static final String ROOT = "META-INF/resources/";

    private final String release;
    private final ImportMap importMap;
    private final Languages languages;
    private final Map<String, ServedFile> files;
    /** Each page once per language, differing only in the translations it preloads. */
    private final Map<String, Map<String, ServedFile>> pages;

    StorefrontFiles() throws IOException {
        SortedMap<String, Resource> found = find();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (Map.Entry<String, Resource> file : found.entrySet()) {
            contents.put(file.getKey(), file.getValue().getContentAsByteArray());
        }
        this.release = releaseOf(contents);
        this.importMap = ImportMap.of(release, contents.keySet());
        Stylesheets stylesheets = new Stylesheets(contents);
        Map<String, byte[]> served = new LinkedHashMap<>();
        contents.forEach((path, content) -> served.put(path,
                path.endsWith(".css") ? stylesheets.served(path) : content));
        this.languages = Languages.of(contents.keySet());
        Pages pages = new Pages(prefix(), importMap, served);
        Map<String, ServedFile> files = new LinkedHashMap<>();
        Map<String, Map<String, ServedFile>> pagesByLanguage = new LinkedHashMap<>();
        found.forEach((path, resource) -> {
            if (path.endsWith(".html")) {
                Map<String, ServedFile> variants = new LinkedHashMap<>();
                for (String tag : languages.tags()) {
                    variants.put(tag, new ServedFile(resource, pages.rewrite(path, languages.translations(tag))));
                }
                pagesByLanguage.put(path, Map.copyOf(variants));
            }
            files.put(path, new ServedFile(resource, path.endsWith(".html")
                    ? pages.rewrite(path, languages.translations(Languages.DEFAULT)) : served.get(path)));
        });
        this.files = Map.copyOf(files);
        this.pages = Map.copyOf(pagesByLanguage);
    }

    /** This build's release id: changes whenever any storefront file does. */
    public String release() {
        return release;
    }

    /** The address prefix of this release's files, e.g. {@code /v/3f9c2a0b7d1e/}. */
    public String prefix() {
        return VERSIONED + release + "/";
    }

    /** The CSP source allowing the import map that pages carry inline, e.g. {@code 'sha256-…'}. */
    public String importMapSource() {
        return importMap.cspSource();
    }

    /** The file at {@code path} (no leading slash) as served, or {@code null} when the storefront has none. */
    @Nullable ServedFile file(String path) {
        return files.get(path);
    }

    /** As {@link #file(String)}, a page in the version for the language it will most likely load. */
    @Nullable ServedFile file(String path, @Nullable ServerWebExchange exchange) {
        Map<String, ServedFile> variants = exchange == null ? null : pages.get(path);
        return variants == null ? files.get(path) : variants.get(languages.guess(exchange));
    }

    /** Only the storefront's own root: other jars' {@code META-INF/resources} (webjars) stay unversioned. */
    private static SortedMap<String, Resource> find() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
                StorefrontFiles.class.getClassLoader());
        String index = resolver.getResource("classpath:" + ROOT + "index.html").getURL().toString();
        String root = index.substring(0, index.length() - "index.html".length());
        SortedMap<String, Resource> found = new TreeMap<>();
        for (Resource resource : resolver.getResources("classpath*:" + ROOT + "**")) {
            String url = resource.getURL().toString();
            if (url.startsWith(root) && !url.endsWith("/") && resource.isReadable()) {
                found.put(url.substring(root.length()), resource);
            }
        }
        return found;
    }

    private static String releaseOf(Map<String, byte[]> contents) {
        MessageDigest digest = Hashes.sha256();
        contents.forEach((path, content) -> {
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Hashes.sha256(content));
        });
        return Hashes.hex(digest.digest()).substring(0, 12);
    }
}
