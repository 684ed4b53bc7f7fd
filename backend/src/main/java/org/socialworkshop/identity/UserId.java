package org.socialworkshop.identity;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies an account; written in JSON as the bare UUID. */
public record UserId(@JsonValue UUID value) {

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }
}
