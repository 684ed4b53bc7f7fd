package org.socialworkshop.platform.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** How to reach one PostgreSQL database; both the embedded and an external server end up as one of these. */
public record ServerAddress(String host, int port, String database, String user, String password) {

    private static final int DEFAULT_PORT = 5432;

    /**
     * Reads {@code postgresql://user:pass@host:port/db} (also {@code postgres://}); user info is URL-decoded
     * so passwords may contain reserved characters.
     */
    public static ServerAddress parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw invalid("it is not a URL");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw invalid("the scheme must be postgresql://");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() == null) {
            throw invalid("it needs user, password and host");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (path.isBlank()) {
            throw invalid("it needs a database name after the host");
        }
        String[] userInfo = uri.getRawUserInfo().split(":", 2);
        return new ServerAddress(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), path,
                decode(userInfo[0]), userInfo.length > 1 ? decode(userInfo[1]) : "");
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException(
                "DATABASE_URL must look like postgresql://user:pass@host:port/db, but " + why);
    }
}
