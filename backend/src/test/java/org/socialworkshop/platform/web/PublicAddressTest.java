package org.socialworkshop.platform.web;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/** Links that leave a request never take a host the client made up (issue 11: the Host header built buyers' links). */
class PublicAddressTest {

    @Test
    void theConfiguredAddressWinsWhateverTheRequestSays() {
        PublicAddress address = new PublicAddress("https://shop.example.org/", List.of());
        assertThat(address.of(request("http://evil.example:8080/api/checkout"))).isEqualTo("https://shop.example.org");
        assertThat(address.of(request("http://localhost:8080/api/checkout"))).isEqualTo("https://shop.example.org");
    }

    @Test
    void withoutOneOnlyThisMachineThePrivateNetworkAndAllowedHostsAreTrusted() {
        PublicAddress address = new PublicAddress("", List.of("Shop.Workshop.LAN"));
        assertThat(address.of(request("http://localhost:8080/x"))).isEqualTo("http://localhost:8080");
        assertThat(address.of(request("http://127.0.0.1:8080/x"))).isEqualTo("http://127.0.0.1:8080");
        assertThat(address.of(request("http://[::1]:8080/x"))).isEqualTo("http://[::1]:8080");
        assertThat(address.of(request("http://192.168.1.20:8080/x"))).isEqualTo("http://192.168.1.20:8080");
        assertThat(address.of(request("http://10.0.0.7/x"))).isEqualTo("http://10.0.0.7");
        assertThat(address.of(request("http://shop.workshop.lan:8080/x"))).isEqualTo("http://shop.workshop.lan:8080");

        assertThat(address.of(request("http://evil.example/x"))).isEqualTo("http://localhost:8080");
        assertThat(address.of(request("http://203.0.113.9/x"))).isEqualTo("http://localhost:8080");
        assertThat(address.of(request("http://192.168.1.20.evil.example/x"))).isEqualTo("http://localhost:8080");
    }

    private static MockServerWebExchange request(String url) {
        return MockServerWebExchange.from(MockServerHttpRequest.get(url).localAddress(new InetSocketAddress("127.0.0.1", 8080)));
    }
}
