package org.socialworkshop.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The storefront's files as the application serves them: a folder in the build, or inside its jar. */
final class StorefrontFiles {

    static final String ROOT = "/META-INF/resources/";

    interface Walk {
        void in(Path root) throws IOException;
    }

    private StorefrontFiles() {
    }

    /** Hands {@code walk} the storefront's root folder, open for the duration of the walk. */
    static void walk(Walk walk) {
        URL marker = StorefrontFiles.class.getResource(ROOT + "i18n/zh-CN.json");
        assertThat(marker).as("the storefront on the test classpath").isNotNull();
        try {
            URI uri = marker.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    walk.in(jar.getPath(ROOT));
                }
            } else {
                walk.in(Path.of(uri).getParent().getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The address of every HTML page, e.g. {@code /shop/cart.html}, in order. */
    static List<String> pages() {
        List<String> pages = new ArrayList<>();
        walk(root -> {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(file -> file.toString().endsWith(".html"))
                        .map(file -> "/" + root.relativize(file).toString().replace('\\', '/'))
                        .sorted()
                        .forEach(pages::add);
            }
        });
        return pages;
    }
}
