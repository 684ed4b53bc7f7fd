package org.socialworkshop.platform.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The shop's address for links that leave the request: payment return pages, QR codes on receipts and statements.
 * It is the configured {@code PUBLIC_URL} when there is one. Without it, the address the request came to, but only
 * when its host is this machine, a private-network address (a tablet on the workshop's LAN), or one of
 * {@code ALLOWED_HOSTS}: the {@code Host} header is the client's to write, and a link built from any host it names
 * could send a buyer to someone else's site. Otherwise {@code http://localhost:<port>}. No trailing slash.
 */
@Component
public class PublicAddress {

    private static final Set<String> THIS_MACHINE = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final @Nullable String configured;
    private final Set<String> allowedHosts;

    PublicAddress(@Value("${workshop.public-url:}") String publicUrl, @Value("${workshop.allowed-hosts:}") List<String> allowedHosts) {
        String url = publicUrl.isBlank() ? null : URI.create(publicUrl.trim()).toString();
        this.configured = url == null ? null : url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.allowedHosts = allowedHosts.stream().map(host -> host.trim().toLowerCase(Locale.ROOT)).filter(host -> !host.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public String of(ServerWebExchange exchange) {
        if (configured != null) {
            return configured;
        }
        URI request = exchange.getRequest().getURI();
        String host = request.getHost() == null ? "" : request.getHost().toLowerCase(Locale.ROOT);
        if (THIS_MACHINE.contains(host) || allowedHosts.contains(host) || privateAddress(host)) {
            return request.getScheme() + "://" + request.getRawAuthority();
        }
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        return "http://localhost" + (local == null ? "" : ":" + local.getPort());
    }

    /** An IP address literal on this machine or a private network; names are never looked up. */
    private static boolean privateAddress(String host) {
        boolean literal = IPV4.matcher(host).matches() || host.startsWith("[") && host.endsWith("]");
        if (!literal) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xFE) == 0xFC);
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
