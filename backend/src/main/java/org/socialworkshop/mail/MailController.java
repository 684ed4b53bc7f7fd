package org.socialworkshop.mail;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.socialworkshop.shared.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Admins read every mail written to buyers: the demo's only copy of them, and with SMTP whether each was sent. */
@RestController
@Validated
class MailController {

    private final Mails mails;

    MailController(Mails mails) {
        this.mails = mails;
    }

    @GetMapping("/api/admin/mail")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<Page<Mails.Listed>> list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Page.Request.MAX_SIZE) int size) {
        return mails.list(new Page.Request(page, size));
    }
}
