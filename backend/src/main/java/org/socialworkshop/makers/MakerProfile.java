package org.socialworkshop.makers;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What a coordinator records about a maker. The stories are shown publicly only with consent. */
public record MakerProfile(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 100) String displayName,
        @Size(max = 2000) @Nullable String storyZh,
        @Size(max = 2000) @Nullable String storyEn,
        @Nullable UUID photoImageId) {

    String storyZhOrEmpty() {
        return storyZh == null ? "" : storyZh.trim();
    }

    String storyEnOrEmpty() {
        return storyEn == null ? "" : storyEn.trim();
    }
}
