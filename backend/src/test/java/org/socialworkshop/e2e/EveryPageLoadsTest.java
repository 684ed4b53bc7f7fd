package org.socialworkshop.e2e;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the storefront, the staff area's included, gets every module, stylesheet and translation it asks
 * for ({@link Storefront#ready} fails otherwise) and is drawn where it was asked for. Pages are found in the
 * storefront itself, so a new page is checked without being listed here.
 */
@WorkshopTest
class EveryPageLoadsTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void everyPageGetsEveryFileItAsksFor() {
        List<String> pages = StorefrontFiles.pages();
        assertThat(pages).as("the storefront's pages").contains("/index.html", "/admin/index.html", "/maker/index.html");
        // Signed in as staff, so the staff pages show themselves instead of sending the browser to sign in.
        browser.openAsStaff(port, "/admin/", "zh-CN", "coordinator@example.org", "workshop-coordinator");
        for (String page : pages) {
            Storefront shown = browser.open(port, page).ready("zh-CN");
            assertThat(URI.create(shown.driver().getCurrentUrl()).getPath()).as("where " + page + " ends up").isEqualTo(page);
        }
    }
}
