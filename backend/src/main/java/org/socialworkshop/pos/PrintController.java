package org.socialworkshop.pos;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.platform.web.PublicAddress;
import org.socialworkshop.receipts.ReceiptPrints;
import org.socialworkshop.receipts.render.EscPosDocument;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Printing at the counter on the register's ESC/POS printer (docs/api/pos.md): one of the register's receipts, one of
 * its shift reports, or only the drawer's pulse. Without a printer set, the tablet prints through the browser instead.
 */
@RestController
class PrintController {

    private final Counters counters;
    private final CounterPrinter printer;
    private final ReceiptPrints receipts;
    private final ShiftReports reports;
    private final ShiftReportPrint reportPrint;
    private final PublicAddress publicAddress;

    PrintController(Counters counters, CounterPrinter printer, ReceiptPrints receipts, ShiftReports reports, ShiftReportPrint reportPrint,
            PublicAddress publicAddress) {
        this.counters = counters;
        this.printer = printer;
        this.receipts = receipts;
        this.reports = reports;
        this.reportPrint = reportPrint;
        this.publicAddress = publicAddress;
    }

    /** Exactly one of: a receipt's code, a report's code, or {@code "drawer": true} (open the cash drawer). */
    record Print(@Nullable @Pattern(regexp = "[A-Za-z0-9._-]{1,300}") String receipt,
            @Nullable @Pattern(regexp = "[A-Za-z0-9._-]{1,300}") String report, @Nullable Boolean drawer) {
    }

    @PostMapping("/api/pos/print")
    Mono<ResponseEntity<Void>> print(@Valid @RequestBody Print body, ServerWebExchange exchange) {
        int chosen = (body.receipt() == null ? 0 : 1) + (body.report() == null ? 0 : 1) + (Boolean.TRUE.equals(body.drawer()) ? 1 : 0);
        if (chosen != 1) {
            return Mono.error(InvalidInput.field("receipt", "give exactly one of receipt, report or drawer"));
        }
        String site = publicAddress.of(exchange);
        return counters.staffed(exchange).flatMap(counter -> {
            String address = counter.register().printer();
            if (address == null) {
                return Mono.error(PosProblem.noPrinter());
            }
            String register = counter.register().id();
            Mono<byte[]> bytes;
            if (body.receipt() != null) {
                bytes = receipts.escPos(body.receipt(), site, 80)
                        .filter(printable -> printable.register().equals(register))
                        .map(ReceiptPrints.Printable::escPos)
                        .switchIfEmpty(Mono.error(PosProblem::notThisRegistersReceipt));
            } else if (body.report() != null) {
                bytes = reports.check(body.report())
                        .filter(checked -> checked.valid() && register.equals(checked.report().content().path("register").asString()))
                        .map(checked -> reportPrint.render(checked.report().content(), site + "/pos/report.html?code=" + checked.report().code()))
                        .switchIfEmpty(Mono.error(PosProblem::unknownReport));
            } else {
                bytes = Mono.just(EscPosDocument.openDrawer());
            }
            return bytes.flatMap(print -> printer.print(address, print));
        }).thenReturn(ResponseEntity.noContent().build());
    }
}
