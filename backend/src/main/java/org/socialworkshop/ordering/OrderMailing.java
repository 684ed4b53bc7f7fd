package org.socialworkshop.ordering;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Currency;
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
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return db.sql("INSERT INTO order_links (token_hash, order_id) VALUES (:hash, :order)")
                .bind("hash", Orders.hash(token)).bind("order", orderId)
                .update().thenReturn(token);
    }

    private static Language language(@Nullable String tag) {
        return "en".equals(tag) ? Language.EN : Language.ZH_CN;
    }
}
