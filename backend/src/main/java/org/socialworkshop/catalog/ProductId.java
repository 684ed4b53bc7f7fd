package org.socialworkshop.catalog;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

public record ProductId(@JsonValue UUID value) {
}
