package org.socialworkshop.makers;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A maker's name and story appear publicly only while a recorded consent says so. */
@WorkshopTest
class MakerConsentTest {

    @Autowired
    WebTestClient client;

    WebTestClient staff;

    @BeforeEach
    void signIn() {
        staff = CatalogFixtures.coordinator(client);
    }

    @Test
    void consentGovernsWhatTheShopShows() {
        String name = "王小" + UUID.randomUUID().toString().substring(0, 4);
        Map<?, ?> maker = staff.post().uri("/api/admin/makers")
                .bodyValue(Map.of("name", name, "displayName", name, "storyZh", "她编竹篮。", "storyEn", "She weaves baskets."))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String makerId = (String) maker.get("id");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = CatalogFixtures.product("竹篮" + tag, "Basket " + tag, true);
        body.put("makerIds", List.of(makerId));
        String productId = (String) CatalogFixtures.create(staff, body).get("id");

        assertAnonymous(productId, name);
        client.get().uri("/api/makers/" + makerId).exchange().expectStatus().isNotFound();

        staff.post().uri("/api/admin/makers/" + makerId + "/consent").bodyValue(Map.of("granted", true, "note", "signed form"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.publicConsent.granted").isEqualTo(true)
                .jsonPath("$.publicConsent.recordedBy").isEqualTo("coordinator@example.org");
        client.get().uri("/api/products/" + productId + "?lang=en").exchange()
                .expectBody().jsonPath("$.makers[0].displayName").isEqualTo(LatinName.of(name))
                .jsonPath("$.makers[0].story").isEqualTo("She weaves baskets.");
        client.get().uri("/api/products?q=" + tag).exchange().expectBody().jsonPath("$.items[0].makers[0]").isEqualTo(name);

        staff.post().uri("/api/admin/makers/" + makerId + "/consent").bodyValue(Map.of("granted", false))
                .exchange().expectStatus().isOk();
        assertAnonymous(productId, name);
    }

    @Test
    void consentNeedsADecision() {
        staff.post().uri("/api/admin/makers/" + UUID.randomUUID() + "/consent").bodyValue(Map.of())
                .exchange().expectStatus().isBadRequest();
        staff.post().uri("/api/admin/makers/" + UUID.randomUUID() + "/consent").bodyValue(Map.of("granted", true))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void demoMakersWithoutConsentStayAnonymous() {
        String page = client.get().uri("/api/admin/makers?size=100").exchange().expectStatus().isUnauthorized()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).doesNotContain("吴霞");
        String makers = staff.get().uri("/api/admin/makers?size=100").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(makers).contains("吴霞");
        String shop = client.get().uri("/api/products?size=100").exchange().expectBody(String.class).returnResult().getResponseBody();
        assertThat(shop).doesNotContain("吴霞").doesNotContain("孙浩").contains("李梅");
    }

    private void assertAnonymous(String productId, String name) {
        String page = client.get().uri("/api/products/" + productId).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).doesNotContain(name).doesNotContain("竹篮。").doesNotContain("baskets");
        client.get().uri("/api/products/" + productId).exchange()
                .expectBody().jsonPath("$.makers[0].anonymous").isEqualTo(true)
                .jsonPath("$.makers[0].displayName").isEmpty();
    }
}
