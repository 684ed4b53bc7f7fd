package org.socialworkshop.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Many people doing one thing at the same moment, as a crowd of buyers or a team of staff would: every runner on
 * a thread of its own, all held at a start gate until each is ready, then let go together. Give the runners
 * {@link #unpooled} clients, so that no connection pool queues them one behind the other on the way in.
 */
public final class Race {

    private static final long LIMIT_SECONDS = 60;

    private Race() {
    }

    /** Runs {@code runner} for 0 to {@code runners - 1} all at once; their results in runner order. */
    public static <T> List<T> run(int runners, IntFunction<T> runner) {
        ExecutorService threads = Executors.newFixedThreadPool(runners);
        CountDownLatch ready = new CountDownLatch(runners);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<T>> running = new ArrayList<>();
            for (int i = 0; i < runners; i++) {
                int runnerIndex = i;
                running.add(threads.submit(() -> {
                    ready.countDown();
                    gate.await();
                    return runner.apply(runnerIndex);
                }));
            }
            ready.await();
            gate.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get(LIMIT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while racing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("A runner did not finish its part of the race", e);
        } finally {
            threads.shutdownNow();
        }
    }

    /** {@code client} opening a connection of its own for every request. */
    public static WebTestClient unpooled(WebTestClient client) {
        return client.mutate()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                .build();
    }
}
