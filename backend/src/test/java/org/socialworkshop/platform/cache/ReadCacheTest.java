package org.socialworkshop.platform.cache;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

/** What a read cache may keep: nothing read across a change, nothing while changes cannot be heard. */
class ReadCacheTest {

    final AtomicBoolean live = new AtomicBoolean(true);
    final ReadCache<String, Integer> cache = new ReadCache<>(Caffeine.newBuilder().maximumSize(10).build(), live::get);
    final AtomicInteger reads = new AtomicInteger();

    Mono<Integer> read() {
        return Mono.fromSupplier(reads::incrementAndGet);
    }

    Integer get() {
        return cache.get("key", this::read).block();
    }

    @Test
    void keepsWhatItReadUntilAChange() {
        assertThat(get()).isEqualTo(1);
        assertThat(get()).isEqualTo(1);
        cache.clear();
        assertThat(get()).isEqualTo(2);
        assertThat(get()).isEqualTo(2);
    }

    @Test
    void forgetsAReadThatAChangeOverlapped() {
        Sinks.One<Integer> slow = Sinks.one();
        Integer[] got = new Integer[1];
        cache.get("key", slow::asMono).subscribe(value -> got[0] = value);
        cache.clear();
        slow.tryEmitValue(41);
        assertThat(got[0]).isEqualTo(41);
        assertThat(get()).as("read again, not the overlapped value").isEqualTo(1);
    }

    @Test
    void keepsNothingWhileChangesCannotBeHeard() {
        live.set(false);
        assertThat(get()).isEqualTo(1);
        assertThat(get()).isEqualTo(2);
        live.set(true);
        assertThat(get()).isEqualTo(3);
        assertThat(get()).isEqualTo(3);
    }
}
