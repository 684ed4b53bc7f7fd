/** Domain events written in the caller's transaction and dispatched at least once by a SKIP LOCKED poller. */
@NullMarked
@NamedInterface("outbox")
package org.socialworkshop.platform.outbox;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
