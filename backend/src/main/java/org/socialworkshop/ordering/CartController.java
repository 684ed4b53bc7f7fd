package org.socialworkshop.ordering;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.catalog.ProductId;
import org.socialworkshop.catalog.VariantId;
import org.socialworkshop.shared.Language;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The shop's cart: anyone holding a cart's id may read and change it. See docs/api/orders.md. */
@RestController
@RequestMapping("/api/carts")
class CartController {

    private final Carts carts;

    CartController(Carts carts) {
        this.carts = carts;
    }

    record NewItem(@NotNull UUID productId, @Nullable UUID variantId, @Min(1) @Max(Carts.MAX_QUANTITY) int quantity) {
    }

    record Quantity(@Min(0) @Max(Carts.MAX_QUANTITY) int quantity) {
    }

    @PostMapping
    Mono<ResponseEntity<Map<String, UUID>>> create() {
        return carts.create().map(id -> ResponseEntity.status(201).body(Map.of("id", id)));
    }

    @GetMapping("/{cartId}")
    Mono<Carts.CartView> cart(@PathVariable UUID cartId, Locale locale) {
        return carts.view(cartId, Language.of(locale));
    }

    @PostMapping("/{cartId}/items")
    Mono<Carts.CartView> add(@PathVariable UUID cartId, @Valid @RequestBody NewItem item, Locale locale) {
        return carts.add(cartId, new ProductId(item.productId()), item.variantId() == null ? null : new VariantId(item.variantId()), item.quantity())
                .then(carts.view(cartId, Language.of(locale)));
    }

    @PutMapping("/{cartId}/items/{variantId}")
    Mono<Carts.CartView> set(@PathVariable UUID cartId, @PathVariable UUID variantId, @Valid @RequestBody Quantity quantity, Locale locale) {
        return carts.set(cartId, new VariantId(variantId), quantity.quantity()).then(carts.view(cartId, Language.of(locale)));
    }

    @DeleteMapping("/{cartId}/items/{variantId}")
    Mono<Carts.CartView> remove(@PathVariable UUID cartId, @PathVariable UUID variantId, Locale locale) {
        return carts.remove(cartId, new VariantId(variantId)).then(carts.view(cartId, Language.of(locale)));
    }
}
