/**
 * Makers' piece-work earnings: piece rates per operation versioned by date, work records with quality checks,
 * revenue shares on consignment sales, an append-only double-entry ledger, payouts, monthly statements and the
 * makers' own portal. The ledger's rules live in the plain-Java {@code domain} package.
 */
@NullMarked
@ApplicationModule(displayName = "Piecework", allowedDependencies = {"platform :: *", "shared", "makers", "catalog", "inventory", "ordering", "receipts", "receipts :: render", "shop"})
package org.socialworkshop.piecework;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
