package org.socialworkshop.makers;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a coordinator records about a maker. The stories are shown publicly only with consent. Without a
 * {@code displayNameLatin} the pinyin of {@code displayName} is kept.
 */
public record MakerProfile(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 100) String displayName,
        @Size(max = 2000) @Nullable String storyZh,
        @Size(max = 2000) @Nullable String storyEn,
        @Nullable UUID photoImageId,
        @Size(max = 100) @Nullable String displayNameLatin) {

    public MakerProfile(String name, String displayName, @Nullable String storyZh, @Nullable String storyEn,
            @Nullable UUID photoImageId) {
        this(name, displayName, storyZh, storyEn, photoImageId, null);
    }

    /** The Latin-script name as written, or the pinyin of the display name when none was written. */
    String latinNameOrPinyin() {
        String written = displayNameLatin == null ? "" : displayNameLatin.strip();
        return written.isEmpty() ? LatinName.of(displayName) : written;
    }

    String storyZhOrEmpty() {
        return storyZh == null ? "" : storyZh.trim();
    }

    String storyEnOrEmpty() {
        return storyEn == null ? "" : storyEn.trim();
    }
}
