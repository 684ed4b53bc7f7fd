package org.socialworkshop.e2e;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A buyer on a slow phone network (Chromium's slow 4G: 150 ms round trips, 1.6 Mbit/s down) opens the shop: the
 * first visit shows the featured products within 2 s, a later visit within 1 s, and that later visit fetches
 * nothing but the page itself and the shop's data, every script, stylesheet and translation coming from the
 * browser's cache. Times are taken in the page, from the start of navigation to the first product card drawn.
 */
@WorkshopTest
class SlowNetworkTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final long RTT_MS = 150;
    private static final long DOWN_BYTES_PER_S = 1_600_000 / 8;
    private static final long UP_BYTES_PER_S = 750_000 / 8;

    /** Runs before the page's own scripts: notes when the first featured product card is in the page and drawn. */
    private static final String WATCH_FOR_CONTENT = """
            new MutationObserver((changes, observer) => {
              const card = document.querySelector('#featured-products .product-card__name');
              if (card && card.getBoundingClientRect().height > 0) {
                window.__contentShownAt = performance.now();
                observer.disconnect();
              }
            }).observe(document, { childList: true, subtree: true });
            """;

    @LocalServerPort
    int port;

    @Test
    void theShopShowsItsProductsQuicklyOnASlowNetworkAndARepeatVisitLoadsOnlyThePageAndItsData() {
        Storefront blank = browser.open(port, "/favicon.svg");
        ChromiumDriver chromium = (ChromiumDriver) blank.driver();
        chromium.executeCdpCommand("Network.enable", Map.of());
        chromium.executeCdpCommand("Network.clearBrowserCache", Map.of());
        chromium.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false,
                "latency", RTT_MS, "downloadThroughput", DOWN_BYTES_PER_S, "uploadThroughput", UP_BYTES_PER_S));
        chromium.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH_FOR_CONTENT));

        Visit first = visitShop(blank);
        blank.driver().get("about:blank");
        Visit repeat = visitShop(blank);
        System.out.printf("slow 4G, shop home: first visit %d ms (%d files, %d bytes), repeat visit %d ms "
                        + "(%d bytes: %s)%n", first.shownMs(), first.files().size(), first.bytes(), repeat.shownMs(),
                repeat.bytes(), repeat.fetched());

        assertThat(first.files()).as("the first visit downloads the shop's scripts and styles")
                .anyMatch(file -> file.name().contains("/shop/index.js") && file.transferred() > 0);
        assertThat(repeat.files()).as("scripts and styles of the repeat visit").isNotEmpty()
                .allSatisfy(file -> assertThat(file.transferred()).as(file.name() + " transferred").isZero());
        assertThat(repeat.fetched()).as("what the repeat visit fetched over the network")
                .allMatch(name -> name.contains("/api/"));
        assertThat(first.shownMs()).as("first visit: products shown after (ms)").isLessThan(2_000);
        assertThat(repeat.shownMs()).as("repeat visit: products shown after (ms)").isLessThan(1_000);
    }

    private Visit visitShop(Storefront tab) {
        Storefront shop = browser.open(port, "/shop/");
        shop.waitUntil(d -> shop.script("return window.__contentShownAt !== undefined"));
        long shownMs = Math.round(((Number) shop.script("return window.__contentShownAt")).doubleValue());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) shop.script(
                "return performance.getEntriesByType('resource').map(e => ({name: e.name, size: e.transferSize}))");
        long page = ((Number) shop.script(
                "return performance.getEntriesByType('navigation')[0].transferSize")).longValue();
        List<File> all = entries.stream()
                .map(entry -> new File((String) entry.get("name"), ((Number) entry.get("size")).longValue()))
                .toList();
        return new Visit(shownMs, page, all);
    }

    private record File(String name, long transferred) {
    }

    /** One visit: when the products showed, what the page itself and each later request transferred. */
    private record Visit(long shownMs, long pageBytes, List<File> all) {

        /** The storefront's own files: scripts, styles, translations, icon (not API answers or product pictures). */
        List<File> files() {
            return all.stream().filter(file -> !file.name().contains("/api/")).toList();
        }

        List<String> fetched() {
            return all.stream().filter(file -> file.transferred() > 0).map(File::name).toList();
        }

        long bytes() {
            return pageBytes + all.stream().mapToLong(File::transferred).sum();
        }
    }
}
