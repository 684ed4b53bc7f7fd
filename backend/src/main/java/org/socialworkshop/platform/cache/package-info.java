/** In-memory read caches that every instance empties when PostgreSQL reports a change to what they hold. */
@NullMarked
@NamedInterface("cache")
package org.socialworkshop.platform.cache;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
