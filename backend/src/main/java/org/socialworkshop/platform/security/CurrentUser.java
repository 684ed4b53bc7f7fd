package org.socialworkshop.platform.security;

import java.util.Arrays;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

/** Who is acting, for journals and audit records: the signed-in person's name, or "system" for background work. */
public final class CurrentUser {

    public static final String SYSTEM = "system";

    private CurrentUser() {
    }

    public static Mono<String> name() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Authentication::getName)
                .defaultIfEmpty(SYSTEM);
    }

    /** Whether the signed-in person has any of these roles (without the {@code ROLE_} prefix); false for guests. */
    public static Mono<Boolean> hasAnyRole(String... roles) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(authentication -> authentication.getAuthorities().stream().anyMatch(granted ->
                        Arrays.stream(roles).anyMatch(role -> ("ROLE_" + role).equals(granted.getAuthority()))))
                .defaultIfEmpty(false);
    }
}
