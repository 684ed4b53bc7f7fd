package org.socialworkshop.corporate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.socialworkshop.catalog.ProductId;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.corporate.VolumePrices.Terms;
import org.socialworkshop.corporate.VolumePrices.Tier;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.shared.Money;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The corporate catalog and prices: buyers see what their company pays and price lines before asking for a quote;
 * coordinators set terms, volume tiers, customisations and a company's negotiated prices. See docs/api/corporate.md.
 */
@RestController
class PriceController {

    private final CorporatePrices prices;
    private final Companies companies;

    PriceController(CorporatePrices prices, Companies companies) {
        this.prices = prices;
        this.companies = companies;
    }

    record LineBody(@NotNull UUID variantId, @Min(1) @Max(100_000) int quantity,
            @Size(max = 10) List<@NotBlank @Size(max = 32) String> customisations) {

        CorporatePrices.Wanted wanted() {
            return new CorporatePrices.Wanted(new VariantId(variantId), quantity, customisations == null ? List.of() : customisations);
        }
    }

    record LinesBody(@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid LineBody> lines) {

        List<CorporatePrices.Wanted> wanted() {
            return lines.stream().map(LineBody::wanted).toList();
        }
    }

    record TierBody(@Min(2) @Max(100_000) int fromQuantity, @NotNull @Valid MoneyBody unitPrice) {
    }

    record MoneyBody(@Min(1) @Max(100_000_000) long amount, @NotNull @Pattern(regexp = "CNY") String currency) {

        Money money() {
            return Money.fen(amount);
        }
    }

    record VariantTiers(@NotNull UUID variantId, @NotNull @Size(max = 10) List<@NotNull @Valid TierBody> tiers) {
    }

    record TermsBody(@Min(1) @Max(100_000) int minQuantity, @Min(1) @Max(10_000) int multipleOf, @Min(0) @Max(365) int leadDays,
            @Size(max = 50) List<@NotNull @Valid VariantTiers> variants) {
    }

    /** As a coordinator reads it: the terms, and each variant's tiers. */
    record TermsView(Terms terms, List<Map<String, Object>> variants) {
    }

    record CustomisationBody(@NotBlank @Size(max = 60) String nameZh, @NotBlank @Size(max = 60) String nameEn,
            @NotNull @Valid ZeroOrMore unitPrice, @NotNull @Valid ZeroOrMore setupPrice, boolean active, @Min(0) @Max(1000) int position) {
    }

    record ZeroOrMore(@Min(0) @Max(100_000_000) long amount, @NotNull @Pattern(regexp = "CNY") String currency) {
    }

    record CompanyPrice(@NotNull UUID variantId, @NotNull @Valid MoneyBody unitPrice) {
    }

    @GetMapping("/api/corporate/catalog")
    @PreAuthorize("hasRole('CORPORATE_BUYER')")
    Mono<CorporatePrices.Offers> catalog() {
        return companies.buyersCompany().flatMap(prices::offers);
    }

    @PostMapping("/api/corporate/prices")
    @PreAuthorize("hasRole('CORPORATE_BUYER')")
    Mono<CorporatePrices.Priced> price(@Valid @RequestBody LinesBody body) {
        return companies.buyersCompany().flatMap(company -> prices.price(company, body.wanted()));
    }

    @GetMapping("/api/admin/corporate/products/{productId}/terms")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<TermsView> terms(@PathVariable UUID productId) {
        return prices.productTerms(new ProductId(productId)).map(PriceController::view);
    }

    @PutMapping("/api/admin/corporate/products/{productId}/terms")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<TermsView> setTerms(@PathVariable UUID productId, @Valid @RequestBody TermsBody body) {
        Map<VariantId, List<Tier>> tiers = new LinkedHashMap<>();
        if (body.variants() != null) {
            for (VariantTiers variant : body.variants()) {
                if (tiers.put(new VariantId(variant.variantId()), variant.tiers().stream()
                        .map(tier -> new Tier(tier.fromQuantity(), tier.unitPrice().money())).toList()) != null) {
                    throw InvalidInput.field("variants", "Each variant at most once.");
                }
            }
        }
        return prices.setTerms(new ProductId(productId), new CorporatePrices.ProductTerms(
                        new Terms(body.minQuantity(), body.multipleOf(), body.leadDays()), tiers))
                .map(PriceController::view);
    }

    private static TermsView view(CorporatePrices.ProductTerms terms) {
        return new TermsView(terms.terms(), terms.tiers().entrySet().stream()
                .map(variant -> Map.<String, Object>of("variantId", variant.getKey().value(), "tiers", variant.getValue())).toList());
    }

    @GetMapping("/api/admin/corporate/customisations")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<List<CorporatePrices.Customisation>> customisations() {
        return prices.customisations(false);
    }

    @PutMapping("/api/admin/corporate/customisations/{code}")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<CorporatePrices.Customisation> setCustomisation(@PathVariable @Pattern(regexp = "[A-Z][A-Z0-9_]{1,31}") String code,
            @Valid @RequestBody CustomisationBody body) {
        return prices.setCustomisation(new CorporatePrices.Customisation(code, body.nameZh(), body.nameEn(),
                Money.fen(body.unitPrice().amount()), Money.fen(body.setupPrice().amount()), body.active(), body.position()));
    }

    @GetMapping("/api/admin/corporate/companies/{id}/prices")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<List<Map<String, Object>>> companyPrices(@PathVariable UUID id) {
        return companies.one(id).then(prices.companyPrices(id)).map(PriceController::priceList);
    }

    @PutMapping("/api/admin/corporate/companies/{id}/prices")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<List<Map<String, Object>>> setCompanyPrices(@PathVariable UUID id, @NotNull @Size(max = 500) @RequestBody List<@NotNull @Valid CompanyPrice> body) {
        Map<VariantId, Money> wanted = new LinkedHashMap<>();
        for (CompanyPrice price : body) {
            if (wanted.put(new VariantId(price.variantId()), price.unitPrice().money()) != null) {
                throw InvalidInput.field("variantId", "Each variant at most once.");
            }
        }
        return prices.setCompanyPrices(id, wanted).map(PriceController::priceList);
    }

    private static List<Map<String, Object>> priceList(Map<VariantId, Money> prices) {
        return prices.entrySet().stream().map(price -> Map.<String, Object>of("variantId", price.getKey().value(), "unitPrice", price.getValue()))
                .toList();
    }
}
