package org.socialworkshop.corporate;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.platform.web.InvalidInput;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Enquiries from companies not yet registered, sent from the public form: coordinators see the new ones, register the
 * company from one ({@link Companies#register}) or decline it. A few an hour from one network address at most.
 */
@Service
class Enquiries {

    /** Enquiries one network address may send in an hour. */
    static final int PER_ADDRESS_AND_HOUR = 5;

    private final Database db;
    private final AuditLog audit;

    Enquiries(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    enum Status {
        NEW, REGISTERED, DECLINED
    }

    /** An enquiry as the form sends it; {@code creditCode} optional, as typed. */
    record Sent(String companyName, @Nullable String creditCode, String contactName, String contactPhone, String contactEmail,
            String needs, String lang) {
    }

    record Enquiry(UUID id, String companyName, @Nullable String creditCode, String contactName, String contactPhone,
            String contactEmail, String needs, String lang, Status status, @Nullable UUID companyId, OffsetDateTime receivedAt,
            @Nullable OffsetDateTime handledAt, @Nullable String handledBy) {
    }

    /** What the sender is told: it is received, and when. */
    record Received(UUID id, Status status, OffsetDateTime receivedAt) {
    }

    Mono<Received> send(Sent sent, @Nullable String address) {
        String code = sent.creditCode() == null || sent.creditCode().isBlank() ? null
                : CreditCode.parse(sent.creditCode()).map(CreditCode::value).orElseThrow(() -> InvalidInput.field("creditCode",
                        "Not a unified social credit code: 18 characters whose last is the check character of the others; "
                                + "leave it empty if you do not have it at hand."));
        UUID id = UUID.randomUUID();
        return db.inTransaction(() -> recentFrom(address).flatMap(recent -> recent >= PER_ADDRESS_AND_HOUR
                ? Mono.error(CorporateProblem.tooManyEnquiries(PER_ADDRESS_AND_HOUR))
                : db.sql("""
                                INSERT INTO corporate_enquiries (id, company_name, credit_code, contact_name, contact_phone, contact_email,
                                                                 needs, lang, client_address)
                                VALUES (:id, :company, :code, :name, :phone, :email, :needs, :lang, :address)
                                RETURNING received_at""")
                        .bind("id", id).bind("company", sent.companyName().strip()).bindNullable("code", code, String.class)
                        .bind("name", sent.contactName().strip()).bind("phone", sent.contactPhone().strip())
                        .bind("email", sent.contactEmail().strip()).bind("needs", sent.needs().strip()).bind("lang", sent.lang())
                        .bindNullable("address", address, String.class)
                        .map(row -> new Received(id, Status.NEW, row.get("received_at", OffsetDateTime.class)))
                        .one()
                        .flatMap(received -> audit.record("corporate.enquiry-received", "enquiry:" + id,
                                Map.of("company", sent.companyName().strip())).thenReturn(received))));
    }

    private Mono<Long> recentFrom(@Nullable String address) {
        if (address == null) {
            return Mono.just(0L);
        }
        return db.sql("""
                        SELECT count(*) AS recent FROM corporate_enquiries
                        WHERE client_address = :address AND received_at > now() - interval '1 hour'""")
                .bind("address", address)
                .map(row -> row.get("recent", Long.class))
                .one();
    }

    /** Enquiries, newest first: those with {@code status}, or all. */
    Mono<List<Enquiry>> list(@Nullable Status status) {
        return db.sql("""
                        SELECT * FROM corporate_enquiries WHERE CAST(:status AS text) IS NULL OR status = :status
                        ORDER BY received_at DESC, id LIMIT 500""")
                .bindNullable("status", status == null ? null : status.name(), String.class)
                .map(row -> new Enquiry(row.get("id", UUID.class), row.get("company_name", String.class), row.get("credit_code", String.class),
                        row.get("contact_name", String.class), row.get("contact_phone", String.class), row.get("contact_email", String.class),
                        row.get("needs", String.class), row.get("lang", String.class), Status.valueOf(row.get("status", String.class)),
                        row.get("company_id", UUID.class), row.get("received_at", OffsetDateTime.class),
                        row.get("handled_at", OffsetDateTime.class), row.get("handled_by", String.class)))
                .list();
    }

    /** Declines a new enquiry (a coordinator has answered it otherwise). */
    Mono<Void> decline(UUID id) {
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> db.sql("""
                                UPDATE corporate_enquiries SET status = 'DECLINED', handled_at = now(), handled_by = :by
                                WHERE id = :id AND status = 'NEW'""")
                        .bind("id", id).bind("by", actor)
                        .update()
                        .flatMap(updated -> updated == 1 ? audit.record(actor, "corporate.enquiry-declined", "enquiry:" + id, Map.of())
                                : db.sql("SELECT id FROM corporate_enquiries WHERE id = :id").bind("id", id)
                                        .map(row -> row.get("id", UUID.class)).one()
                                        .flatMap(found -> Mono.<Void>error(CorporateProblem.enquiryHandled()))
                                        .switchIfEmpty(Mono.error(CorporateProblem::unknownEnquiry)))));
    }
}
