package org.socialworkshop.makers;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A maker as coordinators see them, with the consent in force. */
public record Maker(MakerId id, String name, String displayName, String storyZh, String storyEn,
        @Nullable UUID photoImageId, @Nullable Consent publicConsent) {

    /** A recorded decision about public display: who recorded it and when. */
    public record Consent(boolean granted, OffsetDateTime recordedAt, String recordedBy, @Nullable String note) {
    }

    public boolean mayBeShownPublicly() {
        return publicConsent != null && publicConsent.granted();
    }
}
