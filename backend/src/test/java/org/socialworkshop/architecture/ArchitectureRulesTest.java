package org.socialworkshop.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Rules the module checker does not see: blocking calls, JDBC, and where raw database access may live. */
class ArchitectureRulesTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.socialworkshop");

    @Test
    void nothingBlocksOnAPublisher() {
        ArchRule rule = noClasses().should().callMethodWhere(DescribedPredicate.describe("a block* call on Mono or Flux",
                call -> {
                    String owner = call.getTarget().getOwner().getName();
                    return (owner.equals("reactor.core.publisher.Mono") || owner.equals("reactor.core.publisher.Flux"))
                            && call.getTarget().getName().startsWith("block");
                })).because("request paths must never block; start-up work waits through platform.startup.Startup");
        rule.check(MAIN);
    }

    @Test
    void jdbcOnlyInTheMigrationSetUp() {
        noClasses().that().resideOutsideOfPackage("org.socialworkshop.platform.database..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.flywaydb..",
                        "io.zonky..")
                .because("Flyway runs over JDBC at start-up only; everything else uses R2DBC")
                .check(MAIN);
        noClasses().that().resideInAPackage("org.socialworkshop.platform.database..")
                .and().doNotHaveSimpleName("Migrations")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.flywaydb..")
                .check(MAIN);
    }

    @Test
    void rawDatabaseAccessOnlyThroughTheDetachedApi() {
        noClasses().that().resideOutsideOfPackage("org.socialworkshop.platform.database..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.r2dbc.core.DatabaseClient")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.r2dbc.spi.ConnectionFactory")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.r2dbc.spi.Connection")
                .orShould().dependOnClassesThat().resideInAPackage("org.springframework.data.r2dbc..")
                .orShould().dependOnClassesThat().resideInAPackage("org.springframework.data.repository..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "org.springframework.transaction.reactive.TransactionalOperator")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "org.springframework.transaction.annotation.Transactional")
                .because("platform.database.Database runs every statement and transaction detached from the HTTP "
                        + "subscriber, so an aborted request cannot leak a pooled connection")
                .check(MAIN);
    }

    @Test
    void domainPackagesAreFreeOfSpringAndReactor() {
        // package-info may carry module metadata (Modulith, JSpecify); the rule is about code.
        noClasses().that().resideInAnyPackage("org.socialworkshop..domain..", "org.socialworkshop.shared..")
                .and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "io.r2dbc..")
                .allowEmptyShould(true)
                .check(MAIN);
    }
}
