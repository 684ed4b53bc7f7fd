/** Background work that repeats on a timer, safe to run on every instance. */
@NullMarked
@NamedInterface("scheduling")
package org.socialworkshop.platform.scheduling;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
