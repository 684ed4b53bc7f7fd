package org.socialworkshop.platform.database;

import java.util.List;
import java.util.function.Function;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.RowsFetchSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One SQL statement with its bound parameters; immutable, each bind returns a new statement. */
public final class Statement {

    private final DatabaseClient.GenericExecuteSpec spec;

    Statement(DatabaseClient.GenericExecuteSpec spec) {
        this.spec = spec;
    }

    public Statement bind(String name, Object value) {
        return new Statement(spec.bind(name, value));
    }

    /** Binds a value that may be absent; the type tells PostgreSQL what kind of NULL it is. */
    public <V> Statement bindNullable(String name, @Nullable V value, Class<V> type) {
        return new Statement(value == null ? spec.bindNull(name, type) : spec.bind(name, value));
    }

    /** Maps each row; column values are read by name from the {@link Readable}. */
    public <T> Rows<T> map(Function<? super Readable, T> mapper) {
        return new Rows<>(spec.map(mapper::apply));
    }

    /** Runs an INSERT, UPDATE or DELETE and tells how many rows it touched. */
    public Mono<Long> update() {
        return Database.detached(spec.fetch().rowsUpdated());
    }

    /** The mapped result of a query, fetched detached from the caller. */
    public static final class Rows<T> {

        private final RowsFetchSpec<T> rows;

        Rows(RowsFetchSpec<T> rows) {
            this.rows = rows;
        }

        /** The only row, or empty; more than one row is an error. */
        public Mono<T> one() {
            return Database.detached(rows.one());
        }

        /** The first row, or empty. */
        public Mono<T> first() {
            return Database.detached(rows.first());
        }

        /** All rows. Queries must bound their result (LIMIT, paging): the whole list is held in memory. */
        public Mono<List<T>> list() {
            return Database.detached(rows.all().collectList());
        }

        /**
         * All rows as a stream for the response. The query itself runs detached and to its end; only the
         * emitting of the already fetched rows follows the subscriber, so a client that leaves early
         * cannot strand a connection. Bound the query as for {@link #list()}.
         */
        public Flux<T> stream() {
            return list().flatMapIterable(Function.identity());
        }
    }
}
