package org.socialworkshop.mail;

import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.mail.Mails.Mail;
import org.socialworkshop.mail.Mails.Status;
import org.socialworkshop.receipts.ReceiptMailing;
import org.socialworkshop.shared.Language;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends a kept mail over SMTP, once it is: the row is locked while it is sent and marked sent in the same transaction.
 * A server that fails leaves the mail waiting, and the outbox tries again; a server that took the mail when the
 * transaction then failed gets it again with the same Message-ID, by which the two are one mail.
 */
@Component
class SmtpMail {

    private final Mails mails;
    private final ReceiptMailing receipts;
    private final MailSettings settings;
    private final ObjectProvider<JavaMailSenderImpl> sender;

    SmtpMail(Mails mails, ReceiptMailing receipts, MailSettings settings, ObjectProvider<JavaMailSenderImpl> sender) {
        this.mails = mails;
        this.receipts = receipts;
        this.settings = settings;
        this.sender = sender;
    }

    Mono<Void> send(UUID mailId) {
        return mails.lock(mailId)
                .filter(mail -> mail.status() == Status.WAITING)
                .flatMap(mail -> attachment(mail)
                        .flatMap(pdf -> transmit(mail, pdf.length == 0 ? null : pdf))
                        .then(mails.markSent(mailId)));
    }

    private Mono<byte[]> attachment(Mail mail) {
        return mail.attachment() == null ? Mono.just(new byte[0])
                : receipts.pdf(mail.attachment(), settings.shopUrl(), "en".equals(mail.language()) ? Language.EN : Language.ZH_CN)
                        .defaultIfEmpty(new byte[0]);
    }

    private Mono<Void> transmit(Mail mail, byte @Nullable [] pdf) {
        return Mono.<Void>fromRunnable(() -> {
            JavaMailSenderImpl smtp = sender.getObject();
            MimeMessage message = new FixedIdMessage(smtp, mail.messageId());
            try {
                MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
                helper.setFrom(settings.from());
                helper.setTo(mail.recipient());
                helper.setSubject(mail.subject());
                helper.setText(mail.text(), mail.html());
                if (pdf != null) {
                    helper.addAttachment("receipt.pdf", new ByteArrayResource(pdf), "application/pdf");
                }
            } catch (MessagingException e) {
                throw new IllegalStateException("Mail " + mail.id() + " could not be put together", e);
            }
            smtp.send(message);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** A message whose Message-ID is the mail's own, kept when the message is saved (JavaMail would make a new one). */
    private static final class FixedIdMessage extends MimeMessage {

        private final String id;

        FixedIdMessage(JavaMailSenderImpl smtp, String id) {
            super(smtp.getSession());
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
