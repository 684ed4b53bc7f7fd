/**
 * Corporate bulk orders (docs/adr/0020-corporate-orders-and-steps.md): partner companies and the people who buy for
 * them, enquiries from companies not yet registered, volume prices, quotes, payment on terms (instalments, invoices,
 * transfers), production across makers, deliveries with their notes, and impact reports. A door, as the POS: it uses
 * what it needs, and nothing uses it. See docs/api/corporate.md.
 */
@NullMarked
@ApplicationModule(displayName = "Corporate", allowedDependencies = {"platform :: *", "shared", "identity", "catalog", "ordering", "payments", "receipts", "receipts :: render", "piecework"})
package org.socialworkshop.corporate;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
