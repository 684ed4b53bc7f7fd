/**
 * The shop's one identity: its names, address, pickup point, opening hours and closed dates, contact and the seller
 * receipts name. Every page, document and pickup slot reads it from here (docs/adr/0027-one-shop-identity.md).
 */
@NullMarked
@ApplicationModule(displayName = "Shop identity", allowedDependencies = {"platform :: *", "shared"})
package org.socialworkshop.shop;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
