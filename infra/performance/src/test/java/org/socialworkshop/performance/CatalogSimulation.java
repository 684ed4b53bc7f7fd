package org.socialworkshop.performance;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * "catalog": product listing for the online channel, then a keyword search.
 * Run only when named (run.sh catalog): the endpoint arrives in a later issue.
 */
public class CatalogSimulation extends BaseSimulation {
    {
        run(scenario("catalog")
                .exec(http("GET /api/products (list)")
                        .get("/api/products")
                        .queryParam("channel", "ONLINE")
                        .queryParam("page", "0")
                        .queryParam("size", "20")
                        .check(status().is(200)))
                .exec(http("GET /api/products (search)")
                        .get("/api/products")
                        .queryParam("q", "茶") // Gatling percent-encodes it: q=%E8%8C%B6
                        .check(status().is(200))));
    }
}
