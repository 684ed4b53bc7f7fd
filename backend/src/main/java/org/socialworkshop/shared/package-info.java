/** Kernel types every module may use: nothing here depends on any other module. */
@NullMarked
package org.socialworkshop.shared;

import org.jspecify.annotations.NullMarked;
