package org.socialworkshop.pos;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.socialworkshop.receipts.CanonicalDocuments;
import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.shared.SignatureText;
import tools.jackson.core.type.TypeReference;

/**
 * A counter tablet for the POS benchmarks: a register of its own (kind {@code CANTEEN}), a tablet paired to it with an
 * Ed25519 key of its own, the demo cashier signed in with the demo PIN, a shift open. Each sale is three canteen meals,
 * each with a spice option (so each line has a modifier and the kitchen gets a ticket), paid in cash, its receipt
 * numbered, chained on the one before and signed by the tablet. Sales of one tablet go one after the other, as the
 * tablet's queue sends them: each receipt continues the one before.
 */
final class BenchTablet {

    private static final SignedDocuments DOCUMENTS = CanonicalDocuments.withoutKeys();

    final String register;
    private final BenchClient client;
    private final PairedTablet keys = new PairedTablet();
    private final Map<String, Object> catalog;
    private final List<String[]> meals = new ArrayList<>();
    private Map<String, Object> series;

    /** A sale ready to send: the order number it will have, and its body as JSON. */
    record Prepared(String orderNumber, String json) {
    }

    @SuppressWarnings("unchecked")
    BenchTablet(String base, BenchClient coordinator, String register, Object cashier) throws Exception {
        this.register = register;
        this.client = new BenchClient(base);
        coordinator.send("POST", "/api/admin/pos/registers", Map.of("id", register, "kind", "CANTEEN", "nameZh", "压测 " + register,
                "nameEn", "Bench " + register));
        Map<String, Object> code = coordinator.json("POST", "/api/admin/pos/registers/" + register + "/pairing-codes", null,
                new TypeReference<>() {
                });
        client.send("POST", "/api/pos/pairing", Map.of("code", code.get("code"), "publicKey", SignatureText.of(keys.publicKey),
                "proof", SignatureText.of(keys.sign("pair:" + code.get("code"))), "credential", keys.credential, "label", "bench"));
        client.send("POST", "/api/pos/sign-in", Map.of("userId", cashier, "pin", "2580"));
        client.send("POST", "/api/pos/shift", Map.of("openingFloat", TabletSale.money(100000)));
        catalog = client.json("GET", "/api/pos/catalog", null, new TypeReference<>() {
        });
        for (Map<String, Object> product : (List<Map<String, Object>>) catalog.get("products")) {
            List<Map<String, Object>> groups = (List<Map<String, Object>>) product.get("modifierGroups");
            if ("CANTEEN_MEAL".equals(product.get("category")) && groups.size() == 1 && (int) groups.get(0).get("minChoices") == 0) {
                Map<String, Object> variant = ((List<Map<String, Object>>) product.get("variants")).get(0);
                Map<String, Object> option = ((List<Map<String, Object>>) groups.get(0).get("options")).get(1);
                meals.add(new String[] {(String) variant.get("id"), (String) option.get("id")});
            }
        }
        if (meals.size() < 3) {
            throw new IllegalStateException("The demo catalog has fewer than three canteen meals with an optional choice");
        }
        series = (Map<String, Object>) client.json("GET", "/api/pos/device", null, new TypeReference<Map<String, Object>>() {
        }).get("series");
    }

    /** The demo cashier's id, as a coordinator sees it. */
    static Object demoCashier(BenchClient coordinator) throws Exception {
        List<Map<String, Object>> cashiers = coordinator.json("GET", "/api/admin/staff/cashiers", null, new TypeReference<>() {
        });
        return cashiers.stream().filter(one -> "cashier@example.org".equals(one.get("email"))).findFirst().orElseThrow().get("id");
    }

    /** The next sale, signed as the series stands; {@code pickupNumber} may be null. */
    Prepared prepare(Integer pickupNumber) {
        TabletSale sale = new TabletSale(catalog);
        for (int line = 0; line < 3; line++) {
            String[] meal = meals.get(line);
            sale.add(meal[0], 1, List.of(meal[1]), 0, null, null);
        }
        if (pickupNumber != null) {
            sale.pickup(pickupNumber);
        }
        long number = ((Number) series.get("lastNumber")).longValue() + 1;
        return new Prepared(register + "-" + number,
                BenchClient.JSON.writeValueAsString(sale.body(keys, DOCUMENTS, register, series, sale.total())));
    }

    /** Sends a prepared sale and waits for the answer; true when it was stored (the series then moves on). */
    boolean send(Prepared sale) {
        try {
            HttpResponse<String> answer = post(sale);
            if (answer.statusCode() != 201) {
                System.err.println(register + ": " + answer.statusCode() + " " + answer.body());
                return false;
            }
            stored(answer.body());
            return true;
        } catch (RuntimeException failed) {
            System.err.println(register + ": " + failed);
            return false;
        }
    }

    /** Sends a prepared sale once and waits for the answer; throws when none came (refused or cut, timeout). */
    HttpResponse<String> post(Prepared sale) {
        return client.sendAsync("POST", "/api/pos/sales", sale.json()).join();
    }

    /** The server stored a sale and answered {@code body}: the series moves on to its receipt. */
    @SuppressWarnings("unchecked")
    void stored(String body) {
        series = (Map<String, Object>) BenchClient.JSON.readValue(body, new TypeReference<Map<String, Object>>() {
        }).get("series");
    }
}
