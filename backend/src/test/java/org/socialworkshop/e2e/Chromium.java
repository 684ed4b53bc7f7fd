package org.socialworkshop.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the browser and its driver live: {@code CHROME_BIN} and {@code CHROMEDRIVER} when set, else the Debian
 * paths. Both are given to Selenium explicitly so Selenium Manager never tries to download anything.
 */
record Chromium(Path browser, Path driver) {

    static Chromium configured() {
        return new Chromium(path("CHROME_BIN", "/usr/bin/chromium"), path("CHROMEDRIVER", "/usr/bin/chromedriver"));
    }

    /** CI must run the browser tests; elsewhere a machine without Chromium may skip them. */
    static boolean required() {
        return "true".equals(System.getenv("CI"));
    }

    /** Why the browser tests cannot run here, or empty when they can. */
    Optional<String> missing() {
        if (!Files.isExecutable(browser)) {
            return Optional.of("Chromium not found at " + browser + " (set CHROME_BIN to its path)");
        }
        if (!Files.isExecutable(driver)) {
            return Optional.of("chromedriver not found at " + driver + " (set CHROMEDRIVER to its path)");
        }
        return Optional.empty();
    }

    private static Path path(String variable, String fallback) {
        String value = System.getenv(variable);
        return Path.of(value == null || value.isBlank() ? fallback : value);
    }
}
