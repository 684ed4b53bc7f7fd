package org.socialworkshop.piecework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.Catalog;
import org.socialworkshop.catalog.ProductId;
import org.socialworkshop.piecework.domain.RateSchedule;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.shared.Money;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The operations that make each product (weaving, finishing, packing…) and their piece rates over time. */
@Service
public class PieceRates {

    private final Database db;
    private final Catalog catalog;
    private final WorkshopTime time;

    PieceRates(Database db, Catalog catalog, WorkshopTime time) {
        this.db = db;
        this.catalog = catalog;
        this.time = time;
    }

    public record Operation(UUID id, UUID productId, String productName, @Nullable UUID variantId, String nameZh, String nameEn,
            @Nullable Money rate, List<Rate> rates, String productNameEn) {
    }

    public record Rate(LocalDate validFrom, Money rate) {
    }

    /** A new operation of a product with its first rate. */
    public Mono<Operation> create(UUID productId, @Nullable UUID variantId, String nameZh, String nameEn, long rate, LocalDate validFrom) {
        UUID id = UUID.randomUUID();
        return catalog.find(new ProductId(productId))
                .onErrorMap(notFound -> InvalidInput.field("productId", "no such product"))
                .flatMap(product -> db.inTransaction(() -> db.sql("""
                                INSERT INTO piece_operations (id, product_id, variant_id, name_zh, name_en)
                                VALUES (:id, :product, :variant, :zh, :en)""")
                        .bind("id", id).bind("product", productId).bindNullable("variant", variantId, UUID.class)
                        .bind("zh", nameZh).bind("en", nameEn)
                        .update()
                        .then(addRate(id, rate, validFrom))))
                .then(find(id));
    }

    /** A rate that applies from {@code validFrom} on; an existing rate for that day is not changed. */
    public Mono<Operation> setRate(UUID operationId, long rate, LocalDate validFrom) {
        return find(operationId).then(db.inTransaction(() -> addRate(operationId, rate, validFrom))).then(find(operationId));
    }

    private Mono<Void> addRate(UUID operationId, long rate, LocalDate validFrom) {
        return CurrentUser.name().flatMap(actor -> db.sql("""
                        INSERT INTO piece_rates (operation_id, valid_from, rate_fen, set_by) VALUES (:operation, :from, :rate, :actor)""")
                .bind("operation", operationId).bind("from", validFrom).bind("rate", rate).bind("actor", actor)
                .update())
                .onErrorMap(DuplicateKeyException.class, taken -> InvalidInput.field("validFrom",
                        "a rate from this day is already set; rates are kept as set, add one from another day"))
                .then();
    }

    public Mono<Operation> find(UUID id) {
        return list("o.id = :id", id).flatMap(found -> found.isEmpty()
                ? Mono.error(PieceworkProblem.notFound("operation")) : Mono.just(found.get(0)));
    }

    /** Operations of a product, or of all products when {@code productId} is null. */
    public Mono<List<Operation>> ofProduct(@Nullable UUID productId) {
        return productId == null ? list("o.active", null) : list("o.product_id = :id", productId);
    }

    /** The operation's rates by day, for paying work at the rate of its day. */
    Mono<RateSchedule> schedule(UUID operationId) {
        return db.sql("SELECT valid_from, rate_fen FROM piece_rates WHERE operation_id = :id")
                .bind("id", operationId)
                .map(row -> Map.entry(row.get("valid_from", LocalDate.class), row.get("rate_fen", Long.class)))
                .list()
                .map(rates -> new RateSchedule(rates.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
    }

    private Mono<List<Operation>> list(String where, @Nullable UUID id) {
        var statement = db.sql("""
                SELECT o.id, o.product_id, p.name_zh AS product, p.name_en AS product_en, o.variant_id, o.name_zh, o.name_en, r.valid_from, r.rate_fen
                FROM piece_operations o JOIN products p ON p.id = o.product_id
                     LEFT JOIN piece_rates r ON r.operation_id = o.id
                WHERE\s""" + where + " ORDER BY p.name_zh, o.name_zh, o.id, r.valid_from");
        if (id != null) {
            statement = statement.bind("id", id);
        }
        LocalDate today = time.today();
        return statement.map(row -> new Object[] {row.get("id", UUID.class), row.get("product_id", UUID.class), row.get("product", String.class),
                        row.get("variant_id", UUID.class), row.get("name_zh", String.class), row.get("name_en", String.class),
                        row.get("valid_from", LocalDate.class), row.get("rate_fen", Long.class), row.get("product_en", String.class)})
                .list()
                .map(rows -> {
                    Map<UUID, List<Object[]>> byOperation = new LinkedHashMap<>();
                    rows.forEach(row -> byOperation.computeIfAbsent((UUID) row[0], key -> new ArrayList<>()).add(row));
                    return byOperation.values().stream().map(group -> {
                        Object[] head = group.get(0);
                        List<Rate> rates = group.stream().filter(row -> row[6] != null)
                                .map(row -> new Rate((LocalDate) row[6], Money.fen((Long) row[7]))).toList();
                        Money current = rates.stream().filter(rate -> !rate.validFrom().isAfter(today))
                                .reduce((first, second) -> second).map(Rate::rate).orElse(null);
                        return new Operation((UUID) head[0], (UUID) head[1], (String) head[2], (UUID) head[3], (String) head[4],
                                (String) head[5], current, rates, (String) head[8]);
                    }).toList();
                });
    }
}
