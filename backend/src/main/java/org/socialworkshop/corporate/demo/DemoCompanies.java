package org.socialworkshop.corporate.demo;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialworkshop.corporate.Companies;
import org.socialworkshop.corporate.Company;
import org.socialworkshop.platform.startup.DemoDataset;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A partner company with a delivery location, for which the demo corporate buyer buys, so the portal can be tried at once. */
@Component
@Order(500)
class DemoCompanies implements DemoDataset {

    static final String DEMO_BUYER = "buyer@example.org";
    static final String DEMO_CODE = "91510104MA6CB8X2QF";
    /** The demo company pays a 30% deposit when it accepts a quote, and the balance on its 30 days. */
    static final int DEMO_DEPOSIT_PERCENT = 30;
    private static final Logger log = LoggerFactory.getLogger(DemoCompanies.class);

    private final Companies companies;

    DemoCompanies(Companies companies) {
        this.companies = companies;
    }

    @Override
    public String name() {
        return "corporate.demo-companies";
    }

    @Override
    public Set<String> loadedAfter() {
        return Set.of("identity.demo-accounts");
    }

    @Override
    public Mono<Void> load() {
        Companies.Details details = new Companies.Details("成都锦程示范科技有限公司（演示）", DEMO_CODE,
                new Company.Invoice("成都锦程示范科技有限公司", Company.InvoiceKind.NORMAL, null, null, null, null),
                new Company.Contact("王经理", "028-8888-0000", DEMO_BUYER), Companies.Details.PAYMENT_DAYS, DEMO_DEPOSIT_PERCENT);
        return companies.register(details, null)
                .flatMap(company -> companies.addLocation(company.id(), new Companies.NewLocation("总部前台 Head office reception",
                                "王经理", "028-8888-0000", "成都市锦江区示范路 1 号 8 楼（演示地址）"))
                        .then(companies.addBuyer(company.id(), new Companies.NewBuyer(DEMO_BUYER, null, null))))
                .doOnSuccess(company -> log.info("Demo company {} with its buyer {}", company.legalName(), DEMO_BUYER))
                .then();
    }
}
