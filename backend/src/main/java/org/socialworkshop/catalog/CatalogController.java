package org.socialworkshop.catalog;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.cache.JsonAnswer;
import org.socialworkshop.platform.idempotency.Idempotency;
import org.socialworkshop.platform.idempotency.IdempotentRequest;
import org.socialworkshop.shared.Language;
import org.socialworkshop.shared.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The catalog over HTTP: public reads for every door, changes for coordinators. See docs/api/catalog.md. */
@RestController
class CatalogController {

    private final Catalog catalog;
    private final PublicCatalog publicCatalog;
    private final Categories categories;
    private final AdminProducts adminProducts;
    private final Idempotency idempotency;

    CatalogController(Catalog catalog, PublicCatalog publicCatalog, Categories categories, AdminProducts adminProducts,
            Idempotency idempotency) {
        this.catalog = catalog;
        this.publicCatalog = publicCatalog;
        this.categories = categories;
        this.adminProducts = adminProducts;
        this.idempotency = idempotency;
    }

    /** Pages of products as documented, sent from {@link PublicCatalog}'s JSON. */
    private record ProductPage(List<ProductSummary> items, int page, int size, long total) {
    }

    @GetMapping("/api/products")
    @ApiResponse(responseCode = "200", description = "A page of products; ETag and 304 for a repeated read",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ProductPage.class)))
    Mono<ResponseEntity<byte[]>> list(@RequestParam(defaultValue = "ONLINE") Channel channel,
            @RequestParam(required = false) @Size(max = 100) @Nullable String q,
            @RequestParam(required = false) @Size(max = 40) @Nullable String category,
            @RequestParam(defaultValue = "SHELF") ProductQueries.Sort sort,
            @RequestParam(required = false) @Min(0) @Max(100_000_000) @Nullable Long minPrice,
            @RequestParam(required = false) @Min(0) @Max(100_000_000) @Nullable Long maxPrice,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Page.Request.MAX_SIZE) int size, Locale locale) {
        return publicCatalog.list(channel, new ProductQueries.Listing(q, category, sort, minPrice, maxPrice), new Page.Request(page, size),
                        Language.of(locale))
                .map(JsonAnswer::response);
    }

    @GetMapping("/api/products/{id}")
    @ApiResponse(responseCode = "200", description = "The product's public page; ETag and 304 for a repeated read",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ProductDetails.class)))
    Mono<ResponseEntity<byte[]>> one(@PathVariable UUID id, @RequestParam(defaultValue = "ONLINE") Channel channel,
            Locale locale) {
        return publicCatalog.product(new ProductId(id), channel, Language.of(locale)).map(JsonAnswer::response);
    }

    @GetMapping("/api/categories")
    @ApiResponse(responseCode = "200", description = "The categories in the shop's order, with the channels each sells through",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @io.swagger.v3.oas.annotations.media.ArraySchema(schema = @Schema(implementation = Category.class))))
    Mono<ResponseEntity<byte[]>> categories(Locale locale) {
        return publicCatalog.categories(Language.of(locale)).map(JsonAnswer::response);
    }

    @PostMapping(path = "/api/admin/categories", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<ResponseEntity<byte[]>> createCategory(@Valid @RequestBody Category.Draft draft,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key,
            ServerWebExchange exchange) {
        return idempotency.execute(exchange, key, draft, () -> categories.create(draft)
                .map(created -> ResponseEntity.status(201).body(created)));
    }

    @GetMapping("/api/admin/products")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<Page<AdminProduct>> adminList(@RequestParam(required = false) @Size(max = 100) @Nullable String q,
            @RequestParam(required = false) @Size(max = 40) @Nullable String category,
            @RequestParam(required = false) @Nullable ProductStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Page.Request.MAX_SIZE) int size) {
        return adminProducts.list(q, category, status, new Page.Request(page, size));
    }

    @GetMapping("/api/admin/products/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<AdminProduct> adminOne(@PathVariable UUID id) {
        return catalog.find(new ProductId(id));
    }

    @PostMapping(path = "/api/admin/products", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<ResponseEntity<byte[]>> create(@Valid @RequestBody ProductDraft draft,
            @RequestHeader(name = IdempotentRequest.HEADER, required = false) @Nullable String key,
            ServerWebExchange exchange) {
        return idempotency.execute(exchange, key, draft, () -> catalog.create(draft)
                .map(product -> ResponseEntity.created(URI.create("/api/admin/products/" + product.id().value()))
                        .body(product)));
    }

    @PutMapping("/api/admin/products/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    Mono<AdminProduct> update(@PathVariable UUID id, @Valid @RequestBody ProductDraft draft) {
        return catalog.update(new ProductId(id), draft);
    }

}
