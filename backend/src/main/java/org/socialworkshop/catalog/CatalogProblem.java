package org.socialworkshop.catalog;

import org.socialworkshop.platform.web.ProblemException;
import org.socialworkshop.platform.web.Problems;
import org.springframework.http.HttpStatus;

/** Catalog requests that clash with what is stored. */
public final class CatalogProblem extends ProblemException {

    private CatalogProblem(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    static CatalogProblem productNotFound(ProductId id) {
        return new CatalogProblem(HttpStatus.NOT_FOUND, "Product not found", "There is no such product.");
    }

    /** @param fields the offending fields, e.g. {@code variants[1].sku}, with the SKU each one uses */
    static CatalogProblem skuTaken(java.util.Map<String, String> fields) {
        CatalogProblem problem = new CatalogProblem(HttpStatus.CONFLICT, "SKU already in use",
                "Each SKU may belong to one variant only; these are taken: " + String.join(", ", fields.values()) + ".");
        problem.getBody().setProperty("errors", fields.entrySet().stream()
                .map(field -> new Problems.FieldError(field.getKey(), field.getValue() + " is already in use")).toList());
        return problem;
    }

    static CatalogProblem unknownVariants() {
        return new CatalogProblem(HttpStatus.BAD_REQUEST, "Unknown variant", "A price names a variant that does not exist.");
    }

    static CatalogProblem categoryExists(String code) {
        return new CatalogProblem(HttpStatus.CONFLICT, "Category exists", "The category " + code + " exists already.");
    }
}
