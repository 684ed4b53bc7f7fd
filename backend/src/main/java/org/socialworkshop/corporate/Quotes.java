package org.socialworkshop.corporate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.Catalog;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.catalog.VariantInfo;
import org.socialworkshop.ordering.CorporateOrders;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Quotes (issue 13, item 3): a buyer asks for one; a coordinator prices the lines ({@link CorporatePrices}: tiers, the
 * company's negotiated prices, customisations), adds lines of their own and delivery, and sends it as a version valid
 * until a date; the buyer accepts the latest version with a purchase-order number, which places the order
 * ({@link CorporateOrders}) in the same transaction, or asks for changes, which the next version answers. A sent version
 * never changes. A buyer reaches their own company's quotes only.
 */
@Service
public class Quotes {

    private static final ZoneId WORKSHOP = ZoneId.of("Asia/Shanghai");
    private final Database db;
    private final CorporatePrices prices;
    private final Companies companies;
    private final CorporateOrders orders;
    private final Instalments instalments;
    private final Catalog catalog;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    Quotes(Database db, CorporatePrices prices, Companies companies, CorporateOrders orders, Instalments instalments, Catalog catalog,
            AuditLog audit, JsonMapper json, Clock clock) {
        this.db = db;
        this.instalments = instalments;
        this.prices = prices;
        this.companies = companies;
        this.orders = orders;
        this.catalog = catalog;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public enum Status {
        REQUESTED, SENT, CHANGES_REQUESTED, ACCEPTED, DECLINED
    }

    /** What a buyer asks for. */
    public record Request(List<CorporatePrices.Wanted> lines, LocalDate wantedBy, @Nullable UUID locationId, @Nullable String note) {
    }

    /** A line the coordinator writes: a design fee, a sample, a discount agreed on the phone is not one (prices are). */
    public record ManualLine(String nameZh, String nameEn, int quantity, Money unitPrice) {
    }

    /** A version as a coordinator sends it. */
    public record Pricing(LocalDate validUntil, Money delivery, List<ManualLine> manual, @Nullable String note) {
    }

    /** A version as sent: the priced lines, the coordinator's lines, delivery, totals, whether it meets the wanted date. */
    public record Version(int version, LocalDate validUntil, JsonNode priced, Money total, LocalDate earliestDelivery,
            boolean meetsWantedDate, @Nullable String note, OffsetDateTime sentAt, String sentBy) {
    }

    /** A quote with its versions; {@code orderNumber} is the number of the order its acceptance placed. */
    public record Quote(UUID id, String number, UUID companyId, String companyName, String requestedBy, Status status,
            LocalDate wantedBy, @Nullable UUID locationId, @Nullable String buyerNote, JsonNode lines, List<Version> versions,
            @Nullable String changesAsked, @Nullable String poNumber, @Nullable UUID orderId, @Nullable String orderNumber,
            @Nullable OffsetDateTime acceptedAt,
            @Nullable String declinedReason, OffsetDateTime createdAt) {
    }

    /** A quote in a list. */
    public record Summary(UUID id, String number, String companyName, Status status, LocalDate wantedBy, int version,
            @Nullable Money total, OffsetDateTime createdAt) {
    }

    /** The order an accepted quote placed. */
    public record Accepted(UUID quoteId, String quoteNumber, UUID orderId, String orderNumber, String poNumber) {
    }

    /** The signed-in buyer asks for a quote for their company; every line must meet its product's terms (422 otherwise). */
    public Mono<Quote> request(Request request) {
        return companies.buyersCompany().flatMap(company -> prices.price(company, request.lines()).flatMap(priced -> {
            if (!priced.quotable()) {
                return Mono.error(CorporateProblem.linesBreakTerms(priced));
            }
            if (request.wantedBy().isBefore(today())) {
                return Mono.error(InvalidInput.field("wantedBy", "The date wanted is in the past."));
            }
            UUID id = UUID.randomUUID();
            return CurrentUser.name().flatMap(buyer -> db.inTransaction(() -> location(company, request.locationId())
                            .then(db.sql("""
                                            INSERT INTO quotes (id, number, company_id, requested_by, status, wanted_by, location_id, buyer_note, lines)
                                            VALUES (:id, 'Q-' || :year || '-' || lpad(nextval('quote_numbers')::text, 5, '0'), :company, :buyer,
                                                    'REQUESTED', :wanted, :location, :note, CAST(:lines AS jsonb))""")
                                    .bind("id", id).bind("year", today().getYear()).bind("company", company).bind("buyer", buyer)
                                    .bind("wanted", request.wantedBy()).bindNullable("location", request.locationId(), UUID.class)
                                    .bindNullable("note", blankless(request.note()), String.class)
                                    .bind("lines", json.writeValueAsString(request.lines().stream().map(line -> Map.of("variantId",
                                            line.variantId().value(), "quantity", line.quantity(), "customisations", line.customisations())).toList()))
                                    .update())
                            .then(audit.record(buyer, "corporate.quote-requested", "quote:" + id, Map.of("company", company.toString())))))
                    .then(Mono.defer(() -> one(id)));
        }));
    }

    private Mono<Void> location(UUID company, @Nullable UUID location) {
        if (location == null) {
            return Mono.empty();
        }
        return db.sql("SELECT id FROM company_locations WHERE id = :id AND company_id = :company AND removed_at IS NULL")
                .bind("id", location).bind("company", company).map(row -> row.get("id", UUID.class)).one()
                .switchIfEmpty(Mono.error(() -> InvalidInput.field("locationId", "Not one of your company's delivery locations.")))
                .then();
    }

    /** The buyer's company's quotes, newest first. */
    public Mono<List<Summary>> ofBuyer() {
        return companies.buyersCompany().flatMap(company -> list("q.company_id = :company", company));
    }

    /** Quotes for coordinators: those with {@code status}, or all; newest first. */
    public Mono<List<Summary>> list(@Nullable Status status) {
        return status == null ? list("true", null) : list("q.status = :status", status.name());
    }

    private Mono<List<Summary>> list(String where, @Nullable Object value) {
        var statement = db.sql("""
                        SELECT q.id, q.number, c.legal_name, q.status, q.wanted_by, q.current_version, q.created_at, v.total_minor
                        FROM quotes q JOIN companies c ON c.id = q.company_id
                        LEFT JOIN quote_versions v ON v.quote_id = q.id AND v.version = q.current_version
                        WHERE %s ORDER BY q.created_at DESC, q.id LIMIT 500""".formatted(where));
        if (value != null) {
            statement = statement.bind(where.contains(":company") ? "company" : "status", value);
        }
        return statement.map(row -> {
            Long total = row.get("total_minor", Long.class);
            return new Summary(row.get("id", UUID.class), row.get("number", String.class), row.get("legal_name", String.class),
                    Status.valueOf(row.get("status", String.class)), row.get("wanted_by", LocalDate.class),
                    row.get("current_version", Integer.class), total == null ? null : Money.fen(total), row.get("created_at", OffsetDateTime.class));
        }).list();
    }

    /** One of the buyer's company's quotes; another company's is not found. */
    public Mono<Quote> ofBuyer(UUID id) {
        return companies.buyersCompany().flatMap(company -> one(id).filter(quote -> quote.companyId().equals(company))
                .switchIfEmpty(Mono.error(CorporateProblem::unknownQuote)));
    }

    public Mono<Quote> one(UUID id) {
        Mono<List<Version>> versions = db.sql("""
                        SELECT v.*, q.wanted_by FROM quote_versions v JOIN quotes q ON q.id = v.quote_id
                        WHERE v.quote_id = :id ORDER BY v.version""")
                .bind("id", id).map(this::version).list();
        return db.sql("""
                        SELECT q.*, c.legal_name FROM quotes q JOIN companies c ON c.id = q.company_id WHERE q.id = :id""")
                .bind("id", id).map(this::head).one()
                .switchIfEmpty(Mono.error(CorporateProblem::unknownQuote))
                .flatMap(head -> head.orderId() == null ? Mono.just(new Read(head, null))
                        : orders.states(List.of(head.orderId())).map(states -> new Read(head,
                                states.containsKey(head.orderId()) ? states.get(head.orderId()).number() : null)))
                .zipWith(versions, (read, found) -> {
                    Head head = read.head();
                    return new Quote(head.id(), head.number(), head.companyId(), head.companyName(), head.requestedBy(), head.status(),
                            head.wantedBy(), head.locationId(), head.buyerNote(), head.lines(), found, head.changesAsked(), head.poNumber(),
                            head.orderId(), read.orderNumber(), head.acceptedAt(), head.declinedReason(), head.createdAt());
                })
                .flatMap(quote -> named(quote.lines()).thenReturn(quote));
    }

    /**
     * The requested lines as they are read: each with its variant's SKU and names (as the catalog has them now), so a
     * quote not priced yet still says what was asked for; a variant gone from the catalog keeps its id only.
     */
    private Mono<Void> named(JsonNode lines) {
        List<VariantId> ids = new ArrayList<>();
        lines.forEach(line -> ids.add(new VariantId(UUID.fromString(line.get("variantId").asString()))));
        return catalog.variants(ids).doOnNext(variants -> {
            for (JsonNode line : lines) {
                VariantInfo variant = variants.get(new VariantId(UUID.fromString(line.get("variantId").asString())));
                if (variant != null && line instanceof ObjectNode named) {
                    named.put("sku", variant.sku());
                    named.put("productNameZh", variant.productNameZh());
                    named.put("productNameEn", variant.productNameEn());
                    named.put("variantNameZh", variant.variantNameZh());
                    named.put("variantNameEn", variant.variantNameEn());
                }
            }
        }).then();
    }

    /**
     * Prices the quote's lines for its company now and sends them as the next version, valid until {@code validUntil}
     * (today or later); refused (409) for a quote accepted or declined, and (422) when a line no longer meets its terms.
     */
    public Mono<Quote> send(UUID id, Pricing pricing) {
        if (pricing.validUntil().isBefore(today())) {
            return Mono.error(InvalidInput.field("validUntil", "A quote is valid until today at the earliest."));
        }
        return one(id).flatMap(quote -> {
            if (quote.status() == Status.ACCEPTED || quote.status() == Status.DECLINED) {
                return Mono.error(CorporateProblem.quoteClosed());
            }
            return prices.price(quote.companyId(), wanted(quote.lines())).flatMap(priced -> {
                if (!priced.quotable()) {
                    return Mono.error(CorporateProblem.linesBreakTerms(priced));
                }
                Money manual = pricing.manual().stream().map(line -> line.unitPrice().times(line.quantity())).reduce(Money.fen(0), Money::plus);
                Money total = priced.total().plus(manual).plus(pricing.delivery());
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("lines", priced.lines());
                body.put("manual", pricing.manual());
                body.put("goods", priced.goods());
                body.put("customisations", priced.customisations());
                body.put("manualTotal", manual);
                body.put("delivery", pricing.delivery());
                return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> db.sql("""
                                        UPDATE quotes SET current_version = current_version + 1, status = 'SENT', updated_at = now()
                                        WHERE id = :id AND status NOT IN ('ACCEPTED', 'DECLINED') RETURNING current_version""")
                                .bind("id", id).map(row -> row.get("current_version", Integer.class)).one()
                                .switchIfEmpty(Mono.error(CorporateProblem::quoteClosed))
                                .flatMap(version -> db.sql("""
                                                INSERT INTO quote_versions (quote_id, version, valid_until, priced, total_minor, earliest_delivery,
                                                                            note, sent_by)
                                                VALUES (:id, :version, :valid, CAST(:priced AS jsonb), :total, :earliest, :note, :by)""")
                                        .bind("id", id).bind("version", version).bind("valid", pricing.validUntil())
                                        .bind("priced", json.writeValueAsString(body)).bind("total", total.minor())
                                        .bind("earliest", priced.earliestDelivery()).bindNullable("note", blankless(pricing.note()), String.class)
                                        .bind("by", actor)
                                        .update()
                                        .then(audit.record(actor, "corporate.quote-sent", "quote:" + id, Map.of("version", version,
                                                "total", total.minor()))))))
                        .then(Mono.defer(() -> one(id)));
            });
        });
    }

    /** The buyer asks for changes to the version sent; the coordinator answers with a new version. */
    public Mono<Quote> askChanges(UUID id, String changes) {
        return ofBuyer(id).flatMap(quote -> CurrentUser.name().flatMap(buyer -> db.inTransaction(() -> db.sql("""
                                UPDATE quotes SET status = 'CHANGES_REQUESTED', changes_asked = :changes, updated_at = now()
                                WHERE id = :id AND status = 'SENT'""")
                        .bind("id", id).bind("changes", changes.strip()).update()
                        .flatMap(updated -> updated == 1 ? audit.record(buyer, "corporate.quote-changes-asked", "quote:" + id, Map.of())
                                : Mono.error(CorporateProblem.quoteNotSent())))))
                .then(Mono.defer(() -> one(id)));
    }

    /**
     * The buyer accepts a version with their purchase-order number: it must be the latest version, sent, and valid
     * today; the order is placed in the same transaction. Accepting again with the same version and number answers the
     * order placed.
     */
    public Mono<Accepted> accept(UUID id, int version, String poNumber) {
        String po = poNumber.strip();
        return ofBuyer(id).flatMap(mine -> CurrentUser.name().flatMap(buyer -> db.inTransaction(() -> db.sql(
                                "SELECT q.*, c.legal_name, c.contact_phone FROM quotes q JOIN companies c ON c.id = q.company_id WHERE q.id = :id FOR UPDATE OF q")
                        .bind("id", id).map(row -> new Locked(head(row), row.get("contact_phone", String.class))).one()
                        .flatMap(locked -> {
                            Head quote = locked.head();
                            if (quote.status() == Status.ACCEPTED) {
                                return quote.acceptedVersion() == version && po.equals(quote.poNumber())
                                        ? orderNumber(Objects.requireNonNull(quote.orderId())).map(number -> new Accepted(id, quote.number(),
                                                quote.orderId(), number, po))
                                        : Mono.error(CorporateProblem.quoteClosed());
                            }
                            if (quote.status() != Status.SENT) {
                                return Mono.error(quote.status() == Status.DECLINED ? CorporateProblem.quoteClosed() : CorporateProblem.quoteNotSent());
                            }
                            if (version != quote.currentVersion()) {
                                return Mono.error(CorporateProblem.versionSuperseded(quote.currentVersion()));
                            }
                            return sentVersion(id, version).flatMap(sent -> sent.validUntil().isBefore(today())
                                    ? Mono.error(CorporateProblem.quoteExpired(sent.validUntil()))
                                    : place(quote, sent, buyer, po, locked.phone()))
                                    .flatMap(placed -> db.sql("""
                                                    UPDATE quotes SET status = 'ACCEPTED', po_number = :po, order_id = :order, accepted_at = now(),
                                                                      accepted_by = :by, updated_at = now()
                                                    WHERE id = :id""")
                                            .bind("id", id).bind("po", po).bind("order", placed.orderId()).bind("by", buyer)
                                            .update()
                                            .then(instalments.agree(placed.orderId(), quote.companyId(), placed.total(), today()))
                                            .then(audit.record(buyer, "corporate.quote-accepted", "quote:" + id, Map.of("version", version,
                                                    "po", po, "order", placed.number())))
                                            .thenReturn(new Accepted(id, quote.number(), placed.orderId(), placed.number(), po)));
                        }))));
    }

    private record Locked(Head head, String phone) {
    }

    /** A quote's head, with the number of the order its acceptance placed (from ordering, by the order's id). */
    private record Read(Head head, @Nullable String orderNumber) {
    }

    private Mono<Version> sentVersion(UUID id, int version) {
        return db.sql("""
                        SELECT v.*, q.wanted_by FROM quote_versions v JOIN quotes q ON q.id = v.quote_id
                        WHERE v.quote_id = :id AND v.version = :version""")
                .bind("id", id).bind("version", version).map(this::version).one();
    }

    /** The order of a version: its goods at the quoted unit prices, customisations and coordinator's lines as charges. */
    private Mono<CorporateOrders.Placed> place(Head quote, Version sent, String buyer, String po, String phone) {
        JsonNode priced = sent.priced();
        List<VariantId> ids = new ArrayList<>();
        priced.get("lines").forEach(line -> ids.add(new VariantId(UUID.fromString(line.get("variantId").asString()))));
        return catalog.variants(ids).flatMap(variants -> {
            List<CorporateOrders.Goods> goods = new ArrayList<>();
            List<CorporateOrders.Charge> charges = new ArrayList<>();
            BigDecimal mainRate = null;
            for (JsonNode line : priced.get("lines")) {
                VariantInfo variant = variants.get(new VariantId(UUID.fromString(line.get("variantId").asString())));
                if (variant == null) {
                    return Mono.error(CorporateProblem.productGone());
                }
                int quantity = line.get("quantity").asInt();
                goods.add(new CorporateOrders.Goods(variant, quantity, money(line.get("unitPrice").get("amount"))));
                mainRate = mainRate == null ? variant.taxRate() : mainRate;
                for (JsonNode custom : line.get("customisations")) {
                    String zh = custom.get("nameZh").asString() + "（" + variant.productNameZh() + "）";
                    String en = custom.get("nameEn").asString() + " (" + variant.productNameEn() + ")";
                    Money unit = money(custom.get("unitPrice"));
                    Money setup = money(custom.get("setupPrice"));
                    if (unit.minor() > 0) {
                        charges.add(new CorporateOrders.Charge(zh, en, quantity, unit, variant.taxRate()));
                    }
                    if (setup.minor() > 0) {
                        charges.add(new CorporateOrders.Charge(zh + " 设置费", en + " set-up", 1, setup, variant.taxRate()));
                    }
                }
            }
            for (JsonNode manual : priced.get("manual")) {
                charges.add(new CorporateOrders.Charge(manual.get("nameZh").asString(), manual.get("nameEn").asString(),
                        manual.get("quantity").asInt(), money(manual.get("unitPrice")), Objects.requireNonNull(mainRate)));
            }
            return companies.one(quote.companyId()).flatMap(company -> orders.place(goods, charges, money(priced.get("delivery")),
                    new CorporateOrders.Buyer(quote.companyName(), buyer, phone, po, quote.number()),
                    OffsetDateTime.now(clock).plusDays(company.paymentDays())));
        });
    }

    private Mono<String> orderNumber(UUID orderId) {
        return db.sql("SELECT number FROM orders WHERE id = :id").bind("id", orderId).map(row -> row.get("number", String.class)).one();
    }

    /** A coordinator declines a quote that was not accepted, saying why. */
    public Mono<Quote> decline(UUID id, String reason) {
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> db.sql("""
                                UPDATE quotes SET status = 'DECLINED', declined_reason = :reason, updated_at = now()
                                WHERE id = :id AND status NOT IN ('ACCEPTED', 'DECLINED')""")
                        .bind("id", id).bind("reason", reason.strip()).update()
                        .flatMap(updated -> updated == 1 ? audit.record(actor, "corporate.quote-declined", "quote:" + id, Map.of())
                                : one(id).then(Mono.error(CorporateProblem.quoteClosed())))))
                .then(Mono.defer(() -> one(id)));
    }

    private static Money money(JsonNode money) {
        return Money.fen(money.get("amount").asLong());
    }

    private List<CorporatePrices.Wanted> wanted(JsonNode lines) {
        List<CorporatePrices.Wanted> wanted = new ArrayList<>();
        for (JsonNode line : lines) {
            List<String> customisations = new ArrayList<>();
            line.get("customisations").forEach(code -> customisations.add(code.asString()));
            wanted.add(new CorporatePrices.Wanted(new VariantId(UUID.fromString(line.get("variantId").asString())), line.get("quantity").asInt(),
                    customisations));
        }
        return wanted;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WORKSHOP));
    }

    private record Head(UUID id, String number, UUID companyId, String companyName, String requestedBy, Status status,
            LocalDate wantedBy, @Nullable UUID locationId, @Nullable String buyerNote, JsonNode lines, int currentVersion,
            int acceptedVersion, @Nullable String changesAsked, @Nullable String poNumber, @Nullable UUID orderId,
            @Nullable OffsetDateTime acceptedAt, @Nullable String declinedReason, OffsetDateTime createdAt) {
    }

    private Head head(Readable row) {
        Status status = Status.valueOf(row.get("status", String.class));
        int current = row.get("current_version", Integer.class);
        return new Head(row.get("id", UUID.class), row.get("number", String.class), row.get("company_id", UUID.class),
                row.get("legal_name", String.class), row.get("requested_by", String.class), status, row.get("wanted_by", LocalDate.class),
                row.get("location_id", UUID.class), row.get("buyer_note", String.class), json.readTree(row.get("lines", String.class)),
                current, status == Status.ACCEPTED ? current : 0, row.get("changes_asked", String.class), row.get("po_number", String.class),
                row.get("order_id", UUID.class), row.get("accepted_at", OffsetDateTime.class), row.get("declined_reason", String.class),
                row.get("created_at", OffsetDateTime.class));
    }

    private Version version(Readable row) {
        LocalDate earliest = row.get("earliest_delivery", LocalDate.class);
        return new Version(row.get("version", Integer.class), row.get("valid_until", LocalDate.class),
                json.readTree(row.get("priced", String.class)), Money.fen(row.get("total_minor", Long.class)), earliest,
                !earliest.isAfter(row.get("wanted_by", LocalDate.class)), row.get("note", String.class),
                row.get("sent_at", OffsetDateTime.class), row.get("sent_by", String.class));
    }

    private static @Nullable String blankless(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
