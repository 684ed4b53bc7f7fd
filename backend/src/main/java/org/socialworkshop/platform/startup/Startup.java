package org.socialworkshop.platform.startup;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import reactor.core.publisher.Mono;

/**
 * Waits for reactive set-up work on the start-up thread, so the application reports healthy only once that
 * work is done. The one place in main code allowed to wait: never call it on a request path.
 */
public final class Startup {

    private static final Duration LIMIT = Duration.ofMinutes(5);

    private Startup() {
    }

    public static <T> T await(Mono<T> work, String what) {
        try {
            return work.toFuture().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Failed while " + what, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Gave up after " + LIMIT + " while " + what, e);
        }
    }
}
