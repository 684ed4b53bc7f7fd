package org.socialworkshop.platform.security;

import java.time.Duration;

import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.web.Problems;
import org.socialworkshop.platform.web.files.StorefrontFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. People sign in with a session cookie (sessions kept in PostgreSQL); browser apps send
 * the CSRF token from the {@code XSRF-TOKEN} cookie; webhooks are exempt and check their own signatures.
 * Every refusal is an RFC 9457 problem. See docs/adr/0004-sessions-and-csrf.md.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
@EnableSpringWebSession
class SecurityConfiguration {

    static final String SESSION_COOKIE = "SESSION";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final boolean secureCookies;
    private final String metricsToken;

    SecurityConfiguration(@Value("${workshop.security.secure-cookies:false}") boolean secureCookies,
            @Value("${workshop.metrics.token:}") String metricsToken) {
        this.secureCookies = secureCookies;
        this.metricsToken = metricsToken;
    }

    /** The security headers on Netty's own answers too, given before any filter runs (see the class). */
    @Bean
    ServerAnswerHeaders serverAnswerHeaders() {
        return new ServerAnswerHeaders(secureCookies);
    }

    /**
     * No inline script or style anywhere but the pages' import map, allowed by its hash; only our own origin, plus the
     * payment provider's page for forms.
     */
    static String contentSecurityPolicy(StorefrontFiles files) {
        return "default-src 'self'; script-src 'self' " + files.importMapSource() + "; style-src 'self'; "
                + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
                + "base-uri 'self'; frame-ancestors 'none'; form-action 'self'";
    }

    /**
     * This release's storefront files: public, the same for everyone, so no session, CSRF token, saved request or
     * authorization is worked out for them (the profile of a static file under load showed a web session created
     * and a CSRF token drawn from SecureRandom per request); they keep the security headers of every answer.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain versionedFilesChain(ServerHttpSecurity http, StorefrontFiles files) {
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers(StorefrontFiles.VERSIONED + "**"))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .headers(headers -> securityHeaders(headers, files))
                .build();
    }

    private void securityHeaders(ServerHttpSecurity.HeaderSpec headers, StorefrontFiles files) {
        // Spring Security sends HSTS only on requests it sees arrive over TLS; behind a proxy that ends TLS the app
        // sees plain HTTP. Secure cookies say the shop is served over HTTPS, so HSTS goes with them, always.
        headers.hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable)
                .writer(exchange -> {
                    if (secureCookies) {
                        exchange.getResponse().getHeaders().set("Strict-Transport-Security", HSTS);
                    }
                    return Mono.empty();
                })
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(files)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frames -> frames.mode(Mode.DENY))
                .permissionsPolicy(permissions -> permissions.policy("camera=(self), microphone=(), geolocation=()"));
    }

    @Bean
    SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, JsonMapper json,
            ServerSecurityContextRepository contexts, StorefrontFiles files) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, denied) -> Problems.write(exchange,
                Problems.of(exchange, HttpStatus.UNAUTHORIZED, "Sign-in required",
                        "Sign in to use this; your session may have ended."), json);
        ServerAccessDeniedHandler forbidden = (exchange, denied) -> Problems.write(exchange,
                Problems.of(exchange, HttpStatus.FORBIDDEN, "Forbidden",
                        "You are signed in but may not do this, or the request lacked its CSRF token."), json);
        return http
                .securityContextRepository(contexts)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(cookieAuthenticatedUnsafeRequests())
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .headers(headers -> securityHeaders(headers, files))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/admin/**").hasAnyRole("ADMIN", "COORDINATOR")
                        .pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .pathMatchers("/actuator/prometheus").access(MetricsReaders.adminsOr(metricsToken))
                        .pathMatchers("/actuator/**").hasRole("ADMIN")
                        .anyExchange().permitAll())
                .build();
    }

    /**
     * CSRF matters only where a browser sends credentials on its own: unsafe requests that carry our session
     * cookie or a paired tablet's {@link DeviceCookie}. Requests without them (a guest's first call, a tablet
     * pairing, a partner system signing in) have no ambient authority to abuse. Webhooks authenticate by signature
     * instead.
     */
    private static ServerWebExchangeMatcher cookieAuthenticatedUnsafeRequests() {
        return exchange -> {
            HttpMethod method = exchange.getRequest().getMethod();
            boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                    || method == HttpMethod.TRACE;
            boolean webhook = exchange.getRequest().getPath().value().startsWith("/api/webhooks/");
            boolean credentials = exchange.getRequest().getCookies().containsKey(SESSION_COOKIE)
                    || exchange.getRequest().getCookies().containsKey(DeviceCookie.NAME);
            return !safe && !webhook && credentials
                    ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    /**
     * Spring Security's firewall refuses addresses no route should see (an encoded NUL, slash, backslash, line break
     * or semicolon in the path); its default answer is a bare 400. Ours says what was refused, as every refusal does.
     */
    @Bean
    ServerExchangeRejectedHandler firewallRefusal(JsonMapper json) {
        return (exchange, rejected) -> Problems.write(exchange, Problems.of(exchange, HttpStatus.BAD_REQUEST, "Malformed request",
                "The address contains characters that no part of this site accepts (such as an encoded NUL, slash or line break)."),
                json);
    }

    @Bean
    ServerSecurityContextRepository securityContextRepository() {
        return new WebSessionServerSecurityContextRepository();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ReactiveAuthenticationManager authenticationManager(ReactiveUserDetailsService users, PasswordEncoder passwords) {
        UserDetailsRepositoryReactiveAuthenticationManager manager =
                new UserDetailsRepositoryReactiveAuthenticationManager(users);
        manager.setPasswordEncoder(passwords);
        return manager;
    }

    @Bean
    ReactiveSessionRepository<MapSession> sessionRepository(Database db,
            @Value("${workshop.security.session-timeout:8h}") Duration timeout) {
        return new DatabaseSessions(db, timeout);
    }

    @Bean
    WebSessionIdResolver webSessionIdResolver() {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName(SESSION_COOKIE);
        resolver.addCookieInitializer(cookie -> cookie.httpOnly(true).sameSite("Lax").secure(secureCookies).path("/"));
        return resolver;
    }

    /**
     * Spring Security's own observations wrap every filter of every request (8 % of the catalog's CPU in a profile);
     * the HTTP server's request metrics already time every request.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Makes the CSRF cookie appear on the first response, so a browser app has a token before its first POST. */
    @Bean
    CsrfCookie csrfCookie() {
        return new CsrfCookie();
    }

    /** Takes the signed-in hint from a browser whose session ended without signing out. */
    @Bean
    StaleSignedInHint staleSignedInHint(SignedInHint hint) {
        return new StaleSignedInHint(hint);
    }
}
