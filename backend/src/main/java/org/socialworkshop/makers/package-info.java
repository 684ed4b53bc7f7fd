/**
 * The people who make the goods: profiles, and the recorded consent that decides whether their name, story and
 * photo may appear publicly. No health or disability information is kept about anyone.
 */
@NullMarked
@ApplicationModule(displayName = "Makers", allowedDependencies = {"platform :: *", "shared", "media"})
package org.socialworkshop.makers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
