package org.socialworkshop.corporate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.piecework.OrderWork;
import org.socialworkshop.shared.Money;

/**
 * An impact report's figures, for one order or for a company's year, as shown and as signed: the makers (named only with
 * their consent, the others counted), pieces accepted and checked, the minutes recorded and on how many of the work
 * records, the piece-work earnings the ledger paid, per operation and (for a year) per order. Plain Java: summed from
 * the work lines piecework gives, nothing estimated. {@code id} is null until the report is issued (signed). Version 2
 * names the makers in Latin script too ({@code namedMakersEn}, in the order of {@code namedMakers}; ADR 0033).
 */
record ImpactReport(int v, Kind kind, @Nullable String id, LocalDate issuedOn, Party company, @Nullable OrderRef order,
        @Nullable Integer year, int orders, int makers, List<String> namedMakers, List<String> namedMakersEn, int otherMakers,
        long accepted, long checked, long minutes, long records, long timedRecords, Money earnings, List<Operation> operations,
        List<OrderFigures> orderLines) {

    enum Kind {
        ORDER, YEAR
    }

    record Party(String name, String creditCode) {
    }

    record OrderRef(UUID id, String number, String poNumber) {
    }

    record Operation(String productZh, String productEn, String operationZh, String operationEn, int makers, long accepted, long checked,
            long minutes, long records, long timedRecords, Money earnings) {
    }

    record OrderFigures(UUID orderId, String orderNumber, int makers, long accepted, long checked, long minutes, long records,
            long timedRecords, Money earnings) {
    }

    /** The report of one order's work. */
    static ImpactReport ofOrder(Party company, OrderRef order, List<OrderWork.Line> lines, Map<UUID, OrderWork.PublicName> names,
            LocalDate today) {
        return of(Kind.ORDER, company, order, null, lines, names, Map.of(), today);
    }

    /** The report of the work done in {@code year} for the company's orders; {@code numbers} names each order. */
    static ImpactReport ofYear(Party company, int year, List<OrderWork.Line> lines, Map<UUID, OrderWork.PublicName> names,
            Map<UUID, String> numbers, LocalDate today) {
        return of(Kind.YEAR, company, null, year, lines, names, numbers, today);
    }

    private static ImpactReport of(Kind kind, Party company, @Nullable OrderRef order, @Nullable Integer year, List<OrderWork.Line> lines,
            Map<UUID, OrderWork.PublicName> names, Map<UUID, String> numbers, LocalDate today) {
        Set<UUID> makers = makers(lines);
        List<OrderWork.PublicName> named = makers.stream().filter(names::containsKey).map(names::get)
                .sorted(Comparator.comparing(OrderWork.PublicName::zh).thenComparing(OrderWork.PublicName::latin)).toList();
        Map<UUID, List<OrderWork.Line>> byOperation = group(lines, true);
        List<Operation> operations = new ArrayList<>();
        byOperation.values().forEach(its -> {
            OrderWork.Line first = its.get(0);
            Sums sums = Sums.of(its);
            operations.add(new Operation(first.productZh(), first.productEn(), first.operationZh(), first.operationEn(), makers(its).size(),
                    sums.accepted, sums.checked, sums.minutes, sums.records, sums.timed, Money.fen(sums.earnings)));
        });
        List<OrderFigures> orderLines = new ArrayList<>();
        if (kind == Kind.YEAR) {
            group(lines, false).forEach((id, its) -> {
                Sums sums = Sums.of(its);
                orderLines.add(new OrderFigures(id, numbers.getOrDefault(id, ""), makers(its).size(), sums.accepted, sums.checked, sums.minutes,
                        sums.records, sums.timed, Money.fen(sums.earnings)));
            });
            orderLines.sort(Comparator.comparing(OrderFigures::orderNumber));
        }
        Sums all = Sums.of(lines);
        int orders = (int) lines.stream().map(OrderWork.Line::orderId).distinct().count();
        return new ImpactReport(2, kind, null, today, company, order, year, orders, makers.size(),
                named.stream().map(OrderWork.PublicName::zh).toList(), named.stream().map(OrderWork.PublicName::latin).toList(),
                makers.size() - named.size(),
                all.accepted, all.checked, all.minutes, all.records, all.timed, Money.fen(all.earnings), operations, orderLines);
    }

    private static Set<UUID> makers(Collection<OrderWork.Line> lines) {
        Set<UUID> makers = new HashSet<>();
        lines.forEach(line -> makers.add(line.makerId()));
        return makers;
    }

    private static Map<UUID, List<OrderWork.Line>> group(List<OrderWork.Line> lines, boolean byOperation) {
        Map<UUID, List<OrderWork.Line>> groups = new LinkedHashMap<>();
        lines.forEach(line -> groups.computeIfAbsent(byOperation ? line.operationId() : line.orderId(), key -> new ArrayList<>()).add(line));
        return groups;
    }

    private static final class Sums {
        long accepted;
        long checked;
        long minutes;
        long records;
        long timed;
        long earnings;

        static Sums of(Collection<OrderWork.Line> lines) {
            Sums sums = new Sums();
            for (OrderWork.Line line : lines) {
                sums.accepted += line.accepted();
                sums.checked += line.checked();
                sums.minutes += line.minutes();
                sums.records += line.records();
                sums.timed += line.timedRecords();
                sums.earnings = Math.addExact(sums.earnings, line.earnings());
            }
            return sums;
        }
    }
}
