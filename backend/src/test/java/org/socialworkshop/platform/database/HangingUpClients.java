package org.socialworkshop.platform.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients that send a complete HTTP/1.1 request over a raw socket and then go away, the way a closed browser
 * tab, a phone losing its network or {@code wrk} at the end of a run does: a random 0 to {@code maxDelayMillis}
 * after sending, or after the status line for requests that read their response for a while, the socket is
 * closed without reading the rest. Half of them hang up abruptly ({@code SO_LINGER 0}: a TCP reset), the
 * others with a normal close.
 */
final class HangingUpClients {

    /**
     * One request as bytes on the wire. With {@code readsForAWhile} the client waits for the response to begin
     * and reads it until the delay is up, so it hangs up while the response is flowing.
     */
    record Request(String kind, byte[] bytes, boolean readsForAWhile) {
    }

    /** What happened: how many were sent and hung up on, how many of those with a reset, and any failures. */
    record Outcome(int hungUp, int reset, int sawStatusLine, List<String> failures) {
    }

    private final InetSocketAddress server;
    private final int concurrency;
    private final int maxDelayMillis;

    HangingUpClients(int port, int concurrency, int maxDelayMillis) {
        this.server = new InetSocketAddress("localhost", port);
        this.concurrency = concurrency;
        this.maxDelayMillis = maxDelayMillis;
    }

    Outcome send(List<Request> requests) throws InterruptedException {
        Storm storm = new Storm(requests.size(), concurrency);
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor();
        try {
            for (Request request : requests) {
                storm.inFlight.acquire();
                senders.execute(() -> sendAndHangUp(request, storm, closer));
            }
            if (!storm.finished.await(2, TimeUnit.MINUTES)) {
                storm.failures.add(storm.finished.getCount() + " requests never finished");
            }
        } finally {
            senders.shutdownNow();
            closer.shutdownNow();
        }
        return new Outcome(storm.hungUp.get(), storm.reset.get(), storm.sawStatusLine.get(), List.copyOf(storm.failures));
    }

    private void sendAndHangUp(Request request, Storm storm, ScheduledExecutorService closer) {
        Socket socket = new Socket();
        try {
            socket.connect(server, 5_000);
            socket.getOutputStream().write(request.bytes());
            int delay = ThreadLocalRandom.current().nextInt(maxDelayMillis + 1);
            boolean abrupt = ThreadLocalRandom.current().nextBoolean();
            if (request.readsForAWhile()) {
                if (readStatusLine(socket)) {
                    storm.sawStatusLine.incrementAndGet();
                }
                readUntil(socket, System.nanoTime() + delay * 1_000_000L);
                delay = 0;
            }
            closer.schedule(() -> storm.hangUp(socket, abrupt), delay, TimeUnit.MILLISECONDS);
        } catch (IOException | RuntimeException e) {
            storm.failures.add(request.kind() + ": " + e);
            storm.hangUp(socket, true);
        }
    }

    /** The counts of one run of {@link #send}, shared by its sender threads. */
    private static final class Storm {

        final Semaphore inFlight;
        final CountDownLatch finished;
        final AtomicInteger hungUp = new AtomicInteger();
        final AtomicInteger reset = new AtomicInteger();
        final AtomicInteger sawStatusLine = new AtomicInteger();
        final Queue<String> failures = new ConcurrentLinkedQueue<>();

        Storm(int requests, int concurrency) {
            this.inFlight = new Semaphore(concurrency);
            this.finished = new CountDownLatch(requests);
        }

        void hangUp(Socket socket, boolean abrupt) {
            try {
                if (abrupt && socket.isConnected()) {
                    socket.setSoLinger(true, 0);
                    reset.incrementAndGet();
                }
                socket.close();
                hungUp.incrementAndGet();
            } catch (IOException e) {
                failures.add("closing: " + e);
            } finally {
                inFlight.release();
                finished.countDown();
            }
        }
    }

    /**
     * Reads up to the end of the status line only; the body stays unread in the socket. A client that waits in
     * vain gives up after a while, which is one more way of going away, not a failure of the test.
     */
    private static boolean readStatusLine(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        try {
            for (int next = in.read(); next != -1 && next != '\n'; next = in.read()) {
                line.append((char) next);
            }
        } catch (SocketTimeoutException gaveUp) {
            return false;
        }
        return line.toString().startsWith("HTTP/1.1 200");
    }

    /** Reads and drops the response as a client that is still interested would, until the deadline. */
    private static void readUntil(Socket socket, long deadlineNanos) throws IOException {
        byte[] buffer = new byte[8192];
        InputStream in = socket.getInputStream();
        for (long left = deadlineNanos - System.nanoTime(); left > 1_000_000; left = deadlineNanos - System.nanoTime()) {
            socket.setSoTimeout((int) (left / 1_000_000));
            try {
                if (in.read(buffer) == -1) {
                    return;
                }
            } catch (SocketTimeoutException e) {
                return;
            }
        }
    }

    /** Sends one request, reads its status line and hangs up: proves a request is well formed before a storm of them. */
    String statusLine(byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(server, 5_000);
            socket.getOutputStream().write(request);
            socket.setSoTimeout(30_000);
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int next = in.read(); next != -1 && next != '\r'; next = in.read()) {
                line.append((char) next);
            }
            return line.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request as a browser would send it, with the signed-in session and the CSRF token. */
    static byte[] http(String method, String target, int port, String cookieHeader, String xsrfToken,
            String accept, List<String> extraHeaders, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\n")
                .append("Accept: ").append(accept).append("\r\n")
                .append("Cookie: ").append(cookieHeader).append("\r\n")
                .append("X-XSRF-TOKEN: ").append(xsrfToken).append("\r\n");
        extraHeaders.forEach(header -> head.append(header).append("\r\n"));
        if (content.length > 0) {
            head.append("Content-Type: application/json\r\n").append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
        return request;
    }
}
