package org.socialworkshop.pos;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.identity.StaffPins;
import org.socialworkshop.identity.UserId;
import org.socialworkshop.platform.idempotency.Idempotency;
import org.socialworkshop.platform.idempotency.IdempotentRequest;
import org.socialworkshop.platform.security.DeviceCookie;
import org.socialworkshop.platform.web.ClientAddress;
import org.socialworkshop.shared.SignatureText;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A tablet pairs itself to a register with a coordinator's code, asks which register it serves and who is signed in
 * at it, and signs cashiers in with their PINs. The credential it
 * chose comes back as an {@code HttpOnly} cookie, also when a retry with the same {@code Idempotency-Key} is answered
 * from the record, so a lost answer never leaves a paired tablet without its credential. See docs/api/pos.md.
 */
@RestController
class PosDeviceController {

    private static final String BASE64URL = "[A-Za-z0-9_-]+";

    private final PosRegisters registers;
    private final Idempotency idempotency;
    private final DeviceCookie cookie;
    private final StaffPins pins;
    private final Counters counters;

    PosDeviceController(PosRegisters registers, Idempotency idempotency, DeviceCookie cookie, StaffPins pins, Counters counters) {
        this.registers = registers;
        this.idempotency = idempotency;
        this.cookie = cookie;
        this.pins = pins;
        this.counters = counters;
    }

    /**
     * A tablet's pairing: the 8-digit code, the raw Ed25519 public key (32 bytes, base64url), {@code proof} (its
     * signature of {@code "pair:" + code}, 64 bytes, base64url), the credential it will present (32 random bytes,
     * base64url) and a label for the coordinators' list.
     */
    record Pairing(@NotNull @Pattern(regexp = "\\d{8}") String code,
            @NotNull @Size(min = 43, max = 43) @Pattern(regexp = BASE64URL) String publicKey,
            @NotNull @Size(min = 86, max = 86) @Pattern(regexp = BASE64URL) String proof,
            @NotNull @Size(min = 43, max = 43) @Pattern(regexp = BASE64URL) String credential,
            @NotBlank @Size(max = 60) String label) {
    }

    @PostMapping(path = "/api/pos/pairing", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> pair(@Valid @RequestBody Pairing pairing,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key, ServerWebExchange exchange) {
        byte[] publicKey = SignatureText.parse(pairing.publicKey()).orElse(new byte[0]);
        byte[] proof = SignatureText.parse(pairing.proof()).orElse(new byte[0]);
        String address = ClientAddress.of(exchange);
        return idempotency.executeInSteps(exchange, key, pairing, completion -> registers
                        .pair(pairing.code(), publicKey, proof, pairing.credential(), pairing.label().trim(),
                                address == null ? "unknown" : address, paired -> completion.record(created(paired)))
                        .map(PosDeviceController::created))
                .doOnNext(answer -> {
                    if (answer.getStatusCode().value() == 201) {
                        cookie.set(exchange, pairing.credential());
                    }
                });
    }

    private static ResponseEntity<PosRegisters.PairedDevice> created(PosRegisters.PairedDevice paired) {
        return ResponseEntity.status(201).body(paired);
    }

    /** The cashiers who can sign in on this tablet (those with a PIN); only a paired tablet may ask. */
    @GetMapping("/api/pos/staff")
    Mono<List<StaffPins.Cashier>> staff(ServerWebExchange exchange) {
        return counters.tablet(exchange).then(pins.withPin());
    }

    record PinSignIn(@NotNull UUID userId, @NotNull @Size(max = 6) String pin) {
    }

    /**
     * A cashier signs in on this tablet with their PIN: a session like a password sign-in, which remembers the
     * register it was started at. Tries are counted per person and per tablet.
     */
    @PostMapping("/api/pos/sign-in")
    Mono<Counters.AtCounter> signIn(@Valid @RequestBody PinSignIn signIn, ServerWebExchange exchange) {
        return counters.tablet(exchange).flatMap(tablet -> pins.signIn(exchange, new UserId(signIn.userId()), signIn.pin(),
                        "pos-device:" + tablet.device().id())
                .flatMap(account -> exchange.getSession()
                        .doOnNext(session -> session.getAttributes().put(Counters.SIGNED_IN_AT, tablet.register().id()))
                        // the answer names the cashier; their discount permission comes with GET /api/pos/device
                        .thenReturn(new Counters.AtCounter(tablet, new StaffPins.Serving(new StaffPins.Cashier(account.id(),
                                account.displayName()), 0)))));
    }

    record PinChange(@NotNull @Size(max = 6) String currentPin, @NotNull @Size(max = 6) String newPin) {
    }

    /** The cashier signed in at this tablet changes their own PIN, giving the current one. */
    @PutMapping("/api/pos/pin")
    Mono<ResponseEntity<Void>> changePin(@Valid @RequestBody PinChange change, ServerWebExchange exchange) {
        return counters.staffed(exchange).flatMap(counter -> pins.change(counter.cashier().id(), change.currentPin(), change.newPin(),
                        "pos-device:" + counter.device().id()))
                .thenReturn(ResponseEntity.noContent().build());
    }
}
