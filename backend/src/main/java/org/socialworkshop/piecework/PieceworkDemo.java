package org.socialworkshop.piecework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.piecework.domain.Account;
import org.socialworkshop.piecework.domain.LedgerEntry;
import org.socialworkshop.piecework.domain.Reason;
import org.socialworkshop.platform.database.Database;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the piece-work demo history is made with: the same services as real use, plus back-dated payouts. */
@Component
public class PieceworkDemo {

    private final Database db;
    private final PieceRates rates;
    private final WorkRecords work;
    private final Ledger ledger;
    private final MakerPayouts payouts;
    private final MakerAccounts accounts;
    private final RevenueShares shares;

    PieceworkDemo(Database db, PieceRates rates, WorkRecords work, Ledger ledger, MakerPayouts payouts, MakerAccounts accounts,
            RevenueShares shares) {
        this.db = db;
        this.rates = rates;
        this.work = work;
        this.ledger = ledger;
        this.payouts = payouts;
        this.accounts = accounts;
        this.shares = shares;
    }

    /** The demo makers, those with consent to be named first. */
    public Mono<List<UUID>> demoMakers() {
        return db.sql("""
                        SELECT m.id FROM makers m
                        ORDER BY (SELECT granted FROM maker_consents c WHERE c.maker_id = m.id ORDER BY c.recorded_at DESC LIMIT 1) DESC NULLS LAST,
                                 m.name, m.id""")
                .map(row -> row.get("id", UUID.class)).list();
    }

    /** Active handcraft products, in a stable order. */
    public Mono<List<UUID>> handcrafts() {
        return db.sql("SELECT id FROM products WHERE category = 'HANDCRAFT' AND status = 'ACTIVE' ORDER BY name_zh, id")
                .map(row -> row.get("id", UUID.class)).list();
    }

    /** An operation with a first rate and, when {@code raisedFrom} is given, a second one from that day. */
    public Flux<UUID> operation(UUID product, String nameZh, String nameEn, long rate, LocalDate from, long raised, @Nullable LocalDate raisedFrom) {
        return rates.create(product, null, nameZh, nameEn, rate, from)
                .flatMap(created -> raisedFrom == null ? Mono.just(created.id()) : rates.setRate(created.id(), raised, raisedFrom).thenReturn(created.id()))
                .flux();
    }

    public Mono<Void> checkedWork(UUID maker, UUID operation, LocalDate day, int pieces, int rejected) {
        return work.record(maker, operation, day, pieces, null,
                new WorkRecords.Check(pieces - rejected, rejected, rejected > 0 ? "边缘不齐 uneven edge" : null, null)).then();
    }

    public Mono<Void> bonus(UUID maker, long amount, String reason, LocalDate day) {
        return db.inTransaction(() -> ledger.book(LedgerEntry.toMaker(Reason.ADJUSTMENT, "adjustment:demo-bonus:" + maker, day,
                "demo-bonus:" + maker + ":" + day, maker, Account.ADJUSTMENTS, amount, reason))).then();
    }

    /** Pays the maker everything owed as of {@code day}, recorded on that day. */
    public Mono<Void> payOutAll(UUID maker, LocalDate day, String method) {
        return ledger.balance(maker, day).filter(balance -> balance > 0)
                .flatMap(balance -> payouts.payOn(maker, balance, MakerPayouts.Method.valueOf(method), "月结 month end", day))
                .then();
    }

    public Mono<Void> consign(UUID product, UUID maker, BigDecimal share) {
        return shares.consign(product, maker, share);
    }

    /** The demo maker account signs in as this maker. */
    public Mono<Void> linkDemoAccount(UUID maker) {
        return accounts.link("maker@example.org", maker);
    }
}
