package org.socialworkshop.pos;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.Catalog;
import org.socialworkshop.catalog.PriceLists;
import org.socialworkshop.catalog.ProductId;
import org.socialworkshop.ordering.CounterOrders;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.receipts.ReceiptContent;
import org.socialworkshop.receipts.Receipts;
import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.shared.Money;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * X and Z reports (docs/adr/0017, step 9): a shift's figures as they stand, signed like receipts (canonical JSON with
 * {@code "kind": "SHIFT_REPORT"}, Ed25519 with the receipt keys) and kept as signed. An X report can be made at any
 * time during a shift; the Z report once, when it closes. Anyone holding a report's code (its id and signature, so
 * reports cannot be enumerated) can check it.
 */
@Service
class ShiftReports {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final Database db;
    private final Shifts shifts;
    private final PosRegisters registers;
    private final CounterOrders orders;
    private final Catalog catalog;
    private final PriceLists priceLists;
    private final SignedDocuments documents;
    private final DrawerEvents drawerEvents;
    private final JsonMapper json = JsonMapper.builder().build();

    ShiftReports(Database db, Shifts shifts, PosRegisters registers, CounterOrders orders, Catalog catalog, PriceLists priceLists,
            SignedDocuments documents, DrawerEvents drawerEvents) {
        this.db = db;
        this.drawerEvents = drawerEvents;
        this.shifts = shifts;
        this.registers = registers;
        this.orders = orders;
        this.catalog = catalog;
        this.priceLists = priceLists;
        this.documents = documents;
    }

    enum Kind {
        X, Z
    }

    /** What a report says (all amounts tax included; the drawer's counted cash and difference on a Z report). */
    record Report(Kind type, String register, String registerNameZh, String registerNameEn, UUID shift, String openedAt, String openedBy,
            @Nullable String closedAt, @Nullable String closedBy, String issuedAt, Sales sales, Refunds refunds, List<ReceiptContent.Tax> taxes,
            Drawer drawer, Voided voided, List<NoSale> noSales) {
    }

    /** Lines taken off sales before they were paid: how many, units, their amount, and each with who and when. */
    record Voided(long lines, long quantity, Money amount, List<VoidedLine> each) {
    }

    record VoidedLine(String nameZh, String nameEn, int quantity, Money amount, String cashier, String at) {
    }

    /** The drawer opened without a sale: who, why, when. */
    record NoSale(String cashier, String reason, String at) {
    }

    record Sales(long count, Money total, List<ByTender> tenders, List<ByCategory> categories, List<ByProduct> products,
            List<ByPriceList> priceLists, Discounts discounts) {
    }

    record ByTender(String type, long count, Money amount) {
    }

    record ByCategory(String code, String nameZh, String nameEn, long quantity, Money amount) {
    }

    record ByProduct(String name, String nameEn, long quantity, Money amount) {
    }

    /** Sales at a price list, named as the list was when the report was made. */
    record ByPriceList(String code, String nameZh, String nameEn, long count, Money amount) {
    }

    record Discounts(long lines, Money amount) {
    }

    /** The returns made at the register during the shift: how many, what they gave back, by tender. */
    record Refunds(long count, Money total, List<ByTender> tenders) {
    }

    record Drawer(Money openingFloat, Money paidIn, Money paidOut, Money cashSales, Money cashRefunds, Money expected,
            @Nullable Money counted, @Nullable Money difference, long movements) {
    }

    /** A report as issued: what was signed and how to find it again. */
    record Issued(UUID id, Kind kind, JsonNode content, byte[] payload, String hash, String keyId, byte[] signature, OffsetDateTime issuedAt) {

        String code() {
            return SignedDocuments.Code.of(id, signature);
        }
    }

    /** An X report of the register's open shift, made now; a 409 problem when no shift is open. */
    Mono<Issued> x(String registerId) {
        return shifts.current(registerId).flatMap(open -> open.isEmpty() ? Mono.error(PosProblem.noShift())
                : issue(open.get(), Kind.X));
    }

    /** The Z report of a closed shift, made the first time it is asked for (at the closing), then always that one. */
    Mono<Issued> z(UUID shiftId) {
        return find(shiftId).switchIfEmpty(Mono.defer(() -> shifts.byId(shiftId)
                .flatMap(shift -> shift.closing() == null ? Mono.error(PosProblem.noShift()) : issue(shift, Kind.Z))
                .onErrorResume(DuplicateKeyException.class, raced -> find(shiftId))));
    }

    private Mono<Issued> find(UUID shiftId) {
        return db.sql("SELECT " + COLUMNS + " FROM pos_shift_reports WHERE shift_id = :shift AND kind = 'Z'").bind("shift", shiftId)
                .map(this::issued).first();
    }

    private Mono<Issued> issue(Shifts.Shift shift, Kind kind) {
        return Mono.zip(registers.one(shift.registerId()), sales(shift.id()), priceLists.all(false), paidOtherwise(shift.id()),
                drawerEvents.voids(shift.id()), drawerEvents.noSales(shift.id()), refunds(shift.id())).flatMap(found -> {
            PosRegisters.Register register = found.getT1();
            List<Sold> sold = found.getT2();
            Map<String, PriceLists.PriceList> lists = new LinkedHashMap<>();
            found.getT3().forEach(list -> lists.put(list.code(), list));
            return orders.lines(sold.stream().map(Sold::orderId).toList()).flatMap(lines -> catalog.categoriesOf(lines.stream()
                            .map(CounterOrders.SoldLine::productId).filter(java.util.Objects::nonNull).map(ProductId::new).toList())
                    .map(categories -> report(kind, shift, register, sold, found.getT4(), lines, categories, lists, found.getT7(),
                            found.getT5(), found.getT6())));
        }).flatMap(report -> {
            UUID id = UUID.randomUUID();
            ObjectNode content = (ObjectNode) documents.tree(report);
            content.put("v", 1).put("kind", "SHIFT_REPORT").put("id", id.toString());
            byte[] payload = documents.canonical(content);
            return db.inTransaction(() -> documents.sign(payload).flatMap(signature -> db.sql("""
                            INSERT INTO pos_shift_reports (id, shift_id, kind, content, hash, key_id, signature)
                            VALUES (:id, :shift, :kind, CAST(:content AS jsonb), :hash, :key, :signature)""")
                    .bind("id", id).bind("shift", shift.id()).bind("kind", kind.name()).bind("content", json.writeValueAsString(content))
                    .bind("hash", signature.hash()).bind("key", signature.keyId()).bind("signature", signature.signature())
                    .update()))
                    .then(Mono.defer(() -> db.sql("SELECT " + COLUMNS + " FROM pos_shift_reports WHERE id = :id").bind("id", id)
                            .map(this::issued).one()));
        });
    }

    /** A sale of the shift: its order, total, the cash it left, its price list. */
    private record Sold(UUID orderId, Money total, Money cash, @Nullable String priceList) {
    }

    /** What the shift's sales took by card and wallet, per tender, in the order of the tender's name. */
    private Mono<List<ByTender>> paidOtherwise(UUID shiftId) {
        return db.sql("""
                        SELECT p.method, count(*) AS payments, sum(p.amount_minor) AS amount
                        FROM pos_payments p JOIN pos_sales s ON s.order_id = p.order_id
                        WHERE s.shift_id = :shift AND p.sold
                        GROUP BY p.method ORDER BY p.method""")
                .bind("shift", shiftId)
                .map(row -> new ByTender(row.get("method", String.class), row.get("payments", Long.class),
                        Money.fen(row.get("amount", Number.class).longValue())))
                .list();
    }

    private Mono<List<Sold>> sales(UUID shiftId) {
        return db.sql("SELECT order_id, total_minor, cash_kept, price_list FROM pos_sales WHERE shift_id = :shift ORDER BY recorded_at")
                .bind("shift", shiftId)
                .map(row -> new Sold(row.get("order_id", UUID.class), Money.fen(row.get("total_minor", Long.class)),
                        Money.fen(row.get("cash_kept", Long.class)), row.get("price_list", String.class)))
                .list();
    }

    /**
     * The shift's finished returns, with what they gave back by tender in the order of their first return: cash from the
     * drawer, and what went back to a card, wallet or online payment under that payment's type (a return paid back in
     * both counts under both).
     */
    private Mono<Refunds> refunds(UUID shiftId) {
        return db.sql("""
                        WITH done AS (SELECT * FROM pos_returns WHERE shift_id = :shift AND status = 'DONE'),
                        parts AS (
                            SELECT 'CASH' AS tender, cash_paid AS amount, recorded_at FROM done WHERE cash_paid > 0
                            UNION ALL
                            SELECT CASE WHEN p.method = 'CHECKOUT' THEN 'ONLINE' ELSE p.method END, d.provider_amount, d.recorded_at
                            FROM done d JOIN payments p ON p.id = d.payment_id WHERE d.provider_amount > 0
                        )
                        SELECT tender, count(*) AS returns, sum(amount) AS amount, (SELECT count(*) FROM done) AS all_returns
                        FROM parts GROUP BY tender ORDER BY min(recorded_at)""")
                .bind("shift", shiftId)
                .map(row -> Map.entry(row.get("all_returns", Long.class), new ByTender(row.get("tender", String.class),
                        row.get("returns", Long.class), Money.fen(row.get("amount", Number.class).longValue()))))
                .list()
                .map(rows -> {
                    List<ByTender> tenders = rows.stream().map(Map.Entry::getValue).toList();
                    return new Refunds(rows.isEmpty() ? 0 : rows.get(0).getKey(),
                            tenders.stream().map(ByTender::amount).reduce(Money.fen(0), Money::plus), tenders);
                });
    }

    private static Report report(Kind kind, Shifts.Shift shift, PosRegisters.Register register, List<Sold> sold,
            List<ByTender> paidOtherwise, List<CounterOrders.SoldLine> lines, Map<ProductId, Catalog.Named> categories, Map<String, PriceLists.PriceList> lists,
            Refunds refunds, DrawerEvents.Voids voids, List<DrawerEvents.NoSale> noSales) {
        Money zero = Money.fen(0);
        Money total = sold.stream().map(Sold::total).reduce(zero, Money::plus);
        Money cash = sold.stream().map(Sold::cash).reduce(zero, Money::plus);
        Map<String, long[]> byCategory = new LinkedHashMap<>();
        Map<String, Catalog.Named> named = new LinkedHashMap<>();
        Map<String, long[]> byProduct = new LinkedHashMap<>();
        Map<String, String[]> productNames = new LinkedHashMap<>();
        long discounted = 0;
        Money discounts = zero;
        List<ReceiptContent.Line> taxed = new ArrayList<>();
        for (CounterOrders.SoldLine line : lines) {
            Catalog.Named category = line.productId() == null ? null : categories.get(new ProductId(line.productId()));
            String code = category == null ? "OTHER" : category.code();
            named.putIfAbsent(code, category == null ? new Catalog.Named("OTHER", "其他", "Other") : category);
            add(byCategory, code, line.quantity(), line.amount().minor());
            String product = line.nameZh() + "\u0000" + line.nameEn();
            productNames.putIfAbsent(product, new String[] {line.nameZh(), line.nameEn()});
            add(byProduct, product, line.quantity(), line.amount().minor());
            if (line.discount().minor() > 0) {
                discounted++;
                discounts = discounts.plus(line.discount());
            }
            taxed.add(new ReceiptContent.Line(line.nameZh(), line.nameEn(), "", line.quantity(), line.unitPrice(), line.amount(),
                    ReceiptContent.Line.rate(line.taxRate())));
        }
        Map<String, long[]> byList = new LinkedHashMap<>();
        sold.stream().filter(sale -> sale.priceList() != null).forEach(sale -> add(byList, sale.priceList(), 1, sale.total().minor()));
        List<ByTender> tenders = new ArrayList<>();
        long inCash = sold.stream().filter(sale -> sale.cash().minor() > 0).count();
        if (inCash > 0) {
            tenders.add(new ByTender("CASH", inCash, cash));
        }
        tenders.addAll(paidOtherwise);
        Sales sales = new Sales(sold.size(), total, tenders,
                byCategory.entrySet().stream().map(entry -> new ByCategory(entry.getKey(), named.get(entry.getKey()).nameZh(),
                        named.get(entry.getKey()).nameEn(), entry.getValue()[0], Money.fen(entry.getValue()[1]))).toList(),
                byProduct.entrySet().stream().map(entry -> new ByProduct(productNames.get(entry.getKey())[0], productNames.get(entry.getKey())[1],
                        entry.getValue()[0], Money.fen(entry.getValue()[1]))).toList(),
                byList.entrySet().stream().map(entry -> {
                    PriceLists.PriceList list = lists.get(entry.getKey());
                    return new ByPriceList(entry.getKey(), list == null ? entry.getKey() : list.nameZh(), list == null ? entry.getKey() : list.nameEn(),
                            entry.getValue()[0], Money.fen(entry.getValue()[1]));
                }).toList(),
                new Discounts(discounted, discounts));
        Shifts.Closing closing = kind == Kind.Z ? shift.closing() : null;
        Drawer drawer = new Drawer(shift.openingFloat(), shift.paidIn(), shift.paidOut(), shift.sales().cash(), shift.refunds().cash(),
                closing == null ? shift.expectedCash() : closing.expected(), closing == null ? null : closing.counted(),
                closing == null ? null : closing.difference(), shift.movements().size());
        return new Report(kind, register.id(), register.nameZh(), register.nameEn(), shift.id(), TIME.format(shift.openedAt()), shift.openedBy(),
                closing == null ? null : TIME.format(closing.closedAt()), closing == null ? null : closing.closedBy(),
                TIME.format(OffsetDateTime.now()), sales, refunds, Receipts.taxes(taxed), drawer,
                new Voided(voids.lines(), voids.quantity(), voids.amount(), voids.each().stream().map(voided -> new VoidedLine(voided.nameZh(),
                        voided.nameEn(), voided.quantity(), voided.amount(), voided.cashier(), TIME.format(voided.at()))).toList()),
                noSales.stream().map(noSale -> new NoSale(noSale.cashier(), noSale.reason(), TIME.format(noSale.at()))).toList());
    }

    private static void add(Map<String, long[]> sums, String key, long quantity, long amount) {
        long[] sum = sums.computeIfAbsent(key, ignored -> new long[2]);
        sum[0] += quantity;
        sum[1] += amount;
    }

    /** A report found by its code, and whether its signature and hash hold; empty when no report has this code. */
    record Checked(Issued report, boolean valid) {
    }

    Mono<Checked> check(String code) {
        return Mono.justOrEmpty(SignedDocuments.Code.parse(code)).flatMap(parsed -> db.sql(
                        "SELECT " + COLUMNS + " FROM pos_shift_reports WHERE id = :id")
                .bind("id", parsed.id())
                .map(this::issued)
                .first()
                .filter(issued -> parsed.names(issued.signature())))
                .flatMap(issued -> documents.verify(issued.keyId(), issued.payload(), issued.signature())
                        .map(valid -> new Checked(issued, valid && SignedDocuments.sha256Hex(issued.payload()).equals(issued.hash()))));
    }

    private static final String COLUMNS = "id, kind, content::text AS content, hash, key_id, signature, issued_at";

    private Issued issued(Readable row) {
        JsonNode content = json.readTree(row.get("content", String.class));
        return new Issued(row.get("id", UUID.class), Kind.valueOf(row.get("kind", String.class)), content, documents.canonical(content),
                row.get("hash", String.class), row.get("key_id", String.class), row.get("signature", byte[].class),
                row.get("issued_at", OffsetDateTime.class));
    }
}
