package org.socialworkshop.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.socialworkshop.platform.web.PublicAddress;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code /sitemap.xml}: what crawlers may index of the shop, under the shop's public address. */
@RestController
class SitemapController {

    private final ShopSitemap sitemap;
    private final PublicAddress publicAddress;

    SitemapController(ShopSitemap sitemap, PublicAddress publicAddress) {
        this.sitemap = sitemap;
        this.publicAddress = publicAddress;
    }

    @GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    Mono<ResponseEntity<String>> sitemap(ServerWebExchange exchange) {
        return sitemap.xml(publicAddress.of(exchange)).map(xml -> ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
                .body(xml));
    }
}
