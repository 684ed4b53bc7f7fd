package org.socialworkshop.dashboard;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The staff dashboard's figures: coordinators and admins only. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
class DashboardController {

    private final Dashboard dashboard;

    DashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/admin/dashboard")
    Mono<Figures> today() {
        return dashboard.today();
    }
}
