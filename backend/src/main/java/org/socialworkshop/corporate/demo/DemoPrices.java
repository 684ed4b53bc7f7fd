package org.socialworkshop.corporate.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.corporate.Companies;
import org.socialworkshop.corporate.CorporatePrices;
import org.socialworkshop.corporate.VolumePrices;
import org.socialworkshop.platform.startup.DemoDataset;
import org.socialworkshop.shared.Money;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What companies pay in the demo: the four customisations the workshop offers, terms for every product sold to
 * companies (ten at least, three weeks) with volume tiers (8 % off from 50, 15 % off from 200), and a negotiated price
 * for the demo company on the first of them.
 */
@Component
@Order(510)
class DemoPrices implements DemoDataset {

    private static final Logger log = LoggerFactory.getLogger(DemoPrices.class);

    private static final List<CorporatePrices.Customisation> CUSTOMISATIONS = List.of(
            new CorporatePrices.Customisation("LOGO_CARD", "企业标志卡", "Logo card", Money.fen(300), Money.fen(20000), true, 1),
            new CorporatePrices.Customisation("ENGRAVING", "刻字", "Engraving", Money.fen(1500), Money.fen(30000), true, 2),
            new CorporatePrices.Customisation("GIFT_PACKAGING", "礼品包装", "Gift packaging", Money.fen(800), Money.fen(0), true, 3),
            new CorporatePrices.Customisation("MESSAGE_CARD", "祝福卡", "Message card", Money.fen(200), Money.fen(0), true, 4));

    private final CorporatePrices prices;
    private final Companies companies;

    DemoPrices(CorporatePrices prices, Companies companies) {
        this.prices = prices;
        this.companies = companies;
    }

    @Override
    public String name() {
        return "corporate.demo-prices";
    }

    @Override
    public Set<String> loadedAfter() {
        return Set.of("catalog.demo-workshop", "corporate.demo-companies");
    }

    @Override
    public Mono<Void> load() {
        return Flux.fromIterable(CUSTOMISATIONS).concatMap(prices::setCustomisation)
                .then(prices.offers(null))
                .flatMap(offers -> {
                    List<CorporatePrices.Offer> all = offers.shelves().stream().flatMap(shelf -> shelf.offers().stream()).toList();
                    return Flux.fromIterable(all).groupBy(CorporatePrices.Offer::productId)
                            .concatMap(product -> product.collectList().flatMap(variants -> prices.setTerms(product.key(),
                                    new CorporatePrices.ProductTerms(new VolumePrices.Terms(10, 1, 21), tiers(variants)))))
                            .then(all.isEmpty() ? Mono.empty() : negotiate(all.get(0)))
                            .doOnSuccess(done -> log.info("Demo corporate prices for {} variants", all.size()));
                })
                .then();
    }

    private static Map<VariantId, List<VolumePrices.Tier>> tiers(List<CorporatePrices.Offer> variants) {
        Map<VariantId, List<VolumePrices.Tier>> tiers = new java.util.LinkedHashMap<>();
        for (CorporatePrices.Offer variant : variants) {
            long price = variant.catalogPrice().minor();
            List<VolumePrices.Tier> offered = List.of(new VolumePrices.Tier(50, Money.fen(price * 92 / 100)),
                    new VolumePrices.Tier(200, Money.fen(price * 85 / 100)));
            if (VolumePrices.descending(variant.catalogPrice(), offered)) {
                tiers.put(variant.variantId(), offered);
            }
        }
        return tiers;
    }

    private Mono<Void> negotiate(CorporatePrices.Offer offer) {
        return companies.list().flatMapMany(Flux::fromIterable)
                .filter(company -> company.creditCode().equals(DemoCompanies.DEMO_CODE))
                .concatMap(demo -> prices.setCompanyPrices(demo.id(), Map.of(offer.variantId(), Money.fen(offer.catalogPrice().minor() * 80 / 100))))
                .then();
    }
}
