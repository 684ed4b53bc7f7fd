/** What happens once at start-up: waiting for set-up work, and loading demo data into a demo installation. */
@NullMarked
@NamedInterface("startup")
package org.socialworkshop.platform.startup;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
