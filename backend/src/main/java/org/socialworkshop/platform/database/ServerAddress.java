package org.socialworkshop.platform.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.client.SSLMode;
import org.jspecify.annotations.Nullable;

/**
 * How to reach one PostgreSQL database; both the embedded and an external server end up as one of these.
 *
 * @param sslMode libpq's {@code sslmode} ({@code disable} … {@code verify-full}), or null for each driver's default
 */
public record ServerAddress(String host, int port, String database, String user, String password, @Nullable String sslMode) {

    private static final int DEFAULT_PORT = 5432;

    /** libpq's values of {@code sslmode}, which both drivers understand. */
    static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    public ServerAddress(String host, int port, String database, String user, String password) {
        this(host, port, database, user, password, null);
    }

    /**
     * Reads {@code postgresql://user:pass@host:port/db} (also {@code postgres://}), optionally with
     * {@code ?sslmode=require} (or another of libpq's modes; other parameters are refused rather than ignored); user
     * info is URL-decoded so passwords may contain reserved characters.
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
        String sslMode = null;
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                String[] pair = parameter.split("=", 2);
                if (!pair[0].equals("sslmode") || pair.length < 2 || !SSL_MODES.contains(decode(pair[1]))) {
                    throw invalid("the only parameter it takes is sslmode, one of " + String.join(", ", SSL_MODES.stream().sorted().toList()));
                }
                sslMode = decode(pair[1]);
            }
        }
        String[] userInfo = uri.getRawUserInfo().split(":", 2);
        return new ServerAddress(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), path,
                decode(userInfo[0]), userInfo.length > 1 ? decode(userInfo[1]) : "", sslMode);
    }

    /** The R2DBC driver's settings for this address (host, port, database, credentials, {@code sslmode}); callers add their own. */
    public PostgresqlConnectionConfiguration.Builder r2dbc() {
        PostgresqlConnectionConfiguration.Builder configuration = PostgresqlConnectionConfiguration.builder()
                .host(host)
                .port(port)
                .database(database)
                .username(user)
                .password(password);
        if (sslMode != null) {
            configuration.sslMode(SSLMode.fromValue(sslMode));
        }
        return configuration;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + query();
    }

    @Override
    public String toString() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database + query();
    }

    private String query() {
        return sslMode == null ? "" : "?sslmode=" + sslMode;
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException(
                "DATABASE_URL must look like postgresql://user:pass@host:port/db[?sslmode=require], but " + why);
    }
}
