package org.socialworkshop.piecework;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.shared.Money;
import org.socialworkshop.platform.web.PlausibleDate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The makers' own portal API. It never takes a maker id: every call is about the maker linked to the signed-in
 * account, so a maker cannot read anyone else's earnings by changing a URL.
 */
@RestController
@RequestMapping("/api/maker")
@PreAuthorize("hasRole('MAKER')")
class MakerPortalController {

    private final MakerAccounts accounts;
    private final Statements statements;
    private final Ledger ledger;
    private final PieceRates rates;
    private final WorkRecords work;
    private final WorkshopTime time;

    MakerPortalController(MakerAccounts accounts, Statements statements, Ledger ledger, PieceRates rates, WorkRecords work, WorkshopTime time) {
        this.accounts = accounts;
        this.statements = statements;
        this.ledger = ledger;
        this.rates = rates;
        this.work = work;
        this.time = time;
    }

    record Report(@NotNull UUID operationId, @NotNull @PlausibleDate LocalDate workDate, @Min(1) @Max(10_000) int pieces) {
    }

    @GetMapping("/me")
    Mono<Map<String, Object>> me() {
        return accounts.current().flatMap(maker -> Mono.zip(statements.makerOf(maker), ledger.balance(maker, null))
                .map(found -> Map.of("makerId", maker, "name", found.getT1().name(), "nameLatin", found.getT1().nameLatin(),
                        "balance", Money.fen(found.getT2()))));
    }

    @GetMapping("/months")
    Mono<List<Statements.MonthSummary>> months() {
        return accounts.current().flatMap(statements::months);
    }

    @GetMapping("/months/{month}")
    Mono<Statements.Statement> month(@PathVariable @PlausibleDate YearMonth month) {
        return accounts.current().flatMap(maker -> statements.month(maker, month));
    }

    @GetMapping("/operations")
    Mono<List<PieceRates.Operation>> operations() {
        return accounts.current().then(rates.ofProduct(null));
    }

    @PostMapping("/work")
    Mono<ResponseEntity<WorkRecords.WorkRecord>> report(@Valid @RequestBody Report body) {
        if (body.workDate().isAfter(time.today().plusDays(1)) || body.workDate().isBefore(time.today().minusDays(62))) {
            throw InvalidInput.field("workDate", "must be within the last two months, not in the future");
        }
        return accounts.current().flatMap(maker -> work.report(maker, body.operationId(), body.workDate(), body.pieces()))
                .map(reported -> ResponseEntity.status(201).body(reported));
    }
}
