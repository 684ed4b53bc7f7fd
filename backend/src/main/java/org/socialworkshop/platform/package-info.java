/** Cross-cutting machinery: database access, security, idempotency, outbox, audit, web errors. */
@NullMarked
@ApplicationModule(displayName = "Platform", allowedDependencies = "shared")
package org.socialworkshop.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
