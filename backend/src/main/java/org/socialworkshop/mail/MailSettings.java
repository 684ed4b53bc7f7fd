package org.socialworkshop.mail;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether mails are sent ({@code spring.mail.host} is set: SMTP) or only kept (the demo), who sends them
 * ({@code workshop.mail.from}, {@code MAIL_FROM}), and the shop's address for their links ({@code PUBLIC_URL}; without
 * it this machine's, which only a demo reads).
 */
@Component
class MailSettings {

    private final String host;
    private final String from;
    private final String publicUrl;
    private final Environment environment;

    MailSettings(@Value("${spring.mail.host:}") String host, @Value("${workshop.mail.from:}") String from,
            @Value("${workshop.public-url:}") String publicUrl, Environment environment) {
        this.host = host.trim();
        this.from = from.trim();
        this.publicUrl = publicUrl.trim().replaceAll("/+$", "");
        this.environment = environment;
    }

    boolean smtp() {
        return !host.isEmpty();
    }

    String from() {
        return from.isEmpty() ? "shop@" + messageIdDomain() : from;
    }

    String shopUrl() {
        return publicUrl.isEmpty() ? "http://localhost:" + environment.getProperty("local.server.port", "8080") : publicUrl;
    }

    /** The right-hand side of the mails' Message-IDs: the shop's host name. */
    String messageIdDomain() {
        String shopHost = URI.create(shopUrl()).getHost();
        return shopHost == null ? "localhost" : shopHost;
    }
}
