package org.socialworkshop.ordering;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.ordering.Orders.Address;
import org.socialworkshop.ordering.Orders.FulfilmentType;
import org.socialworkshop.platform.idempotency.Idempotency;
import org.socialworkshop.platform.idempotency.IdempotentRequest;
import org.socialworkshop.platform.web.ClientAddress;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.platform.web.Problems;
import org.socialworkshop.platform.web.PublicAddress;
import org.socialworkshop.shared.Language;
import org.socialworkshop.platform.web.PlausibleDate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Checkout for guests: options for a cart, and placing the order. See docs/api/orders.md. */
@RestController
@RequestMapping("/api/checkout")
class CheckoutController {

    static final String PHONE = "^\\+?[0-9][0-9 ()-]{4,30}$";

    private final Checkout checkout;
    private final Idempotency idempotency;
    private final PublicAddress publicAddress;

    CheckoutController(Checkout checkout, Idempotency idempotency, PublicAddress publicAddress) {
        this.checkout = checkout;
        this.idempotency = idempotency;
        this.publicAddress = publicAddress;
    }

    record CheckoutBody(@NotNull UUID cartId, @NotBlank @Email(regexp = ".+@.+\\..+") @Size(max = 254) String email,
            @Nullable @Pattern(regexp = PHONE) String phone, @Nullable @Size(max = 100) String name,
            @Valid @NotNull FulfilmentBody fulfilment, @Nullable @Size(max = 1000) String note) {
    }

    record FulfilmentBody(@NotNull FulfilmentType type, @Nullable @PlausibleDate OffsetDateTime slot, @Nullable @Size(max = 100) String recipient,
            @Nullable @Pattern(regexp = PHONE) String phone, @Nullable @Size(max = 300) String address,
            @Nullable @Size(max = 60) String city, @Nullable @Pattern(regexp = "^[0-9A-Za-z -]{3,12}$") String postalCode) {
    }

    @GetMapping("/options")
    Mono<Checkout.Options> options(@RequestParam UUID cartId, Locale locale) {
        return checkout.options(cartId, Language.of(locale));
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> place(@Valid @RequestBody CheckoutBody body,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key, Locale locale,
            ServerWebExchange exchange) {
        Checkout.Fulfilment fulfilment = fulfilment(body.fulfilment());
        Checkout.Buyer buyer = new Checkout.Buyer(body.email().trim(), blankToNull(body.phone()), blankToNull(body.name()),
                blankToNull(body.note()), ClientAddress.of(exchange));
        return idempotency.executeInSteps(exchange, key, body, completion -> checkout
                .place(body.cartId(), buyer, fulfilment, shopUrl(exchange, publicAddress), Language.of(locale),
                        placed -> completion.record(created(placed)))
                .map(CheckoutController::created));
    }

    private static ResponseEntity<Checkout.Placed> created(Checkout.Placed placed) {
        return ResponseEntity.status(201).body(placed);
    }

    private static Checkout.Fulfilment fulfilment(FulfilmentBody body) {
        if (body.type() == FulfilmentType.PICKUP) {
            return new Checkout.Fulfilment(FulfilmentType.PICKUP, body.slot(), null);
        }
        List<Problems.FieldError> missing = new ArrayList<>();
        require(body.recipient(), "fulfilment.recipient", missing);
        require(body.phone(), "fulfilment.phone", missing);
        require(body.address(), "fulfilment.address", missing);
        require(body.city(), "fulfilment.city", missing);
        if (!missing.isEmpty()) {
            throw InvalidInput.fields(missing);
        }
        return new Checkout.Fulfilment(FulfilmentType.DELIVERY, null, new Address(body.recipient().trim(), body.phone().trim(),
                body.address().trim(), body.city().trim(), blankToNull(body.postalCode())));
    }

    private static void require(@Nullable String value, String field, List<Problems.FieldError> missing) {
        if (value == null || value.isBlank()) {
            missing.add(new Problems.FieldError(field, "must not be blank"));
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The shop's address for links sent to the provider, with a trailing slash for resolving paths. */
    static URI shopUrl(ServerWebExchange exchange, PublicAddress publicAddress) {
        return URI.create(publicAddress.of(exchange) + "/");
    }
}
