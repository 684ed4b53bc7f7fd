package org.socialworkshop.ordering;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.shared.Language;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** What an e-mail to an order's buyer needs from ordering: whom to write to, in which language, and a link to the order. */
@Service
public class OrderMailing {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;

    OrderMailing(Database db) {
        this.db = db;
    }

    /**
     * The buyer of an order placed online, with the language used at checkout (Chinese for orders from before it was
     * recorded); empty for orders without an e-mail address (counter sales, companies' orders).
     */
    public record Buyer(UUID orderId, String orderNumber, String email, Language language, boolean delivery, Money total) {
    }

    public Mono<Buyer> buyer(UUID orderId) {
        return db.sql("""
                        SELECT number, email, lang, fulfilment_type, total_minor, currency FROM orders
                        WHERE id = :id AND channel = 'ONLINE' AND email IS NOT NULL""")
                .bind("id", orderId)
                .map(row -> new Buyer(orderId, row.get("number", String.class), row.get("email", String.class),
                        language(row.get("lang", String.class)), "DELIVERY".equals(row.get("fulfilment_type", String.class)),
                        new Money(row.get("total_minor", Long.class),
                                Currency.getInstance(row.get("currency", String.class).trim()))))
                .one();
    }

    /**
     * A new token that opens the order's page ({@code /shop/order.html?id=…&token=…}) as the checkout's token does. Only its
     * hash is stored; call inside the transaction that keeps the mail holding it.
     */
    public Mono<String> newAccessToken(UUID orderId) {
        String token = token();
        return db.sql("INSERT INTO order_links (token_hash, order_id) VALUES (:hash, :order)")
                .bind("hash", Orders.hash(token)).bind("order", orderId)
                .update().thenReturn(token);
    }

    /** An order of a buyer, with a new link to its page. */
    public record Listed(UUID orderId, String orderNumber, String status, Money total, OffsetDateTime placedAt, String accessToken) {
    }

    /**
     * The newest 50 orders placed online with {@code email} (in any case), each with a new access token ({@link
     * #newAccessToken}); call inside a transaction.
     */
    public Mono<List<Listed>> ordersOf(String email) {
        return db.sql("""
                        SELECT id, number, status, total_minor, currency, created_at FROM orders
                        WHERE channel = 'ONLINE' AND lower(email) = lower(:email)
                        ORDER BY created_at DESC, id LIMIT 50""")
                .bind("email", email)
                .map(row -> new Listed(row.get("id", UUID.class), row.get("number", String.class), row.get("status", String.class),
                        new Money(row.get("total_minor", Long.class), Currency.getInstance(row.get("currency", String.class).trim())),
                        row.get("created_at", OffsetDateTime.class), token()))
                .list()
                .flatMap(orders -> orders.isEmpty() ? Mono.just(orders) : db.sql("""
                                INSERT INTO order_links (token_hash, order_id)
                                SELECT decode(hash, 'hex'), id FROM unnest(CAST(:hashes AS text[]), CAST(:ids AS uuid[])) AS t(hash, id)""")
                        .bind("hashes", orders.stream().map(order -> HexFormat.of().formatHex(Orders.hash(order.accessToken()))).toArray(String[]::new))
                        .bind("ids", orders.stream().map(Listed::orderId).toArray(UUID[]::new))
                        .update().thenReturn(orders));
    }

    /** Whether any order was placed online with {@code email} (in any case). */
    public Mono<Boolean> hasOrders(String email) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM orders WHERE channel = 'ONLINE' AND lower(email) = lower(:email)) AS found")
                .bind("email", email).map(row -> Boolean.TRUE.equals(row.get("found", Boolean.class))).one();
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Language language(@Nullable String tag) {
        return "en".equals(tag) ? Language.EN : Language.ZH_CN;
    }
}
