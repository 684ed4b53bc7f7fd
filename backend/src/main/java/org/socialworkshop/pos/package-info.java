/**
 * The on-site POS: registers (each a receipt register with its own series), the tablets paired to them, and, in the
 * steps of docs/adr/0017-pos-registers-devices-and-steps.md still to come, cashiers, shifts, sales, tickets and
 * offline sync. See docs/api/pos.md.
 */
@NullMarked
@ApplicationModule(displayName = "POS", allowedDependencies = {"platform :: *", "shared", "receipts", "identity"})
package org.socialworkshop.pos;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
