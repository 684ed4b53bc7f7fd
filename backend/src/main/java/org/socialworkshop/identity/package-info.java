/** Users, roles and signing in: who may do what. */
@NullMarked
@ApplicationModule(displayName = "Identity", allowedDependencies = {"platform :: *", "shared"})
package org.socialworkshop.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
