package org.socialworkshop.catalog;

/** Where a product is sold. */
public enum Channel {
    ONLINE, POS, CORPORATE
}
