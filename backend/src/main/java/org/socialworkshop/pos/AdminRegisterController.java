package org.socialworkshop.pos;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.platform.idempotency.Idempotency;
import org.socialworkshop.platform.idempotency.IdempotentRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Coordinators open POS registers, hand out pairing codes for tablets, and revoke tablets. See docs/api/pos.md. */
@RestController
class AdminRegisterController {

    static final String REGISTER_ID = "[A-Z][A-Z0-9-]{0,23}";

    private final PosRegisters registers;
    private final Idempotency idempotency;

    AdminRegisterController(PosRegisters registers, Idempotency idempotency) {
        this.registers = registers;
        this.idempotency = idempotency;
    }

    /** A register to open; {@code id} is what its receipts will carry: a capital letter first, e.g. {@code CANTEEN-1}. */
    record NewRegister(@NotNull @Pattern(regexp = REGISTER_ID) String id, @NotNull RegisterKind kind,
            @NotBlank @Size(max = 60) String nameZh, @NotBlank @Size(max = 60) String nameEn) {
    }

    /** Nothing to send: asking is enough. */
    record CodeRequest() {
    }

    @GetMapping("/api/admin/pos/registers")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<List<PosRegisters.Register>> list() {
        return registers.list();
    }

    @GetMapping("/api/admin/pos/registers/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<PosRegisters.Register> one(@PathVariable @Pattern(regexp = REGISTER_ID) String id) {
        return registers.one(id);
    }

    @PostMapping(path = "/api/admin/pos/registers", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<ResponseEntity<byte[]>> create(@Valid @RequestBody NewRegister register,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key, ServerWebExchange exchange) {
        return idempotency.execute(exchange, key, register, () -> registers
                .open(register.id(), register.kind(), register.nameZh().trim(), register.nameEn().trim())
                .map(created -> ResponseEntity.created(URI.create("/api/admin/pos/registers/" + created.id())).body(created)));
    }

    @PostMapping(path = "/api/admin/pos/registers/{id}/pairing-codes", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<ResponseEntity<byte[]>> pairingCode(@PathVariable @Pattern(regexp = REGISTER_ID) String id,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key, ServerWebExchange exchange) {
        return idempotency.execute(exchange, key, new CodeRequest(), () -> registers.pairingCode(id)
                .map(code -> ResponseEntity.status(201).body(code)));
    }

    /** The Stripe Terminal reader on the register's counter ({@code tmr_…}), or null for none. */
    record CardReader(@Nullable @Pattern(regexp = "tmr_[A-Za-z0-9]{1,60}") String reader) {
    }

    @PutMapping("/api/admin/pos/registers/{id}/card-reader")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<PosRegisters.Register> cardReader(@PathVariable @Pattern(regexp = REGISTER_ID) String id, @Valid @RequestBody CardReader body) {
        return registers.cardReader(id, body.reader());
    }

    /** The counter's ESC/POS printer on the shop's network, {@code host:port} (e.g. {@code 192.168.1.40:9100}), or null. */
    record Printer(@Nullable @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9.-]{0,252}:[0-9]{1,5}") String address) {
    }

    @PutMapping("/api/admin/pos/registers/{id}/printer")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<PosRegisters.Register> printer(@PathVariable @Pattern(regexp = REGISTER_ID) String id, @Valid @RequestBody Printer body) {
        String address = body.address();
        if (address != null && Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)) > 65_535) {
            return Mono.error(InvalidInput.field("address", "the port must be 1 to 65535"));
        }
        return registers.printer(id, address);
    }

    @PostMapping("/api/admin/pos/devices/{id}/revoke")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<PosRegisters.Device> revoke(@PathVariable UUID id) {
        return registers.revoke(id);
    }
}
