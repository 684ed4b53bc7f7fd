package org.socialworkshop.pos;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.socialworkshop.catalog.Catalog;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.catalog.VariantInfo;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What happens at the counter besides sales that the shift's reports must tell (issue 12, item 2): lines taken off a
 * sale before it was paid (voided), and the drawer opened without a sale, with the reason given. Each is recorded under
 * the register's open shift, known by the id the tablet gave it (recording it again changes nothing), and audited.
 */
@Service
class DrawerEvents {

    private final Database db;
    private final Shifts shifts;
    private final Catalog catalog;
    private final AuditLog audit;

    DrawerEvents(Database db, Shifts shifts, Catalog catalog, AuditLog audit) {
        this.db = db;
        this.shifts = shifts;
        this.catalog = catalog;
        this.audit = audit;
    }

    /** Units of a variant taken off a sale, and what they would have cost as the tablet priced them. */
    record LineVoid(UUID id, VariantId variant, int quantity, Money amount) {
    }

    /** Records a voided line at the register; the variant must be one the catalog knows. */
    Mono<LineVoid> voided(String register, String cashier, LineVoid voided) {
        return catalog.variants(List.of(voided.variant())).flatMap(found -> {
            VariantInfo variant = found.get(voided.variant());
            if (variant == null) {
                return Mono.error(PosProblem.notSoldHere(List.of(voided.variant().value().toString())));
            }
            return db.inTransaction(() -> shifts.shareOpen(register).flatMap(shift -> db.sql("""
                                    INSERT INTO pos_voided_lines (id, register_id, shift_id, cashier, variant_id, name_zh, name_en,
                                                                  quantity, amount_minor)
                                    VALUES (:id, :register, :shift, :cashier, :variant, :zh, :en, :quantity, :amount)
                                    ON CONFLICT (id) DO NOTHING""")
                            .bind("id", voided.id()).bind("register", register).bind("shift", shift).bind("cashier", cashier)
                            .bind("variant", voided.variant().value()).bind("zh", name(variant.productNameZh(), variant.variantNameZh()))
                            .bind("en", name(variant.productNameEn(), variant.variantNameEn()))
                            .bind("quantity", voided.quantity()).bind("amount", voided.amount().minor())
                            .update()
                            .filter(inserted -> inserted > 0)
                            .flatMap(inserted -> audit.record(cashier, "pos.line-voided", "register:" + register, Map.of(
                                    "shift", shift.toString(), "sku", variant.sku(), "quantity", voided.quantity(),
                                    "amount", voided.amount().minor())))))
                    .thenReturn(voided);
        });
    }

    private static String name(String product, String variant) {
        return variant == null || variant.isBlank() ? product : product + " · " + variant;
    }

    /** Records the drawer opened at the register without a sale, and why. */
    Mono<UUID> noSale(String register, String cashier, UUID id, String reason) {
        return db.inTransaction(() -> shifts.shareOpen(register).flatMap(shift -> db.sql("""
                                INSERT INTO pos_drawer_openings (id, register_id, shift_id, cashier, reason)
                                VALUES (:id, :register, :shift, :cashier, :reason) ON CONFLICT (id) DO NOTHING""")
                        .bind("id", id).bind("register", register).bind("shift", shift).bind("cashier", cashier).bind("reason", reason)
                        .update()
                        .filter(inserted -> inserted > 0)
                        .flatMap(inserted -> audit.record(cashier, "pos.drawer-opened", "register:" + register,
                                Map.of("shift", shift.toString(), "reason", reason)))))
                .thenReturn(id);
    }

    /** The voided lines of a shift: how many lines, units and what they came to, each as recorded. */
    record Voids(long lines, long quantity, Money amount, List<Voided> each) {
    }

    record Voided(String nameZh, String nameEn, int quantity, Money amount, String cashier, OffsetDateTime at) {
    }

    /** The drawer's openings without a sale in a shift. */
    record NoSale(String cashier, String reason, OffsetDateTime at) {
    }

    Mono<Voids> voids(UUID shiftId) {
        return db.sql("""
                        SELECT name_zh, name_en, quantity, amount_minor, cashier, voided_at FROM pos_voided_lines
                        WHERE shift_id = :shift ORDER BY voided_at, id""")
                .bind("shift", shiftId)
                .map(row -> new Voided(row.get("name_zh", String.class), row.get("name_en", String.class), row.get("quantity", Integer.class),
                        Money.fen(row.get("amount_minor", Long.class)), row.get("cashier", String.class),
                        row.get("voided_at", OffsetDateTime.class)))
                .list()
                .map(each -> new Voids(each.size(), each.stream().mapToLong(Voided::quantity).sum(),
                        Money.fen(each.stream().mapToLong(voided -> voided.amount().minor()).sum()), each));
    }

    Mono<List<NoSale>> noSales(UUID shiftId) {
        return db.sql("SELECT cashier, reason, opened_at FROM pos_drawer_openings WHERE shift_id = :shift ORDER BY opened_at, id")
                .bind("shift", shiftId)
                .map(row -> new NoSale(row.get("cashier", String.class), row.get("reason", String.class),
                        row.get("opened_at", OffsetDateTime.class)))
                .list();
    }
}
