package org.socialworkshop.corporate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The bodies that describe a company and its locations, as coordinators and buyers send them. */
final class CompanyForms {

    private CompanyForms() {
    }

    record InvoiceBody(@NotBlank @Size(max = 200) String title, @NotNull Company.InvoiceKind kind, @Nullable @Size(max = 200) String taxAddress,
            @Nullable @Size(max = 40) String taxPhone, @Nullable @Size(max = 100) String bankName,
            @Nullable @Size(max = 40) String bankAccount) {

        Company.Invoice invoice() {
            return new Company.Invoice(title, kind, taxAddress, taxPhone, bankName, bankAccount);
        }
    }

    record ContactBody(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 40) String phone,
            @NotBlank @Email @Size(max = 254) String email) {

        Company.Contact contact() {
            return new Company.Contact(name, phone, email);
        }
    }

    /** A company's details; {@code creditCode} is checked for its check character by {@link Companies}. */
    record CompanyBody(@NotBlank @Size(max = 200) String legalName, @NotBlank @Size(max = 40) String creditCode,
            @NotNull @Valid InvoiceBody invoice, @NotNull @Valid ContactBody contact, @Nullable @Min(0) @Max(180) Integer paymentDays,
            @Nullable @Min(0) @Max(90) Integer depositPercent) {

        Companies.Details details() {
            return new Companies.Details(legalName, creditCode, invoice.invoice(), contact.contact(),
                    paymentDays == null ? Companies.Details.PAYMENT_DAYS : paymentDays, depositPercent == null ? 0 : depositPercent);
        }
    }

    record LocationBody(@NotBlank @Size(max = 60) String label, @NotBlank @Size(max = 100) String recipient,
            @NotBlank @Size(max = 40) String phone, @NotBlank @Size(max = 300) String address) {

        Companies.NewLocation location() {
            return new Companies.NewLocation(label, recipient, phone, address);
        }
    }
}
