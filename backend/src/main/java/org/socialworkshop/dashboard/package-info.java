/**
 * The staff's dashboard: today's figures in the shop's time zone (pickups due, orders to ship, low stock, work waiting
 * for a check, corporate deliveries waiting, this month's payouts), read in one query (docs/adr/0029).
 */
@NullMarked
@ApplicationModule(displayName = "Dashboard", allowedDependencies = {"platform :: *", "shared"})
package org.socialworkshop.dashboard;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
