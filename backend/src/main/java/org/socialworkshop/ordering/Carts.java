package org.socialworkshop.ordering;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.Catalog;
import org.socialworkshop.catalog.Channel;
import org.socialworkshop.catalog.ProductId;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.catalog.VariantInfo;
import org.socialworkshop.inventory.Inventory;
import org.socialworkshop.media.ImageId;
import org.socialworkshop.media.ImageLinks;
import org.socialworkshop.media.Images;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.shared.Language;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Buyers' carts. A cart holds variants and quantities only; names, prices and availability are read from the
 * catalog and stock each time it is shown, and frozen only at checkout.
 */
@Service
public class Carts {

    static final int MAX_QUANTITY = 99;

    private final Database db;
    private final Catalog catalog;
    private final Inventory inventory;
    private final Images images;

    Carts(Database db, Catalog catalog, Inventory inventory, Images images) {
        this.db = db;
        this.catalog = catalog;
        this.inventory = inventory;
        this.images = images;
    }

    /** A cart line as stored. */
    record Line(VariantId variant, int quantity) {
    }

    public record CartItem(UUID productId, UUID variantId, String sku, String name, String variantName, int quantity,
            Money unitPrice, Money amount, @Nullable Long available, boolean purchasable, @Nullable ImageLinks image) {
    }

    public record CartView(UUID id, List<CartItem> items, int itemCount, Money subtotal, boolean checkedOut) {
    }

    public Mono<UUID> create() {
        UUID id = UUID.randomUUID();
        return db.sql("INSERT INTO carts (id) VALUES (:id)").bind("id", id).update().thenReturn(id);
    }

    /** Deletes carts nobody touched for {@code age} and that never became an order; completes with how many. */
    Mono<Long> forgetAbandoned(Duration age) {
        return db.sql("DELETE FROM carts WHERE order_id IS NULL AND updated_at < now() - :seconds * interval '1 second'")
                .bind("seconds", age.toSeconds())
                .update();
    }

    /** Adds units of a product's variant (its first active variant when none is named). */
    public Mono<Void> add(UUID cartId, ProductId product, @Nullable VariantId variant, int quantity) {
        Mono<VariantId> chosen = variant != null ? Mono.just(variant)
                : catalog.defaultVariant(product).switchIfEmpty(Mono.error(() -> InvalidInput.field("productId", "no such product")));
        return requireOpen(cartId).then(chosen)
                .flatMap(id -> inCart(cartId, id).flatMap(already -> already + quantity > MAX_QUANTITY
                        ? Mono.<Void>error(InvalidInput.field("quantity", "at most " + MAX_QUANTITY + " of one item per order"))
                        : sellable(id, product, already + (long) quantity)).thenReturn(id))
                .flatMap(id -> db.inTransaction(() -> db.sql("""
                                INSERT INTO cart_items (cart_id, variant_id, quantity) VALUES (:cart, :variant, :quantity)
                                ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = cart_items.quantity + excluded.quantity
                                WHERE cart_items.quantity + excluded.quantity <= :max""")
                        .bind("cart", cartId).bind("variant", id.value()).bind("quantity", quantity).bind("max", MAX_QUANTITY)
                        .update()
                        .flatMap(rows -> rows == 0
                                ? Mono.error(InvalidInput.field("quantity", "at most " + MAX_QUANTITY + " of one item per order"))
                                : touch(cartId))));
    }

    /** Sets a line's quantity; 0 removes it. */
    public Mono<Void> set(UUID cartId, VariantId variant, int quantity) {
        if (quantity == 0) {
            return remove(cartId, variant);
        }
        return requireOpen(cartId).then(sellable(variant, null, quantity))
                .then(db.inTransaction(() -> db.sql("""
                                INSERT INTO cart_items (cart_id, variant_id, quantity) VALUES (:cart, :variant, :quantity)
                                ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = excluded.quantity""")
                        .bind("cart", cartId).bind("variant", variant.value()).bind("quantity", quantity)
                        .update().then(touch(cartId))));
    }

    public Mono<Void> remove(UUID cartId, VariantId variant) {
        return requireOpen(cartId).then(db.inTransaction(() -> db.sql("DELETE FROM cart_items WHERE cart_id = :cart AND variant_id = :variant")
                .bind("cart", cartId).bind("variant", variant.value())
                .update().then(touch(cartId))));
    }

    /** The cart as a buyer sees it, in their language, with prices and availability as they are now. */
    public Mono<CartView> view(UUID cartId, Language language) {
        return state(cartId).flatMap(checkedOut -> lines(cartId).flatMap(lines -> {
            List<VariantId> ids = lines.stream().map(Line::variant).toList();
            return Mono.zip(catalog.variants(ids), inventory.available(ids, Channel.ONLINE)).flatMap(found -> {
                Map<VariantId, VariantInfo> infos = found.getT1();
                List<ImageId> imageIds = infos.values().stream().map(VariantInfo::image).filter(Objects::nonNull).distinct().toList();
                return images.links(imageIds, "").map(links -> {
                    List<CartItem> items = lines.stream().filter(line -> infos.containsKey(line.variant()))
                            .map(line -> item(line, infos.get(line.variant()), found.getT2(), links, language))
                            .toList();
                    Money subtotal = items.stream().filter(CartItem::purchasable).map(CartItem::amount)
                            .reduce(Money.fen(0), Money::plus);
                    int count = items.stream().mapToInt(CartItem::quantity).sum();
                    return new CartView(cartId, items, count, subtotal, checkedOut);
                });
            });
        }));
    }

    private static CartItem item(Line line, VariantInfo info, Map<VariantId, Long> available, List<ImageLinks> links,
            Language language) {
        String name = info.productName(language);
        ImageLinks image = links.stream().filter(link -> link.id().equals(info.image())).findFirst()
                .map(link -> new ImageLinks(link.id(), link.thumbnail(), link.card(), link.full(), link.width(), link.height(), name))
                .orElse(null);
        Long units = info.stockTracked() ? available.getOrDefault(info.id(), 0L) : null;
        return new CartItem(info.productId().value(), info.id().value(), info.sku(), name, info.variantName(language),
                line.quantity(), info.price(), info.price().times(line.quantity()), units, info.sellableOn(Channel.ONLINE), image);
    }

    /** The stored lines, oldest first. */
    Mono<List<Line>> lines(UUID cartId) {
        return db.sql("SELECT variant_id, quantity FROM cart_items WHERE cart_id = :cart ORDER BY added_at, variant_id")
                .bind("cart", cartId)
                .map(row -> new Line(new VariantId(row.get("variant_id", UUID.class)), row.get("quantity", Integer.class)))
                .list();
    }

    /** The lines of a cart that exists and has not been checked out, in one query; else the problem. */
    Mono<List<Line>> openLines(UUID cartId) {
        return db.sql("""
                        SELECT c.order_id IS NOT NULL AS checked_out, i.variant_id, i.quantity
                        FROM carts c LEFT JOIN cart_items i ON i.cart_id = c.id
                        WHERE c.id = :cart ORDER BY i.added_at, i.variant_id""")
                .bind("cart", cartId)
                .map(row -> new CartRow(row.get("checked_out", Boolean.class), row.get("variant_id", UUID.class),
                        row.get("quantity", Integer.class)))
                .list()
                .flatMap(rows -> {
                    if (rows.isEmpty()) {
                        return Mono.error(OrderingProblem.unknownCart());
                    }
                    if (rows.get(0).checkedOut()) {
                        return Mono.error(OrderingProblem.cartCheckedOut());
                    }
                    return Mono.just(rows.stream().filter(row -> row.variant() != null)
                            .map(row -> new Line(new VariantId(row.variant()), row.quantity())).toList());
                });
    }

    private record CartRow(boolean checkedOut, @Nullable UUID variant, @Nullable Integer quantity) {
    }

    /** Completes when the cart exists and has not been checked out. */
    Mono<Void> requireOpen(UUID cartId) {
        return state(cartId).flatMap(checkedOut -> checkedOut ? Mono.error(OrderingProblem.cartCheckedOut()) : Mono.empty());
    }

    /** Whether the cart was checked out; an unknown cart is an error. */
    private Mono<Boolean> state(UUID cartId) {
        return db.sql("SELECT order_id IS NOT NULL AS checked_out FROM carts WHERE id = :id")
                .bind("id", cartId)
                .map(row -> row.get("checked_out", Boolean.class))
                .first()
                .switchIfEmpty(Mono.error(OrderingProblem::unknownCart));
    }

    /** The units of a variant in the cart now (0 when none). */
    private Mono<Long> inCart(UUID cartId, VariantId variant) {
        return db.sql("SELECT quantity FROM cart_items WHERE cart_id = :cart AND variant_id = :variant")
                .bind("cart", cartId).bind("variant", variant.value())
                .map(row -> row.get("quantity", Integer.class).longValue())
                .first()
                .defaultIfEmpty(0L);
    }

    /**
     * Whether {@code units} of the variant can go in the cart: it exists (of this product), is sold online, and, when its
     * stock is counted, that many are there to sell (409 {@code out-of-stock} saying how many are, at once, rather than at
     * checkout). Checkout checks again, since others buy meanwhile.
     */
    private Mono<Void> sellable(VariantId variant, @Nullable ProductId product, long units) {
        return catalog.variants(List.of(variant)).flatMap(found -> {
            VariantInfo info = found.get(variant);
            if (info == null || (product != null && !info.productId().equals(product))) {
                return Mono.error(InvalidInput.field("variantId", "no such variant of this product"));
            }
            if (!info.sellableOn(Channel.ONLINE)) {
                return Mono.error(OrderingProblem.notPurchasable(List.of(new OrderingProblem.Item(
                        variant.value().toString(), info.productNameZh() + " / " + info.productNameEn(), null))));
            }
            if (!info.stockTracked()) {
                return Mono.empty();
            }
            return inventory.available(List.of(variant), Channel.ONLINE).flatMap(available -> {
                long left = available.getOrDefault(variant, 0L);
                return units <= left ? Mono.<Void>empty() : Mono.error(OrderingProblem.outOfStock(List.of(new OrderingProblem.Item(
                        variant.value().toString(), info.productNameZh() + " / " + info.productNameEn(), left))));
            });
        });
    }

    private Mono<Void> touch(UUID cartId) {
        return db.sql("UPDATE carts SET updated_at = now() WHERE id = :id").bind("id", cartId).update().then();
    }

}
