package org.socialworkshop.pos.demo;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.identity.StaffPins;
import org.socialworkshop.platform.startup.DemoDataset;
import org.socialworkshop.pos.PosRegisters;
import org.socialworkshop.pos.RegisterKind;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The workshop's four counters as registers without tablets (pair one from the staff area), and a PIN for the demo
 * cashier, so the counter tablet can be tried at once.
 */
@Component
@Order(400)
class DemoRegisters implements DemoDataset {

    static final String DEMO_CASHIER = "cashier@example.org";
    static final String DEMO_PIN = "2580";
    private static final Logger log = LoggerFactory.getLogger(DemoRegisters.class);

    private record Counter(String id, RegisterKind kind, String nameZh, String nameEn) {
    }

    private static final List<Counter> COUNTERS = List.of(
            new Counter("CANTEEN-1", RegisterKind.CANTEEN, "社区食堂", "Community canteen"),
            new Counter("CAFE-1", RegisterKind.CAFE, "咖啡馆", "Café"),
            new Counter("TEA-1", RegisterKind.TEA_ROOM, "茶室", "Tea room"),
            new Counter("SHOP-1", RegisterKind.SHOP_COUNTER, "工坊店铺柜台", "Workshop shop counter"));

    private final PosRegisters registers;
    private final Accounts accounts;
    private final StaffPins pins;

    DemoRegisters(PosRegisters registers, Accounts accounts, StaffPins pins) {
        this.registers = registers;
        this.accounts = accounts;
        this.pins = pins;
    }

    @Override
    public String name() {
        return "pos.demo-registers";
    }

    @Override
    public Set<String> loadedAfter() {
        return Set.of("identity.demo-accounts");
    }

    @Override
    public Mono<Void> load() {
        return Flux.fromIterable(COUNTERS)
                .concatMap(counter -> registers.open(counter.id(), counter.kind(), counter.nameZh(), counter.nameEn()))
                .then(accounts.findByEmail(DEMO_CASHIER))
                .flatMap(cashier -> pins.set(cashier.id(), DEMO_PIN))
                .doOnSuccess(done -> log.info("Demo cashier PIN on the counter tablets: {} / {}", DEMO_CASHIER, DEMO_PIN));
    }
}
