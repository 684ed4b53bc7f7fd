/** The rules of piece-work pay, in plain Java: rates by date, quality checks, balanced ledger entries, payouts, top-ups. */
@NullMarked
package org.socialworkshop.piecework.domain;

import org.jspecify.annotations.NullMarked;
