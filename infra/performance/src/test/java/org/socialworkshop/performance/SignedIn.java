package org.socialworkshop.performance;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain HTTP clients signed in to the app, for what a scenario prepares before its load (the corporate scenarios sign
 * the buyer and the coordinator in once and hand their cookies to every virtual user).
 */
final class SignedIn {

    static final String BASE_URL = BaseSimulation.BASE_URL;
    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    private static final Pattern VARIANT = Pattern.compile("\"variantId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private SignedIn() {
    }

    private static String loginJson(String email, String password) {
        return "{\"email\":" + LoginSimulation.jsonString(email) + ",\"password\":" + LoginSimulation.jsonString(password) + "}";
    }

    /** A client with its own cookies, signed in as this account. */
    static HttpClient as(String email, String password) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
        send(client, HttpRequest.newBuilder(URI.create(BASE_URL + "/api/auth/csrf")).GET(), 204);
        send(client, HttpRequest.newBuilder(URI.create(BASE_URL + "/api/auth/login")).header("Content-Type", "application/json")
                .header(CSRF_HEADER, cookie(client, "XSRF-TOKEN")).POST(HttpRequest.BodyPublishers.ofString(loginJson(email, password))), 200);
        return client;
    }

    /** The session and CSRF cookies of a signed-in client. */
    static String[] cookies(HttpClient client) {
        return new String[] {cookie(client, "SESSION"), cookie(client, "XSRF-TOKEN")};
    }

    private static String cookie(HttpClient client, String name) {
        CookieManager cookies = (CookieManager) client.cookieHandler().orElseThrow();
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
                .reduce((first, last) -> last)
                .orElseThrow(() -> new IllegalStateException(BASE_URL + " set no " + name + " cookie"));
    }

    /** The variants the demo buyer's company can order, in the catalog's order, each once. */
    static List<String> corporateVariants(HttpClient buyer) {
        String catalog = send(buyer, HttpRequest.newBuilder(URI.create(BASE_URL + "/api/corporate/catalog")).GET(), 200);
        List<String> variants = new ArrayList<>();
        Matcher found = VARIANT.matcher(catalog);
        while (found.find()) {
            if (!variants.contains(found.group(1))) {
                variants.add(found.group(1));
            }
        }
        return variants;
    }

    static String send(HttpClient client, HttpRequest.Builder request, int expected) {
        HttpRequest built = request.header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(built.method() + " " + built.uri() + " answered " + response.statusCode()
                        + " (expected " + expected + "): " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
