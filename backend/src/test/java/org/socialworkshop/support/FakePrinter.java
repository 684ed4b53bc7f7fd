package org.socialworkshop.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A receipt printer on the shop's network, as the POS reaches it: a raw TCP port (as 9100 on a real one) that keeps
 * every print it is sent, one per connection. {@link #close()} stops it, as a printer switched off.
 */
public final class FakePrinter implements AutoCloseable {

    private final ServerSocket server;
    private final List<byte[]> prints = new CopyOnWriteArrayList<>();
    private final Thread accepting;

    private FakePrinter(ServerSocket server) {
        this.server = server;
        this.accepting = new Thread(this::accept, "fake-printer");
        accepting.setDaemon(true);
        accepting.start();
    }

    public static FakePrinter start() {
        try {
            return new FakePrinter(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:port}, as a coordinator sets it. */
    public String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Every print received, in order. */
    public List<byte[]> prints() {
        return List.copyOf(prints);
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
                prints.add(in.readAllBytes());
            } catch (IOException closed) {
                // stopped, or a connection dropped: the next one is awaited
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
