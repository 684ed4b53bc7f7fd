package org.socialworkshop.support;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.socialworkshop.WorkshopApplication;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Another instance of the application in the same JVM, as a second node or a restarted one would be. */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts an instance with the given extra properties ({@code name=value}) on a random port. */
    public static SecondInstance start(String... properties) {
        return start(context -> { }, properties);
    }

    private static SecondInstance start(ApplicationContextInitializer<ConfigurableApplicationContext> initializer, String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        if (Arrays.stream(properties).noneMatch(property -> property.startsWith("workshop.outbox.workers="))) {
            args.add("--workshop.outbox.workers=1");
        }
        Arrays.stream(properties).map(property -> "--" + property).forEach(args::add);
        return new SecondInstance(new SpringApplicationBuilder(WorkshopApplication.class)
                .initializers(SecondInstance::ownNettyResources, initializer)
                .run(args.toArray(String[]::new)));
    }

    /**
     * Reactor Netty's event loops are global to the JVM by default, and closing a context disposes them: the other
     * instances in this JVM (the shared test context, other second instances) would stop answering. Each second
     * instance gets loops of its own instead, so that it can be stopped as a real node would be.
     */
    private static void ownNettyResources(ConfigurableApplicationContext context) {
        ((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class, () -> {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        });
    }

    /** An instance using the shared test database whose stripe-java talks to {@code stripe}. */
    public static SecondInstance withStripe(FakeStripe stripe) {
        String[] properties = Stream.concat(Arrays.stream(stripe.properties()),
                Stream.of("workshop.database.url=" + TestPostgres.url())).toArray(String[]::new);
        return start(properties);
    }

    /** An instance using the shared test database with further properties ({@code name=value}). */
    public static SecondInstance onTestDatabaseWith(String... properties) {
        return start(Stream.concat(Stream.of("workshop.database.url=" + TestPostgres.url()), Arrays.stream(properties)).toArray(String[]::new));
    }

    /** An instance using the shared test database, like a second node behind a load balancer. */
    public static SecondInstance onTestDatabase() {
        return start("workshop.database.url=" + TestPostgres.url());
    }

    /**
     * An instance using the shared test database whose shop clock (the {@link Clock} bean, in the workshop's time zone)
     * reads the instant {@code clock} is set to, for what happens at a given moment of the workshop's calendar.
     */
    public static SecondInstance onTestDatabase(MovableClock clock) {
        return start(context -> ((GenericApplicationContext) context).registerBean("movableShopClock", BeanPostProcessor.class,
                () -> new BeanPostProcessor() {
                    @Override
                    public Object postProcessAfterInitialization(Object bean, String name) {
                        return bean instanceof Clock shopClock ? clock.in(shopClock.getZone()) : bean;
                    }
                }), "workshop.database.url=" + TestPostgres.url());
    }

    public WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl(baseUrl()).build();
    }

    public String baseUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
