package org.socialworkshop.platform.web.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What browsers rely on to load a page's files once: versioned addresses kept a year, pages revalidated, gzip. */
@WorkshopTest
class StorefrontFilesTest {

    @Autowired
    WebTestClient client;

    @Autowired
    StorefrontFiles files;

    @LocalServerPort
    int port;

    @Test
    void pagesLoadTheirFilesFromThisReleaseAndAnnounceTheWholeModuleGraph() {
        String prefix = files.prefix();
        String page = page("/shop/");
        assertThat(page)
                .contains("<script type=\"module\" src=\"" + prefix + "shop/index.js\">")
                .contains("<link rel=\"stylesheet\" href=\"" + prefix + "styles/index.css\">")
                .contains("<link rel=\"modulepreload\" href=\"" + prefix + "lib/app.js\">")
                .contains("\"/lib/\":\"" + prefix + "lib/\"")
                .doesNotContain("src=\"/lib/", "href=\"/styles/")
                .contains("href=\"/shop/products.html\"");
        assertThat(page.indexOf("type=\"importmap\"")).as("import map before the first module script")
                .isLessThan(page.indexOf("type=\"module\""));
        assertThat(page("/")).contains(prefix + "index.js");
    }

    @Test
    void versionedFilesAreKeptForAYearAndKeepTheSecurityHeaders() {
        client.get().uri(files.prefix() + "lib/money.js").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public, immutable")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("script-src 'self' " + files.importMapSource()))
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody(String.class).value(js -> assertThat(js).contains("export"));
        client.get().uri("/v/000000000000/lib/money.js").exchange().expectStatus().isNotFound();
        client.get().uri(files.prefix() + "lib/no-such-file.js").exchange().expectStatus().isNotFound();
    }

    @Test
    void plainAddressesStillWorkAndAreRevalidatedByEntityTag() {
        for (String path : new String[] {"/lib/money.js", "/shop/index.html"}) {
            String etag = client.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .expectBody().returnResult().getResponseHeaders().getETag();
            assertThat(etag).as("ETag of " + path).isNotBlank();
            client.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, etag).exchange().expectStatus().isNotModified();
        }
    }

    /** Through the JDK's client, which leaves the encoding as it came (the test client may decode it). */
    @Test
    void textIsCompressedForClientsThatAcceptGzip() throws IOException, InterruptedException {
        URI translations = URI.create("http://localhost:" + port + files.prefix() + "i18n/zh-CN.json");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(translations).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gzipped = http.send(HttpRequest.newBuilder(translations)
                .header(HttpHeaders.ACCEPT_ENCODING, "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(plain.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).isEmpty();
        assertThat(gzipped.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).contains("gzip");
        assertThat(gzipped.body().length).as("gzipped translations").isLessThan(plain.body().length / 2);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
    }

    @Test
    void pagesPreloadTheTranslationsOfTheLanguageTheBrowserAsksFor() {
        String preload = "<link rel=\"preload\" as=\"fetch\" crossorigin href=\"" + files.prefix() + "i18n/";
        assertThat(page("/shop/", "zh-CN,zh;q=0.9")).contains(preload + "zh-CN.json\"");
        assertThat(page("/shop/", "en-GB,en;q=0.8")).contains(preload + "en.json\"");
        assertThat(page("/shop/?lang=en", "zh-CN")).contains(preload + "en.json\"");
        assertThat(page("/shop/", "fr")).contains(preload + "zh-CN.json\"");
    }

    private String page(String path) {
        return page(path, "zh-CN");
    }

    private String page(String path, String languages) {
        byte[] body = client.get().uri(path).header(HttpHeaders.ACCEPT_LANGUAGE, languages).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }
}
