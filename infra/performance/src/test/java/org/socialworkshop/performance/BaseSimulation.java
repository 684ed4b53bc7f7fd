package org.socialworkshop.performance;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared protocol, knobs and open-model injection for every scenario.
 *
 * <p>A new scenario is one subclass that builds a {@link ScenarioBuilder} and hands it to
 * {@link #run(ScenarioBuilder)}; run.sh picks it up by its name (FooSimulation is "foo").
 *
 * <p>Knobs (system properties): baseUrl (http://localhost:8080), rate (new users per second, 50),
 * duration (seconds at that rate, 30), ramp (seconds to ramp from 1 user/s up to rate first, 0).
 * The base URL must be a loopback address unless -DallowRemoteTarget=true is given.
 */
public abstract class BaseSimulation extends Simulation {

    protected static final String BASE_URL = stripTrailingSlash(System.getProperty("baseUrl", "http://localhost:8080"));
    protected static final double RATE = Double.parseDouble(System.getProperty("rate", "50"));
    protected static final int DURATION = Integer.parseInt(System.getProperty("duration", "30"));
    protected static final int RAMP = Integer.parseInt(System.getProperty("ramp", "0"));
    /** A run fails when more than this percentage of its requests fail. */
    protected static final double MAX_ERROR_PERCENT = 1.0;

    protected final HttpProtocolBuilder httpProtocol = http
            .baseUrl(BASE_URL)
            .acceptHeader("application/json, text/html;q=0.9, */*;q=0.8")
            .acceptLanguageHeader("ja,en;q=0.8")
            .userAgentHeader("social-workshop-performance/gatling");

    /** Injects the scenario with an open model, bounded in time (and so in user count), and asserts the error rate. */
    protected void run(ScenarioBuilder scenario) {
        requireAllowedTarget();
        setUp(scenario.injectOpen(injection()))
                .protocols(httpProtocol)
                // hard stop: users still in flight this long after the last arrival are cut off
                .maxDuration(Duration.ofSeconds(RAMP + DURATION + 60L))
                .assertions(global().failedRequests().percent().lte(MAX_ERROR_PERCENT));
    }

    private static OpenInjectionStep[] injection() {
        if (RATE <= 0 || DURATION <= 0 || RAMP < 0) {
            throw new IllegalArgumentException("rate and duration must be > 0, ramp >= 0");
        }
        List<OpenInjectionStep> steps = new ArrayList<>();
        if (RAMP > 0) {
            steps.add(rampUsersPerSec(1).to(RATE).during(Duration.ofSeconds(RAMP)));
        }
        steps.add(constantUsersPerSec(RATE).during(Duration.ofSeconds(DURATION)));
        return steps.toArray(OpenInjectionStep[]::new);
    }

    /** Checked on the text of the URL, so a refused host is never even looked up. */
    private static void requireAllowedTarget() {
        String host = URI.create(BASE_URL).getHost();
        boolean loopback = host != null
                && (host.equalsIgnoreCase("localhost") || host.matches("127(\\.\\d{1,3}){3}") || host.equals("[::1]"));
        if (!loopback && !Boolean.getBoolean("allowRemoteTarget")) {
            throw new IllegalStateException("baseUrl " + BASE_URL
                    + " is not a loopback address (localhost, 127.x.x.x, [::1]); pass -DallowRemoteTarget=true to load it anyway");
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
