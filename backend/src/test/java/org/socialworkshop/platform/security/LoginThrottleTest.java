package org.socialworkshop.platform.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The brake on guessing counts per account and per address, before the password check, and releases when the window passes. */
@WorkshopTest
class LoginThrottleTest {

    @Autowired
    Database db;

    @Test
    void manyAccountsFromOneAddressAreBrakedToo() {
        LoginThrottle throttle = new LoginThrottle(db, 5, 3, Duration.ofMinutes(15));
        String address = "10.0.0." + (int) (Math.random() * 250);
        String tag = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.attempt("account-" + i + "-" + tag, address).block()).isEmpty();
        }
        StepVerifier.create(throttle.attempt("fresh-" + tag, address))
                .assertNext(wait -> assertThat(wait).hasValueSatisfying(d -> assertThat(d).isBetween(
                        Duration.ofMinutes(14), Duration.ofMinutes(15).plusSeconds(1))))
                .verifyComplete();
        StepVerifier.create(throttle.attempt("fresh-" + tag, "10.1.1." + (int) (Math.random() * 250)))
                .expectNext(Optional.empty())
                .verifyComplete();
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        LoginThrottle throttle = new LoginThrottle(db, 2, 100, Duration.ofMinutes(15));
        String account = "old-" + UUID.randomUUID() + "@example.org";
        assertThat(throttle.attempt(account, "10.2.2.2").block()).isEmpty();
        assertThat(throttle.attempt(account, "10.2.2.2").block()).isEmpty();
        StepVerifier.create(throttle.attempt(account, "10.2.2.2"))
                .assertNext(wait -> assertThat(wait).isPresent()).verifyComplete();
        db.sql("UPDATE login_failures SET failed_at = now() - interval '16 minutes' WHERE account = :account")
                .bind("account", account).update().block();
        StepVerifier.create(throttle.attempt(account, "10.2.2.2"))
                .expectNext(Optional.empty()).verifyComplete();
    }

    @Test
    void parallelTriesGetAtMostTheAllowedNumberOfPasswordChecks() {
        LoginThrottle throttle = new LoginThrottle(db, 5, 100, Duration.ofMinutes(15));
        String account = "burst-" + UUID.randomUUID() + "@example.org";
        List<Optional<Duration>> answers = Flux.range(0, 40)
                .flatMap(n -> throttle.attempt(account, "10.3.3.3"), 40)
                .collectList().block();
        assertThat(answers).hasSize(40);
        assertThat(answers.stream().filter(Optional::isEmpty).count()).isBetween(1L, 5L);
        // Tried one after another, the account gets the rest of its five, and no more.
        long more = 0;
        while (throttle.attempt(account, "10.3.3.4").block().isEmpty()) {
            more++;
        }
        assertThat(answers.stream().filter(Optional::isEmpty).count() + more).isEqualTo(5);
    }
}
