package org.socialworkshop.piecework.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.socialworkshop.piecework.PieceworkDemo;
import org.socialworkshop.platform.startup.DemoDataset;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Four months of piece work for the demo makers, so the portal, statements and the overview show a real history
 * on first start: operations with rates (raised two months ago), work checked two or three times a week (a few
 * pieces rejected now and then), a festival bonus, payouts at each month's end, consignment terms, and the demo
 * maker account linked to the first maker who consented. The same every time (a fixed seed).
 */
@Component
@Order(300)
class DemoPiecework implements DemoDataset {

    private final PieceworkDemo piecework;
    private final Clock clock;

    DemoPiecework(PieceworkDemo piecework, Clock clock) {
        this.piecework = piecework;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "piecework.demo-history";
    }

    @Override
    public Set<String> loadedAfter() {
        return Set.of("catalog.demo-workshop", "identity.demo-accounts");
    }

    @Override
    public Mono<Void> load() {
        Random random = new Random(20261129L);
        LocalDate today = LocalDate.now(clock);
        YearMonth first = YearMonth.from(today).minusMonths(3);
        LocalDate raised = today.minusMonths(2).withDayOfMonth(1);
        return Mono.zip(piecework.demoMakers(), piecework.handcrafts())
                .flatMap(found -> {
                    List<UUID> makers = found.getT1();
                    List<UUID> products = found.getT2().subList(0, Math.min(6, found.getT2().size()));
                    return Flux.fromIterable(products)
                            .concatMap(product -> {
                                long making = 800 + random.nextInt(12) * 100;
                                return piecework.operation(product, "制作", "Making", making, first.atDay(1), making + 100, raised)
                                        .concatWith(piecework.operation(product, "包装", "Packing", 50 + random.nextInt(4) * 10, first.atDay(1), 0, null));
                            })
                            .collectList()
                            .flatMap(operations -> Flux.fromIterable(makers).index()
                                    .concatMap(maker -> history(maker.getT2(), maker.getT1().intValue(), operations, first, today, random))
                                    .then(piecework.consign(products.get(0), makers.get(0), new BigDecimal("0.600")))
                                    .then(piecework.linkDemoAccount(makers.get(0))));
                });
    }

    /** One maker's months: work on some weekdays, a bonus in the second month, a payout at each past month's end. */
    private Mono<Void> history(UUID maker, int index, List<UUID> operations, YearMonth first, LocalDate today, Random random) {
        int daysAWeek = 1 + (index % 3);
        return Flux.range(0, 4)
                .map(first::plusMonths)
                .concatMap(month -> Flux.fromStream(month.atDay(1).datesUntil(month.atEndOfMonth().plusDays(1)))
                        .filter(day -> !day.isAfter(today) && day.getDayOfWeek().getValue() <= daysAWeek * 2
                                && day.getDayOfWeek() != DayOfWeek.SUNDAY && day.getDayOfWeek().getValue() % 2 == index % 2)
                        .concatMap(day -> {
                            UUID operation = operations.get(random.nextInt(operations.size()));
                            int pieces = 2 + random.nextInt(8);
                            int rejected = random.nextInt(10) == 0 ? 1 : 0;
                            return piecework.checkedWork(maker, operation, day, pieces, rejected);
                        })
                        .then(month.equals(first.plusMonths(1)) && index % 2 == 0
                                ? piecework.bonus(maker, 5000, "中秋节补贴 Mid-autumn festival allowance", month.atDay(20))
                                : Mono.empty())
                        .then(month.atEndOfMonth().isBefore(today) && index != 3
                                ? piecework.payOutAll(maker, month.atEndOfMonth(), index % 3 == 0 ? "CASH" : "BANK_TRANSFER")
                                : Mono.empty()))
                .then();
    }
}
