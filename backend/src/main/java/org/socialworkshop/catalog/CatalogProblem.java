package org.socialworkshop.catalog;

import java.util.List;

import org.socialworkshop.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Catalog requests that clash with what is stored. */
public final class CatalogProblem extends ErrorResponseException {

    private CatalogProblem(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    static CatalogProblem productNotFound(ProductId id) {
        return new CatalogProblem(HttpStatus.NOT_FOUND, "Product not found", "There is no such product.");
    }

    static CatalogProblem skuTaken(List<String> skus) {
        CatalogProblem problem = new CatalogProblem(HttpStatus.CONFLICT, "SKU already in use",
                "Each SKU may belong to one variant only; these are taken: " + String.join(", ", skus) + ".");
        problem.getBody().setProperty("errors", skus.stream()
                .map(sku -> new Problems.FieldError("variants.sku", sku + " is already in use")).toList());
        return problem;
    }

    static CatalogProblem categoryExists(String code) {
        return new CatalogProblem(HttpStatus.CONFLICT, "Category exists", "The category " + code + " exists already.");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
