package org.socialworkshop.makers;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A maker as coordinators see them, with the consent in force. {@code displayNameLatin} is the name in Latin script
 * (pinyin of {@code displayName} unless a coordinator wrote another).
 */
public record Maker(MakerId id, String name, String displayName, String displayNameLatin, String storyZh, String storyEn,
        @Nullable UUID photoImageId, @Nullable Consent publicConsent) {

    /** A recorded decision about public display: who recorded it and when. */
    public record Consent(boolean granted, OffsetDateTime recordedAt, String recordedBy, @Nullable String note) {
    }

    /** The display name in the reader's script: Chinese characters for Chinese, the Latin-script name for English. */
    public String displayNameIn(org.socialworkshop.shared.Language language) {
        return language.pick(displayName, displayNameLatin);
    }

    public boolean mayBeShownPublicly() {
        return publicConsent != null && publicConsent.granted();
    }
}
