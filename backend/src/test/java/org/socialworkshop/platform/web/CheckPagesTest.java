package org.socialworkshop.platform.web;

import org.junit.jupiter.api.Test;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A receipt's QR address, /r/{code}, opens the receipt page, and a statement's, /s/{code}, the statement page; nothing deeper does. */
@WorkshopTest
class CheckPagesTest {

    @Autowired
    WebTestClient client;

    @Test
    void aReceiptAddressServesTheReceiptPageWithTheUsualHeaders() {
        assertThat(pageAt("/r/ONLINE-1.abc")).isEqualTo(pageAt("/r/index.html")).contains("<receipt-check", "/r/receipt.js");
    }

    @Test
    void aStatementAddressServesTheStatementPageWithTheUsualHeaders() {
        String code = "/s/3f2504e0-4f89-41d3-9a0c-0305e82c3301.Zm9v_-x";
        assertThat(pageAt(code)).isEqualTo(pageAt("/s/index.html")).contains("<statement-check", "/s/statement.js");
    }

    @Test
    void anImpactReportAddressServesTheImpactCheckPage() {
        String code = "/i/3f2504e0-4f89-41d3-9a0c-0305e82c3301.Zm9v_-x";
        assertThat(pageAt(code)).isEqualTo(pageAt("/i/index.html")).contains("<impact-check", "/i/impact.js");
    }

    @Test
    void anyCodeWithoutASlashGetsThePageSoAMistypedOneIsToldSo() {
        client.get().uri("/r/POS-3-TABLET-7.Zm9v_-x").exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        client.get().uri("/r/not a code").exchange().expectStatus().isOk();
        client.get().uri("/s/not a code").exchange().expectStatus().isOk();
    }

    @Test
    void thePagesOwnFilesAreServedAsThemselves() {
        client.get().uri("/r/receipt.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script).contains("receipt-check"));
        client.get().uri("/s/statement.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script).contains("statement-check"));
    }

    @Test
    void pathsWithASlashAfterTheCodeAreNotFound() {
        client.get().uri("/r/ONLINE-1.abc/more").exchange().expectStatus().isNotFound();
        client.get().uri("/r/ONLINE-1.abc/").exchange().expectStatus().isNotFound();
        client.get().uri("/r/a/b/c").exchange().expectStatus().isNotFound();
        client.get().uri("/s/a/b").exchange().expectStatus().isNotFound();
    }

    /** The HTML served at {@code path}, with the headers every page has. */
    private String pageAt(String path) {
        return client.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().exists("Content-Security-Policy")
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
