package org.socialworkshop.identity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.platform.security.LoginThrottle;
import org.socialworkshop.platform.web.InvalidInput;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Cashiers' PINs for signing in on a paired POS tablet (docs/adr/0017-pos-registers-devices-and-steps.md): four to six
 * digits, set by a coordinator or changed by the cashier, kept as a bcrypt hash. A sign-in is counted before the PIN is checked, per person and
 * per tablet, like password sign-ins; a person without a PIN is checked against a stand-in hash, so the answer's
 * timing does not tell who has one.
 */
@Service
public class StaffPins {

    private final Database db;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final SessionStart sessions;
    private final Accounts accounts;
    private final AuditLog audit;
    private final StandInHash standIn;

    StaffPins(Database db, PasswordEncoder passwords, LoginThrottle throttle, SessionStart sessions, Accounts accounts, AuditLog audit,
            StandInHash standIn) {
        this.db = db;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessions = sessions;
        this.accounts = accounts;
        this.audit = audit;
        this.standIn = standIn;
    }

    /** A cashier as the tablet lists them: who may sign in there. */
    public record Cashier(UserId id, String displayName) {
    }

    /**
     * A cashier as coordinators see them: whether a PIN is set, and since when; how much of a line they may take off
     * at the counter ({@code discountUpTo} percent, 0 for none).
     */
    public record CashierPin(UserId id, String displayName, String email, @Nullable OffsetDateTime pinSetAt, int discountUpTo) {
    }

    /** Every enabled account with the CASHIER role, by name, with its PIN's state. */
    public Mono<List<CashierPin>> cashiers() {
        return db.sql("""
                        SELECT u.id, u.display_name, u.email, p.set_at, coalesce(p.discount_up_to, 0) AS discount_up_to FROM users u
                        JOIN user_roles r ON r.user_id = u.id AND r.role = 'CASHIER'
                        LEFT JOIN staff_pins p ON p.user_id = u.id
                        WHERE u.enabled ORDER BY u.display_name, u.id""")
                .map(row -> new CashierPin(new UserId(row.get("id", UUID.class)), row.get("display_name", String.class),
                        row.get("email", String.class), row.get("set_at", OffsetDateTime.class), row.get("discount_up_to", Integer.class)))
                .list();
    }

    /** The cashiers who can sign in on a tablet: those with a PIN. */
    public Mono<List<Cashier>> withPin() {
        return cashiers().map(all -> all.stream().filter(cashier -> cashier.pinSetAt() != null)
                .map(cashier -> new Cashier(cashier.id(), cashier.displayName())).toList());
    }

    /**
     * How much of a line (percent) a cashier may take off at the counter; set once they have a PIN, since the
     * permission is theirs at the tablet. Refused for someone without one.
     */
    public Mono<Void> allowDiscounts(UserId user, int upTo) {
        return CurrentUser.name().flatMap(actor -> db.inTransaction(() -> db.sql(
                                "UPDATE staff_pins SET discount_up_to = :upTo WHERE user_id = :id")
                        .bind("upTo", upTo).bind("id", user.value())
                        .update()
                        .flatMap(updated -> updated == 0 ? Mono.error(InvalidInput.field("userId", "has no PIN to sell at the counter with"))
                                : audit.record(actor, "staff.discounts-allowed", "user:" + user.value(), Map.of("upTo", upTo)))));
    }

    /** A cashier at a counter, and how much of a line (percent) they may take off there; 0 when they may not. */
    public record Serving(Cashier cashier, int discountUpTo) {
    }

    /**
     * The account signed in as {@code email}, as a cashier serving at a counter, with their discount permission; empty
     * when no account has that address. One query, as the counter asks on every request.
     */
    public Mono<Serving> serving(String email) {
        return db.sql("""
                        SELECT u.id, u.display_name, coalesce(p.discount_up_to, 0) AS discount_up_to
                        FROM users u LEFT JOIN staff_pins p ON p.user_id = u.id
                        WHERE lower(u.email) = lower(:email)""")
                .bind("email", email.trim())
                .map(row -> new Serving(new Cashier(new UserId(row.get("id", UUID.class)), row.get("display_name", String.class)),
                        row.get("discount_up_to", Integer.class)))
                .one();
    }

    /** Sets (or replaces) a cashier's PIN; refused for someone who is not a cashier, and for PINs easily guessed. */
    public Mono<Void> set(UserId user, String pin) {
        if (!acceptable(pin)) {
            return Mono.error(InvalidInput.field("pin", "4 to 6 digits, not all the same and not a run such as 1234"));
        }
        return db.sql("""
                        SELECT EXISTS (SELECT FROM user_roles r JOIN users u ON u.id = r.user_id
                                       WHERE r.user_id = :id AND r.role = 'CASHIER' AND u.enabled) AS cashier""")
                .bind("id", user.value())
                .map(row -> row.get("cashier", Boolean.class)).one()
                .flatMap(cashier -> cashier ? hash(pin) : Mono.error(InvalidInput.field("userId", "is not an enabled cashier")))
                .flatMap(hash -> CurrentUser.name().flatMap(actor -> store(user, hash, actor)));
    }

    private Mono<String> hash(String pin) {
        return Mono.fromCallable(() -> passwords.encode(pin)).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Void> store(UserId user, String hash, String actor) {
        return db.inTransaction(() -> db.sql("""
                        INSERT INTO staff_pins (user_id, pin_hash, set_by) VALUES (:id, :hash, :by)
                        ON CONFLICT (user_id) DO UPDATE SET pin_hash = excluded.pin_hash, set_at = now(), set_by = excluded.set_by""")
                .bind("id", user.value()).bind("hash", hash).bind("by", actor)
                .update()
                .then(audit.record(actor, "staff.pin-set", "user:" + user.value(), Map.of())));
    }

    /**
     * Signs a cashier in with their PIN on a tablet, starting a session, after counting the try per person and per
     * {@code tablet}; the answer is the same for a wrong PIN and for someone who cannot sign in this way.
     */
    public Mono<Account> signIn(ServerWebExchange exchange, UserId user, String pin, String tablet) {
        return checked(user, pin, tablet)
                .flatMap(account -> sessions.start(exchange, UsernamePasswordAuthenticationToken.authenticated(account.email(), null,
                                AccountDetails.authoritiesOf(account)))
                        .then(audit.record(account.email(), "auth.signed-in-with-pin", "user:" + account.id().value(),
                                Map.of("tablet", tablet)))
                        .thenReturn(account));
    }

    /**
     * A cashier changes their own PIN at a tablet, giving the one they have: checked and counted as a sign-in is, and
     * the new one must be as hard to guess as a coordinator's.
     */
    public Mono<Void> change(UserId user, String current, String next, String tablet) {
        if (!acceptable(next)) {
            return Mono.error(InvalidInput.field("newPin", "4 to 6 digits, not all the same and not a run such as 1234"));
        }
        return checked(user, current, tablet).flatMap(account -> hash(next).flatMap(hash -> store(user, hash, account.email())));
    }

    /** The cashier whose PIN this is, after counting the try per person and per tablet; a 401 problem otherwise. */
    private Mono<Account> checked(UserId user, String pin, String tablet) {
        String who = "pin:" + user.value();
        return throttle.attempt(who, tablet).flatMap(wait -> {
            if (wait.isPresent()) {
                return Mono.error(SignInProblem.tooManyAttempts(wait.get()));
            }
            return db.sql("""
                            SELECT u.email, p.pin_hash FROM staff_pins p JOIN users u ON u.id = p.user_id
                            JOIN user_roles r ON r.user_id = u.id AND r.role = 'CASHIER'
                            WHERE p.user_id = :id AND u.enabled""")
                    .bind("id", user.value())
                    .map(row -> Map.entry(row.get("email", String.class), row.get("pin_hash", String.class)))
                    .one()
                    .switchIfEmpty(standIn.get().map(hash -> Map.entry("", hash)))
                    .flatMap(found -> Mono.fromCallable(() -> passwords.matches(pin, found.getValue()) && !found.getKey().isEmpty())
                            .subscribeOn(Schedulers.boundedElastic())
                            .flatMap(matches -> matches ? accounts.findByEmail(found.getKey()) : Mono.error(SignInProblem.wrongPin())))
                    .flatMap(account -> throttle.recordSuccess(who).thenReturn(account));
        });
    }

    /** Four to six digits, not all the same, and not a run up or down (1234, 9876, 012345). */
    static boolean acceptable(String pin) {
        if (pin == null || !pin.matches("\\d{4,6}")) {
            return false;
        }
        boolean same = true;
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < pin.length(); i++) {
            int step = pin.charAt(i) - pin.charAt(i - 1);
            same &= step == 0;
            up &= step == 1;
            down &= step == -1;
        }
        return !same && !up && !down;
    }
}
