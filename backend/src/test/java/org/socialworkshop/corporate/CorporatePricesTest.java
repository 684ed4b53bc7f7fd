package org.socialworkshop.corporate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.corporate.CorporateFixtures.Registered;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialworkshop.corporate.CorporateFixtures.code;
import static org.socialworkshop.corporate.CorporateFixtures.registerWithBuyer;

/**
 * Issue 13, step 2: what companies pay. A coordinator gives a corporate product terms (a minimum, a multiple, a lead
 * time) and volume tiers, offers a customisation, and gives one company a negotiated price; that company's buyer prices
 * lines at the tiers' boundaries, with the customisation, and sees the negotiated price, which another company's buyer
 * does not. Bad terms and lines are problems that change nothing; buyers reach none of the coordinators' endpoints.
 */
@WorkshopTest
class CorporatePricesTest {

    private static final String PROBLEMS = "https://social-workshop.org/problems/";

    @Autowired
    WebTestClient client;

    WebTestClient coordinator;
    String product;
    String variant;
    String customisation;
    Registered company;

    /** A gift box (¥68) sold to companies: at least 20, in tens, three weeks; ¥62 from 50, ¥56 from 200. */
    @BeforeEach
    void aGiftBoxWithTermsAndTiers() {
        coordinator = CatalogFixtures.coordinator(client);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = CatalogFixtures.product("中秋礼盒 " + tag, "Mid-autumn box " + tag, false);
        body.put("channels", List.of("ONLINE", "CORPORATE"));
        Map<String, Object> created = CatalogFixtures.create(coordinator, body);
        product = (String) created.get("id");
        variant = CatalogFixtures.firstVariantId(created);
        coordinator.put().uri("/api/admin/corporate/products/{id}/terms", product)
                .bodyValue(terms(20, 10, 21, List.of(tier(50, 6200), tier(200, 5600)))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.terms.minQuantity").isEqualTo(20)
                .jsonPath("$.variants[0].tiers.length()").isEqualTo(2);
        customisation = "LOGO_" + tag.toUpperCase().replaceAll("[^A-Z0-9]", "X");
        coordinator.put().uri("/api/admin/corporate/customisations/{code}", customisation)
                .bodyValue(Map.of("nameZh", "企业标志卡", "nameEn", "Logo card", "unitPrice", cny(300), "setupPrice", cny(20000),
                        "active", true, "position", 1)).exchange().expectStatus().isOk();
        company = registerWithBuyer(coordinator, "礼品公司 " + tag, code("91510104MA64000"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBuyerPricesLinesAtTheTiersBoundariesWithCustomisations() {
        WebTestClient buyer = SignIn.as(client, company.email(), "long enough passphrase");
        Map<String, Object> priced = buyer.post().uri("/api/corporate/prices").bodyValue(Map.of("lines", List.of(
                        line(40, List.of()), line(50, List.of()), line(195, List.of()), line(200, List.of(customisation)), line(15, List.of()))))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> lines = (List<Map<String, Object>>) priced.get("lines");
        assertThat(lines).extracting(line -> ((Map<String, Object>) ((Map<String, Object>) line.get("unitPrice")).get("amount")).get("amount"))
                .containsExactly(6800, 6200, 6200, 5600, 6800);
        assertThat(lines).extracting(line -> ((Map<String, Object>) line.get("unitPrice")).get("basis"))
                .containsExactly("CATALOG", "TIER", "TIER", "TIER", "CATALOG");
        assertThat(lines).extracting(line -> line.get("issues"))
                .containsExactly(List.of(), List.of(), List.of("NOT_A_MULTIPLE"), List.of(), List.of("BELOW_MINIMUM", "NOT_A_MULTIPLE"));
        Map<String, Object> withLogo = lines.get(3);
        assertThat(((List<Map<String, Object>>) withLogo.get("customisations"))).singleElement()
                .satisfies(charge -> assertThat(charge).containsEntry("code", customisation).containsEntry("amount", cny(300 * 200 + 20000)));
        assertThat(withLogo.get("amount")).isEqualTo(cny(5600 * 200 + 300 * 200 + 20000));
        int goods = 40 * 6800 + 50 * 6200 + 195 * 6200 + 200 * 5600 + 15 * 6800;
        assertThat(priced).containsEntry("goods", cny(goods)).containsEntry("customisations", cny(300 * 200 + 20000))
                .containsEntry("total", cny(goods + 300 * 200 + 20000))
                .containsEntry("earliestDelivery", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(21).toString());

        // The corporate catalog shows the box with its terms, tiers and the customisation.
        Map<String, Object> catalog = buyer.get().uri("/api/corporate/catalog").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> offer = ((List<Map<String, Object>>) catalog.get("shelves")).stream()
                .flatMap(shelf -> ((List<Map<String, Object>>) shelf.get("offers")).stream())
                .filter(one -> variant.equals(one.get("variantId"))).findFirst().orElseThrow();
        assertThat(offer).containsEntry("terms", Map.of("minQuantity", 20, "multipleOf", 10, "leadDays", 21))
                .containsEntry("negotiated", null).containsEntry("catalogPrice", cny(6800));
        assertThat((List<?>) offer.get("tiers")).hasSize(2);
        assertThat((List<Map<String, Object>>) catalog.get("customisations")).anySatisfy(custom ->
                assertThat(custom).containsEntry("code", customisation).containsEntry("setupPrice", cny(20000)));
    }

    @Test
    void aNegotiatedPriceIsTheCompanysOwn() {
        Registered other = registerWithBuyer(coordinator, "另一家礼品公司", code("91510104MA64001"));
        coordinator.put().uri("/api/admin/corporate/companies/{id}/prices", company.companyId())
                .bodyValue(List.of(Map.of("variantId", variant, "unitPrice", cny(5900)))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].unitPrice.amount").isEqualTo(5900);
        SignIn.as(client, company.email(), "long enough passphrase").post().uri("/api/corporate/prices")
                .bodyValue(Map.of("lines", List.of(line(20, List.of()), line(300, List.of())))).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.lines[0].unitPrice.amount.amount").isEqualTo(5900).jsonPath("$.lines[0].unitPrice.basis").isEqualTo("NEGOTIATED")
                .jsonPath("$.lines[1].unitPrice.amount.amount").isEqualTo(5900);
        SignIn.as(client, other.email(), "long enough passphrase").post().uri("/api/corporate/prices")
                .bodyValue(Map.of("lines", List.of(line(20, List.of()), line(300, List.of())))).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.lines[0].unitPrice.amount.amount").isEqualTo(6800).jsonPath("$.lines[1].unitPrice.amount.amount").isEqualTo(5600)
                .jsonPath("$.lines[1].unitPrice.basis").isEqualTo("TIER");
        // Replaced by an empty list: back to the tiers.
        coordinator.put().uri("/api/admin/corporate/companies/{id}/prices", company.companyId()).bodyValue(List.of()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void badTermsAndLinesAreProblemsAndBuyersReachNoCoordinatorsEndpoint() {
        coordinator.put().uri("/api/admin/corporate/products/{id}/terms", product)
                .bodyValue(terms(1, 1, 14, List.of(tier(50, 5000), tier(100, 5500)))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("tiers." + variant);
        coordinator.put().uri("/api/admin/corporate/products/{id}/terms", product).bodyValue(terms(1, 1, 14, List.of(tier(50, 6800))))
                .exchange().expectStatus().isBadRequest();
        coordinator.put().uri("/api/admin/corporate/products/{id}/terms", product).bodyValue(terms(0, 1, 14, List.of())).exchange()
                .expectStatus().isBadRequest();
        Map<String, Object> shopOnly = CatalogFixtures.create(coordinator, CatalogFixtures.product("只在店里", "Shop only", false));
        coordinator.put().uri("/api/admin/corporate/products/{id}/terms", shopOnly.get("id")).bodyValue(terms(1, 1, 14, List.of()))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("productId");
        coordinator.get().uri("/api/admin/corporate/products/{id}/terms", product).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.terms.minQuantity").isEqualTo(20).jsonPath("$.variants[0].tiers[0].unitPrice.amount").isEqualTo(6200);
        coordinator.put().uri("/api/admin/corporate/companies/{id}/prices", company.companyId())
                .bodyValue(List.of(Map.of("variantId", CatalogFixtures.firstVariantId(shopOnly), "unitPrice", cny(100)))).exchange()
                .expectStatus().isBadRequest();
        coordinator.put().uri("/api/admin/corporate/customisations/{code}", "lower-case").bodyValue(Map.of()).exchange()
                .expectStatus().isBadRequest();

        WebTestClient buyer = SignIn.as(client, company.email(), "long enough passphrase");
        buyer.post().uri("/api/corporate/prices").bodyValue(Map.of("lines", List.of(Map.of("variantId", CatalogFixtures.firstVariantId(shopOnly),
                "quantity", 20)))).exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[0].variantId");
        buyer.post().uri("/api/corporate/prices").bodyValue(Map.of("lines", List.of(line(20, List.of("NO_SUCH_THING"))))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[0].customisations");
        buyer.post().uri("/api/corporate/prices").bodyValue(Map.of("lines", List.of(line(0, List.of())))).exchange().expectStatus().isBadRequest();
        buyer.post().uri("/api/corporate/prices").bodyValue(Map.of("lines", List.of())).exchange().expectStatus().isBadRequest();

        List<Object[]> endpoints = List.of(
                new Object[] {HttpMethod.GET, "/api/admin/corporate/products/" + product + "/terms", null},
                new Object[] {HttpMethod.PUT, "/api/admin/corporate/products/" + product + "/terms", terms(1, 1, 1, List.of())},
                new Object[] {HttpMethod.GET, "/api/admin/corporate/customisations", null},
                new Object[] {HttpMethod.PUT, "/api/admin/corporate/customisations/FREE", Map.of("nameZh", "免", "nameEn", "Free",
                        "unitPrice", cny(0), "setupPrice", cny(0), "active", true, "position", 0)},
                new Object[] {HttpMethod.GET, "/api/admin/corporate/companies/" + company.companyId() + "/prices", null},
                new Object[] {HttpMethod.PUT, "/api/admin/corporate/companies/" + company.companyId() + "/prices",
                        List.of(Map.of("variantId", variant, "unitPrice", cny(1)))});
        for (Object[] endpoint : endpoints) {
            WebTestClient.RequestBodySpec request = buyer.method((HttpMethod) endpoint[0]).uri((String) endpoint[1]);
            (endpoint[2] == null ? request.exchange() : request.bodyValue(endpoint[2]).exchange()).expectStatus().isForbidden();
        }
        client.get().uri("/api/corporate/catalog").exchange().expectStatus().isUnauthorized();
        buyer.post().uri("/api/corporate/prices").bodyValue(Map.of("lines", List.of(line(20, List.of())))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.lines[0].unitPrice.amount.amount").isEqualTo(6800);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDemoBuyerSeesTheWorkshopsCustomisationsTermsAndTheirNegotiatedPrice() {
        Map<String, Object> catalog = SignIn.as(client, "buyer@example.org", "workshop-buyer").get().uri("/api/corporate/catalog")
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) catalog.get("customisations")).extracting(custom -> custom.get("code"))
                .contains("LOGO_CARD", "ENGRAVING", "GIFT_PACKAGING", "MESSAGE_CARD");
        List<Map<String, Object>> offers = ((List<Map<String, Object>>) catalog.get("shelves")).stream()
                .flatMap(shelf -> ((List<Map<String, Object>>) shelf.get("offers")).stream()).toList();
        assertThat(offers).hasSizeGreaterThan(10).filteredOn(offer -> offer.get("negotiated") != null).hasSize(1);
        assertThat(offers).filteredOn(offer -> ((Map<String, Object>) offer.get("terms")).get("minQuantity").equals(10)).hasSizeGreaterThan(10);
    }

    private Map<String, Object> line(int quantity, List<String> customisations) {
        return Map.of("variantId", variant, "quantity", quantity, "customisations", customisations);
    }

    private Map<String, Object> terms(int min, int multiple, int lead, List<Map<String, Object>> tiers) {
        return Map.of("minQuantity", min, "multipleOf", multiple, "leadDays", lead,
                "variants", List.of(Map.of("variantId", variant, "tiers", tiers)));
    }

    private static Map<String, Object> tier(int from, int fen) {
        return Map.of("fromQuantity", from, "unitPrice", cny(fen));
    }

    private static Map<String, Object> cny(int fen) {
        return Map.of("amount", fen, "currency", "CNY");
    }
}
