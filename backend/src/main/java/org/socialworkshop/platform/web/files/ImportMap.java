package org.socialworkshop.platform.web.files;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Maps each top-level storefront folder ({@code /lib/}, {@code /components/}, ...) to its versioned address, so a
 * module imported by an absolute path loads from the release too. Relative imports need no map: they resolve
 * against the importing module's own, already versioned, address. Pages carry it inline; the Content Security
 * Policy allows exactly this text by its hash.
 */
record ImportMap(String json) {

    static ImportMap of(String release, Collection<String> paths) {
        TreeSet<String> folders = paths.stream()
                .filter(path -> path.indexOf('/') > 0)
                .map(path -> path.substring(0, path.indexOf('/')))
                .collect(Collectors.toCollection(TreeSet::new));
        String imports = folders.stream()
                .map(folder -> "\"/" + folder + "/\":\"" + StorefrontFiles.VERSIONED + release + "/" + folder + "/\"")
                .collect(Collectors.joining(","));
        return new ImportMap("{\"imports\":{" + imports + "}}");
    }

    String element() {
        return "<script type=\"importmap\">" + json + "</script>";
    }

    String cspSource() {
        byte[] hash = Hashes.sha256(json.getBytes(StandardCharsets.UTF_8));
        return "'sha256-" + Base64.getEncoder().encodeToString(hash) + "'";
    }
}
