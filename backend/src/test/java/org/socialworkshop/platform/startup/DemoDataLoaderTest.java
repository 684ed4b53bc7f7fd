package org.socialworkshop.platform.startup;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Demo datasets load after the ones they use, and the others at the same time. */
class DemoDataLoaderTest {

    record Dataset(String name, Set<String> loadedAfter) implements DemoDataset {
        @Override
        public Mono<Void> load() {
            return Mono.empty();
        }
    }

    private final List<String> events = new CopyOnWriteArrayList<>();

    private Mono<Boolean> slowly(DemoDataset dataset) {
        return Mono.fromRunnable(() -> events.add("start " + dataset.name()))
                .then(Mono.delay(Duration.ofMillis(100)))
                .doOnNext(done -> events.add("end " + dataset.name()))
                .thenReturn(!dataset.name().equals("loaded-before"));
    }

    @Test
    void aDatasetStartsOnlyAfterThoseItUsesAndIndependentOnesOverlap() {
        List<DemoDataset> datasets = List.of(
                new Dataset("accounts", Set.of()),
                new Dataset("catalog", Set.of()),
                new Dataset("stock", Set.of("catalog")),
                new Dataset("history", Set.of("catalog", "accounts")),
                new Dataset("loaded-before", Set.of()));

        Long loaded = DemoDataLoader.inDependencyOrder(datasets, this::slowly).block(Duration.ofSeconds(5));

        assertThat(loaded).isEqualTo(4);
        assertThat(events).hasSize(10);
        assertThat(events.indexOf("start stock")).isGreaterThan(events.indexOf("end catalog"));
        assertThat(events.indexOf("start history")).isGreaterThan(events.indexOf("end catalog"))
                .isGreaterThan(events.indexOf("end accounts"));
        // accounts and catalog wait for nothing: both start before either ends
        assertThat(events.subList(0, 3)).contains("start accounts", "start catalog", "start loaded-before");
    }

    @Test
    void anUnknownPredecessorOrACircleIsRefusedBeforeAnythingLoads() {
        assertThatThrownBy(() -> DemoDataLoader.inDependencyOrder(List.of(new Dataset("stock", Set.of("catalog"))), this::slowly))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'catalog', which does not exist");
        assertThatThrownBy(() -> DemoDataLoader.inDependencyOrder(List.of(new Dataset("a", Set.of("b")), new Dataset("b", Set.of("a"))),
                this::slowly))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("circle");
        assertThat(events).isEmpty();
    }
}
