package org.socialworkshop.makers;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

public record MakerId(@JsonValue UUID value) {
}
