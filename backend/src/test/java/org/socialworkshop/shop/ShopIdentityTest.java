package org.socialworkshop.shop;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop's one identity over HTTP: anyone reads it, only admins change it, bad input is a problem naming the field,
 * two admins cannot overwrite each other, and pickup times follow its opening hours and closed dates.
 */
@WorkshopTest
class ShopIdentityTest {

    private static final ZoneId CHENGDU = ZoneId.of("Asia/Shanghai");

    @Autowired
    WebTestClient client;

    private WebTestClient admin;
    private Map<String, Object> before;

    @BeforeEach
    void readIt() {
        admin = SignIn.admin(client);
        before = read(admin);
    }

    /** Later tests see the identity as it was. */
    @AfterEach
    void putItBack() {
        Map<String, Object> back = new HashMap<>(before);
        back.put("version", read(admin).get("version"));
        admin.put().uri("/api/admin/shop").bodyValue(back).exchange().expectStatus().isOk();
    }

    @Test
    void anyoneReadsTheIdentityTheHomePageShowsTaggedForCaching() {
        var answer = client.get().uri("/api/shop").exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(Map.class).returnResult();
        Map<?, ?> shop = answer.getResponseBody();
        assertThat(shop.get("nameZh")).isEqualTo("锦爱工坊");
        assertThat((String) shop.get("addressZh")).contains("锦江区");
        assertThat((String) shop.get("addressEn")).contains("Jinjiang District");
        assertThat((List<?>) shop.get("hours")).hasSize(7);
        String etag = answer.getResponseHeaders().getETag();
        client.get().uri("/api/shop").header(HttpHeaders.IF_NONE_MATCH, etag).exchange().expectStatus().isNotModified();
    }

    @Test
    void onlyAdminsReadAndChangeItHere() {
        WebTestClient coordinator = CatalogFixtures.coordinator(client);
        coordinator.get().uri("/api/admin/shop").exchange().expectStatus().isForbidden();
        coordinator.put().uri("/api/admin/shop").bodyValue(before).exchange().expectStatus().isForbidden();
        client.get().uri("/api/admin/shop").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aChangeIsServedAtOnceWithTheNextVersion() {
        Map<String, Object> wanted = new HashMap<>(before);
        wanted.put("nameEn", "Jin'ai Workshop " + UUID.randomUUID().toString().substring(0, 6));
        Map<?, ?> saved = admin.put().uri("/api/admin/shop").bodyValue(wanted).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(saved.get("version")).isEqualTo((Integer) before.get("version") + 1);
        client.get().uri("/api/shop").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.nameEn").isEqualTo(wanted.get("nameEn"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void badInputIsAProblemNamingEachField() {
        Map<String, Object> wanted = new HashMap<>(before);
        wanted.put("nameZh", " ");
        wanted.put("email", "not an address");
        wanted.put("taxId", "123");
        admin.put().uri("/api/admin/shop").bodyValue(wanted).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").value(fields ->
                        assertThat((List<Object>) fields).contains("nameZh", "email", "taxId"));

        List<Map<String, Object>> hours = week(day -> hours("10:00", "18:00"));
        hours.set(2, dayOf(DayOfWeek.WEDNESDAY, "18:00", "10:00"));
        hours.set(4, dayOf(DayOfWeek.FRIDAY, "10:00", null));
        wanted = new HashMap<>(before);
        wanted.put("hours", hours);
        admin.put().uri("/api/admin/shop").bodyValue(wanted).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields ->
                        assertThat((List<Object>) fields).containsExactlyInAnyOrder("hours[2].closes", "hours[4].closes"));

        wanted.put("hours", week(day -> hours("10:00", "18:00")).subList(0, 6));
        admin.put().uri("/api/admin/shop").bodyValue(wanted).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("hours");

        wanted.put("hours", week(day -> hours("25:00", "18:00")));
        admin.put().uri("/api/admin/shop").bodyValue(wanted).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(read(admin)).isEqualTo(before);
    }

    @Test
    void theSecondOfTwoAdminsSavingTheSameVersionIsToldAndOverwritesNothing() {
        WebTestClient other = SignIn.admin(client);
        Map<String, Object> first = new HashMap<>(before);
        first.put("phone", "028-1111-2222");
        Map<String, Object> second = new HashMap<>(before);
        second.put("phone", "028-3333-4444");

        admin.put().uri("/api/admin/shop").bodyValue(first).exchange().expectStatus().isOk();
        other.put().uri("/api/admin/shop").bodyValue(second).exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.currentVersion").isEqualTo((Integer) before.get("version") + 1);

        assertThat(read(admin).get("phone")).isEqualTo("028-1111-2222");
    }

    @Test
    void pickupTimesSkipClosedWeekdaysAndClosedDatesAndKeepWithinTheHours() {
        LocalDate today = LocalDate.now(CHENGDU);
        LocalDate holiday = today.plusDays(1);
        DayOfWeek closedWeekday = today.plusDays(2).getDayOfWeek();
        Map<String, Object> wanted = new HashMap<>(before);
        wanted.put("hours", week(day -> day == closedWeekday ? hours(null, null) : hours("09:00", "12:00")));
        wanted.put("closedDates", List.of(holiday.toString()));
        admin.put().uri("/api/admin/shop").bodyValue(wanted).exchange().expectStatus().isOk();

        Map<String, Object> product = CatalogFixtures.create(CatalogFixtures.coordinator(client),
                CatalogFixtures.product("营业时间测试杯", "Opening hours cup", false));
        Shop shop = new Shop(client);
        String cart = shop.cartWith(Map.of((String) product.get("id"), CatalogFixtures.firstVariantId(product)), 1);
        List<OffsetDateTime> times = slotsOf(cart).stream().map(OffsetDateTime::parse).toList();
        assertThat(times).isNotEmpty();
        assertThat(times).noneMatch(slot -> local(slot).equals(holiday));
        assertThat(times).noneMatch(slot -> local(slot).getDayOfWeek() == closedWeekday);
        assertThat(times).allMatch(slot -> {
            LocalTime at = slot.atZoneSameInstant(CHENGDU).toLocalTime();
            return !at.isBefore(LocalTime.of(9, 0)) && !at.isAfter(LocalTime.of(11, 30));
        });
        assertThat(times).anyMatch(slot -> local(slot).equals(today.plusDays(3)));

        String onHoliday = holiday.atTime(10, 0).atZone(CHENGDU).toOffsetDateTime().toString();
        Map<String, Object> body = new HashMap<>(Shop.pickup(cart));
        body.put("fulfilment", Map.of("type", "PICKUP", "slot", onHoliday));
        shop.checkout(body, UUID.randomUUID().toString()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("fulfilment.slot");
    }

    @SuppressWarnings("unchecked")
    private List<String> slotsOf(String cart) {
        Map<String, Object> options = client.get().uri("/api/checkout/options?cartId={cart}", cart).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (List<String>) ((Map<String, Object>) options.get("pickup")).get("slots");
    }

    private static LocalDate local(OffsetDateTime slot) {
        return slot.atZoneSameInstant(CHENGDU).toLocalDate();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(WebTestClient admin) {
        return admin.get().uri("/api/admin/shop").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private record Hours(String opens, String closes) {
    }

    private static Hours hours(String opens, String closes) {
        return new Hours(opens, closes);
    }

    private static List<Map<String, Object>> week(java.util.function.Function<DayOfWeek, Hours> hours) {
        List<Map<String, Object>> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.add(dayOf(day, hours.apply(day).opens(), hours.apply(day).closes()));
        }
        return week;
    }

    private static Map<String, Object> dayOf(DayOfWeek day, String opens, String closes) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("day", day.name());
        entry.put("opens", opens);
        entry.put("closes", closes);
        return entry;
    }
}
