package org.socialworkshop.identity;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A hash that matches no password or PIN anyone can send (of a random secret, hashed once): checked in place of a
 * missing account's or PIN's hash, so that an answer's timing does not tell which exist.
 */
@Component
class StandInHash {

    private final Mono<String> hash;

    StandInHash(PasswordEncoder passwords) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.hash = Mono.fromCallable(() -> passwords.encode(HexFormat.of().formatHex(secret)))
                .subscribeOn(Schedulers.boundedElastic())
                .cache();
    }

    Mono<String> get() {
        return hash;
    }
}
