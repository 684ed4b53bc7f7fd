package org.socialworkshop.catalog;

import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A category as the public sees it, in one language, with the channels its active products are sold through (the shop
 * leaves out of its shelves a category with nothing sold online, and says where its goods are sold instead).
 */
public record Category(String code, String name, Set<Channel> channels) {

    /** A new category, both languages. */
    public record Draft(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "use 2 to 40 capital letters, digits or '_'") String code,
            @NotBlank @Size(max = 60) String nameZh,
            @NotBlank @Size(max = 60) String nameEn,
            @Min(0) @Max(10_000) int position) {
    }
}
