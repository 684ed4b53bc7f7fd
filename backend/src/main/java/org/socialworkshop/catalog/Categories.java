package org.socialworkshop.catalog;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.shared.Language;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The categories goods and menu items are sorted into; the enterprise adds its own. */
@Service
public class Categories {

    private final Database db;
    private final AuditLog audit;

    Categories(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    public Mono<List<Category>> all(Language language) {
        return db.sql("""
                        SELECT c.code, c.name_zh, c.name_en,
                               ARRAY(SELECT DISTINCT channel FROM products p, unnest(p.channels) AS channel
                                     WHERE p.category = c.code AND p.status = 'ACTIVE'
                                       AND EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id AND v.status = 'ACTIVE')
                               ) AS channels
                        FROM categories c ORDER BY c.position, c.code""")
                .map(row -> new Category(row.get("code", String.class),
                        language.pick(row.get("name_zh", String.class), row.get("name_en", String.class)),
                        Arrays.stream(row.get("channels", String[].class)).map(Channel::valueOf)
                                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)))))
                .list();
    }

    public Mono<Category.Draft> create(Category.Draft draft) {
        return db.inTransaction(() -> db.sql("""
                        INSERT INTO categories (code, name_zh, name_en, position) VALUES (:code, :nameZh, :nameEn, :position)""")
                .bind("code", draft.code()).bind("nameZh", draft.nameZh().trim()).bind("nameEn", draft.nameEn().trim())
                .bind("position", draft.position())
                .update()
                .then(audit.record("category.created", "category:" + draft.code(), Map.of("nameZh", draft.nameZh())))
                .thenReturn(draft))
                .onErrorMap(DuplicateKeyException.class, clash -> CatalogProblem.categoryExists(draft.code()));
    }
}
