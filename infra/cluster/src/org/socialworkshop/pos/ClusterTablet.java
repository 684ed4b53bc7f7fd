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
 * A counter tablet for infra/cluster's fault run (compiled there against the backend's test classes, in this package
 * for {@link PairedTablet}, {@link TabletSale} and {@link BenchClient}): as {@link BenchTablet}, a register of its own
 * with a tablet paired to it, the demo cashier signed in, a shift open; each sale is three canteen meals paid in cash,
 * its receipt numbered, chained and signed by the tablet. Unlike the benchmark's tablet it behaves as the POS page's
 * queue does: a sale whose answer did not come is sent again exactly as before, never replaced by another.
 */
public final class ClusterTablet {

    private static final SignedDocuments DOCUMENTS = CanonicalDocuments.withoutKeys();

    private final String register;
    private final BenchClient client;
    private final PairedTablet keys = new PairedTablet();
    private final Map<String, Object> catalog;
    private final List<String[]> meals = new ArrayList<>();
    private Map<String, Object> series;

    /** A sale ready to send: its receipt's number ({@code REGISTER-N}) and its body. */
    public record Sale(String number, String json) {
    }

    /** What the server answered: its status and body. */
    public record Answer(int status, String body) {
    }

    @SuppressWarnings("unchecked")
    public ClusterTablet(String base, String register) throws Exception {
        this.register = register;
        BenchClient coordinator = BenchClient.signedIn(base, "coordinator@example.org", "workshop-coordinator");
        Object cashier = BenchTablet.demoCashier(coordinator);
        this.client = new BenchClient(base);
        coordinator.send("POST", "/api/admin/pos/registers", Map.of("id", register, "kind", "CANTEEN", "nameZh", "故障 " + register,
                "nameEn", "Faults " + register));
        Map<String, Object> code = coordinator.json("POST", "/api/admin/pos/registers/" + register + "/pairing-codes", null,
                new TypeReference<>() {
                });
        client.send("POST", "/api/pos/pairing", Map.of("code", code.get("code"), "publicKey", SignatureText.of(keys.publicKey),
                "proof", SignatureText.of(keys.sign("pair:" + code.get("code"))), "credential", keys.credential, "label", "faults"));
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

    public String register() {
        return register;
    }

    /** The next sale, signed as the series stands (after the last sale the server acknowledged). */
    public Sale prepare() {
        TabletSale sale = new TabletSale(catalog);
        for (int line = 0; line < 3; line++) {
            String[] meal = meals.get(line);
            sale.add(meal[0], 1, List.of(meal[1]), 0, null, null);
        }
        long number = ((Number) series.get("lastNumber")).longValue() + 1;
        return new Sale(register + "-" + number,
                BenchClient.JSON.writeValueAsString(sale.body(keys, DOCUMENTS, register, series, sale.total())));
    }

    /** Sends a sale once; throws when no answer came (connection refused or cut, timeout). */
    public Answer send(Sale sale) {
        HttpResponse<String> answer = client.sendAsync("POST", "/api/pos/sales", sale.json()).join();
        return new Answer(answer.statusCode(), answer.body());
    }

    /** The server stored the sale (201, or 200 for the same sale again): the series moves on to its receipt. */
    @SuppressWarnings("unchecked")
    public void stored(Answer answer) {
        series = (Map<String, Object>) BenchClient.JSON.readValue(answer.body(), new TypeReference<Map<String, Object>>() {
        }).get("series");
    }
}
