package org.socialworkshop.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.socialworkshop.shared.Language;

class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    @Test
    void bothLanguagesHaveEveryText() {
        assertThat(templates.keys(Language.EN)).containsExactlyInAnyOrderElementsOf(templates.keys(Language.ZH_CN));
    }

    @Test
    void theHtmlPartEscapesValuesAndLinksTheLinks() {
        MailTemplates.Rendered mail = templates.render(MailKind.SHIPPED, Language.EN, Map.of("shop", "Tea & <Cups>", "number", "WS-1",
                "orderLink", "https://shop.example.org/shop/order.html?id=1&token=a", "tracking", "<script>"), List.of("tracking"));

        assertThat(mail.subject()).isEqualTo("Order WS-1 is on its way");
        assertThat(mail.text()).contains("From us: <script>").contains("Tea & <Cups>");
        assertThat(mail.html()).contains("From us: &lt;script&gt;").contains("Tea &amp; &lt;Cups&gt;").doesNotContain("<script>")
                .contains("<a href=\"https://shop.example.org/shop/order.html?id=1&amp;token=a\">");
    }
}
