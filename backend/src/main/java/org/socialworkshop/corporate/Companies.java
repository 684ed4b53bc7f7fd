package org.socialworkshop.corporate;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.identity.Account;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.identity.NewAccount;
import org.socialworkshop.identity.Role;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.database.Statement;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.platform.web.Problems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Partner companies, registered by coordinators (from an enquiry or directly), their delivery locations and the accounts
 * that buy for them. A buyer reaches only their own company ({@link #ofBuyer}); nothing here takes a company id from a
 * buyer.
 */
@Service
public class Companies {

    private final Database db;
    private final Accounts accounts;
    private final AuditLog audit;

    Companies(Database db, Accounts accounts, AuditLog audit) {
        this.db = db;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** A company as the coordinators' list shows it. */
    public record Summary(UUID id, String legalName, String creditCode, String contactName, long buyers, OffsetDateTime createdAt) {
    }

    /** A company's details as a coordinator enters them; {@code creditCode} as typed. */
    public record Details(String legalName, String creditCode, Company.Invoice invoice, Company.Contact contact, int paymentDays,
            int depositPercent) {

        /** A company's terms unless agreed otherwise: 30 days to pay, no deposit. */
        public static final int PAYMENT_DAYS = 30;
    }

    /** A delivery location to add. */
    public record NewLocation(String label, String recipient, String phone, String address) {
    }

    /**
     * An account to buy for a company: an existing buyer's account by its e-mail, or a new one with a name and an initial
     * password that the coordinator hands over (until e-mail arrives, issue 14).
     */
    public record NewBuyer(String email, @Nullable String displayName, @Nullable String password) {
    }

    public Mono<List<Summary>> list() {
        return db.sql("""
                        SELECT c.id, c.legal_name, c.credit_code, c.contact_name, c.created_at,
                               (SELECT count(*) FROM company_buyers b WHERE b.company_id = c.id) AS buyers
                        FROM companies c ORDER BY c.legal_name, c.id""")
                .map(row -> new Summary(row.get("id", UUID.class), row.get("legal_name", String.class), row.get("credit_code", String.class),
                        row.get("contact_name", String.class), row.get("buyers", Long.class), row.get("created_at", OffsetDateTime.class)))
                .list();
    }

    public Mono<Company> one(UUID id) {
        Mono<List<Company.Location>> locations = db.sql("""
                        SELECT id, label, recipient, phone, address FROM company_locations
                        WHERE company_id = :id AND removed_at IS NULL ORDER BY created_at, id""")
                .bind("id", id)
                .map(row -> new Company.Location(row.get("id", UUID.class), row.get("label", String.class),
                        row.get("recipient", String.class), row.get("phone", String.class), row.get("address", String.class)))
                .list();
        Mono<List<Company.Buyer>> buyers = db.sql("""
                        SELECT u.id, u.email, u.display_name, b.added_at FROM company_buyers b JOIN users u ON u.id = b.user_id
                        WHERE b.company_id = :id ORDER BY b.added_at, u.id""")
                .bind("id", id)
                .map(row -> new Company.Buyer(row.get("id", UUID.class), row.get("email", String.class),
                        row.get("display_name", String.class), row.get("added_at", OffsetDateTime.class)))
                .list();
        return db.sql("SELECT * FROM companies WHERE id = :id").bind("id", id).map(Companies::head).one()
                .switchIfEmpty(Mono.error(CorporateProblem::unknownCompany))
                .flatMap(head -> Mono.zip(locations, buyers).map(found -> new Company(head.id(), head.legalName(), head.creditCode(),
                        head.invoice(), head.contact(), head.paymentDays(), head.depositPercent(), found.getT1(), found.getT2(), head.createdAt())));
    }

    /** The company the signed-in buyer buys for; a 404 problem when they buy for none. */
    public Mono<Company> ofBuyer() {
        return buyersCompany().flatMap(this::one);
    }

    /** The id of the company the signed-in buyer buys for; a 404 problem when they buy for none. */
    Mono<UUID> buyersCompany() {
        return CurrentUser.name().flatMap(name -> db.sql("""
                        SELECT b.company_id FROM company_buyers b JOIN users u ON u.id = b.user_id
                        WHERE lower(u.email) = lower(:name) AND u.enabled""")
                .bind("name", name)
                .map(row -> row.get("company_id", UUID.class))
                .one())
                .switchIfEmpty(Mono.error(CorporateProblem::noCompany));
    }

    /**
     * Registers a company; from an enquiry (then marked registered with it, once), or directly. A second company with
     * the same credit code is a 409 problem.
     */
    public Mono<Company> register(Details details, @Nullable UUID enquiryId) {
        CreditCode code = checked(details);
        UUID id = UUID.randomUUID();
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> bound(db.sql("""
                                INSERT INTO companies (id, legal_name, credit_code, invoice_title, invoice_kind, tax_address, tax_phone,
                                                       bank_name, bank_account, contact_name, contact_phone, contact_email, payment_days,
                                                       deposit_percent, created_by)
                                VALUES (:id, :name, :code, :title, :kind, :taxAddress, :taxPhone, :bankName, :bankAccount,
                                        :contactName, :contactPhone, :contactEmail, :days, :deposit, :by)""")
                        .bind("id", id).bind("by", actor).bind("code", code.value()), details)
                        .update()
                        .onErrorMap(DuplicateKeyException.class, taken -> CorporateProblem.creditCodeTaken())
                        .then(enquiryId == null ? Mono.empty() : db.sql("""
                                        UPDATE corporate_enquiries SET status = 'REGISTERED', company_id = :company, handled_at = now(),
                                                                       handled_by = :by
                                        WHERE id = :enquiry AND status = 'NEW'""")
                                .bind("company", id).bind("by", actor).bind("enquiry", enquiryId)
                                .update()
                                .flatMap(updated -> updated == 1 ? Mono.empty() : enquiryGone(enquiryId)))
                        .then(audit.record(actor, "corporate.company-registered", "company:" + id,
                                Map.of("creditCode", code.value(), "enquiry", enquiryId == null ? "" : enquiryId.toString())))))
                .then(Mono.defer(() -> one(id)));
    }

    private Mono<Void> enquiryGone(UUID enquiryId) {
        return db.sql("SELECT status FROM corporate_enquiries WHERE id = :id").bind("id", enquiryId)
                .map(row -> row.get("status", String.class)).one()
                .flatMap(status -> Mono.<Void>error(CorporateProblem.enquiryHandled()))
                .switchIfEmpty(Mono.error(CorporateProblem::unknownEnquiry));
    }

    /** Changes a company's details. */
    public Mono<Company> update(UUID id, Details details) {
        CreditCode code = checked(details);
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> bound(db.sql("""
                                UPDATE companies SET legal_name = :name, credit_code = :code, invoice_title = :title, invoice_kind = :kind,
                                                     tax_address = :taxAddress, tax_phone = :taxPhone, bank_name = :bankName,
                                                     bank_account = :bankAccount, contact_name = :contactName,
                                                     contact_phone = :contactPhone, contact_email = :contactEmail,
                                                     payment_days = :days, deposit_percent = :deposit, updated_at = now()
                                WHERE id = :id""")
                        .bind("id", id).bind("code", code.value()), details)
                        .update()
                        .onErrorMap(DuplicateKeyException.class, taken -> CorporateProblem.creditCodeTaken())
                        .flatMap(updated -> updated == 1 ? audit.record(actor, "corporate.company-updated", "company:" + id, Map.of())
                                : Mono.error(CorporateProblem.unknownCompany()))))
                .then(Mono.defer(() -> one(id)));
    }

    /** Adds a delivery location to the company. */
    public Mono<Company.Location> addLocation(UUID companyId, NewLocation location) {
        UUID id = UUID.randomUUID();
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> exists(companyId).then(db.sql("""
                                INSERT INTO company_locations (id, company_id, label, recipient, phone, address)
                                VALUES (:id, :company, :label, :recipient, :phone, :address)""")
                        .bind("id", id).bind("company", companyId).bind("label", location.label().strip())
                        .bind("recipient", location.recipient().strip()).bind("phone", location.phone().strip())
                        .bind("address", location.address().strip())
                        .update())
                .then(audit.record(actor, "corporate.location-added", "company:" + companyId, Map.of("location", id.toString())))))
                .thenReturn(new Company.Location(id, location.label().strip(), location.recipient().strip(), location.phone().strip(),
                        location.address().strip()));
    }

    /** Removes a delivery location (kept for what was delivered there, no longer offered). */
    public Mono<Void> removeLocation(UUID companyId, UUID locationId) {
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> db.sql("""
                                UPDATE company_locations SET removed_at = now()
                                WHERE id = :id AND company_id = :company AND removed_at IS NULL""")
                        .bind("id", locationId).bind("company", companyId)
                        .update()
                        .flatMap(updated -> updated == 1
                                ? audit.record(actor, "corporate.location-removed", "company:" + companyId, Map.of("location", locationId.toString()))
                                : Mono.error(CorporateProblem.unknownLocation()))));
    }

    /**
     * Adds an account that buys for the company: an existing corporate buyer's account by e-mail, or a new one. An account
     * buys for one company only; an account of staff or a maker is never made a buyer.
     */
    public Mono<Company> addBuyer(UUID companyId, NewBuyer buyer) {
        return exists(companyId)
                .then(accounts.findByEmail(buyer.email())
                        .flatMap(found -> found.roles().contains(Role.CORPORATE_BUYER) ? Mono.just(found)
                                : Mono.<Account>error(CorporateProblem.notABuyerAccount()))
                        .switchIfEmpty(Mono.defer(() -> create(buyer))))
                .flatMap(account -> CurrentUser.name().flatMap(actor -> db.inTransaction(() -> db.sql("""
                                INSERT INTO company_buyers (user_id, company_id, added_by) VALUES (:user, :company, :by)
                                ON CONFLICT (user_id) DO NOTHING""")
                        .bind("user", account.id().value()).bind("company", companyId).bind("by", actor)
                        .update()
                        .flatMap(inserted -> inserted == 1
                                ? audit.record(actor, "corporate.buyer-added", "company:" + companyId,
                                        Map.of("user", account.id().value().toString()))
                                : sameCompany(account, companyId)))))
                .then(Mono.defer(() -> one(companyId)));
    }

    private Mono<Void> sameCompany(Account account, UUID companyId) {
        return db.sql("SELECT company_id FROM company_buyers WHERE user_id = :user").bind("user", account.id().value())
                .map(row -> row.get("company_id", UUID.class)).one()
                .flatMap(current -> current.equals(companyId) ? Mono.<Void>empty() : Mono.error(CorporateProblem.buyerOfAnotherCompany()));
    }

    private Mono<Account> create(NewBuyer buyer) {
        List<Problems.FieldError> missing = new ArrayList<>();
        if (buyer.displayName() == null || buyer.displayName().isBlank()) {
            missing.add(new Problems.FieldError("displayName", "A new buyer's account needs their name."));
        }
        if (buyer.password() == null || buyer.password().length() < 12) {
            missing.add(new Problems.FieldError("password", "A new buyer's account needs an initial password of 12 characters or more."));
        }
        if (!missing.isEmpty()) {
            return Mono.error(InvalidInput.fields(missing));
        }
        return accounts.create(new NewAccount(buyer.email(), buyer.displayName(), buyer.password(), java.util.Set.of(Role.CORPORATE_BUYER)));
    }

    /** Takes an account off the company's buyers: it no longer sees the company's quotes, orders and invoices. */
    public Mono<Void> removeBuyer(UUID companyId, UUID userId) {
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> db.sql(
                                "DELETE FROM company_buyers WHERE user_id = :user AND company_id = :company")
                        .bind("user", userId).bind("company", companyId)
                        .update()
                        .flatMap(deleted -> deleted == 1
                                ? audit.record(actor, "corporate.buyer-removed", "company:" + companyId, Map.of("user", userId.toString()))
                                : Mono.error(CorporateProblem.unknownCompany()))));
    }

    private Mono<Void> exists(UUID companyId) {
        return db.sql("SELECT id FROM companies WHERE id = :id").bind("id", companyId).map(row -> row.get("id", UUID.class)).one()
                .switchIfEmpty(Mono.error(CorporateProblem::unknownCompany)).then();
    }

    /** The credit code, and a special invoice's tax details, checked: a 400 problem naming each field that is not right. */
    private static CreditCode checked(Details details) {
        List<Problems.FieldError> errors = new ArrayList<>();
        CreditCode code = CreditCode.parse(details.creditCode()).orElse(null);
        if (code == null) {
            errors.add(new Problems.FieldError("creditCode", "Not a unified social credit code: 18 characters whose last is the "
                    + "check character of the others (GB 32100-2015); check for a mistyped character."));
        }
        Company.Invoice invoice = details.invoice();
        if (invoice.kind() == Company.InvoiceKind.SPECIAL) {
            requireFor(errors, "invoice.taxAddress", invoice.taxAddress());
            requireFor(errors, "invoice.taxPhone", invoice.taxPhone());
            requireFor(errors, "invoice.bankName", invoice.bankName());
            requireFor(errors, "invoice.bankAccount", invoice.bankAccount());
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.fields(errors);
        }
        return code;
    }

    private static void requireFor(List<Problems.FieldError> errors, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            errors.add(new Problems.FieldError(field, "A special VAT invoice (专票) needs this."));
        }
    }

    /** Binds a company's details as both the insert and the update name them. */
    private static Statement bound(Statement statement, Details details) {
        Company.Invoice invoice = details.invoice();
        return statement.bind("name", details.legalName().strip())
                .bind("title", invoice.title().strip()).bind("kind", invoice.kind().name())
                .bindNullable("taxAddress", blankless(invoice.taxAddress()), String.class)
                .bindNullable("taxPhone", blankless(invoice.taxPhone()), String.class)
                .bindNullable("bankName", blankless(invoice.bankName()), String.class)
                .bindNullable("bankAccount", blankless(invoice.bankAccount()), String.class)
                .bind("contactName", details.contact().name().strip()).bind("contactPhone", details.contact().phone().strip())
                .bind("contactEmail", details.contact().email().strip()).bind("days", details.paymentDays())
                .bind("deposit", details.depositPercent());
    }

    private static @Nullable String blankless(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private record Head(UUID id, String legalName, String creditCode, Company.Invoice invoice, Company.Contact contact,
            int paymentDays, int depositPercent, OffsetDateTime createdAt) {
    }

    private static Head head(Readable row) {
        return new Head(row.get("id", UUID.class), row.get("legal_name", String.class), row.get("credit_code", String.class),
                new Company.Invoice(row.get("invoice_title", String.class), Company.InvoiceKind.valueOf(row.get("invoice_kind", String.class)),
                        row.get("tax_address", String.class), row.get("tax_phone", String.class), row.get("bank_name", String.class),
                        row.get("bank_account", String.class)),
                new Company.Contact(row.get("contact_name", String.class), row.get("contact_phone", String.class),
                        row.get("contact_email", String.class)),
                row.get("payment_days", Integer.class), row.get("deposit_percent", Integer.class), row.get("created_at", OffsetDateTime.class));
    }
}
