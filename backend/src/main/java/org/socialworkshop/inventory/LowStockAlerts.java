package org.socialworkshop.inventory;

import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.outbox.OutboxHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Turns {@link StockRunningLow} events into alerts on the coordinators' stock screen. */
@Component
class LowStockAlerts implements OutboxHandler<StockRunningLow> {

    private final Database db;

    LowStockAlerts(Database db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "inventory.low-stock-alert";
    }

    @Override
    public Class<StockRunningLow> eventType() {
        return StockRunningLow.class;
    }

    @Override
    public Mono<Void> handle(StockRunningLow event) {
        return db.sql("INSERT INTO stock_alerts (variant_id, location, available, threshold) VALUES (:variant, :location, :available, :threshold)")
                .bind("variant", event.variantId()).bind("location", event.location())
                .bind("available", event.available()).bind("threshold", event.threshold())
                .update()
                .then();
    }
}
