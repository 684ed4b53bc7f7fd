package org.socialworkshop.piecework;

import java.util.Locale;
import java.util.UUID;

import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Which sign-in belongs to which maker: a maker's account sees that maker's earnings and nobody else's. */
@Service
public class MakerAccounts {

    private final Database db;

    MakerAccounts(Database db) {
        this.db = db;
    }

    /** Links an account (by e-mail) to a maker, replacing an earlier link of either. */
    public Mono<Void> link(String email, UUID maker) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        return db.inTransaction(() -> db.sql("DELETE FROM maker_accounts WHERE email = :email OR maker_id = :maker")
                .bind("email", normalized).bind("maker", maker).update()
                .then(db.sql("INSERT INTO maker_accounts (email, maker_id) VALUES (:email, :maker)")
                        .bind("email", normalized).bind("maker", maker).update())
                .then());
    }

    /** The maker of the signed-in account; a 403 problem for accounts not linked to a maker. */
    public Mono<UUID> current() {
        return CurrentUser.name().flatMap(name -> db.sql("SELECT maker_id FROM maker_accounts WHERE email = :email")
                .bind("email", name.toLowerCase(Locale.ROOT))
                .map(row -> row.get("maker_id", UUID.class))
                .first())
                .switchIfEmpty(Mono.error(PieceworkProblem::noMakerAccount));
    }
}
