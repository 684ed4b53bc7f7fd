package org.socialworkshop.makers;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.media.ImageLinks;

/**
 * How a maker appears on a public page. Without consent every field but {@code anonymous} is null, and the
 * page says "made by a workshop maker".
 */
public record MakerCredit(@Nullable MakerId id, @Nullable String displayName, @Nullable String story,
        @Nullable ImageLinks photo, boolean anonymous) {

    static MakerCredit anonymousMaker() {
        return new MakerCredit(null, null, null, null, true);
    }
}
