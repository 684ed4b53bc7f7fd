/**
 * Stock of tracked goods per variant and location: an append-only journal of movements from which every level
 * can be rebuilt, reservations that expire, and conditional updates so stock never goes below zero.
 */
@NullMarked
@ApplicationModule(displayName = "Inventory", allowedDependencies = {"platform :: *", "shared", "catalog"})
package org.socialworkshop.inventory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
