/**
 * The on-site POS: registers (each a receipt register with its own series), the tablets paired to them and signing
 * its receipts, cashiers signed in with PINs, shifts and the cash drawer, and cash sales stored with their receipts;
 * tickets, other tenders, returns and offline sync follow in the steps of
 * docs/adr/0017-pos-registers-devices-and-steps.md. See docs/api/pos.md.
 */
@NullMarked
@ApplicationModule(displayName = "POS", allowedDependencies = {"platform :: *", "shared", "receipts", "identity", "catalog",
        "inventory", "ordering"})
package org.socialworkshop.pos;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
