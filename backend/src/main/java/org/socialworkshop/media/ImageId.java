package org.socialworkshop.media;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

public record ImageId(@JsonValue UUID value) {
}
