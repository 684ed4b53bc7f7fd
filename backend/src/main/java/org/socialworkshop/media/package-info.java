/** Images of products and makers: checked on upload, stored once, served in a few sizes. */
@NullMarked
@ApplicationModule(displayName = "Media", allowedDependencies = {"platform :: *", "shared"})
package org.socialworkshop.media;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
