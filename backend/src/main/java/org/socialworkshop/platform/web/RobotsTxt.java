package org.socialworkshop.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /robots.txt}: crawlers keep out of the staff's, makers', partners' and counter's areas and the API, and
 * find the shop's sitemap. The sitemap's address must be absolute, so it is written per request from
 * {@link PublicAddress}.
 */
@RestController
class RobotsTxt {

    static final String[] PRIVATE = {"/admin/", "/pos/", "/maker/", "/corporate/", "/api/"};

    private final PublicAddress publicAddress;

    RobotsTxt(PublicAddress publicAddress) {
        this.publicAddress = publicAddress;
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots(ServerWebExchange exchange) {
        StringBuilder text = new StringBuilder("User-agent: *\n");
        for (String path : PRIVATE) {
            text.append("Disallow: ").append(path).append('\n');
        }
        text.append("\nSitemap: ").append(publicAddress.of(exchange)).append("/sitemap.xml\n");
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(text.toString());
    }
}
