package org.socialworkshop.platform.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

import org.socialworkshop.platform.database.Database;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Slows down password guessing: after too many failed sign-ins for one account, or from one address, within
 * a window, further attempts are refused until the oldest failure leaves the window. Failures are counted in
 * PostgreSQL, before the password is checked ({@link #attempt}), so every instance and every parallel try sees
 * the same count.
 */
@Component
public class LoginThrottle {

    /** The wait asked of a try made while another for the same account or address is being checked. */
    private static final Duration BUSY = Duration.ofSeconds(1);

    private final Database db;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;

    LoginThrottle(Database db,
            @Value("${workshop.security.login.max-failures-per-account:5}") int perAccount,
            @Value("${workshop.security.login.max-failures-per-address:20}") int perAddress,
            @Value("${workshop.security.login.window:15m}") Duration window) {
        this.db = db;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
    }

    /**
     * Counts this try before its password is checked: empty when it may go ahead (it is then recorded as a failure,
     * which a success takes back), else how long to wait. Counting and recording happen under transaction-scoped
     * advisory locks on the address and the account, taken without waiting: a try that finds another try for the
     * same address or account under way is refused for a second (a person does not sign in twice at once; a
     * burst of parallel guesses does). So a burst gets at most the allowed number of password checks, and a right
     * password inside it is refused like the others; no connection waits on a lock meanwhile.
     */
    public Mono<Optional<Duration>> attempt(String account, String address) {
        String who = normalise(account);
        return db.inTransaction(() -> db.sql("""
                        SELECT pg_try_advisory_xact_lock(hashtext('login-address:' || :address))
                           AND pg_try_advisory_xact_lock(hashtext('login-account:' || :account)) AS locked""")
                .bind("address", address).bind("account", who)
                .map(row -> row.get("locked", Boolean.class)).one()
                .flatMap(locked -> locked ? waitBeforeTrying(who, address) : Mono.just(Optional.of(BUSY)))
                .flatMap(wait -> wait.isPresent() ? Mono.just(wait) : db.sql("INSERT INTO login_failures (account, address) VALUES (:account, :address)")
                        .bind("account", who)
                        .bind("address", address)
                        .update()
                        .thenReturn(wait)));
    }

    private Mono<Optional<Duration>> waitBeforeTrying(String account, String address) {
        return db.sql("""
                        SELECT
                          (SELECT count(*) FROM login_failures WHERE account = :account AND failed_at > now() - :windowSeconds * interval '1 second') AS by_account,
                          (SELECT min(failed_at) FROM (SELECT failed_at FROM login_failures
                             WHERE account = :account AND failed_at > now() - :windowSeconds * interval '1 second'
                             ORDER BY failed_at DESC LIMIT :perAccount) recent) AS account_oldest,
                          (SELECT count(*) FROM login_failures WHERE address = :address AND failed_at > now() - :windowSeconds * interval '1 second') AS by_address,
                          (SELECT min(failed_at) FROM (SELECT failed_at FROM login_failures
                             WHERE address = :address AND failed_at > now() - :windowSeconds * interval '1 second'
                             ORDER BY failed_at DESC LIMIT :perAddress) recent) AS address_oldest,
                          now() AS now""")
                .bind("account", account)
                .bind("address", address)
                .bind("windowSeconds", window.toSeconds())
                .bind("perAccount", perAccount)
                .bind("perAddress", perAddress)
                .map(row -> {
                    OffsetDateTime now = row.get("now", OffsetDateTime.class);
                    Optional<Duration> byAccount = blocked(row.get("by_account", Long.class), perAccount,
                            row.get("account_oldest", OffsetDateTime.class), now);
                    Optional<Duration> byAddress = blocked(row.get("by_address", Long.class), perAddress,
                            row.get("address_oldest", OffsetDateTime.class), now);
                    return byAccount.isPresent() ? byAccount : byAddress;
                })
                .one();
    }

    /** A successful sign-in forgives the account's earlier failures (not the address's). */
    public Mono<Void> recordSuccess(String account) {
        return db.sql("DELETE FROM login_failures WHERE account = :account")
                .bind("account", normalise(account))
                .update()
                .then();
    }

    private Optional<Duration> blocked(Long failures, int limit, OffsetDateTime oldest, OffsetDateTime now) {
        if (failures == null || failures < limit || oldest == null) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, oldest.plus(window));
        return Optional.of(wait.isNegative() ? Duration.ofSeconds(1) : wait.plusSeconds(1).withNanos(0));
    }

    private static String normalise(String account) {
        return account.trim().toLowerCase(Locale.ROOT);
    }
}
