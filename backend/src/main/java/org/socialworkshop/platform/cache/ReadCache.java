package org.socialworkshop.platform.cache;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import reactor.core.publisher.Mono;

/**
 * Values read from PostgreSQL, kept until the next change to what they were read from. Made by {@link ReadCaches}.
 *
 * <p>A value is kept only if no change was heard while it was being read, and only while changes can be heard at
 * all: a read that overlapped a commit may have seen the state before it, and must not outlive the notification.
 */
public final class ReadCache<K, V> {

    private final Cache<K, V> entries;
    private final BooleanSupplier live;
    private final AtomicLong generation = new AtomicLong();

    ReadCache(Cache<K, V> entries, BooleanSupplier live) {
        this.entries = entries;
        this.live = live;
    }

    /** The kept value for {@code key}, or what {@code read} gives, kept for next time when that is safe. */
    public Mono<V> get(K key, Supplier<Mono<V>> read) {
        V kept = entries.getIfPresent(key);
        if (kept != null) {
            return Mono.just(kept);
        }
        if (!live.getAsBoolean()) {
            return read.get();
        }
        long before = generation.get();
        return read.get().doOnNext(value -> keep(key, value, before));
    }

    /**
     * The values for {@code keys}: the kept ones, and the rest from one {@code read} of the missing keys, kept for next
     * time when that is safe. Keys that {@code read} does not find are absent from the answer.
     */
    public Mono<Map<K, V>> getAll(Collection<K> keys, Function<Set<K>, Mono<Map<K, V>>> read) {
        Map<K, V> found = new HashMap<>(entries.getAllPresent(keys));
        Set<K> missing = new HashSet<>(keys);
        missing.removeAll(found.keySet());
        // keys may name one twice (a sale with two lines of one variant): all are kept when none is missing
        if (missing.isEmpty()) {
            return Mono.just(found);
        }
        long before = generation.get();
        boolean keeping = live.getAsBoolean();
        return read.apply(missing).map(fresh -> {
            if (keeping) {
                fresh.forEach((key, value) -> keep(key, value, before));
            }
            found.putAll(fresh);
            return found;
        });
    }

    /** Forgets everything: something it was read from changed. */
    void clear() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    private void keep(K key, V value, long before) {
        if (generation.get() != before) {
            return;
        }
        entries.put(key, value);
        // A change heard between the check and the put: the put may have stored what it made stale.
        if (generation.get() != before) {
            entries.invalidate(key);
        }
    }
}
