package org.socialworkshop.corporate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.ordering.CorporateOrders;
import org.socialworkshop.payments.Payments;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Companies' orders from accepted quotes (issue 13, item 4, first part): where each stands (waiting for payment until
 * its due date on the company's terms, overdue, paid), a bank transfer recorded by staff (a payment like any other: the
 * order is paid and its receipt issued on the {@code CORPORATE} register by the usual events), and the 发票 issued.
 */
@Service
public class CompanyOrders {

    private final Database db;
    private final Companies companies;
    private final CorporateOrders orders;
    private final Payments payments;
    private final AuditLog audit;

    CompanyOrders(Database db, Companies companies, CorporateOrders orders, Payments payments, AuditLog audit) {
        this.db = db;
        this.companies = companies;
        this.orders = orders;
        this.payments = payments;
        this.audit = audit;
    }

    public enum Kind {
        NORMAL, SPECIAL
    }

    /** The 发票 issued for an order. */
    public record Fapiao(String number, Kind kind, LocalDate issuedOn) {
    }

    /** A company's order as its buyers and the coordinators see it. */
    public record View(UUID orderId, String orderNumber, UUID quoteId, String quoteNumber, String companyName, String poNumber,
            String status, Money total, OffsetDateTime payBy, boolean overdue, @Nullable OffsetDateTime paidAt,
            @Nullable Fapiao fapiao) {
    }

    /** The signed-in buyer's company's orders, newest first. */
    public Mono<List<View>> ofBuyer() {
        return companies.buyersCompany().flatMap(company -> views("q.company_id = :company", Map.of("company", company)));
    }

    /**
     * One order of the signed-in buyer's company: 404 {@code unknown-order} for any other, so every buyer endpoint about
     * an order starts here and another company's order is not even addressable.
     */
    public Mono<View> ofBuyer(UUID orderId) {
        return companies.buyersCompany().flatMap(company -> views("q.company_id = :company AND q.order_id = :order",
                        Map.of("company", company, "order", orderId)))
                .flatMap(CompanyOrders::only);
    }

    /** One company's orders, newest first (for coordinators; a buyer's come from the session). */
    Mono<List<View>> ofCompany(UUID company) {
        return views("q.company_id = :company", Map.of("company", company));
    }

    /** Every company's orders, newest first. */
    public Mono<List<View>> all() {
        return views("true", Map.of());
    }

    /** One company's order, for coordinators: 404 {@code unknown-order} when no accepted quote made it. */
    public Mono<View> one(UUID orderId) {
        return views("q.order_id = :order", Map.of("order", orderId)).flatMap(CompanyOrders::only);
    }

    private static Mono<View> only(List<View> found) {
        return found.isEmpty() ? Mono.error(CorporateProblem.unknownOrder()) : Mono.just(found.get(0));
    }

    private Mono<List<View>> views(String where, Map<String, UUID> parameters) {
        var statement = db.sql("""
                        SELECT q.id, q.number, q.po_number, q.order_id, c.legal_name, f.number AS fapiao, f.kind, f.issued_on
                        FROM quotes q JOIN companies c ON c.id = q.company_id LEFT JOIN corporate_fapiao f ON f.order_id = q.order_id
                        WHERE q.order_id IS NOT NULL AND %s ORDER BY q.accepted_at DESC, q.id LIMIT 500""".formatted(where));
        for (Map.Entry<String, UUID> parameter : parameters.entrySet()) {
            statement = statement.bind(parameter.getKey(), parameter.getValue());
        }
        record Row(UUID quote, String number, String po, UUID order, String company, @Nullable Fapiao fapiao) {
        }
        return statement.map(row -> {
                    String fapiao = row.get("fapiao", String.class);
                    return new Row(row.get("id", UUID.class), row.get("number", String.class), row.get("po_number", String.class),
                            row.get("order_id", UUID.class), row.get("legal_name", String.class), fapiao == null ? null
                            : new Fapiao(fapiao, Kind.valueOf(row.get("kind", String.class)), row.get("issued_on", LocalDate.class)));
                })
                .list()
                .flatMap(rows -> orders.states(rows.stream().map(Row::order).toList()).map(states -> rows.stream()
                        .filter(row -> states.containsKey(row.order()))
                        .map(row -> {
                            CorporateOrders.State state = states.get(row.order());
                            return new View(row.order(), state.number(), row.quote(), row.number(), row.company(), row.po(), state.status(),
                                    state.total(), state.payBy(), state.awaitingPayment() && state.payBy().isBefore(OffsetDateTime.now()),
                                    state.paidAt(), row.fapiao());
                        }).toList()));
    }

    /**
     * Records a bank transfer that paid a company's order in full: the order must be waiting for payment and the amount
     * its total (422 otherwise). The same bank reference again records nothing and answers false, whatever the order's
     * state by then; the order is marked paid, and its receipt issued, by the outbox a moment later.
     */
    public Mono<Boolean> recordTransfer(UUID orderId, Money amount, String reference) {
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> db.sql("SELECT id FROM quotes WHERE order_id = :order FOR UPDATE")
                .bind("order", orderId).map(row -> row.get("id", UUID.class)).one()
                .switchIfEmpty(Mono.error(CorporateProblem::unknownOrder))
                .flatMap(quote -> payments.transferRecorded(orderId, reference.strip()))
                .flatMap(known -> known ? Mono.just(false) : orders.states(List.of(orderId)).flatMap(states -> {
                    CorporateOrders.State state = states.get(orderId);
                    if (state == null) {
                        return Mono.error(CorporateProblem.unknownOrder());
                    }
                    if (!state.awaitingPayment()) {
                        return Mono.error(CorporateProblem.notAwaitingPayment());
                    }
                    if (!state.total().equals(amount)) {
                        return Mono.error(CorporateProblem.notTheTotal(state.total()));
                    }
                    return payments.recordTransfer(orderId, amount, reference.strip())
                            .flatMap(recorded -> audit.record(actor, "corporate.transfer-recorded", "order:" + orderId,
                                    Map.of("reference", reference.strip(), "amount", amount.minor(), "new", recorded)).thenReturn(recorded));
                }))));
    }

    /** Records (or corrects) the 发票 issued for a company's order. */
    public Mono<Fapiao> recordFapiao(UUID orderId, Fapiao fapiao) {
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> db.sql("SELECT id FROM quotes WHERE order_id = :order")
                .bind("order", orderId).map(row -> row.get("id", UUID.class)).one()
                .switchIfEmpty(Mono.error(CorporateProblem::unknownOrder))
                .then(db.sql("""
                                INSERT INTO corporate_fapiao (order_id, number, kind, issued_on, recorded_by)
                                VALUES (:order, :number, :kind, :issued, :by)
                                ON CONFLICT (order_id) DO UPDATE SET number = excluded.number, kind = excluded.kind,
                                    issued_on = excluded.issued_on, recorded_by = excluded.recorded_by, recorded_at = now()""")
                        .bind("order", orderId).bind("number", fapiao.number()).bind("kind", fapiao.kind().name())
                        .bind("issued", fapiao.issuedOn()).bind("by", actor)
                        .update())
                .then(audit.record(actor, "corporate.fapiao-recorded", "order:" + orderId, Map.of("number", fapiao.number())))))
                .thenReturn(fapiao);
    }
}
