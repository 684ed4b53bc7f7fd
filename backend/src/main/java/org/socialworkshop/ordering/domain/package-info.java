/** The rules of an order, in plain Java: statuses and their transitions, totals, tax, refunds. No Spring, no Reactor. */
@NullMarked
package org.socialworkshop.ordering.domain;

import org.jspecify.annotations.NullMarked;
