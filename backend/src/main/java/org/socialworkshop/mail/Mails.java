package org.socialworkshop.mail;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.shared.Page;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The mails table: every mail as it was written, and whether it was kept, waits to be sent, or was sent. */
@Component
class Mails {

    enum Status {
        KEPT, WAITING, SENT
    }

    /** A mail as written. {@code attachment} is the code of the receipt whose PDF goes with it. */
    record Mail(UUID id, String reason, MailKind kind, @Nullable UUID orderId, String recipient, String language, String subject,
            String text, String html, @Nullable String attachment, String messageId, Status status) {
    }

    /** A mail as admins see it, with the last failed attempt to send it, if any. */
    record Listed(UUID id, String kind, @Nullable String orderNumber, String recipient, String language, String subject, String text,
            @Nullable String attachment, String messageId, Status status, int failedAttempts, @Nullable String lastError,
            OffsetDateTime createdAt, @Nullable OffsetDateTime sentAt) {
    }

    private final Database db;

    Mails(Database db) {
        this.db = db;
    }

    /** Stores the mail unless one for the same reason is stored already; true when this one was. */
    Mono<Boolean> add(Mail mail) {
        return db.sql("""
                        INSERT INTO mails (id, reason, kind, order_id, recipient, lang, subject, body_text, body_html, attachment,
                                           message_id, status)
                        VALUES (:id, :reason, :kind, :order, :recipient, :lang, :subject, :text, :html, :attachment, :messageId, :status)
                        ON CONFLICT (reason) DO NOTHING""")
                .bind("id", mail.id()).bind("reason", mail.reason()).bind("kind", mail.kind().name())
                .bindNullable("order", mail.orderId(), UUID.class).bind("recipient", mail.recipient()).bind("lang", mail.language())
                .bind("subject", mail.subject()).bind("text", mail.text()).bind("html", mail.html())
                .bindNullable("attachment", mail.attachment(), String.class).bind("messageId", mail.messageId())
                .bind("status", mail.status().name())
                .update().map(rows -> rows > 0);
    }

    /** The mail, its row locked until the transaction ends (one sender at a time). */
    Mono<Mail> lock(UUID id) {
        return db.sql("""
                        SELECT id, reason, kind, order_id, recipient, lang, subject, body_text, body_html, attachment, message_id, status
                        FROM mails WHERE id = :id FOR UPDATE""")
                .bind("id", id)
                .map(row -> new Mail(row.get("id", UUID.class), row.get("reason", String.class), MailKind.valueOf(row.get("kind", String.class)),
                        row.get("order_id", UUID.class), row.get("recipient", String.class), row.get("lang", String.class),
                        row.get("subject", String.class), row.get("body_text", String.class), row.get("body_html", String.class),
                        row.get("attachment", String.class), row.get("message_id", String.class),
                        Status.valueOf(row.get("status", String.class))))
                .one();
    }

    Mono<Void> markSent(UUID id) {
        return db.sql("UPDATE mails SET status = 'SENT', sent_at = now() WHERE id = :id").bind("id", id).update().then();
    }

    /** Newest first; failed attempts are read from the mail's delivery in the outbox. */
    Mono<Page<Listed>> list(Page.Request page) {
        Mono<Long> total = db.sql("SELECT count(*) AS n FROM mails").map(row -> row.get("n", Long.class)).one();
        Mono<List<Listed>> items = db.sql("""
                        SELECT m.id, m.kind, o.number, m.recipient, m.lang, m.subject, m.body_text, m.attachment, m.message_id, m.status,
                               m.created_at, m.sent_at, d.attempts, d.last_error, d.status AS delivery
                        FROM mails m
                        LEFT JOIN orders o ON o.id = m.order_id
                        LEFT JOIN LATERAL (SELECT attempts, last_error, status FROM outbox
                                           WHERE handler = :handler AND payload ->> 'mailId' = m.id::text
                                           ORDER BY id DESC LIMIT 1) d ON true
                        ORDER BY m.created_at DESC, m.id
                        LIMIT :size OFFSET :offset""")
                .bind("handler", MailHandlers.SEND).bind("size", page.size()).bind("offset", page.offset())
                .map(row -> {
                    Status status = Status.valueOf(row.get("status", String.class));
                    Integer attempts = row.get("attempts", Integer.class);
                    // a delivery counts its successful attempt too
                    int failed = attempts == null ? 0 : status == Status.SENT ? Math.max(0, attempts - 1) : attempts;
                    return new Listed(row.get("id", UUID.class), row.get("kind", String.class), row.get("number", String.class),
                            row.get("recipient", String.class), row.get("lang", String.class), row.get("subject", String.class),
                            row.get("body_text", String.class), row.get("attachment", String.class), row.get("message_id", String.class),
                            status, failed, status == Status.SENT ? null : row.get("last_error", String.class),
                            row.get("created_at", OffsetDateTime.class), row.get("sent_at", OffsetDateTime.class));
                })
                .list();
        return Mono.zip(items, total).map(both -> new Page<>(both.getT1(), page.page(), page.size(), both.getT2()));
    }
}
