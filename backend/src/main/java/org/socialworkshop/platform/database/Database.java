package org.socialworkshop.platform.database;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The only way modules reach PostgreSQL.
 *
 * <p>Every unit of database work, a statement or a whole transaction, runs <em>detached</em> from the
 * subscriber that asked for it: once started it runs to its end (commit, rollback, or the last row)
 * and gives its connection back to the pool, even if the HTTP client that caused it goes away and
 * cancels the request. With r2dbc-pool 1.0.2 and r2dbc-postgresql 1.1.x, a cancelled streaming query
 * loses its connection for good; after a few hundred aborted requests the pool is empty and the
 * application hangs. Because the detaching happens here, once, no endpoint can forget it.
 * See docs/adr/0003-detached-database-work.md.
 */
public final class Database {

    private final DatabaseClient client;
    private final TransactionalOperator transactions;

    Database(DatabaseClient client, TransactionalOperator transactions) {
        this.client = client;
        this.transactions = transactions;
    }

    /** Starts a statement with named parameters ({@code :name}); bind values, never concatenate them. */
    public Statement sql(String sql) {
        return new Statement(client.sql(sql));
    }

    /**
     * A statement that also makes {@code along}, as common table expressions before its own (its own may begin with
     * {@code WITH} too): one round trip instead of one for each. The side writes' names must differ.
     */
    public Statement sql(String sql, List<SideWrite> along) {
        if (along.isEmpty()) {
            return sql(sql);
        }
        if (along.stream().map(SideWrite::name).distinct().count() != along.size()) {
            throw new IllegalArgumentException("Side writes of one statement need names of their own");
        }
        String ctes = along.stream().map(write -> write.name() + " AS (" + write.sql() + ")").collect(Collectors.joining(",\n"));
        String own = sql.stripLeading();
        boolean with = own.length() > 4 && own.substring(0, 4).equalsIgnoreCase("WITH") && Character.isWhitespace(own.charAt(4));
        Statement statement = sql("WITH " + ctes + (with ? ",\n" + own.substring(4).stripLeading() : "\n" + own));
        for (SideWrite write : along) {
            statement = write.binds().apply(statement);
        }
        return statement;
    }

    /**
     * Runs {@code work} in one transaction: it commits when the returned publisher completes and rolls
     * back when it fails. Statements inside join the transaction through the Reactor context.
     */
    public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
        return detached(transactions.transactional(Mono.defer(work)));
    }

    /**
     * Runs work made of several units, e.g. "claim a key, then do the work and record it, or release the claim",
     * to its end even if the caller cancels: a cancellation between two units would leave the first one's effect
     * without the rest.
     */
    public <T> Mono<T> detach(Supplier<Mono<T>> work) {
        return detached(Mono.defer(work));
    }

    /**
     * Subscribes to {@code work} on its own, carrying the caller's Reactor context (transaction, request id),
     * and ignores the caller's cancellation: the work finishes and releases its resources either way.
     */
    static <T> Mono<T> detached(Mono<T> work) {
        return Mono.deferContextual(context -> Mono.fromFuture(() -> work.contextWrite(context).toFuture(), true));
    }
}
