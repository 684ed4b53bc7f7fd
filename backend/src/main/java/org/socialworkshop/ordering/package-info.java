/**
 * Carts and orders of every channel (online shop, POS, corporate): one order model, human-readable numbers,
 * and a state machine whose rules live in the plain-Java {@code domain} package.
 */
@NullMarked
@ApplicationModule(displayName = "Ordering", allowedDependencies = {"platform :: *", "shared", "catalog", "inventory", "media", "payments", "shop"})
package org.socialworkshop.ordering;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
