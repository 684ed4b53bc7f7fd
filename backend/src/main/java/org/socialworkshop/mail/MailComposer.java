package org.socialworkshop.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialworkshop.mail.Mails.Mail;
import org.socialworkshop.mail.Mails.Status;
import org.socialworkshop.ordering.OrderMailing;
import org.socialworkshop.ordering.OrderMailing.Buyer;
import org.socialworkshop.platform.outbox.Outbox;
import org.socialworkshop.shop.ShopIdentity;
import org.socialworkshop.shared.Language;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes a mail to an order's buyer and keeps it; with an SMTP server configured, it also queues it to be sent. Runs in
 * the transaction of the event's delivery: the mail, its order link and its queueing commit together, once.
 */
@Component
class MailComposer {

    private static final Logger log = LoggerFactory.getLogger(MailComposer.class);

    private final Mails mails;
    private final MailTemplates templates;
    private final OrderMailing orders;
    private final ShopIdentity shop;
    private final Outbox outbox;
    private final MailSettings settings;

    MailComposer(Mails mails, MailTemplates templates, OrderMailing orders, ShopIdentity shop, Outbox outbox, MailSettings settings) {
        this.mails = mails;
        this.templates = templates;
        this.orders = orders;
        this.shop = shop;
        this.outbox = outbox;
        this.settings = settings;
    }

    /** What a mail says beyond the order's own facts. */
    record Content(MailKind kind, Map<String, String> values, List<String> extras, @Nullable String receiptCode) {

        static Content of(MailKind kind) {
            return new Content(kind, Map.of(), List.of(), null);
        }
    }

    /**
     * The mail about {@code orderId} for {@code reason} (one mail per reason, however often the event comes); nothing for
     * orders without a buyer's e-mail address.
     */
    Mono<Void> write(String reason, UUID orderId, Function<Buyer, Mono<Content>> content) {
        return orders.buyer(orderId)
                .flatMap(buyer -> content.apply(buyer).flatMap(what -> orders.newAccessToken(orderId)
                        .flatMap(token -> store(reason, buyer, what, token))))
                .then();
    }

    private Mono<Void> store(String reason, Buyer buyer, Content content, String token) {
        Map<String, String> values = new LinkedHashMap<>(content.values());
        values.put("number", buyer.orderNumber());
        values.put("total", buyer.total().yuan());
        values.put("orderLink", settings.shopUrl() + "/shop/order.html?id=" + buyer.orderId() + "&token=" + token + "&lang="
                + buyer.language().tag());
        if (content.receiptCode() != null) {
            values.put("receiptLink", settings.shopUrl() + "/r/" + content.receiptCode());
        }
        return keep(reason, new Content(content.kind(), values, content.extras(), content.receiptCode()), buyer.orderId(), buyer.email(),
                buyer.language());
    }

    /**
     * Writes and keeps one mail (nothing when one for {@code reason} is kept already), queued to be sent when there is an
     * SMTP server. Call inside a transaction.
     */
    Mono<Void> keep(String reason, Content content, @Nullable UUID orderId, String email, Language language) {
        return shop.current().flatMap(identity -> {
            Map<String, String> values = new LinkedHashMap<>(content.values());
            values.put("shop", language.pick(identity.nameZh(), identity.nameEn()));
            return keep(reason, content, orderId, email, language, values);
        });
    }

    private Mono<Void> keep(String reason, Content content, @Nullable UUID orderId, String email, Language language,
            Map<String, String> values) {
        MailTemplates.Rendered rendered = templates.render(content.kind(), language, values, content.extras());
        UUID id = UUID.randomUUID();
        Status status = settings.smtp() ? Status.WAITING : Status.KEPT;
        Mail mail = new Mail(id, reason, content.kind(), orderId, email, language.tag(), rendered.subject(), rendered.text(),
                rendered.html(), content.receiptCode(), "<" + id + "@" + settings.messageIdDomain() + ">", status);
        return mails.add(mail).flatMap(added -> {
            if (!added) {
                log.debug("A mail for {} was written already", reason);
                return Mono.empty();
            }
            return status == Status.WAITING ? outbox.publish(new MailQueued(id)).then() : Mono.empty();
        });
    }

}
