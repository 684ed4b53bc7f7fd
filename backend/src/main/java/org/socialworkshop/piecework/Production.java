package org.socialworkshop.piecework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.piecework.ProductionReads.Operation;
import org.socialworkshop.piecework.ProductionReads.Pieces;
import org.socialworkshop.piecework.domain.ProductionForecast;
import org.socialworkshop.piecework.domain.Verdict;
import org.socialworkshop.piecework.domain.ProportionalSplit;
import org.socialworkshop.piecework.domain.WorkingDays;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.platform.web.Problems;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Production of orders made to order (issue 13, step 5): an order's goods need, per piece operation of their product
 * (an operation of one variant only for that variant's units), as many pieces as their units; a coordinator splits each
 * operation's pieces across makers, with a suggestion in proportion to each maker's recent checked output; progress is
 * the accepted pieces checked for the order; {@link ProductionForecast} says when it finishes at recent output. Takes
 * plain inputs (the order's id, its goods, the date wanted): the door that sold the order calls it.
 */
@Service
public class Production {

    /** How far back recent output reaches, in calendar days before today (four whole weeks). */
    static final int OUTPUT_DAYS = 28;

    private final ProductionReads reads;
    private final Database db;
    private final AuditLog audit;
    private final WorkshopTime time;

    Production(ProductionReads reads, Database db, AuditLog audit, WorkshopTime time) {
        this.reads = reads;
        this.db = db;
        this.audit = audit;
        this.time = time;
    }

    /** Units of a variant of a product that an order (or a quote) asks for. */
    public record Goods(UUID productId, UUID variantId, String productNameZh, String productNameEn, int quantity) {
    }

    /** Pieces of an operation given to a maker. */
    public record Assignment(UUID operationId, UUID makerId, int pieces) {
    }

    /** The days recent output is read from: accepted pieces per working day in them. */
    public record Window(LocalDate from, LocalDate to, int workingDays) {
    }

    /** A maker of an operation: pieces given in the plan, accepted pieces checked for the order, recent output per day. */
    public record MakerWork(UUID makerId, String makerName, int assigned, int checked, BigDecimal dailyOutput, String makerNameLatin) {
    }

    /** A maker's suggested share of an operation, in proportion to their recent output. */
    public record Suggested(UUID makerId, String makerName, BigDecimal dailyOutput, int pieces, String makerNameLatin) {
    }

    /**
     * An operation of the order: pieces needed, checked (accepted) and remaining, planned in all, per maker; the
     * suggested split ({@code noRecentOutput} when nobody made the operation lately, so there is none).
     */
    public record OperationWork(UUID operationId, UUID productId, String productNameZh, String productNameEn, @Nullable UUID variantId,
            String nameZh, String nameEn, int needed, int checked, int remaining, int planned, List<MakerWork> makers,
            List<Suggested> suggested, boolean noRecentOutput) {
    }

    /** A product of the order with no piece operations: its production is not followed here. */
    public record Untracked(UUID productId, String nameZh, String nameEn, int quantity) {
    }

    public record MakerName(UUID id, String name) {
    }

    /** An operation's forecast: pieces left, its makers' output per day, working days still needed, the day it finishes. */
    public record OperationForecast(UUID operationId, String nameZh, String nameEn, String productNameZh, String productNameEn,
            int remaining, BigDecimal dailyOutput, @Nullable Long workingDays, @Nullable LocalDate finishes) {
    }

    /** Whether the date wanted is met at recent output, and which operation holds the order up. */
    public record Forecast(LocalDate wantedBy, Verdict verdict, @Nullable Boolean meetsWantedDate, @Nullable LocalDate finishes,
            @Nullable OperationForecast bottleneck, List<OperationForecast> operations, List<Untracked> untracked, Window output) {
    }

    /** The order's production as coordinators see it. */
    public record Work(List<OperationWork> operations, List<Untracked> untracked, List<MakerName> makers, Window output,
            Forecast forecast) {
    }

    /** A product of the order as its buyer sees it: the share of its pieces made (null when not followed). */
    public record ProductProgress(UUID productId, String nameZh, String nameEn, int quantity, @Nullable Integer percent) {
    }

    public record Progress(List<ProductProgress> products, @Nullable Integer percent) {
    }

    /** The order's production: needed, checked, the plan, the suggestion and the forecast against {@code wantedBy}. */
    public Mono<Work> work(UUID order, List<Goods> goods, LocalDate wantedBy) {
        Window window = window();
        return reads.operations(products(goods)).flatMap(operations -> {
            List<UUID> ids = operations.stream().map(Operation::id).toList();
            return Mono.zip(reads.checked(order), reads.plan(order), reads.output(ids, window.from(), window.to()), reads.makers())
                    .map(found -> {
                        Map<UUID, Map<UUID, Pieces>> checked = ProductionReads.byOperation(found.getT1());
                        Map<UUID, Map<UUID, Pieces>> plan = ProductionReads.byOperation(found.getT2());
                        Map<UUID, Map<UUID, Pieces>> output = ProductionReads.byOperation(found.getT3());
                        List<OperationWork> work = operations.stream()
                                .map(operation -> operationWork(operation, needed(operation, goods), checked, plan, output, window)).toList();
                        Forecast forecast = forecast(operations, goods, checked, plan, output, window, wantedBy);
                        return new Work(work, untracked(goods, operations), found.getT4().stream()
                                .map(maker -> new MakerName(maker.id(), maker.name())).toList(), window, forecast);
                    });
        });
    }

    /** Whether goods asked for by {@code wantedBy} can be made in time at recent output (a quote's capacity check). */
    public Mono<Forecast> capacity(List<Goods> goods, LocalDate wantedBy) {
        Window window = window();
        return reads.operations(products(goods)).flatMap(operations -> reads.output(operations.stream().map(Operation::id).toList(),
                        window.from(), window.to())
                .map(output -> forecast(operations, goods, Map.of(), Map.of(), ProductionReads.byOperation(output), window, wantedBy)));
    }

    /**
     * Replaces the order's plan: each operation's pieces given to makers (none for zero). Operations must be the order's,
     * makers must exist (400 naming each assignment otherwise), and an operation's pieces may not add up to more than
     * the order needs (422 {@code plan-exceeds-needed}). The same plan again changes nothing.
     */
    public Mono<Work> plan(UUID order, List<Goods> goods, LocalDate wantedBy, List<Assignment> assignments) {
        return reads.operations(products(goods)).flatMap(operations -> reads.existing(assignments.stream().map(Assignment::makerId).toList())
                        .flatMap(makers -> {
                            checkAssignments(assignments, operations, makers);
                            checkTotals(assignments, operations, goods);
                            return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> replace(order, assignments, actor)));
                        }))
                .then(Mono.defer(() -> work(order, goods, wantedBy)));
    }

    /** The buyer's summary: per product, the share of its operations' pieces checked (no makers named). */
    public Mono<Progress> progress(UUID order, List<Goods> goods) {
        return reads.operations(products(goods)).zipWith(reads.checked(order)).map(found -> {
            Map<UUID, Integer> checked = found.getT2().stream().collect(Collectors.groupingBy(Pieces::operationId,
                    Collectors.summingInt(Pieces::pieces)));
            Map<UUID, long[]> madeOfNeeded = new LinkedHashMap<>();
            for (Operation operation : found.getT1()) {
                int needed = needed(operation, goods);
                long[] sums = madeOfNeeded.computeIfAbsent(operation.productId(), key -> new long[2]);
                sums[0] += Math.min(needed, checked.getOrDefault(operation.id(), 0));
                sums[1] += needed;
            }
            Map<UUID, ProductProgress> products = new LinkedHashMap<>();
            for (Goods item : goods) {
                long[] sums = madeOfNeeded.get(item.productId());
                ProductProgress known = products.get(item.productId());
                products.put(item.productId(), new ProductProgress(item.productId(), item.productNameZh(), item.productNameEn(),
                        item.quantity() + (known == null ? 0 : known.quantity()), sums == null || sums[1] == 0 ? null : percent(sums[0], sums[1])));
            }
            long made = madeOfNeeded.values().stream().mapToLong(sums -> sums[0]).sum();
            long needed = madeOfNeeded.values().stream().mapToLong(sums -> sums[1]).sum();
            return new Progress(List.copyOf(products.values()), needed == 0 ? null : percent(made, needed));
        });
    }

    private Mono<Void> replace(UUID order, List<Assignment> assignments, String actor) {
        List<Assignment> kept = assignments.stream().filter(assignment -> assignment.pieces() > 0).toList();
        return db.sql("SELECT pg_advisory_xact_lock(hashtext('production-plan:' || :order)) IS NOT NULL AS locked")
                .bind("order", order.toString()).map(row -> row.get("locked", Boolean.class)).one()
                .then(db.sql("DELETE FROM production_plans WHERE order_id = :order").bind("order", order).update())
                .thenMany(Flux.fromIterable(kept).concatMap(assignment -> db.sql("""
                                INSERT INTO production_plans (order_id, operation_id, maker_id, pieces, planned_by)
                                VALUES (:order, :operation, :maker, :pieces, :actor)""")
                        .bind("order", order).bind("operation", assignment.operationId()).bind("maker", assignment.makerId())
                        .bind("pieces", assignment.pieces()).bind("actor", actor)
                        .update()))
                .then(audit.record(actor, "piecework.production-planned", "order:" + order, Map.of("assignments", kept.size(),
                        "pieces", kept.stream().mapToInt(Assignment::pieces).sum())));
    }

    private static void checkAssignments(List<Assignment> assignments, List<Operation> operations, Set<UUID> makers) {
        Set<UUID> ours = operations.stream().map(Operation::id).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        List<Problems.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < assignments.size(); i++) {
            Assignment assignment = assignments.get(i);
            if (!ours.contains(assignment.operationId())) {
                errors.add(new Problems.FieldError("assignments[" + i + "].operationId", "not an operation of this order's products"));
            }
            if (!makers.contains(assignment.makerId())) {
                errors.add(new Problems.FieldError("assignments[" + i + "].makerId", "no such maker"));
            }
            if (!seen.add(assignment.operationId() + "/" + assignment.makerId())) {
                errors.add(new Problems.FieldError("assignments[" + i + "]", "this maker is given this operation twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.fields(errors);
        }
    }

    private static void checkTotals(List<Assignment> assignments, List<Operation> operations, List<Goods> goods) {
        Map<UUID, Integer> planned = assignments.stream().collect(Collectors.groupingBy(Assignment::operationId,
                Collectors.summingInt(Assignment::pieces)));
        List<Map<String, Object>> over = new ArrayList<>();
        for (Operation operation : operations) {
            int needed = needed(operation, goods);
            int given = planned.getOrDefault(operation.id(), 0);
            if (given > needed) {
                over.add(Map.of("operationId", operation.id(), "nameZh", operation.nameZh(), "nameEn", operation.nameEn(),
                        "needed", needed, "planned", given));
            }
        }
        if (!over.isEmpty()) {
            throw PieceworkProblem.planExceedsNeeded(over);
        }
    }

    private static OperationWork operationWork(Operation operation, int needed, Map<UUID, Map<UUID, Pieces>> checked,
            Map<UUID, Map<UUID, Pieces>> plan, Map<UUID, Map<UUID, Pieces>> output, Window window) {
        Map<UUID, Pieces> checkedBy = checked.getOrDefault(operation.id(), Map.of());
        Map<UUID, Pieces> plannedFor = plan.getOrDefault(operation.id(), Map.of());
        Map<UUID, Pieces> recent = output.getOrDefault(operation.id(), Map.of());
        Map<UUID, Pieces> names = new LinkedHashMap<>();
        plannedFor.values().forEach(pieces -> names.put(pieces.makerId(), pieces));
        checkedBy.values().forEach(pieces -> names.putIfAbsent(pieces.makerId(), pieces));
        List<MakerWork> makers = names.entrySet().stream().map(maker -> new MakerWork(maker.getKey(), maker.getValue().makerName(),
                pieces(plannedFor, maker.getKey()), pieces(checkedBy, maker.getKey()), perDay(pieces(recent, maker.getKey()), window),
                maker.getValue().makerNameLatin())).toList();
        Map<UUID, Long> weights = new LinkedHashMap<>();
        recent.values().forEach(pieces -> weights.put(pieces.makerId(), (long) pieces.pieces()));
        List<Suggested> suggested = ProportionalSplit.of(needed, weights).entrySet().stream()
                .map(share -> new Suggested(share.getKey(), recent.get(share.getKey()).makerName(),
                        perDay(recent.get(share.getKey()).pieces(), window), share.getValue(), recent.get(share.getKey()).makerNameLatin())).toList();
        int done = checkedBy.values().stream().mapToInt(Pieces::pieces).sum();
        int planned = plannedFor.values().stream().mapToInt(Pieces::pieces).sum();
        return new OperationWork(operation.id(), operation.productId(), operation.productNameZh(), operation.productNameEn(),
                operation.variantId(), operation.nameZh(), operation.nameEn(), needed, done, Math.max(0, needed - done), planned, makers,
                suggested, weights.isEmpty());
    }

    /**
     * The forecast: an operation goes on at the pace of the makers planned for it, or, with none planned, of every
     * maker who made it lately.
     */
    private Forecast forecast(List<Operation> operations, List<Goods> goods, Map<UUID, Map<UUID, Pieces>> checked,
            Map<UUID, Map<UUID, Pieces>> plan, Map<UUID, Map<UUID, Pieces>> output, Window window, LocalDate wantedBy) {
        Map<UUID, Operation> byId = new LinkedHashMap<>();
        List<ProductionForecast.Load<UUID>> loads = new ArrayList<>();
        for (Operation operation : operations) {
            byId.put(operation.id(), operation);
            int done = ProductionReads.of(checked, operation.id()).stream().mapToInt(Pieces::pieces).sum();
            Map<UUID, Pieces> recent = output.getOrDefault(operation.id(), Map.of());
            Set<UUID> workforce = plan.containsKey(operation.id()) ? plan.get(operation.id()).keySet() : recent.keySet();
            long recentPieces = workforce.stream().mapToLong(maker -> pieces(recent, maker)).sum();
            loads.add(new ProductionForecast.Load<>(operation.id(), Math.max(0, needed(operation, goods) - done), recentPieces));
        }
        ProductionForecast.Outcome<UUID> outcome = new ProductionForecast<UUID>(time.today(), window.workingDays()).forecast(loads, wantedBy);
        List<OperationForecast> each = outcome.operations().stream().map(finish -> operationForecast(byId.get(finish.operation()), finish, window))
                .toList();
        ProductionForecast.Finish<UUID> bottleneck = outcome.bottleneck();
        return new Forecast(wantedBy, outcome.verdict(), outcome.meetsWantedDate(), outcome.finishes(),
                bottleneck == null ? null : operationForecast(byId.get(bottleneck.operation()), bottleneck, window), each,
                untracked(goods, operations), window);
    }

    private static OperationForecast operationForecast(Operation operation, ProductionForecast.Finish<UUID> finish, Window window) {
        return new OperationForecast(operation.id(), operation.nameZh(), operation.nameEn(), operation.productNameZh(),
                operation.productNameEn(), finish.remaining(), perDay(finish.recentPieces(), window), finish.workingDays(), finish.finishes());
    }

    /** Units of the goods an operation works on: all of its product's, or only its variant's. */
    private static int needed(Operation operation, List<Goods> goods) {
        return goods.stream().filter(item -> item.productId().equals(operation.productId())
                        && (operation.variantId() == null || operation.variantId().equals(item.variantId())))
                .mapToInt(Goods::quantity).sum();
    }

    private static List<Untracked> untracked(List<Goods> goods, List<Operation> operations) {
        Set<UUID> tracked = operations.stream().map(Operation::productId).collect(Collectors.toSet());
        Map<UUID, Untracked> untracked = new LinkedHashMap<>();
        goods.stream().filter(item -> !tracked.contains(item.productId())).forEach(item -> untracked.merge(item.productId(),
                new Untracked(item.productId(), item.productNameZh(), item.productNameEn(), item.quantity()),
                (known, more) -> new Untracked(known.productId(), known.nameZh(), known.nameEn(), known.quantity() + more.quantity())));
        return List.copyOf(untracked.values());
    }

    private Window window() {
        LocalDate to = time.today().minusDays(1);
        LocalDate from = to.minusDays(OUTPUT_DAYS - 1);
        return new Window(from, to, WorkingDays.between(from, to));
    }

    private static Set<UUID> products(List<Goods> goods) {
        return goods.stream().map(Goods::productId).collect(Collectors.toSet());
    }

    private static int pieces(Map<UUID, Pieces> by, UUID maker) {
        Pieces pieces = by.get(maker);
        return pieces == null ? 0 : pieces.pieces();
    }

    private static BigDecimal perDay(long pieces, Window window) {
        return BigDecimal.valueOf(pieces).divide(BigDecimal.valueOf(window.workingDays()), 1, RoundingMode.HALF_UP);
    }

    /** A share in whole percent, rounded down, so 100 means all of it. */
    private static int percent(long part, long whole) {
        return (int) (part * 100 / whole);
    }
}
