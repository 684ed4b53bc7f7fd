package org.socialworkshop.platform.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.r2dbc.spi.Readable;
import org.socialworkshop.platform.database.Database;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;
import reactor.core.publisher.Mono;

/**
 * Web sessions kept in PostgreSQL, so a signed-in person stays signed in across restarts and whichever
 * instance serves them. Attributes are stored with Java serialization, read back through an allow-list
 * filter so only our own and Spring Security's types can come out of the table. A request that changes nothing but
 * the time of last access writes it at most every {@link #TOUCH_EVERY}.
 */
class DatabaseSessions implements ReactiveSessionRepository<MapSession> {

    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "java.lang.*;java.util.*;java.time.*;org.springframework.security.**;org.socialworkshop.**;!*");

    /**
     * How far the stored time of last access may lag behind. Every request of a signed-in person saves its session;
     * writing only the time each time cost a transaction of three round trips and a commit on every request (a POS
     * tablet's sale among them, docs/performance.md). Sessions last hours (workshop.security.session-timeout), so one
     * ends at most this much earlier than it would otherwise.
     */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Database db;
    private final Duration maxInactive;
    /** What each session read from the table held, by the very object handed out (weak keys compare by identity). */
    private final Cache<MapSession, Stored> read = Caffeine.newBuilder().weakKeys().build();

    private record Stored(Instant lastAccessed, Duration maxInactive, byte[] attributes) {
    }

    DatabaseSessions(Database db, Duration maxInactive) {
        this.db = db;
        this.maxInactive = maxInactive;
    }

    @Override
    public Mono<MapSession> createSession() {
        MapSession session = new MapSession();
        session.setMaxInactiveInterval(maxInactive);
        return Mono.just(session);
    }

    @Override
    public Mono<Void> save(MapSession session) {
        byte[] attributes = serialize(session);
        if (unchanged(session, attributes)) {
            return Mono.empty();
        }
        Mono<Long> dropOldId = session.getId().equals(session.getOriginalId())
                ? Mono.just(0L)
                : db.sql("DELETE FROM web_sessions WHERE id = :id").bind("id", session.getOriginalId()).update();
        return db.inTransaction(() -> dropOldId.then(upsert(session, attributes)))
                .doOnSuccess(saved -> read.put(session, new Stored(session.getLastAccessedTime(), session.getMaxInactiveInterval(), attributes)))
                .then();
    }

    /** Whether the table holds this session as it is, but for a time of last access less than TOUCH_EVERY old. */
    private boolean unchanged(MapSession session, byte[] attributes) {
        Stored stored = read.getIfPresent(session);
        return stored != null && session.getId().equals(session.getOriginalId())
                && stored.maxInactive().equals(session.getMaxInactiveInterval()) && Arrays.equals(stored.attributes(), attributes)
                && session.getLastAccessedTime().isBefore(stored.lastAccessed().plus(TOUCH_EVERY));
    }

    @Override
    public Mono<MapSession> findById(String id) {
        return db.sql("""
                        SELECT id, created_at, last_accessed_at, max_inactive_seconds, attributes
                        FROM web_sessions WHERE id = :id AND expires_at > now()""")
                .bind("id", id)
                .map(this::session)
                .one();
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return db.sql("DELETE FROM web_sessions WHERE id = :id").bind("id", id).update().then();
    }

    private Mono<Long> upsert(MapSession session, byte[] attributes) {
        Instant expires = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
        return db.sql("""
                        INSERT INTO web_sessions (id, principal, created_at, last_accessed_at, max_inactive_seconds,
                                                  expires_at, attributes)
                        VALUES (:id, :principal, :created, :accessed, :maxInactive, :expires, :attributes)
                        ON CONFLICT (id) DO UPDATE SET principal = excluded.principal,
                            last_accessed_at = excluded.last_accessed_at,
                            max_inactive_seconds = excluded.max_inactive_seconds,
                            expires_at = excluded.expires_at, attributes = excluded.attributes""")
                .bind("id", session.getId())
                .bindNullable("principal", principal(session), String.class)
                .bind("created", utc(session.getCreationTime()))
                .bind("accessed", utc(session.getLastAccessedTime()))
                .bind("maxInactive", (int) session.getMaxInactiveInterval().toSeconds())
                .bind("expires", utc(expires))
                .bind("attributes", attributes)
                .update();
    }

    private MapSession session(Readable row) {
        MapSession session = new MapSession(row.get("id", String.class));
        session.setCreationTime(row.get("created_at", OffsetDateTime.class).toInstant());
        session.setLastAccessedTime(row.get("last_accessed_at", OffsetDateTime.class).toInstant());
        session.setMaxInactiveInterval(Duration.ofSeconds(row.get("max_inactive_seconds", Integer.class)));
        byte[] attributes = row.get("attributes", byte[].class);
        deserialize(attributes).forEach(session::setAttribute);
        read.put(session, new Stored(session.getLastAccessedTime(), session.getMaxInactiveInterval(), attributes));
        return session;
    }

    private static @org.jspecify.annotations.Nullable String principal(MapSession session) {
        Object context = session.getAttribute("SPRING_SECURITY_CONTEXT");
        if (context instanceof SecurityContext security && security.getAuthentication() != null) {
            return security.getAuthentication().getName();
        }
        return null;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static byte[] serialize(MapSession session) {
        HashMap<String, Serializable> attributes = new HashMap<>();
        for (String name : session.getAttributeNames()) {
            if (session.getAttribute(name) instanceof Serializable value) {
                attributes.put(name, value);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(attributes);
        } catch (IOException e) {
            throw new UncheckedIOException("Session attributes could not be serialized", e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ALLOWED);
            return (Map<String, Object>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            // An unreadable session (e.g. written by an incompatible version) is treated as signed out.
            return Map.of();
        }
    }
}
