package org.socialworkshop.mail;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.socialworkshop.ordering.OrderMailing;
import org.socialworkshop.platform.web.ProblemException;
import org.socialworkshop.shared.Language;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** "Find my orders" (docs/api/orders.md): ask for a one-time link by e-mail, then open it to list the address's orders. */
@RestController
class OrderLookupController {

    private final OrderLookups lookups;

    OrderLookupController(OrderLookups lookups) {
        this.lookups = lookups;
    }

    record LookupBody(@NotBlank @Email(regexp = ".+@.+\\..+") @Size(max = 254) String email) {
    }

    record RedeemBody(@NotBlank @Size(max = 100) String token) {
    }

    /** Always 202, with or without orders for the address and within or over the limit: the answer tells nobody anything. */
    @PostMapping("/api/order-lookups")
    Mono<ResponseEntity<Void>> request(@Valid @RequestBody LookupBody body, Locale locale) {
        return lookups.request(body.email(), Language.of(locale)).thenReturn(ResponseEntity.accepted().build());
    }

    /** The orders of the link's address, each with a link to its page; the link works once. */
    @PostMapping("/api/order-lookups/redeem")
    Mono<List<OrderMailing.Listed>> redeem(@Valid @RequestBody RedeemBody body) {
        return lookups.redeem(body.token()).switchIfEmpty(Mono.error(LinkNotValid::new));
    }

    /** The link is unknown, used already, or too old. */
    static final class LinkNotValid extends ProblemException {

        LinkNotValid() {
            super(HttpStatus.GONE, "Link not valid", "This link was used already, is too old, or is not one we sent. Ask for a new one.");
        }
    }
}
