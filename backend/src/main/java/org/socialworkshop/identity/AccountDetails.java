package org.socialworkshop.identity;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Tells Spring Security who an e-mail address belongs to, with the password hash and roles. An address that belongs
 * to nobody gets a stand-in whose hash matches no password anyone can send (a random one, hashed once), so its
 * password is checked as long as a real account's: the answer's timing does not tell which addresses have accounts.
 */
@Component
class AccountDetails implements ReactiveUserDetailsService {

    private final Accounts accounts;
    private final Mono<String> unmatchableHash;

    AccountDetails(Accounts accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.unmatchableHash = Mono.fromCallable(() -> passwords.encode(HexFormat.of().formatHex(secret)))
                .subscribeOn(Schedulers.boundedElastic())
                .cache();
    }

    @Override
    public Mono<UserDetails> findByUsername(String email) {
        return accounts.findByEmail(email).flatMap(account -> accounts.passwordHash(account.id())
                        .map(hash -> User.withUsername(account.email())
                                .password(hash)
                                .authorities(AuthorityUtils.createAuthorityList(
                                        account.roles().stream().map(role -> "ROLE_" + role.name()).toList()))
                                .build()))
                .switchIfEmpty(Mono.defer(() -> unmatchableHash.map(hash -> User.withUsername(email).password(hash)
                        .authorities(AuthorityUtils.NO_AUTHORITIES).build())));
    }
}
