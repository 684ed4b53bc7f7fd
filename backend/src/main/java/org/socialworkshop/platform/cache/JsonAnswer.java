package org.socialworkshop.platform.cache;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * An answer written as JSON once, with an entity tag from its bytes: kept in a {@link ReadCache}, it is sent as it is,
 * and a client that has the same bytes (same tag on every instance) gets 304 Not Modified.
 */
public record JsonAnswer(byte[] body, String etag) {

    /** Writes {@code value} with the application's JSON settings, so the bytes equal what the codecs would send. */
    public static JsonAnswer of(Object value, JsonMapper json) {
        byte[] body = json.writeValueAsBytes(value);
        return new JsonAnswer(body, "\"" + digest(body) + "\"");
    }

    /**
     * The response: clients may keep it but ask again each time ({@code no-cache}), and the answer depends on the
     * language asked for. WebFlux answers 304 itself when the request's {@code If-None-Match} has this tag.
     */
    public ResponseEntity<byte[]> response() {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noCache())
                .eTag(etag)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .body(body);
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
