package org.socialworkshop.identity;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialworkshop.platform.startup.DemoDataset;
import org.socialworkshop.platform.startup.Startup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The accounts a new installation starts with: the first admin from {@code ADMIN_EMAIL}/{@code ADMIN_PASSWORD}
 * when no admin exists, and in a demo installation one demo account per role, so every door can be tried.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InitialAccounts implements ApplicationRunner, DemoDataset {

    private static final Logger log = LoggerFactory.getLogger(InitialAccounts.class);

    /** Demo accounts; their passwords are public, in the README. */
    static final List<NewAccount> DEMO = List.of(
            new NewAccount("admin@example.org", "Demo admin 演示管理员", "workshop-admin", Set.of(Role.ADMIN)),
            new NewAccount("coordinator@example.org", "Demo coordinator 演示协调员", "workshop-coordinator", Set.of(Role.COORDINATOR)),
            new NewAccount("cashier@example.org", "Demo cashier 演示收银员", "workshop-cashier", Set.of(Role.CASHIER)),
            new NewAccount("maker@example.org", "Demo maker 演示手作人", "workshop-maker", Set.of(Role.MAKER)),
            new NewAccount("buyer@example.org", "Demo corporate buyer 演示企业采购", "workshop-buyer", Set.of(Role.CORPORATE_BUYER)));

    private final Accounts accounts;
    private final String adminEmail;
    private final String adminPassword;

    InitialAccounts(Accounts accounts, @Value("${workshop.first-admin.email:}") String adminEmail,
            @Value("${workshop.first-admin.password:}") String adminPassword) {
        this.accounts = accounts;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!adminEmail.isBlank() && !adminPassword.isBlank()) {
            Startup.await(createFirstAdmin(), "creating the first admin");
        }
    }

    private Mono<Void> createFirstAdmin() {
        return accounts.anyWithRole(Role.ADMIN).flatMap(exists -> exists
                ? Mono.empty()
                : accounts.create(new NewAccount(adminEmail, "Administrator", adminPassword, Set.of(Role.ADMIN)))
                        .doOnNext(admin -> log.info("Created the first admin, {}", admin.email()))
                        .then());
    }

    @Override
    public String name() {
        return "identity.demo-accounts";
    }

    @Override
    public Mono<Void> load() {
        return Flux.fromIterable(DEMO)
                .concatMap(account -> account.roles().contains(Role.ADMIN)
                        ? accounts.anyWithRole(Role.ADMIN).flatMap(exists -> exists ? Mono.empty() : accounts.create(account))
                        : accounts.create(account))
                .doOnNext(created -> log.info("Demo account: {} / {}", created.email(), passwordOf(created.email())))
                .then();
    }

    private static String passwordOf(String email) {
        return DEMO.stream().filter(account -> account.email().equals(email)).findFirst().orElseThrow().password();
    }
}
