/**
 * E-mail to buyers (docs/adr/0026-mail-through-the-outbox.md): order confirmations with the receipt, failed payments,
 * orders ready or shipped, refunds. Mails are rendered from the order's events through the outbox, kept in the
 * database, and sent over SMTP when a server is configured; admins read them at {@code /admin/mail.html}.
 */
@NullMarked
@ApplicationModule(displayName = "Mail", allowedDependencies = {"platform :: *", "shared", "catalog", "ordering", "payments", "receipts", "shop"})
package org.socialworkshop.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
