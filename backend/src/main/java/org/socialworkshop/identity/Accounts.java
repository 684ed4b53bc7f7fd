package org.socialworkshop.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.socialworkshop.platform.audit.AuditLog;
import org.socialworkshop.platform.database.Database;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Creating and finding accounts; the identity module's facade for the rest of the application. */
@Service
public class Accounts {

    private final Database db;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    Accounts(Database db, PasswordEncoder passwords, AuditLog audit) {
        this.db = db;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** Creates an account and records who did it; fails with {@link EmailTaken} for a known address. */
    public Mono<Account> create(NewAccount request) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        Account account = new Account(UserId.random(), email, request.displayName().trim(), EnumSet.copyOf(request.roles()));
        return Mono.fromCallable(() -> passwords.encode(request.password()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> db.inTransaction(() -> insert(account, hash)
                        .then(audit.record("account.created", "user:" + account.id().value(),
                                Map.of("email", email, "roles", account.roles())))
                        .thenReturn(account)))
                .onErrorMap(DataIntegrityViolationException.class, duplicate -> EmailTaken.forEmail(email));
    }

    public Mono<Account> findByEmail(String email) {
        return db.sql(SELECT + " WHERE lower(u.email) = lower(:email) GROUP BY u.id")
                .bind("email", email.trim())
                .map(Accounts::account)
                .one();
    }

    public Mono<Boolean> anyWithRole(Role role) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM user_roles WHERE role = :role) AS found")
                .bind("role", role.name())
                .map(row -> row.get("found", Boolean.class))
                .one();
    }

    Mono<String> passwordHash(UserId id) {
        return db.sql("SELECT password_hash FROM users WHERE id = :id AND enabled")
                .bind("id", id.value())
                .map(row -> row.get("password_hash", String.class))
                .one();
    }

    private Mono<Void> insert(Account account, String hash) {
        Mono<Long> user = db.sql("""
                        INSERT INTO users (id, email, password_hash, display_name) VALUES (:id, :email, :hash, :name)""")
                .bind("id", account.id().value())
                .bind("email", account.email())
                .bind("hash", hash)
                .bind("name", account.displayName())
                .update();
        Flux<Long> roles = Flux.fromIterable(account.roles()).concatMap(role -> db.sql(
                        "INSERT INTO user_roles (user_id, role) VALUES (:id, :role)")
                .bind("id", account.id().value())
                .bind("role", role.name())
                .update());
        return user.thenMany(roles).then();
    }

    private static final String SELECT = """
            SELECT u.id, u.email, u.display_name, string_agg(r.role, ',') AS roles
            FROM users u LEFT JOIN user_roles r ON r.user_id = u.id""";

    private static Account account(Readable row) {
        String roles = row.get("roles", String.class);
        Set<Role> parsed = roles == null ? Set.of() : Arrays.stream(roles.split(",")).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new Account(new UserId(row.get("id", java.util.UUID.class)), row.get("email", String.class),
                row.get("display_name", String.class), parsed);
    }
}
