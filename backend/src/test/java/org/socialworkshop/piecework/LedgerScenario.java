package org.socialworkshop.piecework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.awaitility.Awaitility;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.Shop;
import org.socialworkshop.support.SignIn;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One random sequence of piece-work for two fresh makers, driven through the application's HTTP API as a
 * coordinator, a maker and a buyer would: checked and rejected work, consignment sales and refunds, adjustments,
 * corrections, a minimum-wage top-up, and payouts, some of them racing each other. Alongside it keeps its own
 * account of what each maker is owed, from the rules as the business states them, and checks the application's
 * balance against it after every step.
 */
@SuppressWarnings("unchecked")
final class LedgerScenario {

    /** The test product's price and VAT: 68.00 with 13% included. */
    static final long PRICE = 6800;
    static final BigDecimal VAT = new BigDecimal("1.13");
    static final long HOURLY_MINIMUM = 2400;

    /** An entry the scenario booked and may correct: whose it is and what it gave them. */
    record Correctable(UUID entry, UUID maker, long amount) {
    }

    private final Random random;
    private final WebTestClient client;
    private final WebTestClient staff;
    private final Database db;
    private final Ledger ledger;
    private final String operation;
    private final LocalDate today;
    private final List<String> steps = new ArrayList<>();

    final List<UUID> makers = new ArrayList<>();
    final Map<UUID, Long> owed = new HashMap<>();
    final Map<UUID, Set<String>> paidOut = new HashMap<>();
    final WebTestClient firstMakerSession;
    private final List<Correctable> correctable = new ArrayList<>();
    private final Set<UUID> corrected = new HashSet<>();
    private final Map<UUID, Long> workLastMonth = new HashMap<>();
    private boolean toppedUp;

    LedgerScenario(long seed, WebTestClient client, Database db, Ledger ledger, String operation, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
        steps.add("seed " + seed);
        this.client = client;
        this.staff = CatalogFixtures.coordinator(client);
        this.db = db;
        this.ledger = ledger;
        this.operation = operation;
        for (String name : List.of("甲", "乙")) {
            UUID maker = UUID.fromString((String) staff.post().uri("/api/admin/makers").bodyValue(Map.of("name", "账本手作人" + name, "displayName", name))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
            makers.add(maker);
            owed.put(maker, 0L);
            paidOut.put(maker, new HashSet<>());
        }
        firstMakerSession = makerSession(makers.get(0));
    }

    /** Runs {@code count} random steps, checking the application's balances after each. */
    void run(int count) {
        for (int step = 0; step < count; step++) {
            int dice = random.nextInt(100);
            if (dice < 30) {
                work();
            } else if (dice < 40) {
                adjust();
            } else if (dice < 50) {
                correct();
            } else if (dice < 60) {
                sellAndMaybeRefund();
            } else if (dice < 65) {
                topUp();
            } else if (dice < 80) {
                payOnce();
            } else {
                race();
            }
            for (UUID maker : makers) {
                assertThat(ledger.balance(maker, null).block()).as("balance of %s after %s", maker, steps).isEqualTo(owed.get(maker));
            }
        }
    }

    String steps() {
        return String.join("; ", steps);
    }

    private UUID anyMaker() {
        return makers.get(random.nextInt(makers.size()));
    }

    private long rateOn(LocalDate day) {
        return day.isBefore(today.minusDays(10)) ? 150 : 180;
    }

    private void credit(UUID maker, long amount) {
        owed.merge(maker, amount, Long::sum);
    }

    private void work() {
        UUID maker = anyMaker();
        LocalDate day = today.minusDays(random.nextInt(20));
        int pieces = 1 + random.nextInt(12);
        int rejected = random.nextInt(4) == 0 ? pieces : random.nextInt(pieces + 1) / 2;
        Map<String, Object> check = rejected == 0 ? Map.of("accepted", pieces, "rejected", 0)
                : Map.of("accepted", pieces - rejected, "rejected", rejected, "reason", "uneven weave");
        boolean reported = maker.equals(makers.get(0)) && random.nextBoolean();
        steps.add((reported ? "reported" : "recorded") + " work " + (pieces - rejected) + "/" + pieces + " on " + day);
        String record;
        if (reported) {
            record = (String) firstMakerSession.post().uri("/api/maker/work").bodyValue(Map.of("operationId", operation, "workDate", day.toString(),
                    "pieces", pieces)).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
            staff.post().uri("/api/admin/piecework/work/{id}/check", record).bodyValue(check).exchange().expectStatus().isOk();
        } else {
            record = (String) staff.post().uri("/api/admin/piecework/work").bodyValue(Map.of("makerId", maker, "operationId", operation,
                            "workDate", day.toString(), "pieces", pieces, "check", check))
                    .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        }
        long amount = (pieces - rejected) * rateOn(day);
        if (amount > 0) {
            credit(maker, amount);
            correctable.add(new Correctable(entryOf("work-record:" + record).get(0), maker, amount));
            if (YearMonth.from(day).equals(YearMonth.from(today).minusMonths(1))) {
                workLastMonth.merge(maker, amount, Long::sum);
            }
        }
    }

    private void adjust() {
        UUID maker = anyMaker();
        long amount = random.nextInt(3000) - 800;
        amount = amount == 0 ? 1 : amount;
        steps.add("adjusted by " + amount);
        Map<String, Object> entry = staff.post().uri("/api/admin/piecework/adjustments")
                .bodyValue(Map.of("makerId", maker, "amount", amount, "reason", "random adjustment"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        credit(maker, amount);
        correctable.add(new Correctable(UUID.fromString((String) entry.get("id")), maker, amount));
    }

    private void correct() {
        if (correctable.isEmpty()) {
            steps.add("nothing to correct");
            return;
        }
        Correctable wrong = correctable.get(random.nextInt(correctable.size()));
        UUID replacementMaker = anyMaker();
        long replacementAmount = 1 + random.nextInt(2000);
        boolean replaced = random.nextBoolean();
        Map<String, Object> body = replaced
                ? Map.of("reason", "booked wrongly", "replacement", Map.of("makerId", replacementMaker, "amount", replacementAmount))
                : Map.of("reason", "booked twice");
        boolean again = corrected.contains(wrong.entry());
        steps.add((again ? "corrected again " : "corrected ") + wrong + (replaced ? " with " + replacementAmount : ""));
        var answer = staff.post().uri("/api/admin/piecework/entries/{id}/corrections", wrong.entry()).bodyValue(body).exchange();
        if (again) {
            answer.expectStatus().isEqualTo(422);
            return;
        }
        answer.expectStatus().isCreated();
        corrected.add(wrong.entry());
        credit(wrong.maker(), -wrong.amount());
        if (replaced) {
            credit(replacementMaker, replacementAmount);
        }
    }

    private void sellAndMaybeRefund() {
        UUID maker = anyMaker();
        BigDecimal share = List.of(new BigDecimal("0.5"), new BigDecimal("0.6"), new BigDecimal("0.333"), BigDecimal.ONE)
                .get(random.nextInt(4));
        int quantity = 1 + random.nextInt(3);
        steps.add("sold " + quantity + " at a share of " + share);
        Map<String, Object> product = CatalogFixtures.create(staff, CatalogFixtures.product("寄售篮", "Consigned basket", true));
        String productId = (String) product.get("id");
        String variant = CatalogFixtures.firstVariantId(product);
        CatalogFixtures.receive(staff, variant, "ONLINE_STORE_ROOM", 5);
        staff.put().uri("/api/admin/piecework/consignments/{id}", productId).bodyValue(Map.of("makerId", maker, "share", share))
                .exchange().expectStatus().isNoContent();
        Shop shop = new Shop(client);
        Shop.Placed order = shop.paidOrder(productId, variant, quantity);
        long net = net(PRICE * quantity);
        credit(maker, share(net, share));
        awaitBalances();
        correctable.add(new Correctable(entryOf("order:" + order.orderId()).get(0), maker, share(net, share)));

        int refund = random.nextInt(3);
        if (refund == 0) {
            return;
        }
        Map<String, Object> body;
        long refundedNet;
        if (refund == 1) {
            int units = 1 + random.nextInt(quantity);
            String line = (String) Shop.lines(shop.order(order)).get(0).get("lineId");
            body = Map.of("lines", List.of(Map.of("lineId", line, "quantity", units)), "restock", true, "reason", "returned");
            refundedNet = net(PRICE * units);
            steps.add("refunded " + units + " units");
        } else {
            long amount = 1 + random.nextInt((int) (PRICE * quantity));
            body = Map.of("amount", Map.of("amount", amount), "restock", false, "reason", "partly damaged");
            refundedNet = BigDecimal.valueOf(net).multiply(BigDecimal.valueOf(amount))
                    .divide(BigDecimal.valueOf(PRICE * quantity), 0, RoundingMode.HALF_EVEN).longValueExact();
            steps.add("refunded " + amount + " fen");
        }
        staff.post().uri("/api/admin/orders/{id}/refunds", order.orderId()).bodyValue(body).exchange().expectStatus().isCreated();
        credit(maker, -share(refundedNet, share));
        awaitBalances();
    }

    /** The tax-excluded part of a VAT-inclusive amount. */
    private static long net(long gross) {
        return BigDecimal.valueOf(gross).divide(VAT, 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    private static long share(long net, BigDecimal share) {
        return BigDecimal.valueOf(net).multiply(share).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** Shares are booked from the outbox, after the sale or refund is answered. */
    private void awaitBalances() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            for (UUID maker : makers) {
                assertThat(ledger.balance(maker, null).block()).as("balance of %s after %s", maker, steps).isEqualTo(owed.get(maker));
            }
        });
    }

    private void topUp() {
        if (toppedUp) {
            steps.add("already topped up");
            return;
        }
        toppedUp = true;
        UUID maker = anyMaker();
        YearMonth month = YearMonth.from(today).minusMonths(1);
        int minutes = 60 * (1 + random.nextInt(40));
        steps.add("topped up for " + minutes + " minutes in " + month);
        staff.put().uri("/api/admin/piecework/makers/{id}/hours/{month}", maker, month.toString()).bodyValue(Map.of("minutes", minutes))
                .exchange().expectStatus().isNoContent();
        List<Map<String, Object>> topUps = staff.post().uri("/api/admin/piecework/months/{month}/top-ups", month.toString()).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        long expected = Math.max(0, minutes * HOURLY_MINIMUM / 60 - workLastMonth.getOrDefault(maker, 0L));
        assertThat(topUps.stream().filter(topUp -> maker.toString().equals(topUp.get("makerId")))
                .mapToLong(topUp -> ((Number) topUp.get("amount")).longValue()).sum()).isEqualTo(expected);
        credit(maker, expected);
    }

    private void payOnce() {
        UUID maker = anyMaker();
        long balance = owed.get(maker);
        boolean overdraw = balance <= 0 || random.nextInt(4) == 0;
        long amount = overdraw ? Math.max(1, balance) + 1 + random.nextInt(500) : 1 + (long) random.nextInt((int) balance);
        steps.add("paid " + amount + " of " + balance);
        EntityExchangeResult<Map> paid = pay(maker, amount, UUID.randomUUID().toString());
        assertThat(paid.getStatus().value()).as("payout of %d from %d", amount, balance).isEqualTo(overdraw ? 422 : 201);
        settle(maker, List.of(paid));
    }

    /**
     * Payouts for one maker at the same moment: several larger than half the balance (one at most can be paid),
     * several of random size, or a payout batch racing single payouts.
     */
    private void race() {
        UUID maker = anyMaker();
        long balance = owed.get(maker);
        int kind = random.nextInt(3);
        List<Racer> racers = new ArrayList<>();
        for (int i = 2 + random.nextInt(3); i > 0; i--) {
            long amount = balance < 2 ? 1 + random.nextInt(100)
                    : kind == 0 ? balance / 2 + 1 + random.nextInt((int) (balance - balance / 2)) : 1 + random.nextInt((int) balance);
            String key = UUID.randomUUID().toString();
            racers.add(new Racer(amount, () -> pay(maker, amount, key)));
        }
        if (kind == 2) {
            racers.add(new Racer(0, () -> staff.post().uri("/api/admin/piecework/payout-batches")
                    .bodyValue(Map.of("method", "BANK_TRANSFER", "makerIds", List.of(maker))).exchange()
                    .expectBody(Map.class).returnResult()));
        }
        steps.add("raced " + racers.stream().map(Racer::amount).toList() + " (0 = a batch) from " + balance);
        List<Map.Entry<Long, EntityExchangeResult<Map>>> answers = Flux.fromIterable(racers)
                .flatMap(racer -> Mono.fromCallable(racer.request()).subscribeOn(Schedulers.boundedElastic())
                        .map(answer -> Map.entry(racer.amount(), answer)), racers.size())
                .collectList().block();
        long paid = settle(maker, answers.stream().map(Map.Entry::getValue).toList());

        assertThat(paid).as("paid in the race from %d", balance).isLessThanOrEqualTo(Math.max(0, balance));
        answers.stream().filter(answer -> answer.getValue().getStatus().value() == 422).forEach(refused ->
                assertThat(refused.getKey()).as("a refused payout, when %d of %d were paid", paid, balance).isGreaterThan(balance - paid));
        if (kind == 0 && balance >= 2) {
            assertThat(paid).as("one payout of more than half of %d", balance).isGreaterThan(balance / 2);
        }
        if (kind == 2) {
            assertThat(owed.get(maker)).as("a batch leaves nothing owed").isEqualTo(Math.min(0, balance));
        }
    }

    /** One request of a race, and the amount it asks for (0 for a batch). */
    private record Racer(long amount, Callable<EntityExchangeResult<Map>> request) {
    }

    private EntityExchangeResult<Map> pay(UUID maker, long amount, String key) {
        return staff.post().uri("/api/admin/piecework/payouts").header("Idempotency-Key", key)
                .bodyValue(Map.of("makerId", maker, "amount", amount, "method", "CASH")).exchange()
                .expectBody(Map.class).returnResult();
    }

    /**
     * Takes the answered payouts into the scenario's account: every 2xx answer is a payout, every other answer must
     * be the 422 of a payout larger than what was owed. Returns the sum paid.
     */
    private long settle(UUID maker, List<EntityExchangeResult<Map>> answers) {
        Map<String, Long> paid = new HashMap<>();
        for (EntityExchangeResult<Map> answer : answers) {
            int status = answer.getStatus().value();
            Map<String, Object> body = answer.getResponseBody();
            if (status == 201 && body.containsKey("payouts")) {
                for (Map<String, Object> payout : (List<Map<String, Object>>) body.get("payouts")) {
                    paid.put((String) payout.get("id"), amountOf(payout));
                }
            } else if (status == 201) {
                paid.put((String) body.get("id"), amountOf(body));
            } else {
                assertThat(status).as("answer %s", body).isEqualTo(422);
                assertThat((String) body.get("type")).endsWith("/overdrawn");
            }
        }
        long sum = paid.values().stream().mapToLong(Long::longValue).sum();
        paidOut.get(maker).addAll(paid.keySet());
        credit(maker, -sum);
        return sum;
    }

    private static long amountOf(Map<String, Object> payout) {
        return ((Number) ((Map<String, Object>) payout.get("amount")).get("amount")).longValue();
    }

    /** The ids of the entries booked from {@code source}, looked up in the ledger table. */
    private List<UUID> entryOf(String source) {
        List<UUID> ids = db.sql("SELECT id FROM ledger_entries WHERE source = :source ORDER BY created_at").bind("source", source)
                .map(row -> row.get("id", UUID.class)).list().block();
        assertThat(ids).as("entries from %s", source).isNotEmpty();
        return ids;
    }

    /** A signed-in MAKER account linked to {@code maker}. */
    private WebTestClient makerSession(UUID maker) {
        String email = "ledger-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        SignIn.admin(client).post().uri("/api/admin/users").bodyValue(Map.of("email", email, "displayName", "手作人",
                "password", "a-long-maker-password", "roles", List.of("MAKER"))).exchange().expectStatus().isCreated();
        staff.put().uri("/api/admin/piecework/makers/{id}/account", maker).bodyValue(Map.of("email", email)).exchange().expectStatus().isNoContent();
        return SignIn.as(client, email, "a-long-maker-password");
    }
}
