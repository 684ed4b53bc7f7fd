package org.socialworkshop.pos;

import java.net.http.HttpResponse;

/**
 * A counter tablet for infra/cluster's fault run (compiled there against the backend's test classes, in this package
 * for {@link BenchTablet}): the benchmark's tablet, a register of its own with a tablet paired to it, the demo cashier
 * signed in, a shift open; each sale is three canteen meals paid in cash, its receipt numbered, chained and signed by
 * the tablet. Unlike the benchmark it behaves as the POS page's queue does: a sale whose answer did not come is sent
 * again exactly as before, never replaced by another, and the series moves on only when the caller says it was stored.
 */
public final class ClusterTablet {

    private final String register;
    private final BenchTablet tablet;

    /** A sale ready to send: its receipt's number ({@code REGISTER-N}) and its body. */
    public record Sale(String number, String json) {
    }

    /** What the server answered: its status and body. */
    public record Answer(int status, String body) {
    }

    public ClusterTablet(String base, String register) throws Exception {
        this.register = register;
        BenchClient coordinator = BenchClient.signedIn(base, "coordinator@example.org", "workshop-coordinator");
        this.tablet = new BenchTablet(base, coordinator, register, BenchTablet.demoCashier(coordinator));
    }

    public String register() {
        return register;
    }

    /** The next sale, signed as the series stands (after the last sale the server acknowledged). */
    public Sale prepare() {
        BenchTablet.Prepared prepared = tablet.prepare(null);
        return new Sale(prepared.orderNumber(), prepared.json());
    }

    /** Sends a sale once; throws when no answer came (connection refused or cut, timeout). */
    public Answer send(Sale sale) {
        HttpResponse<String> answer = tablet.post(new BenchTablet.Prepared(sale.number(), sale.json()));
        return new Answer(answer.statusCode(), answer.body());
    }

    /** The server stored the sale (201, or 200 for the same sale again): the series moves on to its receipt. */
    public void stored(Answer answer) {
        tablet.stored(answer.body());
    }
}
