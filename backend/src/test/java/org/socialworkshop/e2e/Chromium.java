package org.socialworkshop.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the browser and its driver live: {@code CHROME_BIN} and {@code CHROMEDRIVER} when set, else the Debian
 * paths. Both are given to Selenium explicitly so Selenium Manager never tries to download anything.
 */
record Chromium(Path browser, Path driver) {

    /** What to do on a machine where the browser tests cannot run. */
    static final String HOW_TO_INSTALL = "install Chromium (Debian/Ubuntu: sudo apt-get install chromium "
            + "chromium-driver) or set CHROME_BIN and CHROMEDRIVER to the browser and its driver";

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
            return Optional.of("Chromium not found at " + browser);
        }
        if (!Files.isExecutable(driver)) {
            return Optional.of("chromedriver not found at " + driver);
        }
        return Optional.empty();
    }

    private static Path path(String variable, String fallback) {
        String value = System.getenv(variable);
        return Path.of(value == null || value.isBlank() ? fallback : value);
    }
}
