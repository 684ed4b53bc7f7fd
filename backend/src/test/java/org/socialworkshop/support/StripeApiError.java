package org.socialworkshop.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** An error answer of the fake Stripe, in Stripe's shape: {@code {"error": {"type", "code", "message", "param"}}}. */
final class StripeApiError extends RuntimeException {

    final int status;
    final String type;
    final @Nullable String code;
    final @Nullable String param;

    StripeApiError(int status, String type, @Nullable String code, @Nullable String param, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    static StripeApiError invalid(@Nullable String param, String message) {
        return new StripeApiError(400, "invalid_request_error", null, param, message);
    }

    /** 404 for an object in the path, 400 for one named in the parameters, as Stripe answers. */
    static StripeApiError missing(int status, String kind, String id, String param) {
        return new StripeApiError(status, "invalid_request_error", "resource_missing", param,
                "No such " + kind + ": '" + id + "'");
    }

    Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        if (code != null) {
            error.put("code", code);
        }
        if (param != null) {
            error.put("param", param);
        }
        error.put("message", getMessage());
        return Map.of("error", error);
    }
}
