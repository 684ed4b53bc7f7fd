package org.socialworkshop.platform.web;

import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.socialworkshop.support.WorkshopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What browsers and crawlers ask for by name answers for anyone: the icon, robots.txt and the shop's sitemap. */
@WorkshopTest
class CrawlerFilesTest {

    private static final String SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    @Test
    void theFaviconIsAnIcon() {
        byte[] icon = client.get().uri("/favicon.ico").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Type", type -> assertThat(type).isIn("image/x-icon", "image/vnd.microsoft.icon"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        // ICONDIR: reserved 0, type 1 (icon), then how many images: 16, 32 and 48 pixels
        assertThat(icon).startsWith(0, 0, 1, 0, 3, 0);
    }

    @Test
    void robotsKeepCrawlersOutOfStaffAreasAndTheApiAndNameTheSitemap() {
        String robots = client.get().uri("/robots.txt").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(robots.lines()).startsWith("User-agent: *")
                .contains("Disallow: /admin/", "Disallow: /pos/", "Disallow: /maker/", "Disallow: /corporate/", "Disallow: /api/",
                        "Sitemap: http://localhost:" + port + "/sitemap.xml")
                .doesNotContain("Disallow: /", "Disallow: /shop/");
    }

    @Test
    void theSitemapListsThePublicPagesAndEveryProductOfTheOnlineShopAsTheSchemaWants() throws Exception {
        String xml = client.get().uri("/sitemap.xml").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_XML)
                .expectBody(String.class).returnResult().getResponseBody();
        URL schema = getClass().getResource("/xml/sitemap-0.9.xsd");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(schema).newValidator()
                .validate(new StreamSource(new StringReader(xml)));

        String base = "http://localhost:" + port;
        List<String> listed = locations(xml);
        assertThat(listed).startsWith(base + "/", base + "/shop/", base + "/shop/products.html").doesNotHaveDuplicates();
        List<String> online = productIds("ONLINE");
        assertThat(online).as("the demo shop's products").isNotEmpty();
        assertThat(listed).containsAll(online.stream().map(id -> base + "/shop/product.html?id=" + id).toList());
        List<String> counterOnly = new ArrayList<>(productIds("POS"));
        counterOnly.removeAll(online);
        assertThat(counterOnly).as("products sold only at the counter, such as café drinks").isNotEmpty();
        assertThat(listed).noneMatch(location -> counterOnly.stream().anyMatch(location::endsWith));
        assertThat(listed).allMatch(location -> location.startsWith(base + "/"))
                .noneMatch(location -> location.contains("/admin/") || location.contains("/api/"));
    }

    private static List<String> locations(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml)));
        NodeList locs = document.getElementsByTagNameNS(SITEMAPS, "loc");
        List<String> found = new ArrayList<>();
        for (int i = 0; i < locs.getLength(); i++) {
            found.add(locs.item(i).getTextContent());
        }
        return found;
    }

    private List<String> productIds(String channel) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            Map<String, Object> answer = client.get().uri("/api/products?channel={channel}&size=100&page={page}", channel, page)
                    .exchange().expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
            items.forEach(item -> ids.add((String) item.get("id")));
            if (ids.size() >= ((Number) answer.get("total")).longValue() || items.isEmpty()) {
                return ids;
            }
        }
    }
}
