package org.socialworkshop.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;

import org.socialworkshop.shared.Money;

/**
 * Today's figures for the staff's dashboard, each the size of a list a coordinator works through.
 *
 * @param day               today in the shop's time zone
 * @param month             this month in the shop's time zone
 * @param timeZone          the shop's time zone, which decided {@code day} and {@code month}
 * @param pickupsDue        paid online orders to be collected in a slot of today, not yet handed over
 * @param ordersToShip      paid online orders for delivery not yet shipped
 * @param lowStock          stock levels (a variant at a location) at or below their low-stock threshold
 * @param workToCheck       piece-work records waiting for a check (reported by a maker or recorded unchecked)
 * @param deliveriesWaiting open corporate orders with goods not yet delivered
 * @param parkedDeliveries  outbox deliveries parked after failing every attempt, waiting for an admin to send them again
 * @param paidOut           makers' payouts booked this month
 * @param payouts           how many payouts that is
 */
record Figures(LocalDate day, YearMonth month, String timeZone, long pickupsDue, long ordersToShip, long lowStock,
        long workToCheck, long deliveriesWaiting, long parkedDeliveries, Money paidOut, long payouts) {
}
