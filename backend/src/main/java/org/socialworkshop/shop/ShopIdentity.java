package org.socialworkshop.shop;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.cache.ReadCache;
import org.socialworkshop.platform.cache.ReadCaches;
import org.socialworkshop.platform.database.ChangeFeed;
import org.socialworkshop.platform.database.Database;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop's identity, read from its one row and kept in memory until PostgreSQL reports a change
 * ({@code shop_changed}, V42__shop_identity.sql). Admins change it only against the version they read.
 */
@Service
public class ShopIdentity {

    static final String CHANGED = "shop_changed";
    private static final Logger log = LoggerFactory.getLogger(ShopIdentity.class);

    private final Database db;
    private final JsonMapper json;
    private final AuditLog audit;
    private final ReadCache<Boolean, Shop> cache;
    private final AtomicReference<@Nullable Shop> known = new AtomicReference<>();

    ShopIdentity(Database db, JsonMapper json, AuditLog audit, ReadCaches caches, ChangeFeed changes) {
        this.db = db;
        this.json = json;
        this.audit = audit;
        this.cache = caches.create("shop.identity", 1, CHANGED);
        changes.onChange(CHANGED, this::refresh);
    }

    /** The identity now. */
    public Mono<Shop> current() {
        return cache.get(Boolean.TRUE, this::read).doOnNext(known::set);
    }

    /**
     * The identity as last read, for work that cannot wait for the database (the seller the counter's tablets sign).
     * Read when the application is ready and again after every change.
     */
    public Shop known() {
        Shop shop = known.get();
        if (shop == null) {
            throw ShopProblem.starting();
        }
        return shop;
    }

    @EventListener(ApplicationReadyEvent.class)
    void refresh() {
        read().subscribe(known::set, failure -> log.warn("Could not read the shop's identity: {}", failure.toString()));
    }

    /** Replaces the identity if it is still at {@code wanted.version()}; the answer has the next version. */
    Mono<Shop> change(Shop wanted, String by) {
        return db.inTransaction(() -> db.sql("""
                        UPDATE shop_identity SET details = CAST(:details AS jsonb), version = version + 1, updated_at = now(),
                                                 updated_by = :by
                        WHERE id = 1 AND version = :version
                        RETURNING version, details::text AS details""")
                        .bind("details", json.writeValueAsString(Stored.of(wanted)))
                        .bind("by", by)
                        .bind("version", wanted.version())
                        .map(row -> json.readValue(row.get("details", String.class), Stored.class).at(row.get("version", Integer.class)))
                        .one()
                        .switchIfEmpty(Mono.defer(() -> read().flatMap(now -> Mono.error(ShopProblem.changedMeanwhile(now.version())))))
                        .flatMap(changed -> audit.record("shop.changed", "shop", Map.of("version", changed.version())).thenReturn(changed)))
                .doOnNext(known::set);
    }

    private Mono<Shop> read() {
        return db.sql("SELECT version, details::text AS details FROM shop_identity WHERE id = 1")
                .map(row -> json.readValue(row.get("details", String.class), Stored.class).at(row.get("version", Integer.class)))
                .one();
    }
}
