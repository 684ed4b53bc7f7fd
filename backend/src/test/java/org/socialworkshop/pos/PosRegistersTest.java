package org.socialworkshop.pos;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.shared.SignatureText;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.SignIn;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12, step 1: coordinators open registers (each with its own receipt series) and pair one tablet to each with a
 * one-time code; the tablet proves it holds the key it registers, is known afterwards by an HttpOnly cookie, and stops
 * being known the moment it is revoked.
 */
@WorkshopTest
class PosRegistersTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    WebTestClient client;

    @Autowired
    PosRegisters registers;

    @Autowired
    Database db;

    WebTestClient coordinator;
    String registerId;

    @BeforeEach
    void openRegister() {
        coordinator = CatalogFixtures.coordinator(client);
        registerId = "CANTEEN-" + (1000 + RANDOM.nextInt(9_000_000));
        coordinator.post().uri("/api/admin/pos/registers")
                .bodyValue(Map.of("id", registerId, "kind", "CANTEEN", "nameZh", "食堂 " + registerId, "nameEn", "Canteen " + registerId))
                .exchange().expectStatus().isCreated()
                .expectHeader().location("/api/admin/pos/registers/" + registerId)
                .expectBody()
                .jsonPath("$.kind").isEqualTo("CANTEEN")
                .jsonPath("$.lastReceiptNumber").isEqualTo(0)
                .jsonPath("$.device").doesNotExist();
    }

    @Test
    void aRegisterIsAReceiptSeriesOfItsOwnWithAnIdNoOtherHas() {
        long series = db.sql("SELECT count(*) AS n FROM receipt_registers WHERE id = :id AND last_number = 0 "
                        + "AND last_hash = encode(sha256(convert_to(:id, 'UTF8')), 'hex')")
                .bind("id", registerId).map(row -> row.get("n", Long.class)).one().block();
        assertThat(series).as("its chain starts at the SHA-256 of its id").isEqualTo(1);

        for (String taken : List.of(registerId, "ONLINE", "CORPORATE")) {
            coordinator.post().uri("/api/admin/pos/registers")
                    .bodyValue(Map.of("id", taken, "kind", "CAFE", "nameZh", "咖啡", "nameEn", "Café"))
                    .exchange().expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.type").isEqualTo("https://social-workshop.org/problems/register-id-taken");
        }
        coordinator.post().uri("/api/admin/pos/registers")
                .bodyValue(Map.of("id", "café 1", "kind", "CAFE", "nameZh", "咖啡", "nameEn", "Café"))
                .exchange().expectStatus().isBadRequest();
        coordinator.post().uri("/api/admin/pos/registers")
                .bodyValue(Map.of("id", "CAFE-9", "kind", "BAR", "nameZh", "咖啡", "nameEn", "Café"))
                .exchange().expectStatus().isBadRequest();
        SignIn.as(client, "cashier@example.org", "workshop-cashier").post().uri("/api/admin/pos/registers")
                .bodyValue(Map.of("id", "CAFE-9", "kind", "CAFE", "nameZh", "咖啡", "nameEn", "Café"))
                .exchange().expectStatus().isForbidden();
        coordinator.get().uri("/api/admin/pos/registers").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '%s')].nameEn".formatted(registerId)).isEqualTo("Canteen " + registerId);
    }

    @Test
    void aTabletPairsWithACodeOnceAndIsKnownByItsCookieUntilRevoked() {
        String code = pairingCode();
        assertThat(code).matches("\\d{8}");
        coordinator.get().uri("/api/admin/pos/registers/" + registerId).exchange()
                .expectBody().jsonPath("$.pairingCodeExpiresAt").exists();

        PairedTablet tablet = new PairedTablet();
        EntityExchangeResult<byte[]> paired = pair(tablet, code, UUID.randomUUID().toString()).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.register.id").isEqualTo(registerId)
                .jsonPath("$.register.lastReceiptNumber").isEqualTo(0)
                .jsonPath("$.device.label").isEqualTo("Counter tablet")
                .jsonPath("$.device.pairedBy").isEqualTo("coordinator@example.org")
                .returnResult();
        assertThat(new String(paired.getResponseBody(), StandardCharsets.UTF_8)).doesNotContain(tablet.credential);
        ResponseCookie cookie = paired.getResponseCookies().getFirst("POS_DEVICE");
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo(tablet.credential);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/api/pos");
        byte[] stored = db.sql("""
                        SELECT k.public_key FROM pos_devices d JOIN receipt_keys k ON k.id = d.key_id
                        WHERE d.register_id = :id AND k.register = d.register_id AND k.private_key IS NULL""")
                .bind("id", registerId)
                .map(row -> row.get("public_key", byte[].class)).one().block();
        assertThat(stored).as("published as the register's receipt key, with no private half").isEqualTo(tablet.publicKey);
        assertThat(db.sql("SELECT count(*) AS n FROM pos_devices WHERE credential_hash = :plain").bind("plain", tablet.credential)
                .map(row -> row.get("n", Long.class)).one().block()).as("only the credential's hash is stored").isZero();

        String deviceId = tablet.device(client).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("device") instanceof Map<?, ?> device
                ? (String) device.get("id") : null;
        tablet.device(client).expectBody().jsonPath("$.register.id").isEqualTo(registerId);
        client.get().uri("/api/pos/device").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://social-workshop.org/problems/device-not-paired");

        pair(new PairedTablet(), code, UUID.randomUUID().toString()).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://social-workshop.org/problems/pairing-code-wrong");
        coordinator.post().uri("/api/admin/pos/registers/" + registerId + "/pairing-codes").exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://social-workshop.org/problems/register-paired");
        coordinator.get().uri("/api/admin/pos/registers/" + registerId).exchange()
                .expectBody().jsonPath("$.device.id").isEqualTo(deviceId);

        coordinator.post().uri("/api/admin/pos/devices/" + deviceId + "/revoke").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.revokedAt").exists();
        tablet.device(client).expectStatus().isUnauthorized();
        coordinator.post().uri("/api/admin/pos/devices/" + deviceId + "/revoke").exchange().expectStatus().isOk();
        coordinator.post().uri("/api/admin/pos/devices/" + UUID.randomUUID() + "/revoke").exchange().expectStatus().isNotFound();
        assertThat(db.sql("SELECT revoked_by FROM pos_devices WHERE id = :id").bind("id", UUID.fromString(deviceId))
                .map(row -> row.get("revoked_by", String.class)).one().block()).isEqualTo("coordinator@example.org");

        PairedTablet replacement = new PairedTablet();
        pair(replacement, pairingCode(), UUID.randomUUID().toString()).expectStatus().isCreated();
        replacement.device(client).expectStatus().isOk().expectBody().jsonPath("$.register.id").isEqualTo(registerId);
        tablet.device(client).expectStatus().isUnauthorized();
    }

    @Test
    void aLostAnswerIsRepliedWithTheCookieAgainAndPairsOnce() {
        String code = pairingCode();
        PairedTablet tablet = new PairedTablet();
        String key = UUID.randomUUID().toString();
        pair(tablet, code, key).expectStatus().isCreated();
        EntityExchangeResult<byte[]> again = pair(tablet, code, key).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().returnResult();
        assertThat(again.getResponseCookies().getFirst("POS_DEVICE").getValue()).isEqualTo(tablet.credential);
        assertThat(db.sql("SELECT count(*) AS n FROM pos_devices WHERE register_id = :id").bind("id", registerId)
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1);
    }

    @Test
    void theTabletMustProveItHoldsTheKeyItRegisters() {
        String code = pairingCode();
        PairedTablet tablet = new PairedTablet();
        PairedTablet other = new PairedTablet();
        String address = fakeAddress();
        refused(() -> registers.pair(code, tablet.publicKey, other.sign("pair:" + code), tablet.credential, "x", address,
                paired -> Mono.empty()).block(), "pairing-key-not-proven");
        refused(() -> registers.pair(code, tablet.publicKey, tablet.sign("pair:00000000"), tablet.credential, "x", address,
                paired -> Mono.empty()).block(), "pairing-key-not-proven");
        assertThat(registers.pair(code, tablet.publicKey, tablet.sign("pair:" + code), tablet.credential, "x", address,
                paired -> Mono.empty()).block().register().id()).as("the code still works after refused proofs").isEqualTo(registerId);
    }

    @Test
    void wrongCodesFromOneAddressAreBraked() {
        String code = pairingCode();
        PairedTablet tablet = new PairedTablet();
        String address = fakeAddress();
        String wrong = code.equals("12345678") ? "87654321" : "12345678";
        for (int i = 0; i < 5; i++) {
            refused(() -> registers.pair(wrong, tablet.publicKey, tablet.sign("pair:" + wrong), tablet.credential, "x",
                    address, paired -> Mono.empty()).block(), "pairing-code-wrong");
        }
        // Even the right code, once braked.
        refused(() -> registers.pair(code, tablet.publicKey, tablet.sign("pair:" + code), tablet.credential, "x",
                address, paired -> Mono.empty()).block(), "too-many-attempts");
        assertThat(registers.pair(code, tablet.publicKey, tablet.sign("pair:" + code), tablet.credential, "x", fakeAddress(),
                paired -> Mono.empty()).block().register().id()).as("from another address").isEqualTo(registerId);
    }

    private static void refused(ThrowingCallable call, String type) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PosProblem.class, problem ->
                assertThat(problem.getBody().getType()).hasToString("https://social-workshop.org/problems/" + type));
    }

    private String pairingCode() {
        return (String) coordinator.post().uri("/api/admin/pos/registers/" + registerId + "/pairing-codes").exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("code");
    }

    private WebTestClient.ResponseSpec pair(PairedTablet tablet, String code, String idempotencyKey) {
        return tablet.pair(client, code, idempotencyKey);
    }

    private static String fakeAddress() {
        return "10.12." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }
}
