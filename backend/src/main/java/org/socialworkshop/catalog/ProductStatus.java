package org.socialworkshop.catalog;

/** Sold products are archived, never deleted: orders and receipts keep pointing at them. */
public enum ProductStatus {
    ACTIVE, ARCHIVED
}
