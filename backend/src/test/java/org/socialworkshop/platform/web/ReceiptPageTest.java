package org.socialworkshop.platform.web;

import org.junit.jupiter.api.Test;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A receipt's QR address, /r/{code}, opens the receipt page; nothing deeper does. */
@WorkshopTest
class ReceiptPageTest {

    @Autowired
    WebTestClient client;

    @Test
    void aReceiptAddressServesTheReceiptPageWithTheUsualHeaders() {
        String page = client.get().uri("/r/ONLINE-1.abc").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().exists("Content-Security-Policy")
                .expectBody(String.class).returnResult().getResponseBody();
        String index = client.get().uri("/r/index.html").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).isEqualTo(index).contains("<receipt-check", "/r/receipt.js");
    }

    @Test
    void anyCodeWithoutASlashGetsThePageSoAMistypedOneIsToldSo() {
        client.get().uri("/r/POS-3-TABLET-7.Zm9v_-x").exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        client.get().uri("/r/not a code").exchange().expectStatus().isOk();
    }

    @Test
    void thePagesOwnFilesAreServedAsThemselves() {
        client.get().uri("/r/receipt.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script).contains("receipt-check"));
    }

    @Test
    void pathsWithASlashAfterTheCodeAreNotFound() {
        client.get().uri("/r/ONLINE-1.abc/more").exchange().expectStatus().isNotFound();
        client.get().uri("/r/ONLINE-1.abc/").exchange().expectStatus().isNotFound();
        client.get().uri("/r/a/b/c").exchange().expectStatus().isNotFound();
    }
}
