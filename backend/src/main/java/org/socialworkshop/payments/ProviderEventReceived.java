package org.socialworkshop.payments;

/** A verified provider event was stored and waits to be applied (see {@link ProviderEventHandler}). */
record ProviderEventReceived(String eventId) {
}
