package org.socialworkshop.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.mail.MailComposer.Content;
import org.socialworkshop.ordering.OrderMailing;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.shared.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * "Find my orders": a buyer gives an e-mail address and, when orders were placed with it, gets a one-time link by e-mail
 * that lists them. The answer is the same whether or not the address has orders; requests per address are limited.
 */
@Service
class OrderLookups {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final OrderMailing orders;
    private final MailComposer composer;
    private final MailSettings settings;
    private final Duration validFor;
    private final int perHour;

    OrderLookups(Database db, OrderMailing orders, MailComposer composer, MailSettings settings,
            @Value("${workshop.mail.lookup.valid-for:15m}") Duration validFor,
            @Value("${workshop.mail.lookup.per-address-per-hour:3}") int perHour) {
        this.db = db;
        this.orders = orders;
        this.composer = composer;
        this.settings = settings;
        this.validFor = validFor;
        this.perHour = perHour;
    }

    /** Records the request and, within the limit and when the address has orders, writes the mail with the link. */
    Mono<Void> request(String email, Language language) {
        String address = email.trim();
        return db.inTransaction(() -> db.sql("SELECT pg_advisory_xact_lock(hashtext(lower(:email)))").bind("email", address)
                .map(row -> 1).one()
                .then(recentRequests(address))
                .filter(recent -> recent < perHour)
                .flatMap(recent -> orders.hasOrders(address))
                .flatMap(found -> found ? withLink(address, language) : record(UUID.randomUUID(), address, null)));
    }

    private Mono<Long> recentRequests(String email) {
        return db.sql("SELECT count(*) AS n FROM order_lookups WHERE lower(email) = lower(:email) AND created_at > now() - interval '1 hour'")
                .bind("email", email).map(row -> row.get("n", Long.class)).one();
    }

    private Mono<Void> withLink(String email, Language language) {
        UUID id = UUID.randomUUID();
        String token = token();
        String link = settings.shopUrl() + "/shop/find-orders.html?lang=" + language.tag() + "#token=" + token;
        Content content = new Content(MailKind.FIND_ORDERS, Map.of("signInLink", link, "minutes", String.valueOf(validFor.toMinutes())),
                List.of(), null);
        return record(id, email, hash(token)).then(composer.keep("find-orders:" + id, content, null, email, language));
    }

    private Mono<Void> record(UUID id, String email, byte @Nullable [] tokenHash) {
        return db.sql("""
                        INSERT INTO order_lookups (id, email, token_hash, expires_at)
                        VALUES (:id, :email, :hash, now() + :validMillis * interval '1 millisecond')""")
                .bind("id", id).bind("email", email).bindNullable("hash", tokenHash, byte[].class)
                .bind("validMillis", validFor.toMillis())
                .update().then();
    }

    /** The orders of the link's address, each with a new link to its page; the link is used up. Empty for a link not valid. */
    Mono<List<OrderMailing.Listed>> redeem(String token) {
        if (token.isBlank() || token.length() > 100) {
            return Mono.empty();
        }
        return db.inTransaction(() -> db.sql("""
                        UPDATE order_lookups SET used_at = now()
                        WHERE token_hash = :hash AND used_at IS NULL AND expires_at > now() RETURNING email""")
                .bind("hash", hash(token)).map(row -> row.get("email", String.class)).first()
                .flatMap(orders::ordersOf));
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
