package org.socialworkshop.payments;

import java.net.URI;

/** A provider's payment page for one attempt: its id at the provider, and where to send the buyer. */
public record PaymentSession(String sessionId, URI redirectUrl) {
}
