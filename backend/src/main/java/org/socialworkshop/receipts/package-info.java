/**
 * Receipts for every payment and refund: gapless numbers per register, a SHA-256 hash chain, Ed25519
 * signatures over a documented canonical encoding, QR codes pointing at a public verification page, and
 * renderings (PNG, PDF, ESC/POS). See docs/api/receipts.md.
 */
@NullMarked
@ApplicationModule(displayName = "Receipts", allowedDependencies = {"platform :: *", "shared", "ordering", "payments", "catalog", "makers", "shop"})
package org.socialworkshop.receipts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
