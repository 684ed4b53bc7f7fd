package org.socialworkshop.corporate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.corporate.CorporateFixtures.Registered;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialworkshop.corporate.CorporateFixtures.code;
import static org.socialworkshop.corporate.CorporateFixtures.company;
import static org.socialworkshop.corporate.CorporateFixtures.enquiry;
import static org.socialworkshop.corporate.CorporateFixtures.location;
import static org.socialworkshop.corporate.CorporateFixtures.registerWithBuyer;

/**
 * Issue 13, step 1: a company not yet registered sends an enquiry; a coordinator registers the company from it, with a
 * delivery location and an account that buys for it; that buyer sees their own company and manages its locations, and
 * reaches nothing of another company's, nor the coordinators' endpoints. Credit codes are checked by their check
 * character; bad input is a problem that changes nothing.
 */
@WorkshopTest
class CompaniesTest {

    private static final String PROBLEMS = "https://social-workshop.org/problems/";

    @Autowired
    WebTestClient client;

    @Autowired
    Database db;

    WebTestClient coordinator;

    @BeforeEach
    void coordinatorAndAQuietHour() {
        coordinator = CatalogFixtures.coordinator(client);
        // Every test sends from this machine's address: earlier enquiries are an hour old for the brake.
        db.sql("UPDATE corporate_enquiries SET received_at = received_at - interval '2 hours'").update().block();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEnquiryBecomesACompanyWhoseBuyerSeesItAndItsLocations() {
        Map<String, Object> received = client.post().uri("/api/corporate/enquiries").bodyValue(enquiry("成都某某文化传播有限公司", ""))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(received).containsEntry("status", "NEW").containsKey("receivedAt");
        String enquiryId = (String) received.get("id");
        List<Map<String, Object>> fresh = coordinator.get().uri("/api/admin/corporate/enquiries?status=NEW").exchange()
                .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody().stream()
                .map(enquiry -> (Map<String, Object>) enquiry).toList();
        assertThat(fresh).anySatisfy(enquiry -> assertThat(enquiry).containsEntry("id", enquiryId)
                .containsEntry("companyName", "成都某某文化传播有限公司").containsEntry("lang", "zh-CN"));

        String code = code("91510104MA61234");
        Map<String, Object> company = coordinator.post().uri("/api/admin/corporate/companies?enquiry={id}", enquiryId)
                .bodyValue(company("成都某某文化传播有限公司", " " + code.toLowerCase() + " ")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String companyId = (String) company.get("id");
        assertThat(company).containsEntry("creditCode", code).containsEntry("legalName", "成都某某文化传播有限公司");
        assertThat((Map<String, Object>) company.get("invoice")).containsEntry("kind", "NORMAL");
        assertThat(coordinator.get().uri("/api/admin/corporate/enquiries").exchange().expectBodyList(Map.class).returnResult()
                .getResponseBody()).anySatisfy(enquiry -> assertThat(enquiry).containsEntry("id", enquiryId)
                .containsEntry("status", "REGISTERED").containsEntry("companyId", companyId));
        coordinator.post().uri("/api/admin/corporate/companies?enquiry={id}", enquiryId).bodyValue(company("另一家", code("91510104MA61235")))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "enquiry-handled");

        coordinator.post().uri("/api/admin/corporate/companies/{id}/locations", companyId).bodyValue(location("前台 Reception"))
                .exchange().expectStatus().isCreated();
        String email = "buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Map<String, Object> withBuyer = coordinator.post().uri("/api/admin/corporate/companies/{id}/buyers", companyId)
                .bodyValue(Map.of("email", email, "displayName", "采购 李", "password", "long enough passphrase")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) withBuyer.get("buyers")).singleElement().satisfies(buyer -> assertThat(buyer)
                .containsEntry("email", email).containsEntry("displayName", "采购 李"));
        // Added again: nothing changes.
        coordinator.post().uri("/api/admin/corporate/companies/{id}/buyers", companyId).bodyValue(Map.of("email", email)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.buyers.length()").isEqualTo(1);

        WebTestClient buyer = SignIn.as(client, email, "long enough passphrase");
        Map<String, Object> own = buyer.get().uri("/api/corporate/company").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(own).containsEntry("id", companyId).containsEntry("creditCode", code);
        assertThat((List<Map<String, Object>>) own.get("locations")).extracting(location -> location.get("label"))
                .containsExactly("前台 Reception");
        Map<String, Object> added = buyer.post().uri("/api/corporate/company/locations").bodyValue(location("仓库 Warehouse")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        buyer.get().uri("/api/corporate/company").exchange().expectBody().jsonPath("$.locations.length()").isEqualTo(2);
        buyer.delete().uri("/api/corporate/company/locations/{id}", added.get("id")).exchange().expectStatus().isNoContent();
        buyer.delete().uri("/api/corporate/company/locations/{id}", added.get("id")).exchange().expectStatus().isNotFound();
        buyer.get().uri("/api/corporate/company").exchange().expectBody().jsonPath("$.locations.length()").isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBuyerReachesNothingOfAnotherCompanyNorTheCoordinatorsEndpoints() {
        Registered a = registerWithBuyer(coordinator, "甲公司", code("91510104MA62000"));
        Registered b = registerWithBuyer(coordinator, "乙公司", code("91510104MA62001"));
        WebTestClient buyerOfB = SignIn.as(client, b.email(), "long enough passphrase");

        assertThat(buyerOfB.get().uri("/api/corporate/company").exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody()).containsEntry("id", b.companyId());
        // A's location, named by its id: not B's, so not found, and still A's.
        buyerOfB.delete().uri("/api/corporate/company/locations/{id}", a.locationId()).exchange().expectStatus().isNotFound();
        coordinator.get().uri("/api/admin/corporate/companies/{id}", a.companyId()).exchange().expectBody()
                .jsonPath("$.locations.length()").isEqualTo(1);
        // Every coordinators' endpoint, on A: forbidden to a buyer.
        String base = "/api/admin/corporate";
        List<Object[]> endpoints = List.of(
                new Object[] {HttpMethod.GET, base + "/enquiries", null},
                new Object[] {HttpMethod.POST, base + "/enquiries/" + UUID.randomUUID() + "/decline", Map.of()},
                new Object[] {HttpMethod.GET, base + "/companies", null},
                new Object[] {HttpMethod.GET, base + "/companies/" + a.companyId(), null},
                new Object[] {HttpMethod.POST, base + "/companies", company("丙", code("91510104MA62002"))},
                new Object[] {HttpMethod.PUT, base + "/companies/" + a.companyId(), company("甲公司", code("91510104MA62000"))},
                new Object[] {HttpMethod.POST, base + "/companies/" + a.companyId() + "/locations", location("偷偷 Sneaky")},
                new Object[] {HttpMethod.DELETE, base + "/companies/" + a.companyId() + "/locations/" + a.locationId(), null},
                new Object[] {HttpMethod.POST, base + "/companies/" + a.companyId() + "/buyers", Map.of("email", b.email())},
                new Object[] {HttpMethod.DELETE, base + "/companies/" + a.companyId() + "/buyers/" + a.buyerId(), null});
        for (Object[] endpoint : endpoints) {
            WebTestClient.RequestBodySpec request = buyerOfB.method((HttpMethod) endpoint[0]).uri((String) endpoint[1]);
            (endpoint[2] == null ? request.exchange() : request.bodyValue(endpoint[2]).exchange())
                    .expectStatus().isForbidden();
        }
        Map<String, Object> stillA = coordinator.get().uri("/api/admin/corporate/companies/{id}", a.companyId()).exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) stillA.get("buyers")).hasSize(1);
        assertThat((List<?>) stillA.get("locations")).hasSize(1);

        // A guest is asked to sign in; staff are no company's buyers.
        client.get().uri("/api/corporate/company").exchange().expectStatus().isUnauthorized();
        coordinator.get().uri("/api/corporate/company").exchange().expectStatus().isForbidden();
        // One company per buyer; staff accounts are never made buyers.
        coordinator.post().uri("/api/admin/corporate/companies/{id}/buyers", a.companyId()).bodyValue(Map.of("email", b.email()))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "buyer-of-another-company");
        coordinator.post().uri("/api/admin/corporate/companies/{id}/buyers", a.companyId())
                .bodyValue(Map.of("email", "coordinator@example.org")).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-a-buyer-account");
        // Taken off A, its former buyer reaches no company at all.
        coordinator.delete().uri("/api/admin/corporate/companies/{id}/buyers/{user}", a.companyId(), a.buyerId()).exchange()
                .expectStatus().isNoContent();
        SignIn.as(client, a.email(), "long enough passphrase").get().uri("/api/corporate/company").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "no-company");
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        String before = counts();
        client.post().uri("/api/corporate/enquiries").bodyValue(enquiry("某公司", "9144030071526727XG")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("creditCode");
        Map<String, Object> noEmail = new java.util.HashMap<>(enquiry("某公司", ""));
        noEmail.put("contactEmail", "not an address");
        noEmail.put("lang", "fr");
        client.post().uri("/api/corporate/enquiries").bodyValue(noEmail).exchange().expectStatus().isBadRequest();
        client.post().uri("/api/corporate/enquiries").bodyValue(Map.of()).exchange().expectStatus().isBadRequest();
        client.post().uri("/api/corporate/enquiries").header("Content-Type", "application/json").bodyValue("{\"companyName\": [")
                .exchange().expectStatus().isBadRequest();

        coordinator.post().uri("/api/admin/corporate/companies").bodyValue(company("某公司", "9144030071526727XG")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("creditCode");
        Map<String, Object> special = company("某公司", code("91510104MA63000"));
        special.put("invoice", Map.of("title", "某公司", "kind", "SPECIAL"));
        coordinator.post().uri("/api/admin/corporate/companies").bodyValue(special).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(4).jsonPath("$.errors[0].field").isEqualTo("invoice.taxAddress");
        coordinator.post().uri("/api/admin/corporate/companies?enquiry={id}", UUID.randomUUID()).bodyValue(company("某公司", code("91510104MA63001")))
                .exchange().expectStatus().isNotFound();
        coordinator.get().uri("/api/admin/corporate/companies/{id}", UUID.randomUUID()).exchange().expectStatus().isNotFound();
        coordinator.get().uri("/api/admin/corporate/companies/not-a-uuid").exchange().expectStatus().isBadRequest();
        coordinator.get().uri("/api/admin/corporate/enquiries?status=MAYBE").exchange().expectStatus().isBadRequest();
        assertThat(counts()).isEqualTo(before);

        String taken = code("91510104MA63002");
        coordinator.post().uri("/api/admin/corporate/companies").bodyValue(company("某公司", taken)).exchange().expectStatus().isCreated();
        coordinator.post().uri("/api/admin/corporate/companies").bodyValue(company("同一家", taken)).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "credit-code-taken");
    }

    @Test
    void aFloodOfEnquiriesFromOneAddressIsSlowedDown() {
        for (int i = 0; i < Enquiries.PER_ADDRESS_AND_HOUR; i++) {
            client.post().uri("/api/corporate/enquiries").bodyValue(enquiry("公司 " + i, "")).exchange().expectStatus().isCreated();
        }
        client.post().uri("/api/corporate/enquiries").bodyValue(enquiry("再一家", "")).exchange()
                .expectStatus().isEqualTo(429).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "too-many-enquiries");
    }

    private String counts() {
        return db.sql("SELECT (SELECT count(*) FROM companies) || ' ' || (SELECT count(*) FROM corporate_enquiries) AS v")
                .map(row -> row.get("v", String.class)).one().block();
    }
}
