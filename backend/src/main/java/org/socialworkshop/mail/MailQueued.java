package org.socialworkshop.mail;

import java.util.UUID;

/** A mail was rendered and waits to be sent over SMTP. */
public record MailQueued(UUID mailId) {
}
