package org.socialworkshop.performance;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * "login": CSRF cookie, log in, who-am-I, log out. Each virtual user has its own cookie jar.
 * Credentials: -DloginEmail (cashier@example.org), -DloginPassword (workshop-cashier).
 * Only failed logins are throttled by the app, so a correct account can be used at any rate.
 */
public class LoginSimulation extends BaseSimulation {

    private static final String EMAIL = System.getProperty("loginEmail", "cashier@example.org");
    private static final String PASSWORD = System.getProperty("loginPassword", "workshop-cashier");
    private static final String CSRF_HEADER = "X-XSRF-TOKEN";

    {
        run(scenario("login")
                .exec(http("GET /api/auth/csrf").get("/api/auth/csrf").check(status().is(204)))
                .exec(getCookieValue(CookieKey("XSRF-TOKEN").saveAs("xsrf")))
                .exec(http("POST /api/auth/login")
                        .post("/api/auth/login")
                        .header(CSRF_HEADER, "#{xsrf}")
                        .body(StringBody(loginJson()))
                        .asJson()
                        .check(status().is(200)))
                .exec(http("GET /api/auth/me").get("/api/auth/me").check(status().is(200)))
                // the token may be rotated on login: read the cookie again before using it
                .exec(getCookieValue(CookieKey("XSRF-TOKEN").saveAs("xsrf")))
                .exec(http("POST /api/auth/logout")
                        .post("/api/auth/logout")
                        .header(CSRF_HEADER, "#{xsrf}")
                        .check(status().in(200, 201, 202, 204))));
    }

    private static String loginJson() {
        return "{\"email\":" + jsonString(EMAIL) + ",\"password\":" + jsonString(PASSWORD) + "}";
    }

    static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
