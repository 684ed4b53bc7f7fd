package org.socialworkshop.catalog;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A product as a coordinator writes it, for creating or replacing one. */
public record ProductDraft(
        @NotBlank @Size(max = 40) String category,
        @NotBlank @Size(max = 120) String nameZh,
        @NotBlank @Size(max = 120) String nameEn,
        @Size(max = 4000) @Nullable String descriptionZh,
        @Size(max = 4000) @Nullable String descriptionEn,
        @NotNull TaxCategory taxCategory,
        @NotEmpty Set<Channel> channels,
        @NotNull Boolean stockTracked,
        @Nullable ProductStatus status,
        @Size(max = 20) @Nullable List<UUID> makerIds,
        @Size(max = 20) @Nullable List<UUID> imageIds,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull VariantDraft> variants,
        @Size(max = 10) @Nullable List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String> modifierGroups,
        @Size(max = 20) @Nullable List<@Valid @NotNull ImageAlt> imageAlts) {

    /** A product with modifiers, its photos without alt texts. */
    public ProductDraft(String category, String nameZh, String nameEn, @Nullable String descriptionZh, @Nullable String descriptionEn,
            TaxCategory taxCategory, Set<Channel> channels, Boolean stockTracked, @Nullable ProductStatus status,
            @Nullable List<UUID> makerIds, @Nullable List<UUID> imageIds, List<VariantDraft> variants, @Nullable List<String> modifierGroups) {
        this(category, nameZh, nameEn, descriptionZh, descriptionEn, taxCategory, channels, stockTracked, status, makerIds, imageIds,
                variants, modifierGroups, null);
    }

    /** What one of {@code imageIds} shows, in either or both languages (blank: not said). */
    public record ImageAlt(@NotNull UUID imageId, @Size(max = 200) @Nullable String altZh, @Size(max = 200) @Nullable String altEn) {
    }

    /** A product sold without modifiers. */
    public ProductDraft(String category, String nameZh, String nameEn, @Nullable String descriptionZh, @Nullable String descriptionEn,
            TaxCategory taxCategory, Set<Channel> channels, Boolean stockTracked, @Nullable ProductStatus status,
            @Nullable List<UUID> makerIds, @Nullable List<UUID> imageIds, List<VariantDraft> variants) {
        this(category, nameZh, nameEn, descriptionZh, descriptionEn, taxCategory, channels, stockTracked, status, makerIds, imageIds,
                variants, null);
    }

    /** One variant; with an {@code id} it updates that variant, without one it adds a new variant. */
    public record VariantDraft(
            @Nullable UUID id,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "use 1 to 64 letters, digits, '.', '_' or '-'") String sku,
            @Size(max = 60) @Nullable String nameZh,
            @Size(max = 60) @Nullable String nameEn,
            @NotNull @Valid Price price,
            @Nullable ProductStatus status) {
    }

    /** A tax-inclusive price in fen; CNY only for now. */
    public record Price(
            @Min(value = 1, message = "must be at least 1 fen") @Max(value = 10_000_000, message = "must be at most 100,000 yuan") long amount,
            @NotNull @Pattern(regexp = "CNY", message = "must be CNY") String currency) {
    }

    /** This draft with ids filled in for variants that name an existing variant's SKU. */
    ProductDraft matchingVariantsBySku(AdminProduct existing) {
        java.util.Map<String, UUID> bySku = new java.util.HashMap<>();
        existing.variants().forEach(variant -> bySku.put(variant.sku().toLowerCase(java.util.Locale.ROOT), variant.id().value()));
        List<VariantDraft> matched = variants.stream().map(variant -> variant.id() != null ? variant
                : new VariantDraft(bySku.get(variant.sku().trim().toLowerCase(java.util.Locale.ROOT)), variant.sku(),
                        variant.nameZh(), variant.nameEn(), variant.price(), variant.status())).toList();
        return new ProductDraft(category, nameZh, nameEn, descriptionZh, descriptionEn, taxCategory, channels,
                stockTracked, status, makerIds, imageIds, matched, modifierGroups, imageAlts);
    }

    List<UUID> makers() {
        return makerIds == null ? List.of() : makerIds;
    }

    List<String> modifiers() {
        return modifierGroups == null ? List.of() : modifierGroups;
    }

    List<UUID> images() {
        return imageIds == null ? List.of() : imageIds;
    }

    List<ImageAlt> alts() {
        return imageAlts == null ? List.of() : imageAlts;
    }

    ProductStatus statusOrActive() {
        return status == null ? ProductStatus.ACTIVE : status;
    }
}
