package org.socialworkshop.platform.startup;

import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * Demo data a module contributes to a demonstration installation. Each dataset is loaded once, in its own
 * transaction, after the datasets it names in {@link #loadedAfter()}; datasets that do not depend on each other
 * load at the same time.
 */
public interface DemoDataset {

    /** A stable name; a dataset with a new name is loaded on the next start of a demo installation. */
    String name();

    /** The names of the datasets whose rows this one uses (they load first). */
    default Set<String> loadedAfter() {
        return Set.of();
    }

    Mono<Void> load();
}
