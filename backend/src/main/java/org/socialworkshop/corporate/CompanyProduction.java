package org.socialworkshop.corporate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.Catalog;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.catalog.VariantInfo;
import org.socialworkshop.ordering.CorporateOrders;
import org.socialworkshop.piecework.Production;
import org.socialworkshop.platform.database.Database;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Production of companies' orders (issue 13, step 5), through piece work's {@link Production}: the coordinators' view
 * of an order (operations, the split across makers with its suggestion, progress, the forecast against the date the quote
 * wanted) and its plan; the buyer's summary of their own company's order; a quote's capacity check.
 */
@Service
public class CompanyProduction {

    private final CompanyOrders orders;
    private final CorporateOrders corporateOrders;
    private final Quotes quotes;
    private final Production production;
    private final Catalog catalog;
    private final Database db;

    CompanyProduction(CompanyOrders orders, CorporateOrders corporateOrders, Quotes quotes, Production production, Catalog catalog,
            Database db) {
        this.orders = orders;
        this.corporateOrders = corporateOrders;
        this.quotes = quotes;
        this.production = production;
        this.catalog = catalog;
        this.db = db;
    }

    /** A company's order and its production, as coordinators see them. */
    public record OrderWork(CompanyOrders.View order, LocalDate wantedBy, Production.Work production) {
    }

    /** The buyer's summary: per product, the share made; no makers named. */
    public record OrderProgress(UUID orderId, String orderNumber, String status, LocalDate wantedBy,
            List<Production.ProductProgress> products, @Nullable Integer percent) {
    }

    /** A quote's capacity check: its lines against the date wanted, at recent output. */
    public record Capacity(UUID quoteId, String quoteNumber, Production.Forecast forecast) {
    }

    public Mono<OrderWork> work(UUID orderId) {
        return orders.one(orderId).flatMap(order -> Mono.zip(goods(orderId), wantedBy(orderId))
                .flatMap(found -> production.work(orderId, found.getT1(), found.getT2())
                        .map(work -> new OrderWork(order, found.getT2(), work))));
    }

    /** Replaces the order's split across makers (see {@link Production#plan}). */
    public Mono<OrderWork> plan(UUID orderId, List<Production.Assignment> assignments) {
        return orders.one(orderId).flatMap(order -> Mono.zip(goods(orderId), wantedBy(orderId))
                .flatMap(found -> production.plan(orderId, found.getT1(), found.getT2(), assignments)
                        .map(work -> new OrderWork(order, found.getT2(), work))));
    }

    /** The signed-in buyer's company's order's progress; any other order is not found. */
    public Mono<OrderProgress> progressOfBuyer(UUID orderId) {
        return orders.ofBuyer(orderId).flatMap(order -> Mono.zip(goods(orderId), wantedBy(orderId))
                .flatMap(found -> production.progress(orderId, found.getT1())
                        .map(progress -> new OrderProgress(orderId, order.orderNumber(), order.status(), found.getT2(), progress.products(),
                                progress.percent()))));
    }

    /** Whether a quote's lines can be made by its date wanted at recent output. */
    public Mono<Capacity> capacity(UUID quoteId) {
        return quotes.one(quoteId).flatMap(quote -> {
            List<VariantId> ids = new ArrayList<>();
            List<Integer> quantities = new ArrayList<>();
            for (JsonNode line : quote.lines()) {
                ids.add(new VariantId(UUID.fromString(line.get("variantId").asString())));
                quantities.add(line.get("quantity").asInt());
            }
            return catalog.variants(ids).flatMap(variants -> {
                List<Production.Goods> goods = new ArrayList<>();
                for (int i = 0; i < ids.size(); i++) {
                    VariantInfo variant = variants.get(ids.get(i));
                    if (variant != null) {
                        goods.add(new Production.Goods(variant.productId().value(), variant.id().value(), variant.productNameZh(),
                                variant.productNameEn(), quantities.get(i)));
                    }
                }
                return production.capacity(goods, quote.wantedBy()).map(forecast -> new Capacity(quote.id(), quote.number(), forecast));
            });
        });
    }

    private Mono<List<Production.Goods>> goods(UUID orderId) {
        return corporateOrders.items(orderId).map(items -> items.stream().filter(item -> item.productId() != null && item.variantId() != null)
                .map(item -> new Production.Goods(item.productId(), item.variantId(), item.nameZh(), item.nameEn(), item.quantity())).toList());
    }

    private Mono<LocalDate> wantedBy(UUID orderId) {
        return db.sql("SELECT wanted_by FROM quotes WHERE order_id = :order").bind("order", orderId)
                .map(row -> row.get("wanted_by", LocalDate.class)).one()
                .switchIfEmpty(Mono.error(CorporateProblem::unknownOrder));
    }
}
