package org.socialworkshop.platform.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;
import tools.jackson.databind.json.JsonMapper;

/**
 * What identifies a retried request: who sent it to which endpoint ({@code scope}), the client's key, and a
 * fingerprint of the body so that the same key with a different body is caught.
 */
public record IdempotentRequest(String scope, @Nullable String key, String fingerprint) {

    public static final String HEADER = "Idempotency-Key";

    /**
     * @param principal the signed-in user's name, or {@code null} for a guest
     * @param body the request body as the controller received it; serialized again for the fingerprint
     */
    public static IdempotentRequest of(ServerWebExchange exchange, @Nullable String principal, @Nullable String key,
            Object body, JsonMapper json) {
        String scope = (principal == null ? "guest" : principal) + " " + exchange.getRequest().getMethod().name()
                + " " + exchange.getRequest().getPath().value();
        return new IdempotentRequest(scope, key, sha256(json.writeValueAsBytes(body)));
    }

    boolean hasKey() {
        return key != null;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
