package org.socialworkshop.platform.web;

import java.net.InetSocketAddress;

import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/**
 * The network address a request came from, for the brakes that count per address (sign-in failures, unpaid orders).
 * It is the connection's peer; behind a reverse proxy, {@code FORWARD_HEADERS=native} makes it the address the proxy
 * forwards (the proxy must then replace, not append to, a client's own {@code X-Forwarded-For}).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The address in text (IPv6 without its zone), or {@code null} when the connection does not say. */
    public static @Nullable String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return null;
        }
        String address = remote.getAddress().getHostAddress();
        int zone = address.indexOf('%');
        return zone < 0 ? address : address.substring(0, zone);
    }
}
