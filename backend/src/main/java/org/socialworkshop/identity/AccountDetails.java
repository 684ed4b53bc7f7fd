package org.socialworkshop.identity;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Tells Spring Security who an e-mail address belongs to, with the password hash and roles. */
@Component
class AccountDetails implements ReactiveUserDetailsService {

    private final Accounts accounts;

    AccountDetails(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Mono<UserDetails> findByUsername(String email) {
        return accounts.findByEmail(email).flatMap(account -> accounts.passwordHash(account.id())
                .map(hash -> User.withUsername(account.email())
                        .password(hash)
                        .authorities(AuthorityUtils.createAuthorityList(
                                account.roles().stream().map(role -> "ROLE_" + role.name()).toList()))
                        .build()));
    }
}
