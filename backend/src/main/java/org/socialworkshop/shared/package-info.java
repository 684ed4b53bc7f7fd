/** Kernel types every module may use: nothing here depends on any other module. */
@NullMarked
@ApplicationModule(displayName = "Shared kernel", allowedDependencies = {})
package org.socialworkshop.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
