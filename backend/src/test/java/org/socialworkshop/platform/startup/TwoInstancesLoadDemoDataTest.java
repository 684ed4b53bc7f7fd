package org.socialworkshop.platform.startup;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.database.SmallDatabase;
import org.socialworkshop.support.WorkshopTest;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances started together on a new database both try to load each demo dataset; one loads it, the other
 * waits for that load however long it takes on a slow machine, past the pool's statement timeout (here 1 s),
 * instead of giving up and exiting; and loads it itself if the first one's load fails.
 */
@WorkshopTest
class TwoInstancesLoadDemoDataTest {

    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(1);
    private static final double FIRST_LOAD_SECONDS = 2.5;

    private final AtomicInteger loadsHere = new AtomicInteger();

    private DemoDataset dataset(String name) {
        return new DemoDataset() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Mono<Void> load() {
                return Mono.fromRunnable(loadsHere::incrementAndGet);
            }
        };
    }

    /** The other instance's load of {@code name}: claims it, works for longer than the statement timeout, then ends with {@code end}. */
    private static Mono<Object> slowLoadElsewhere(Database elsewhere, String name, Mono<Object> end) {
        return elsewhere.inTransaction(() -> elsewhere.sql("INSERT INTO demo_datasets (name) VALUES (:name)").bind("name", name).update()
                .then(elsewhere.sql("SELECT pg_sleep(" + FIRST_LOAD_SECONDS + ")").update())
                .then(end));
    }

    @Test
    void theSecondInstanceWaitsForTheFirstOnesLoadPastTheStatementTimeout() {
        String name = "two-instances-" + UUID.randomUUID();
        try (SmallDatabase first = new SmallDatabase("demo-first", Duration.ofSeconds(30));
                SmallDatabase second = new SmallDatabase("demo-second", STATEMENT_TIMEOUT)) {
            DemoDataLoader loader = new DemoDataLoader(second.database(), List.of(), true);
            Mono<Object> firstLoads = slowLoadElsewhere(first.database(), name, Mono.just("done"));
            Mono<Boolean> secondLoads = Mono.delay(Duration.ofMillis(300)).then(loader.loadOnce(dataset(name)));

            List<Object> outcomes = Mono.zip(firstLoads, secondLoads).map(both -> List.of(both.getT1(), both.getT2()))
                    .block(Duration.ofSeconds(20));

            assertThat(outcomes).as("the first instance loads; the second waits and finds it loaded").containsExactly("done", false);
            assertThat(loadsHere).as("the second instance did not load the dataset again").hasValue(0);
        }
    }

    @Test
    void whenTheFirstInstancesLoadFailsTheSecondLoadsTheDataset() {
        String name = "two-instances-" + UUID.randomUUID();
        try (SmallDatabase first = new SmallDatabase("demo-first", Duration.ofSeconds(30));
                SmallDatabase second = new SmallDatabase("demo-second", STATEMENT_TIMEOUT)) {
            DemoDataLoader loader = new DemoDataLoader(second.database(), List.of(), true);
            Mono<Object> firstFails = slowLoadElsewhere(first.database(), name, Mono.error(new IllegalStateException("killed")))
                    .onErrorReturn("failed");
            Mono<Boolean> secondLoads = Mono.delay(Duration.ofMillis(300)).then(loader.loadOnce(dataset(name)));

            List<Object> outcomes = Mono.zip(firstFails, secondLoads).map(both -> List.of(both.getT1(), both.getT2()))
                    .block(Duration.ofSeconds(20));

            assertThat(outcomes).containsExactly("failed", true);
            assertThat(loadsHere).hasValue(1);
        }
    }
}
