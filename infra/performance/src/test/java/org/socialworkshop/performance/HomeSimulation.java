package org.socialworkshop.performance;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/** "home": an anonymous visitor opens the storefront's home page. */
public class HomeSimulation extends BaseSimulation {
    {
        run(scenario("home")
                .exec(http("GET /").get("/").check(status().is(200))));
    }
}
