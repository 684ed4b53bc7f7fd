/**
 * The on-site POS: registers (each a receipt register with its own series), the tablets paired to them and signing
 * its receipts, cashiers signed in with PINs, shifts and the cash drawer, sales stored with their receipts (cash, and
 * card or wallet payments taken through {@code payments}), offline sync, tickets, the shift's reports and the counter's
 * printer (ESC/POS from {@code receipts :: render}), built in the steps of docs/adr/0017-pos-registers-devices-and-steps.md.
 * See docs/api/pos.md.
 */
@NullMarked
@ApplicationModule(displayName = "POS", allowedDependencies = {"platform :: *", "shared", "receipts",
        "receipts :: render", "identity", "catalog", "inventory", "ordering", "payments"})
package org.socialworkshop.pos;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
