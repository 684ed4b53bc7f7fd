package org.socialworkshop.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.socialworkshop.platform.outbox.OutboxTestHandlers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port against the shared test PostgreSQL, with demo data loaded. All
 * tests with this annotation share one application context; give each test its own data (unique e-mails,
 * keys) rather than cleaning tables.
 *
 * <p>The context also holds test-only beans that sit idle unless a test uses them ({@link OutboxTestHandlers}),
 * so that the tests needing them share this one context instead of starting another.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@AutoConfigureWebTestClient(timeout = "30s")
@Import(OutboxTestHandlers.class)
public @interface WorkshopTest {
}
