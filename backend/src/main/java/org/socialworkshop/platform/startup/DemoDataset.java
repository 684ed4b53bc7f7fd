package org.socialworkshop.platform.startup;

import reactor.core.publisher.Mono;

/**
 * Demo data a module contributes to a demonstration installation. Each dataset is loaded once, in
 * {@link org.springframework.core.annotation.Order} order, in its own transaction.
 */
public interface DemoDataset {

    /** A stable name; a dataset with a new name is loaded on the next start of a demo installation. */
    String name();

    Mono<Void> load();
}
