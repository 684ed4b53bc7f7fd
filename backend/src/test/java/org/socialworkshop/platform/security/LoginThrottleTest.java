package org.socialworkshop.platform.security;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The brake on guessing counts per account and per address, and releases when the window passes. */
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
            throttle.recordFailure("account-" + i + "-" + tag, address).block();
        }
        StepVerifier.create(throttle.waitBeforeTrying("fresh-" + tag, address))
                .assertNext(wait -> assertThat(wait).hasValueSatisfying(d -> assertThat(d).isBetween(
                        Duration.ofMinutes(14), Duration.ofMinutes(15).plusSeconds(1))))
                .verifyComplete();
        StepVerifier.create(throttle.waitBeforeTrying("fresh-" + tag, "10.1.1.1"))
                .expectNext(Optional.empty())
                .verifyComplete();
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        LoginThrottle throttle = new LoginThrottle(db, 2, 100, Duration.ofMinutes(15));
        String account = "old-" + UUID.randomUUID() + "@example.org";
        throttle.recordFailure(account, "10.2.2.2").block();
        throttle.recordFailure(account, "10.2.2.2").block();
        StepVerifier.create(throttle.waitBeforeTrying(account, "10.2.2.2"))
                .assertNext(wait -> assertThat(wait).isPresent()).verifyComplete();
        db.sql("UPDATE login_failures SET failed_at = now() - interval '16 minutes' WHERE account = :account")
                .bind("account", account).update().block();
        StepVerifier.create(throttle.waitBeforeTrying(account, "10.2.2.2"))
                .expectNext(Optional.empty()).verifyComplete();
    }
}
