package org.socialworkshop.corporate;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A partner company: its legal name and unified social credit code, what its 发票 names, whom to call, how many days it
 * has to pay an order on terms (and which share of it as a deposit when it accepts a quote), where deliveries go, and the accounts that buy for it.
 */
public record Company(UUID id, String legalName, String creditCode, Invoice invoice, Contact contact, int paymentDays,
        int depositPercent, List<Location> locations, List<Buyer> buyers, OffsetDateTime createdAt) {

    /** 普通发票 (NORMAL) or 增值税专用发票 (SPECIAL, which names the buyer's registered address, phone and bank account). */
    public enum InvoiceKind {
        NORMAL, SPECIAL
    }

    /** What the company's invoices name: the title (抬头), the kind, and for a special invoice the tax details. */
    public record Invoice(String title, InvoiceKind kind, @Nullable String taxAddress, @Nullable String taxPhone,
            @Nullable String bankName, @Nullable String bankAccount) {
    }

    public record Contact(String name, String phone, String email) {
    }

    /** Where a delivery goes: a name for it, who receives it and their phone, the address. */
    public record Location(UUID id, String label, String recipient, String phone, String address) {
    }

    /** An account that buys for the company. */
    public record Buyer(UUID userId, String email, String displayName, OffsetDateTime addedAt) {
    }
}
