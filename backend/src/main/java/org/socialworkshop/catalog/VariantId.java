package org.socialworkshop.catalog;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

public record VariantId(@JsonValue UUID value) {
}
