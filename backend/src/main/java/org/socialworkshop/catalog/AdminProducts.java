package org.socialworkshop.catalog;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.shared.Page;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Coordinators' product list: every status, filtered and paged. */
@Service
class AdminProducts {

    private static final String FILTER = """
            FROM products p
            WHERE p.search_text LIKE ALL (CAST(:patterns AS text[]))
              AND (CAST(:category AS text) IS NULL OR p.category = :category)
              AND (CAST(:status AS text) IS NULL OR p.status = :status)""";

    private final Database db;
    private final Catalog catalog;

    AdminProducts(Database db, Catalog catalog) {
        this.db = db;
        this.catalog = catalog;
    }

    Mono<Page<AdminProduct>> list(@Nullable String query, @Nullable String category, @Nullable ProductStatus status,
            Page.Request page) {
        String[] patterns = ProductQueries.patterns(query);
        String statusName = status == null ? null : status.name();
        Mono<List<AdminProduct>> items = db.sql("SELECT p.id " + FILTER + " ORDER BY p.updated_at DESC, p.id LIMIT :limit OFFSET :offset")
                .bind("patterns", patterns).bindNullable("category", category, String.class)
                .bindNullable("status", statusName, String.class)
                .bind("limit", page.size()).bind("offset", page.offset())
                .map(row -> new ProductId(row.get("id", UUID.class)))
                .list()
                .flatMapMany(Flux::fromIterable)
                .concatMap(catalog::find)
                .collectList();
        Mono<Long> total = db.sql("SELECT count(*) AS n " + FILTER)
                .bind("patterns", patterns).bindNullable("category", category, String.class)
                .bindNullable("status", statusName, String.class)
                .map(row -> row.get("n", Long.class)).one();
        return Mono.zip(items, total, (list, count) -> new Page<>(list, page.page(), page.size(), count));
    }
}
