package org.socialworkshop.corporate;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.web.reactive.server.WebTestClient;

/** Companies, buyers, enquiries and locations as the corporate tests make them, through the API. */
public final class CorporateFixtures {

    private CorporateFixtures() {
    }

    public record Registered(String companyId, String locationId, String buyerId, String email, String creditCode) {
    }

    @SuppressWarnings("unchecked")
    public static Registered registerWithBuyer(WebTestClient coordinator, String name, String code) {
        String companyId = (String) coordinator.post().uri("/api/admin/corporate/companies").bodyValue(company(name, code)).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        String locationId = (String) coordinator.post().uri("/api/admin/corporate/companies/{id}/locations", companyId)
                .bodyValue(location("前台 Reception")).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("id");
        String email = "buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Map<String, Object> company = coordinator.post().uri("/api/admin/corporate/companies/{id}/buyers", companyId)
                .bodyValue(Map.of("email", email, "displayName", "采购", "password", "long enough passphrase")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String buyerId = (String) ((List<Map<String, Object>>) company.get("buyers")).get(0).get("userId");
        return new Registered(companyId, locationId, buyerId, email, code);
    }

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 900));

    /** A valid credit code: these 15 characters, two more unique to this run, and the check character. */
    public static String code(String first15) {
        int n = NEXT.incrementAndGet();
        String first17 = first15 + CreditCode.ALPHABET.charAt(n / 31 % 31) + CreditCode.ALPHABET.charAt(n % 31);
        return first17 + CreditCode.checkCharacter(first17);
    }

    static Map<String, Object> enquiry(String company, String creditCode) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("companyName", company);
        body.put("creditCode", creditCode);
        body.put("contactName", "张女士");
        body.put("contactPhone", "138 0000 0000");
        body.put("contactEmail", "zhang@example.com");
        body.put("needs", "中秋礼盒 300 份，九月初送到两个办公室");
        body.put("lang", "zh-CN");
        return body;
    }

    static Map<String, Object> company(String name, String code) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("legalName", name);
        body.put("creditCode", code);
        body.put("invoice", Map.of("title", name, "kind", "NORMAL"));
        body.put("contact", Map.of("name", "张女士", "phone", "138 0000 0000", "email", "zhang@example.com"));
        return body;
    }

    static Map<String, Object> location(String label) {
        return Map.of("label", label, "recipient", "张女士", "phone", "138 0000 0000", "address", "成都市锦江区某路 1 号");
    }
}
