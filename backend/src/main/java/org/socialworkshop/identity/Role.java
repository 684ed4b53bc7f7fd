package org.socialworkshop.identity;

/** What a person may do. A person may hold several roles. */
public enum Role {
    /** Runs the system: users, settings, audit log. */
    ADMIN,
    /** Runs the workshop: catalog, stock, makers' work records, orders. */
    COORDINATOR,
    /** Sells at the counter (POS). */
    CASHIER,
    /** Makes goods and reads their own earnings. */
    MAKER,
    /** Orders for a partner company. */
    CORPORATE_BUYER
}
