package org.socialworkshop.performance;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * "catalog": what a buyer's browsing costs: the online product list, a Chinese keyword search, and one
 * product page.
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
                        .check(status().is(200))
                        .check(jsonPath("$.items[0].id").saveAs("productId")))
                .exec(http("GET /api/products/{id}")
                        .get("/api/products/#{productId}")
                        .check(status().is(200))));
    }
}
