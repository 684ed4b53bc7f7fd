package org.socialworkshop.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The heading of the OpenAPI description at {@code /v3/api-docs}; the operations come from the controllers. */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    @Bean
    OpenAPI workshopApi() {
        return new OpenAPI().info(new Info()
                .title("Social Workshop Commerce API")
                .version("0.1")
                .description("""
                        The HTTP API of the shop, the corporate desk, the POS and the makers' portal. \
                        Money is {"amount": <integer fen>, "currency": "CNY"}. Errors are RFC 9457 problems \
                        (application/problem+json) with a requestId. Creating POSTs accept an Idempotency-Key \
                        (POS sales and returns are known by their clientId instead). \
                        Browser apps send X-XSRF-TOKEN (from the XSRF-TOKEN cookie) on unsafe requests made \
                        with a session cookie or a paired POS tablet's device cookie. Lists are pages: {"items", "page", "size", "total"}. \
                        JSON is read strictly: no coercion between numbers, strings and booleans, no fractions for \
                        whole numbers, no enum ordinals, no repeated keys, no NUL or control characters in text. \
                        503 with Retry-After means the database or a payment provider is briefly out of reach: \
                        send the request again, a creating POST with the same Idempotency-Key."""));
    }
}
