package org.socialworkshop.pos;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialworkshop.identity.Accounts;
import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.support.CatalogFixtures;
import org.socialworkshop.support.FakePrinter;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, items 2 and 6: the counter's ESC/POS printer on the shop's network (a raw TCP port, {@link FakePrinter})
 * prints the register's receipts and shift reports and opens the drawer; a printer not set, switched off, or asked for
 * another register's receipt is said as a problem, and nothing is printed.
 */
@WorkshopTest
class CounterPrintTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @Autowired
    WebTestClient client;

    @Autowired
    Accounts accounts;

    @Autowired
    SignedDocuments documents;

    FakePrinter printer;
    StaffedCounter counter;
    WebTestClient coordinator;
    String cup;

    @BeforeEach
    void counterWithAPrinter() {
        printer = FakePrinter.start();
        coordinator = CatalogFixtures.coordinator(client);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        cup = CatalogFixtures.firstVariantId(CatalogFixtures.create(coordinator, CatalogFixtures.product("青花杯 " + tag, "Blue cup " + tag, false)));
        counter = new StaffedCounter(client, coordinator, accounts);
        counter.post("/api/pos/shift", Map.of("openingFloat", TabletSale.money(10000)), null).expectStatus().isCreated();
    }

    @AfterEach
    void switchOff() {
        printer.close();
    }

    @Test
    void theRegistersReceiptsReportsAndDrawerGoToItsPrinter() {
        Map<?, ?> sold = counter.sell(new TabletSale(counter.catalog()).add(cup, 1), documents, 10000).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String code = (String) ((Map<?, ?>) sold.get("receipt")).get("code");
        counter.post("/api/pos/print", Map.of("receipt", code), null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://social-workshop.org/problems/no-printer");

        coordinator.put().uri("/api/admin/pos/registers/{id}/printer", counter.registerId).bodyValue(Map.of("address", printer.address()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.printer").isEqualTo(printer.address());
        counter.post("/api/pos/print", Map.of("receipt", code), null).expectStatus().isNoContent();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> printer.prints().size() == 1);
        byte[] receipt = printer.prints().get(0);
        assertThat(receipt[0]).as("ESC @ first").isEqualTo((byte) 0x1B);
        assertThat(new String(receipt, GB18030)).contains("/r/" + code).contains(counter.registerId);

        Map<?, ?> x = counter.post("/api/pos/shift/reports", Map.of(), null).expectStatus().isCreated().expectBody(Map.class)
                .returnResult().getResponseBody();
        counter.post("/api/pos/print", Map.of("report", x.get("code")), null).expectStatus().isNoContent();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> printer.prints().size() == 2);
        String report = new String(printer.prints().get(1), GB18030);
        assertThat(report).contains("X 报表 X report").contains("现金 Cash").contains("￥68.00").contains("/pos/report.html?code=" + x.get("code"));

        counter.post("/api/pos/print", Map.of("drawer", true), null).expectStatus().isNoContent();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> printer.prints().size() == 3);
        assertThat(printer.prints().get(2)).containsExactly(0x1B, 'p', 0, 25, (byte) 250);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRefundReceiptOfTheRegisterPrintsAndOneOfAnotherRegisterDoesNot() {
        coordinator.put().uri("/api/admin/pos/registers/{id}/printer", counter.registerId).bodyValue(Map.of("address", printer.address()))
                .exchange().expectStatus().isOk();
        Map<?, ?> sold = counter.sell(new TabletSale(counter.catalog()).add(cup, 2), documents, 20000).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String sale = (String) ((Map<?, ?>) sold.get("receipt")).get("code");
        Map<String, Object> found = counter.lookup(sale);
        String line = (String) ((List<Map<String, Object>>) found.get("lines")).get(0).get("lineId");

        // A cup back at this register: its refund receipt, the register's second, prints on its printer.
        Map<?, ?> returned = counter.giveBack(new TabletReturn(found, counter.catalog()).add(line, 1, false), documents)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String refund = (String) ((Map<?, ?>) returned.get("receipt")).get("code");
        assertThat(refund).startsWith(counter.registerId + "-2.");
        counter.post("/api/pos/print", Map.of("receipt", refund), null).expectStatus().isNoContent();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> printer.prints().size() == 1);
        byte[] receipt = printer.prints().get(0);
        assertThat(receipt[0]).as("ESC @ first").isEqualTo((byte) 0x1B);
        assertThat(new String(receipt, GB18030)).contains("退款小票 Refund receipt").contains("退款 " + counter.registerId + "-1")
                .contains("/r/" + refund).contains("￥68.00");

        // The other cup back at another register: that refund receipt is the other register's, not printed here.
        StaffedCounter other = new StaffedCounter(client, coordinator, accounts);
        other.post("/api/pos/shift", Map.of("openingFloat", TabletSale.money(10000)), null).expectStatus().isCreated();
        Map<?, ?> elsewhere = other.giveBack(new TabletReturn(other.lookup(sale), other.catalog()).add(line, 1, false), documents)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String otherRefund = (String) ((Map<?, ?>) elsewhere.get("receipt")).get("code");
        assertThat(otherRefund).startsWith(other.registerId + "-1.");
        counter.post("/api/pos/print", Map.of("receipt", otherRefund), null).expectStatus().isNotFound();
        assertThat(printer.prints()).hasSize(1);
    }

    @Test
    void aPrinterSwitchedOffAnotherRegistersReceiptOrAnUnclearAskPrintNothing() {
        coordinator.put().uri("/api/admin/pos/registers/{id}/printer", counter.registerId).bodyValue(Map.of("address", printer.address()))
                .exchange().expectStatus().isOk();
        StaffedCounter other = new StaffedCounter(client, coordinator, accounts);
        other.post("/api/pos/shift", Map.of("openingFloat", TabletSale.money(10000)), null).expectStatus().isCreated();
        Map<?, ?> elsewhere = other.sell(new TabletSale(other.catalog()).add(cup, 1), documents, 10000).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        counter.post("/api/pos/print", Map.of("receipt", ((Map<?, ?>) elsewhere.get("receipt")).get("code")), null).expectStatus().isNotFound();
        counter.post("/api/pos/print", Map.of("receipt", "NOT-A-RECEIPT-1.abc"), null).expectStatus().isNotFound();
        counter.post("/api/pos/print", Map.of(), null).expectStatus().isBadRequest();
        counter.post("/api/pos/print", Map.of("drawer", true, "receipt", "X-1.abc"), null).expectStatus().isBadRequest();
        coordinator.put().uri("/api/admin/pos/registers/{id}/printer", counter.registerId).bodyValue(Map.of("address", "printer:99999"))
                .exchange().expectStatus().isBadRequest();
        coordinator.put().uri("/api/admin/pos/registers/{id}/printer", counter.registerId).bodyValue(Map.of("address", "no port"))
                .exchange().expectStatus().isBadRequest();

        printer.close();
        counter.post("/api/pos/print", Map.of("drawer", true), null).expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody().jsonPath("$.type").isEqualTo("https://social-workshop.org/problems/printer-unreachable");
        assertThat(printer.prints()).isEmpty();
    }
}
