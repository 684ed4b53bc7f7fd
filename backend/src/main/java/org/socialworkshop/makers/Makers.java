package org.socialworkshop.makers;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.media.ImageId;
import org.socialworkshop.media.ImageLinks;
import org.socialworkshop.media.Images;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.shared.Language;
import org.socialworkshop.shared.Page;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The makers module's facade: profiles, consent, and how makers are credited on public pages. */
@Service
public class Makers {

    private static final String SELECT = """
            SELECT m.id, m.name, m.display_name, m.display_name_latin, m.story_zh, m.story_en, m.photo_image_id,
                   c.granted, c.recorded_at, c.recorded_by, c.note
            FROM makers m
            LEFT JOIN LATERAL (SELECT granted, recorded_at, recorded_by, note FROM maker_consents
                               WHERE maker_id = m.id ORDER BY id DESC LIMIT 1) c ON true""";

    private final Database db;
    private final Images images;
    private final AuditLog audit;

    Makers(Database db, Images images, AuditLog audit) {
        this.db = db;
        this.images = images;
        this.audit = audit;
    }

    public Mono<Maker> create(MakerProfile profile) {
        MakerId id = new MakerId(UUID.randomUUID());
        return checkPhoto(profile).then(db.inTransaction(() -> db.sql("""
                        INSERT INTO makers (id, name, display_name, display_name_latin, story_zh, story_en, photo_image_id)
                        VALUES (:id, :name, :displayName, :latin, :storyZh, :storyEn, :photo)""")
                .bind("id", id.value())
                .bind("name", profile.name().trim())
                .bind("displayName", profile.displayName().trim())
                .bind("latin", profile.latinNameOrPinyin())
                .bind("storyZh", profile.storyZhOrEmpty())
                .bind("storyEn", profile.storyEnOrEmpty())
                .bindNullable("photo", profile.photoImageId(), UUID.class)
                .update()
                .then(audit.record("maker.created", "maker:" + id.value(), Map.of("name", profile.name())))
                .then(find(id))));
    }

    public Mono<Maker> update(MakerId id, MakerProfile profile) {
        return checkPhoto(profile).then(db.inTransaction(() -> db.sql("""
                        UPDATE makers SET name = :name, display_name = :displayName, display_name_latin = :latin, story_zh = :storyZh,
                            story_en = :storyEn, photo_image_id = :photo, updated_at = now()
                        WHERE id = :id""")
                .bind("id", id.value())
                .bind("name", profile.name().trim())
                .bind("displayName", profile.displayName().trim())
                .bind("latin", profile.latinNameOrPinyin())
                .bind("storyZh", profile.storyZhOrEmpty())
                .bind("storyEn", profile.storyEnOrEmpty())
                .bindNullable("photo", profile.photoImageId(), UUID.class)
                .update()
                .filter(rows -> rows == 1)
                .switchIfEmpty(Mono.error(() -> MakerNotFound.forId(id)))
                .then(audit.record("maker.updated", "maker:" + id.value(), Map.of()))
                .then(find(id))));
    }

    /** Sets a maker's photo, leaving the rest of their profile as it is. */
    public Mono<Void> showPhoto(MakerId id, ImageId photo) {
        return db.inTransaction(() -> db.sql("UPDATE makers SET photo_image_id = :photo, updated_at = now() WHERE id = :id")
                .bind("id", id.value()).bind("photo", photo.value())
                .update()
                .filter(rows -> rows == 1)
                .switchIfEmpty(Mono.error(() -> MakerNotFound.forId(id)))
                .then(audit.record("maker.photo-set", "maker:" + id.value(), Map.of())));
    }

    /** Records a decision about showing the maker publicly; the history of decisions is kept. */
    public Mono<Maker> recordConsent(MakerId id, boolean granted, @Nullable String note) {
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> find(id)
                .flatMap(maker -> db.sql("""
                                INSERT INTO maker_consents (maker_id, granted, note, recorded_by)
                                VALUES (:id, :granted, :note, :actor)""")
                        .bind("id", id.value())
                        .bind("granted", granted)
                        .bindNullable("note", note, String.class)
                        .bind("actor", actor)
                        .update())
                .then(audit.record("maker.consent-recorded", "maker:" + id.value(), Map.of("granted", granted)))
                .then(find(id))));
    }

    public Mono<Maker> find(MakerId id) {
        return db.sql(SELECT + " WHERE m.id = :id").bind("id", id.value()).map(Makers::maker).one()
                .switchIfEmpty(Mono.error(() -> MakerNotFound.forId(id)));
    }

    public Mono<Page<Maker>> list(@Nullable String query, Page.Request page) {
        String pattern = "%" + (query == null ? "" : query.trim().toLowerCase(java.util.Locale.ROOT)) + "%";
        Mono<List<Maker>> items = db.sql(SELECT + """
                         WHERE lower(m.name || ' ' || m.display_name || ' ' || coalesce(m.display_name_latin, '')) LIKE :pattern
                        ORDER BY m.display_name, m.id LIMIT :limit OFFSET :offset""")
                .bind("pattern", pattern).bind("limit", page.size()).bind("offset", page.offset())
                .map(Makers::maker).list();
        Mono<Long> total = db.sql("SELECT count(*) AS n FROM makers m WHERE lower(m.name || ' ' || m.display_name || ' ' || coalesce(m.display_name_latin, '')) LIKE :pattern")
                .bind("pattern", pattern).map(row -> row.get("n", Long.class)).one();
        return Mono.zip(items, total, (list, count) -> new Page<>(list, page.page(), page.size(), count));
    }

    /** The makers among {@code ids} that exist. */
    public Mono<List<MakerId>> existing(Collection<MakerId> ids) {
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.sql("SELECT id FROM makers WHERE id = ANY(:ids)")
                .bind("ids", ids.stream().map(MakerId::value).toArray(UUID[]::new))
                .map(row -> new MakerId(row.get("id", UUID.class)))
                .list();
    }

    /** A maker's public profile; a maker without consent does not exist publicly. */
    public Mono<MakerCredit> publicProfile(MakerId id, Language language) {
        return credits(List.of(id), language).mapNotNull(credits -> credits.get(id))
                .filter(credit -> !credit.anonymous())
                .switchIfEmpty(Mono.error(() -> MakerNotFound.forId(id)));
    }

    /** The makers among {@code ids} who consented to be named in public, by id. */
    public Mono<Map<MakerId, Maker>> shownPublicly(Collection<MakerId> ids) {
        return byIds(ids).filter(Maker::mayBeShownPublicly).collectMap(Maker::id);
    }

    /** How each maker is credited on public pages in the given language: by name only with consent. */
    public Mono<Map<MakerId, MakerCredit>> credits(Collection<MakerId> ids, Language language) {
        return byIds(ids)
                .concatMap(maker -> credit(maker, language))
                .collectMap(credited -> credited.maker().id(), Credited::credit);
    }

    /** The makers with these ids, read in one query (none for none). */
    private Flux<Maker> byIds(Collection<MakerId> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return db.sql(SELECT + " WHERE m.id = ANY(:ids)")
                .bind("ids", ids.stream().map(MakerId::value).toArray(UUID[]::new))
                .map(Makers::maker)
                .stream();
    }

    private record Credited(Maker maker, MakerCredit credit) {
    }

    private Mono<Credited> credit(Maker maker, Language language) {
        if (!maker.mayBeShownPublicly()) {
            return Mono.just(new Credited(maker, MakerCredit.anonymousMaker()));
        }
        Mono<ImageLinks> photo = maker.photoImageId() == null ? Mono.empty()
                : images.links(new ImageId(maker.photoImageId()), maker.displayNameIn(language));
        return photo.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .map(links -> new Credited(maker, new MakerCredit(maker.id(), maker.displayNameIn(language),
                        language.pick(maker.storyZh(), maker.storyEn()), links.orElse(null), false)));
    }

    private Mono<Void> checkPhoto(MakerProfile profile) {
        if (profile.photoImageId() == null) {
            return Mono.empty();
        }
        return images.existing(List.of(new ImageId(profile.photoImageId())))
                .filter(found -> !found.isEmpty())
                .switchIfEmpty(Mono.error(() -> InvalidInput.field("photoImageId", "no image with this id has been uploaded")))
                .then();
    }

    /** The stored Latin-script name, or the pinyin of the Chinese one for a row not yet filled (ADR 0028). */
    private static String latin(Readable row) {
        String stored = row.get("display_name_latin", String.class);
        return stored != null ? stored : LatinName.of(row.get("display_name", String.class));
    }

    private static Maker maker(Readable row) {
        Boolean granted = row.get("granted", Boolean.class);
        Maker.Consent consent = granted == null ? null : new Maker.Consent(granted,
                row.get("recorded_at", OffsetDateTime.class), row.get("recorded_by", String.class),
                row.get("note", String.class));
        return new Maker(new MakerId(row.get("id", UUID.class)), row.get("name", String.class),
                row.get("display_name", String.class), latin(row), row.get("story_zh", String.class),
                row.get("story_en", String.class), row.get("photo_image_id", UUID.class), consent);
    }

}
