package org.socialworkshop.catalog;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * What coordinators set up for selling at the counter: modifier groups and price lists (docs/api/catalog.md). Both are
 * written whole with {@code PUT}, so sending one again changes nothing more.
 */
@RestController
class SellingOptionsController {

    private static final String CODE = "[A-Z][A-Z0-9_]{1,39}";

    private final Modifiers modifiers;
    private final PriceLists priceLists;

    SellingOptionsController(Modifiers modifiers, PriceLists priceLists) {
        this.modifiers = modifiers;
        this.priceLists = priceLists;
    }

    @GetMapping("/api/admin/modifier-groups")
    Mono<List<Modifiers.Group>> modifierGroups() {
        return modifiers.all();
    }

    @PutMapping("/api/admin/modifier-groups/{code}")
    Mono<Modifiers.Group> saveModifierGroup(@PathVariable @Pattern(regexp = CODE) String code,
            @Valid @RequestBody Modifiers.GroupDraft draft) {
        return modifiers.save(code, draft);
    }

    @GetMapping("/api/admin/price-lists")
    Mono<List<PriceLists.PriceList>> priceLists() {
        return priceLists.all(false);
    }

    @PutMapping("/api/admin/price-lists/{code}")
    Mono<PriceLists.PriceList> savePriceList(@PathVariable @Pattern(regexp = CODE) String code, @Valid @RequestBody PriceLists.Draft draft) {
        return priceLists.save(code, draft);
    }
}
