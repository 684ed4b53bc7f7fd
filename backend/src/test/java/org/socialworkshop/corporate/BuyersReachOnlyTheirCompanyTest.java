package org.socialworkshop.corporate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.socialworkshop.corporate.CorporateFixtures.Registered;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialworkshop.corporate.CorporateFixtures.code;
import static org.socialworkshop.corporate.CorporateFixtures.registerWithBuyer;

/**
 * Issue 13, item 9: a buyer of one company reaches nothing of another, on every endpoint. Walks every operation under
 * {@code /api/corporate/} in the OpenAPI description, so an endpoint added later is walked too: company A has a quote,
 * an order, a delivery and a location; each operation whose path names one of them is called with A's ids, by A's buyer
 * (a read must answer, so the ids are real) and by B's buyer (404 or 403, never A's data, and nothing of A changed);
 * each operation that names nothing is called by B's buyer, whose answer must name nothing of A's.
 */
@WorkshopTest
class BuyersReachOnlyTheirCompanyTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String PASSWORD = "long enough passphrase";
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    @Autowired
    WebTestClient client;

    @Test
    void everyBuyerEndpointRefusesAnotherCompanysIdsAndListsNoneOfItsData() {
        WebTestClient coordinator = CatalogFixtures.coordinator(client);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> product = CatalogFixtures.product("隔离礼盒 " + tag, "Isolation box " + tag, false);
        product.put("channels", List.of("CORPORATE"));
        String variant = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, product));
        Registered a = registerWithBuyer(coordinator, "甲公司 " + tag, code("91510104MA68000"));
        Registered b = registerWithBuyer(coordinator, "乙公司 " + tag, code("91510104MA68001"));
        WebTestClient buyerA = SignIn.as(client, a.email(), PASSWORD);
        WebTestClient buyerB = SignIn.as(client, b.email(), PASSWORD);

        // A: one quote accepted (an order, delivered in part), one quote sent and waiting for an answer.
        String acceptedQuote = quote(buyerA, coordinator, variant);
        JsonNode order = body(buyerA.post().uri("/api/corporate/quotes/{id}/accept", acceptedQuote)
                .bodyValue(Map.of("version", 1, "poNumber", "PO-A-" + tag)).exchange().expectStatus().isOk());
        String orderId = order.get("orderId").asString();
        String orderNumber = order.get("orderNumber").asString();
        String waitingQuote = quote(buyerA, coordinator, variant);
        String line = body(coordinator.get().uri("/api/admin/corporate/orders/{o}/deliveries", orderId).exchange().expectStatus().isOk())
                .get("lines").get(0).get("lineId").asString();
        String deliveryId = body(coordinator.post().uri("/api/admin/corporate/orders/{o}/deliveries", orderId)
                .bodyValue(Map.of("locationId", a.locationId(), "deliveredOn", TODAY.toString(),
                        "lines", List.of(Map.of("lineId", line, "pieces", 4))))
                .exchange().expectStatus().isCreated()).get("id").asString();
        String quoteOfA = body(buyerA.get().uri("/api/corporate/quotes/{id}", waitingQuote).exchange().expectStatus().isOk())
                .get("number").asString();

        Map<String, String> ids = Map.of("orderId", orderId, "id", waitingQuote, "deliveryId", deliveryId, "version", "1",
                "locationId", a.locationId());
        List<String> marks = List.of(orderId, orderNumber, waitingQuote, acceptedQuote, quoteOfA, deliveryId, a.locationId(), a.companyId(),
                "PO-A-" + tag);

        JsonNode paths = body(client.mutate().responseTimeout(Duration.ofSeconds(60)).build().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()).get("paths");
        List<String> walked = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            if (!path.startsWith("/api/corporate/") || path.equals("/api/corporate/enquiries")) {
                continue;
            }
            for (String method : paths.get(path).propertyNames()) {
                HttpMethod http = HttpMethod.valueOf(method.toUpperCase(java.util.Locale.ROOT));
                walked.add(http + " " + path);
                Matcher parameters = PARAMETER.matcher(path);
                if (parameters.find()) {
                    String uri = PARAMETER.matcher(path).replaceAll(found -> {
                        String value = ids.get(found.group(1));
                        assertThat(value).as("an id of A for {%s} in %s", found.group(1), path).isNotNull();
                        return value;
                    });
                    if (http == HttpMethod.GET) {
                        assertThat(exchange(buyerA, http, uri).getStatus().is2xxSuccessful()).as("A's buyer reads %s", uri).isTrue();
                    }
                    EntityExchangeResult<byte[]> refused = exchange(buyerB, http, uri);
                    assertThat(refused.getStatus().value()).as("B's buyer: %s %s", http, uri).isIn(403, 404);
                    // The problem's "instance" repeats the address B sent; nothing else may name A's things.
                    assertThat(text(refused).replace(uri, "")).as("B's buyer's answer to %s %s", http, uri)
                            .doesNotContain(marks.toArray(String[]::new));
                } else if (http == HttpMethod.GET) {
                    EntityExchangeResult<byte[]> own = exchange(buyerB, http, path + (path.startsWith("/api/corporate/impact") ? "?year="
                            + TODAY.getYear() : ""));
                    assertThat(own.getStatus().is2xxSuccessful()).as("B's buyer reads %s", path).isTrue();
                    assertThat(text(own)).as("B's buyer's %s", path).doesNotContain(marks.toArray(String[]::new));
                }
            }
        }
        assertThat(walked).as("the walk saw the buyers' endpoints").contains("GET /api/corporate/orders/{orderId}",
                "POST /api/corporate/quotes/{id}/accept", "GET /api/corporate/orders/{orderId}/deliveries/{deliveryId}/note.pdf",
                "DELETE /api/corporate/company/locations/{locationId}", "GET /api/corporate/orders/{orderId}/impact.pdf");

        // Nothing of A changed: its quote still waits, its location is still there, its order has one delivery.
        assertThat(body(buyerA.get().uri("/api/corporate/quotes/{id}", waitingQuote).exchange().expectStatus().isOk()).get("status").asString())
                .isEqualTo("SENT");
        assertThat(text(exchange(buyerA, HttpMethod.GET, "/api/corporate/company"))).contains(a.locationId());
        assertThat(body(buyerA.get().uri("/api/corporate/orders/{o}/deliveries", orderId).exchange().expectStatus().isOk())
                .get("deliveries")).hasSize(1);
    }

    /** A quote of 10 boxes asked by {@code buyer}, priced and sent. */
    private static String quote(WebTestClient buyer, WebTestClient coordinator, String variant) {
        String id = body(buyer.post().uri("/api/corporate/quotes").bodyValue(Map.of("lines", List.of(Map.of("variantId", variant,
                "quantity", 10, "customisations", List.of())), "wantedBy", TODAY.plusDays(30).toString())).exchange()
                .expectStatus().isCreated()).get("id").asString();
        coordinator.post().uri("/api/admin/corporate/quotes/{id}/versions", id).bodyValue(Map.of("validUntil", TODAY.plusDays(7).toString(),
                "delivery", Map.of("amount", 0, "currency", "CNY"), "manual", List.of())).exchange().expectStatus().isOk();
        return id;
    }

    /** The request as a client sends it: a plausible body for the writes, so what refuses it is whose it is. */
    private static EntityExchangeResult<byte[]> exchange(WebTestClient as, HttpMethod method, String uri) {
        Map<String, Object> body = new HashMap<>();
        if (uri.endsWith("/accept")) {
            body.put("version", 1);
            body.put("poNumber", "PO-B");
        } else if (uri.endsWith("/changes")) {
            body.put("changes", "请改成二十盒");
        }
        WebTestClient.RequestBodySpec request = as.method(method).uri(uri);
        return (method == HttpMethod.GET || method == HttpMethod.DELETE ? request : request.bodyValue(body))
                .exchange().expectBody().returnResult();
    }

    private static JsonNode body(WebTestClient.ResponseSpec response) {
        return response.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static String text(EntityExchangeResult<byte[]> result) {
        byte[] bytes = result.getResponseBody();
        return bytes == null ? "" : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
