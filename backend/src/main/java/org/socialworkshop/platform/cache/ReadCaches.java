package org.socialworkshop.platform.cache;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.socialworkshop.platform.database.ChangeFeed;
import org.springframework.stereotype.Component;

/**
 * Makes {@link ReadCache}s that empty themselves on every instance when a PostgreSQL trigger notifies their channel
 * (see {@link ChangeFeed}). Their hits and misses are metrics ({@code cache_gets_total{cache="…"}}).
 */
@Component
public class ReadCaches {

    private final ChangeFeed changes;
    private final MeterRegistry meters;
    private final List<ReadCache<?, ?>> caches = new CopyOnWriteArrayList<>();

    ReadCaches(ChangeFeed changes, MeterRegistry meters) {
        this.changes = changes;
        this.meters = meters;
    }

    /**
     * A cache of at most {@code maxEntries} values, emptied after every commit that notifies one of {@code channels}.
     * Create it while the application starts (in a constructor), before the feed starts listening.
     */
    public <K, V> ReadCache<K, V> create(String name, long maxEntries, String... channels) {
        Cache<K, V> entries = Caffeine.newBuilder().maximumSize(maxEntries).recordStats().build();
        CaffeineCacheMetrics.monitor(meters, entries, name);
        ReadCache<K, V> cache = new ReadCache<>(entries, changes::live);
        for (String channel : channels) {
            changes.onChange(channel, cache::clear);
        }
        caches.add(cache);
        return cache;
    }

    /** Empties every cache of this instance at once, without waiting to hear of the change from PostgreSQL. */
    void clearAll() {
        caches.forEach(ReadCache::clear);
    }
}
