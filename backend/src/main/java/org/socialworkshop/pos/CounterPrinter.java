package org.socialworkshop.pos;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends ESC/POS bytes to a register's receipt printer on the shop's network: a raw TCP connection to {@code host:port}
 * (port 9100 on most printers), the bytes written, the connection closed. Blocking socket work runs on
 * {@code boundedElastic}, within a short time limit: a printer that is off or out of paper is said at once, not waited
 * for. Reaching the printer needs the application on the shop's network (the one-laptop setup); a hosted instance
 * cannot, and its tablets print through the browser.
 */
@Component
class CounterPrinter {

    private static final Logger log = LoggerFactory.getLogger(CounterPrinter.class);
    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration WRITE = Duration.ofSeconds(5);

    /** Sends {@code bytes} to the printer at {@code address} ({@code host:port}); a 503 problem when it does not take them. */
    Mono<Void> print(String address, byte[] bytes) {
        int colon = address.lastIndexOf(':');
        String host = address.substring(0, colon);
        int port = Integer.parseInt(address.substring(colon + 1));
        return Mono.<Void>fromRunnable(() -> send(host, port, bytes))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(CONNECT.plus(WRITE))
                .onErrorMap(error -> !(error instanceof PosProblem), error -> {
                    log.warn("The printer at {} did not take {} bytes: {}", address, bytes.length, error.toString());
                    return PosProblem.printerUnreachable(address);
                });
    }

    private static void send(String host, int port, byte[] bytes) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(CONNECT.toMillis()));
            socket.setSoTimeout(Math.toIntExact(WRITE.toMillis()));
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            socket.shutdownOutput();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
