package org.socialworkshop.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network between the browser and the application, as a TCP relay on a port of its own that a test can cut and
 * restore: {@link #stop()} closes the listening socket and every open connection, so each request after it fails at
 * once as a dropped network would, for the page and for its service worker alike (Chrome's offline emulation does not
 * reach service workers); {@link #start()} listens again on the same port. The browser is given
 * {@code http://localhost:{port()}}, still a secure context for WebCrypto and service workers.
 */
final class TcpProxy implements AutoCloseable {

    private final int target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;

    private TcpProxy(int target, int port) {
        this.target = target;
        this.port = port;
    }

    /** A relay to the application on {@code target}, listening on a free port. */
    static TcpProxy to(int target) {
        try (ServerSocket probe = new ServerSocket(0)) {
            TcpProxy proxy = new TcpProxy(target, probe.getLocalPort());
            probe.close();
            proxy.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the relay", e);
        }
    }

    int port() {
        return port;
    }

    /** The network is there: connections are accepted and relayed. */
    synchronized void start() {
        if (listener != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            listener = socket;
            daemon("relay-accept-" + port, () -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException("The relay could not listen on " + port + " again", e);
        }
    }

    /** The network is gone: nothing listens on the port, and every connection through it is closed. */
    synchronized void stop() {
        if (listener == null) {
            return;
        }
        closeQuietly(listener);
        listener = null;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    @Override
    public void close() {
        stop();
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket browser;
            try {
                browser = socket.accept();
            } catch (IOException stopped) {
                return; // the listener was closed: the network is down
            }
            try {
                Socket app = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(browser);
                open.add(app);
                daemon("relay-up-" + port, () -> pump(browser, app));
                daemon("relay-down-" + port, () -> pump(app, browser));
            } catch (IOException refused) {
                closeQuietly(browser); // the application is not there: the browser sees a dropped line
            }
        }
    }

    /** Copies bytes one way until either side closes, then closes both. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException closed) {
            // one side went away (or the relay stopped): the other follows below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception alreadyClosed) {
            // closing is all that was wanted
        }
    }
}
