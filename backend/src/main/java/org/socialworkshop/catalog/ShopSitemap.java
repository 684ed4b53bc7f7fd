package org.socialworkshop.catalog;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.cache.ReadCache;
import org.socialworkshop.platform.cache.ReadCaches;
import org.socialworkshop.platform.database.Database;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The shop for crawlers (sitemaps.org protocol 0.9): its public pages, then the page of every product the online shop
 * sells, with the day it last changed. The product list is read once and kept until the catalog changes; only the
 * base address is filled in per request, since without {@code PUBLIC_URL} it is the request's own.
 */
@Component
class ShopSitemap {

    /** The shop's public pages, as the storefront links them: home, the shop's home and its full list. */
    static final List<String> PAGES = List.of("/", "/shop/", "/shop/products.html");
    private static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");

    private record Listed(UUID id, LocalDate changed) {
    }

    private final Database db;
    private final ReadCache<Boolean, List<Listed>> products;

    ShopSitemap(Database db, ReadCaches caches) {
        this.db = db;
        this.products = caches.create("catalog.sitemap", 1, Catalog.CHANGED);
    }

    /** The sitemap's XML with every address under {@code base} (no trailing slash). */
    Mono<String> xml(String base) {
        return products.get(Boolean.TRUE, this::readProducts).map(listed -> {
            StringBuilder xml = new StringBuilder(256 + listed.size() * 160)
                    .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                    .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            PAGES.forEach(page -> url(xml, base + page, null));
            listed.forEach(product -> url(xml, base + "/shop/product.html?id=" + product.id(), product.changed()));
            return xml.append("</urlset>\n").toString();
        });
    }

    private static void url(StringBuilder xml, String location, @Nullable LocalDate changed) {
        xml.append("  <url><loc>").append(escape(location)).append("</loc>");
        if (changed != null) {
            xml.append("<lastmod>").append(changed).append("</lastmod>");
        }
        xml.append("</url>\n");
    }

    /** The sitemap protocol wants entity-escaped addresses; ours only ever hold {@code &} from a configured base. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    /** What the product page shows to anyone: active products sold online that have an active variant. */
    private Mono<List<Listed>> readProducts() {
        return db.sql("""
                        SELECT p.id, p.updated_at FROM products p
                        WHERE p.status = 'ACTIVE' AND 'ONLINE' = ANY(p.channels)
                          AND EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id AND v.status = 'ACTIVE')
                        ORDER BY p.created_at, p.id""")
                .map(row -> new Listed(row.get("id", UUID.class),
                        row.get("updated_at", OffsetDateTime.class).atZoneSameInstant(SHOP_ZONE).toLocalDate()))
                .list();
    }
}
