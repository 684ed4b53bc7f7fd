package org.socialworkshop.corporate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.piecework.OrderWork;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.receipts.SignedDocuments;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Impact reports (issue 13, item 7): what the work for a company's order, or for its orders in a year, gave its makers,
 * summed from piece work and the ledger when asked. Issued for a PDF, a report is signed like receipts and kept as
 * signed (once per set of figures), so its public check ({@code /i/{code}}) shows the same figures after more work.
 */
@Service
public class ImpactReports {

    private static final ZoneId WORKSHOP = ZoneId.of("Asia/Shanghai");
    private static final String ISSUED = "SELECT id, content::text AS content, hash, key_id, signature, issued_at FROM impact_reports";

    private final Database db;
    private final Companies companies;
    private final CompanyOrders orders;
    private final OrderWork work;
    private final SignedDocuments documents;
    private final JsonMapper json = JsonMapper.builder().build();

    ImpactReports(Database db, Companies companies, CompanyOrders orders, OrderWork work, SignedDocuments documents) {
        this.db = db;
        this.companies = companies;
        this.orders = orders;
        this.work = work;
        this.documents = documents;
    }

    /** A report's figures now, with the company and (for one order) the order it is about. */
    record Draft(UUID companyId, @Nullable UUID orderId, ImpactReport report) {
    }

    /** An issued report: what was signed, and how to find it again. */
    public record Issued(UUID id, JsonNode content, byte[] payload, String hash, String keyId, byte[] signature, OffsetDateTime issuedAt) {

        public String code() {
            return SignedDocuments.Code.of(id, signature);
        }
    }

    public record Checked(Issued report, boolean signatureValid) {
    }

    /** The report of one of the signed-in buyer's company's orders; another company's order is a 404. */
    Mono<Draft> ofBuyersOrder(UUID orderId) {
        return orders.ofBuyer(orderId).flatMap(this::ofOrder);
    }

    /** The report of any company's order, for coordinators. */
    Mono<Draft> ofOrder(UUID orderId) {
        return orders.one(orderId).flatMap(this::ofOrder);
    }

    /** The yearly summary of the signed-in buyer's company. */
    Mono<Draft> ofBuyersYear(int year) {
        return companies.buyersCompany().flatMap(company -> ofYear(company, year));
    }

    /** The yearly summary of a company, for coordinators; an unknown company is a 404. */
    Mono<Draft> ofYear(UUID companyId, int year) {
        return companies.one(companyId).flatMap(company -> orders.ofCompany(companyId).flatMap(views -> {
            Map<UUID, String> numbers = views.stream().collect(Collectors.toMap(CompanyOrders.View::orderId, CompanyOrders.View::orderNumber));
            return work.of(numbers.keySet(), year).flatMap(lines -> names(lines).map(names -> new Draft(companyId, null,
                    ImpactReport.ofYear(new ImpactReport.Party(company.legalName(), company.creditCode()), year, lines, names, numbers, today()))));
        }));
    }

    private Mono<Draft> ofOrder(CompanyOrders.View order) {
        Mono<UUID> companyId = db.sql("SELECT company_id FROM quotes WHERE order_id = :order").bind("order", order.orderId())
                .map(row -> row.get("company_id", UUID.class)).one();
        return companyId.flatMap(companies::one).flatMap(company -> work.of(List.of(order.orderId()), null)
                .flatMap(lines -> names(lines).map(names -> new Draft(company.id(), order.orderId(), ImpactReport.ofOrder(
                        new ImpactReport.Party(company.legalName(), company.creditCode()),
                        new ImpactReport.OrderRef(order.orderId(), order.orderNumber(), order.poNumber()), lines, names, today())))));
    }

    private Mono<Map<UUID, OrderWork.PublicName>> names(List<OrderWork.Line> lines) {
        return work.publicNames(lines.stream().map(OrderWork.Line::makerId).distinct().toList());
    }

    /**
     * The signed report of these figures: the one issued already when the figures (makers named included) are the same,
     * else a new one, signed with the active receipt key and stored as signed in the same transaction.
     */
    Mono<Issued> issue(Draft draft) {
        ObjectNode figures = (ObjectNode) documents.tree(draft.report());
        figures.remove("id");
        figures.remove("issuedOn");
        String figuresHash = SignedDocuments.sha256Hex(documents.canonical(figures));
        return find(draft, figuresHash).switchIfEmpty(Mono.defer(() -> {
            UUID id = UUID.randomUUID();
            ObjectNode content = (ObjectNode) documents.tree(draft.report());
            content.put("id", id.toString());
            byte[] payload = documents.canonical(content);
            return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> documents.sign(payload).flatMap(signature -> db.sql("""
                                    INSERT INTO impact_reports (id, company_id, order_id, year, figures_hash, content, hash, key_id, signature, issued_by)
                                    VALUES (:id, :company, :order, :year, :figures, CAST(:content AS jsonb), :hash, :key, :signature, :actor)
                                    ON CONFLICT DO NOTHING""")
                            .bind("id", id).bind("company", draft.companyId()).bindNullable("order", draft.orderId(), UUID.class)
                            .bindNullable("year", draft.report().year(), Integer.class).bind("figures", figuresHash)
                            .bind("content", json.writeValueAsString(content)).bind("hash", signature.hash()).bind("key", signature.keyId())
                            .bind("signature", signature.signature()).bind("actor", actor)
                            .update())))
                    .then(find(draft, figuresHash));
        }));
    }

    private Mono<Issued> find(Draft draft, String figuresHash) {
        String where = draft.orderId() != null ? " WHERE order_id = :order AND figures_hash = :figures"
                : " WHERE company_id = :company AND year = :year AND figures_hash = :figures AND order_id IS NULL";
        var statement = db.sql(ISSUED + where).bind("figures", figuresHash);
        statement = draft.orderId() != null ? statement.bind("order", draft.orderId())
                : statement.bind("company", draft.companyId()).bind("year", draft.report().year());
        return statement.map(this::issued).first();
    }

    /** The report with this code and whether its signature holds; empty when no report has this code. */
    public Mono<Checked> check(String code) {
        return Mono.justOrEmpty(SignedDocuments.Code.parse(code)).flatMap(parsed -> db.sql(ISSUED + " WHERE id = :id")
                        .bind("id", parsed.id())
                        .map(this::issued)
                        .first()
                        .filter(issued -> parsed.names(issued.signature())))
                .flatMap(issued -> documents.verify(issued.keyId(), issued.payload(), issued.signature())
                        .map(valid -> new Checked(issued, valid && SignedDocuments.sha256Hex(issued.payload()).equals(issued.hash()))));
    }

    private Issued issued(Readable row) {
        JsonNode content = json.readTree(row.get("content", String.class));
        return new Issued(row.get("id", UUID.class), content, documents.canonical(content), row.get("hash", String.class),
                row.get("key_id", String.class), row.get("signature", byte[].class), row.get("issued_at", OffsetDateTime.class));
    }

    static LocalDate today() {
        return LocalDate.now(WORKSHOP);
    }
}
