/** The Idempotency-Key contract as one reusable piece for every creating endpoint. */
@NullMarked
@NamedInterface("idempotency")
package org.socialworkshop.platform.idempotency;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
