/** The shop's clock: one {@link java.time.Clock} in the workshop's time zone, for everything that decides days and months. */
@NullMarked
@NamedInterface("time")
package org.socialworkshop.platform.time;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
