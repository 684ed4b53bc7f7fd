package org.socialworkshop.platform.startup;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialworkshop.platform.database.Database;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Decides on the very first start whether this installation is a demonstration ({@code DEMO_DATA}, default
 * true) and remembers it, so a real installation never receives demo data, even if started later without
 * {@code DEMO_DATA=false}. In a demo installation it loads each dataset not loaded before.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    /** How long a dataset's transaction may take, including waiting for another instance's load of it. */
    static final String DATASET_WAIT = "10min";

    private final Database db;
    private final List<DemoDataset> datasets;
    private final boolean demoRequested;

    DemoDataLoader(Database db, List<DemoDataset> datasets, @Value("${workshop.demo-data:true}") boolean demoRequested) {
        this.db = db;
        this.datasets = datasets;
        this.demoRequested = demoRequested;
    }

    @Override
    public void run(ApplicationArguments args) {
        Startup.await(loadIfDemo(), "loading demo data");
    }

    Mono<Long> loadIfDemo() {
        return isDemoInstallation().flatMap(demo -> demo ? inDependencyOrder(datasets, this::loadOnce) : Mono.just(0L));
    }

    /**
     * Runs {@code load} for every dataset once the datasets it names in {@link DemoDataset#loadedAfter()} are done;
     * independent ones at the same time. Completes with how many loads answered true.
     *
     * @throws IllegalStateException if a dataset names an unknown one, or datasets wait for each other in a circle
     */
    static Mono<Long> inDependencyOrder(List<DemoDataset> datasets, Function<DemoDataset, Mono<Boolean>> load) {
        Map<String, DemoDataset> byName = datasets.stream().collect(Collectors.toMap(DemoDataset::name, dataset -> dataset));
        Map<String, Mono<Boolean>> loads = new LinkedHashMap<>();
        for (DemoDataset dataset : datasets) {
            scheduled(dataset, byName, load, loads, new ArrayDeque<>());
        }
        return Flux.merge(loads.values()).filter(Boolean::booleanValue).count();
    }

    private static Mono<Boolean> scheduled(DemoDataset dataset, Map<String, DemoDataset> byName,
            Function<DemoDataset, Mono<Boolean>> load, Map<String, Mono<Boolean>> loads, Deque<String> path) {
        Mono<Boolean> known = loads.get(dataset.name());
        if (known != null) {
            return known;
        }
        if (path.contains(dataset.name())) {
            throw new IllegalStateException("Demo datasets wait for each other in a circle: " + path + " -> " + dataset.name());
        }
        path.push(dataset.name());
        List<Mono<Boolean>> before = dataset.loadedAfter().stream().map(name -> {
            DemoDataset predecessor = byName.get(name);
            if (predecessor == null) {
                throw new IllegalStateException("Demo dataset '" + dataset.name() + "' loads after '" + name + "', which does not exist");
            }
            return scheduled(predecessor, byName, load, loads, path);
        }).toList();
        path.pop();
        Mono<Boolean> loaded = Mono.when(before).then(Mono.defer(() -> load.apply(dataset))).cache();
        loads.put(dataset.name(), loaded);
        return loaded;
    }

    private Mono<Boolean> isDemoInstallation() {
        return db.sql("INSERT INTO installation (id, demo) VALUES (1, :demo) ON CONFLICT (id) DO NOTHING")
                .bind("demo", demoRequested)
                .update()
                .then(db.sql("SELECT demo FROM installation WHERE id = 1").map(row -> row.get("demo", Boolean.class)).one());
    }

    /**
     * Loads {@code dataset} unless it was loaded before; completes with whether this call loaded it. When another
     * instance is loading it at the same moment (two instances started together on a new database), the insert of
     * the dataset's name waits for that instance's transaction: it answers false once the other commits, and loads
     * the dataset here if the other rolls back or dies. That wait is allowed {@link #DATASET_WAIT}, not the pool's
     * statement timeout (30 s), which a slow machine's first load can outlast and which made the waiting instance
     * give up and exit.
     */
    Mono<Boolean> loadOnce(DemoDataset dataset) {
        return db.inTransaction(() -> db.sql("SET LOCAL statement_timeout = '" + DATASET_WAIT + "'").update()
                .then(db.sql("INSERT INTO demo_datasets (name) VALUES (:name) ON CONFLICT DO NOTHING")
                        .bind("name", dataset.name())
                        .update())
                .flatMap(inserted -> inserted == 1 ? dataset.load().thenReturn(true) : Mono.just(false)))
                .doOnNext(loaded -> {
                    if (loaded) {
                        log.info("Loaded demo dataset '{}'", dataset.name());
                    }
                });
    }
}
