package org.socialworkshop.catalog;

import java.util.List;
import java.util.Map;

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
        return db.sql("SELECT code, name_zh, name_en FROM categories ORDER BY position, code")
                .map(row -> new Category(row.get("code", String.class),
                        language.pick(row.get("name_zh", String.class), row.get("name_en", String.class))))
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
