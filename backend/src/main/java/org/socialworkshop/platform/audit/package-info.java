/** The append-only audit log of staff actions. */
@NullMarked
@NamedInterface("audit")
package org.socialworkshop.platform.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
