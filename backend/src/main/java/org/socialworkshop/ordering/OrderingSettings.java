package org.socialworkshop.ordering;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the shop takes orders ({@code workshop.ordering.*}).
 *
 * @param paymentWindow   how long a new order waits for its payment before it is cancelled and its stock freed
 * @param reservationGrace how much longer than the payment window stock stays reserved, so that the cancelling
 *                        of unpaid orders, not the expiry of reservations, frees it
 * @param timeZone        the workshop's time: order-number years, pickup slots
 * @param sweepEvery      how often unpaid orders past their window are looked for
 * @param limits          how much an order waiting for payment may hold, and how many such orders one buyer may have
 */
@ConfigurationProperties("workshop.ordering")
record OrderingSettings(@DefaultValue("30m") Duration paymentWindow, @DefaultValue("15m") Duration reservationGrace,
        @DefaultValue("Asia/Shanghai") ZoneId timeZone, @DefaultValue("30s") Duration sweepEvery,
        @DefaultValue Pickup pickup, @DefaultValue Delivery delivery, @DefaultValue Limits limits) {

    /**
     * Pickup at the workshop: slots of {@code slotLength} within the shop's opening hours (the shop's identity, not
     * configuration), from {@code leadTime} ahead, for {@code days} days.
     */
    record Pickup(@DefaultValue("30m") Duration slotLength, @DefaultValue("1h") Duration leadTime, @DefaultValue("7") int days) {
    }

    /**
     * Stock held for unpaid orders is stock real buyers cannot have: an online order may hold at most
     * {@code unitsPerItem} of one stock-tracked item (larger quantities are corporate orders), and one buyer's e-mail
     * at most {@code unpaidOrdersPerBuyer} orders waiting for payment at once, one network address (whatever e-mail
     * addresses it gives) at most {@code unpaidOrdersPerAddress}. Coordinators see unpaid orders in the orders list
     * and can cancel one to free its stock.
     */
    record Limits(@DefaultValue("20") int unitsPerItem, @DefaultValue("3") int unpaidOrdersPerBuyer,
            @DefaultValue("10") int unpaidOrdersPerAddress) {
    }

    /** Delivery: a flat fee in fen, free from an amount of goods in fen. */
    record Delivery(@DefaultValue("1500") long fee, @DefaultValue("19900") long freeFrom) {
    }
}
