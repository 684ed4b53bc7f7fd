package org.socialworkshop.identity;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tells Spring Security who an e-mail address belongs to, with the password hash and roles. An address that belongs
 * to nobody gets a stand-in whose hash matches no password anyone can send ({@link StandInHash}), so its
 * password is checked as long as a real account's: the answer's timing does not tell which addresses have accounts.
 */
@Component
class AccountDetails implements ReactiveUserDetailsService {

    private final Accounts accounts;
    private final StandInHash standIn;

    AccountDetails(Accounts accounts, StandInHash standIn) {
        this.accounts = accounts;
        this.standIn = standIn;
    }

    /** What Spring Security calls an account's roles. */
    static List<GrantedAuthority> authoritiesOf(Account account) {
        return AuthorityUtils.createAuthorityList(account.roles().stream().map(role -> "ROLE_" + role.name()).toList());
    }

    @Override
    public Mono<UserDetails> findByUsername(String email) {
        return accounts.findByEmail(email).flatMap(account -> accounts.passwordHash(account.id())
                        .map(hash -> User.withUsername(account.email())
                                .password(hash)
                                .authorities(authoritiesOf(account))
                                .build()))
                .switchIfEmpty(Mono.defer(() -> standIn.get().map(hash -> User.withUsername(email).password(hash)
                        .authorities(AuthorityUtils.NO_AUTHORITIES).build())));
    }
}
