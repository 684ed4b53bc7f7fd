package org.socialworkshop.pos;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.identity.StaffPins;
import org.socialworkshop.platform.security.CurrentUser;
import org.socialworkshop.platform.security.DeviceCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who a POS request comes from: the paired tablet its device cookie names, and the cashier signed in at that
 * tablet's register (a session started there with a PIN). Every counter endpoint asks here first.
 */
@Component
class Counters {

    /** The session attribute naming the register a cashier signed in at. */
    static final String SIGNED_IN_AT = "pos.register";

    private final PosRegisters registers;
    private final DeviceCookie cookie;
    private final StaffPins pins;

    Counters(PosRegisters registers, DeviceCookie cookie, StaffPins pins) {
        this.registers = registers;
        this.cookie = cookie;
        this.pins = pins;
    }

    /**
     * The tablet, its register, and the cashier signed in at it (null when nobody is); {@code keyId} names the key the
     * tablet signs receipts with (answered with the series, not here); {@code discountUpTo} how much of a line (percent)
     * the cashier may take off (0 when nobody is signed in).
     */
    record AtCounter(PosRegisters.Device device, PosRegisters.Register register, StaffPins.@Nullable Cashier cashier,
            @JsonIgnore String keyId, @JsonIgnore int discountUpTo) {

        AtCounter(PosRegisters.PairedDevice tablet, StaffPins.@Nullable Serving serving) {
            this(tablet.device(), tablet.register(), serving == null ? null : serving.cashier(), tablet.keyId(),
                    serving == null ? 0 : serving.discountUpTo());
        }
    }

    /** The paired tablet of this request; a 401 problem when it carries none, or a revoked one. */
    Mono<PosRegisters.PairedDevice> tablet(ServerWebExchange exchange) {
        return cookie.of(exchange).map(registers::device).orElse(Mono.empty())
                .switchIfEmpty(Mono.error(PosProblem::notPaired));
    }

    /** The tablet and whoever is signed in at its register with this request's session. */
    Mono<AtCounter> atCounter(ServerWebExchange exchange) {
        return tablet(exchange).flatMap(tablet -> exchange.getSession().flatMap(session ->
                        tablet.register().id().equals(session.getAttribute(SIGNED_IN_AT))
                                ? CurrentUser.name().flatMap(pins::serving).map(serving -> new AtCounter(tablet, serving))
                                : Mono.<AtCounter>empty())
                .defaultIfEmpty(new AtCounter(tablet, null)));
    }

    /** As {@link #atCounter}, for what only a cashier signed in at this tablet may do; a 401 problem otherwise. */
    Mono<AtCounter> staffed(ServerWebExchange exchange) {
        return atCounter(exchange).flatMap(counter -> counter.cashier() == null
                ? Mono.error(PosProblem.notSignedInHere()) : Mono.just(counter));
    }
}
