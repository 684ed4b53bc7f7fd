package org.socialworkshop.platform.web;

import org.junit.jupiter.api.Test;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A storefront folder's address opens its index page, as links such as "/shop/" expect. */
@WorkshopTest
class DirectoryIndexTest {

    @Autowired
    WebTestClient client;

    @Test
    void folderAddressServesItsIndexPageWithTheUsualHeaders() {
        String page = client.get().uri("/shop/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().exists("Content-Security-Policy")
                .expectBody(String.class).returnResult().getResponseBody();
        String index = client.get().uri("/shop/index.html").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).isEqualTo(index).contains("/shop/index.js");
    }

    @Test
    void foldersWithoutAnIndexAndApiPathsAreLeftAlone() {
        client.get().uri("/no-such-folder/").exchange().expectStatus().isNotFound();
        client.get().uri("/api/").exchange().expectStatus().isNotFound();
        client.get().uri("/shop/../i18n/").exchange().expectStatus().value(status -> assertThat(status).isNotEqualTo(200));
    }
}
