package org.socialworkshop.makers;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A maker's name in Latin script: pinyin unless a coordinator writes another, shown to English readers. */
@WorkshopTest
class MakerLatinNameTest {

    @Autowired
    WebTestClient client;

    @Autowired
    Database db;

    @Autowired
    MakerLatinNames latinNames;

    WebTestClient staff;

    @BeforeEach
    void signIn() {
        staff = CatalogFixtures.coordinator(client);
    }

    private Map<?, ?> create(Map<String, Object> body) {
        return staff.post().uri("/api/admin/makers").bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void pinyinByDefaultEditableAndFollowingTheChineseNameUntilWritten() {
        Map<?, ?> maker = create(Map.of("name", "赵丽", "displayName", "赵丽"));
        assertThat(maker.get("displayNameLatin")).isEqualTo("Zhao Li");
        String id = (String) maker.get("id");

        staff.put().uri("/api/admin/makers/{id}", id).bodyValue(Map.of("name", "赵丽", "displayName", "赵丽丽")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.displayNameLatin").isEqualTo("Zhao Lili");
        staff.put().uri("/api/admin/makers/{id}", id)
                .bodyValue(Map.of("name", "赵丽", "displayName", "赵丽丽", "displayNameLatin", "  Lily Zhao ")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.displayNameLatin").isEqualTo("Lily Zhao");
        staff.get().uri("/api/admin/makers/{id}", id).exchange().expectBody().jsonPath("$.displayNameLatin").isEqualTo("Lily Zhao");
        staff.get().uri("/api/admin/makers?q=lily").exchange().expectBody().jsonPath("$.items[0].id").isEqualTo(id);
    }

    @Test
    void aLatinNameTooLongIsAProblemNotAFailure() {
        staff.post().uri("/api/admin/makers").bodyValue(Map.of("name", "赵丽", "displayName", "赵丽", "displayNameLatin", "x".repeat(101)))
                .exchange().expectStatus().isBadRequest().expectHeader().contentType("application/problem+json");
    }

    @Test
    void publicPagesShowTheNameInTheReadersScript() {
        String name = "钱" + "芳";
        String id = (String) create(Map.of("name", name, "displayName", name, "storyZh", "她剪纸。", "storyEn", "Qian Fang cuts paper.")).get("id");
        staff.post().uri("/api/admin/makers/{id}/consent", id).bodyValue(Map.of("granted", true)).exchange().expectStatus().isOk();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = CatalogFixtures.product("剪纸" + tag, "Paper-cut " + tag, true);
        body.put("makerIds", List.of(id));
        String product = (String) CatalogFixtures.create(staff, body).get("id");

        client.get().uri("/api/makers/{id}?lang=en", id).exchange().expectBody().jsonPath("$.displayName").isEqualTo("Qian Fang");
        client.get().uri("/api/makers/{id}?lang=zh-CN", id).exchange().expectBody().jsonPath("$.displayName").isEqualTo(name);
        client.get().uri("/api/products/{id}?lang=en", product).exchange().expectBody()
                .jsonPath("$.makers[0].displayName").isEqualTo("Qian Fang");
        client.get().uri("/api/products/{id}?lang=zh-CN", product).exchange().expectBody()
                .jsonPath("$.makers[0].displayName").isEqualTo(name);
    }

    @Test
    void makersRecordedBeforeLatinNamesAreFilledWithPinyinOnStart() {
        String id = (String) create(Map.of("name", "孙悦", "displayName", "孙悦", "displayNameLatin", "Sun")).get("id");
        db.sql("UPDATE makers SET display_name_latin = NULL WHERE id = :id").bind("id", UUID.fromString(id)).update().block();

        assertThat(latinNames.fill().block()).isPositive();
        assertThat(db.sql("SELECT display_name_latin FROM makers WHERE id = :id").bind("id", UUID.fromString(id))
                .map(row -> row.get("display_name_latin", String.class)).one().block()).isEqualTo("Sun Yue");
    }
}
