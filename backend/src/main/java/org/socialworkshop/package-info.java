/** Social Workshop Commerce: business modules live directly under this package. */
@NullMarked
package org.socialworkshop;

import org.jspecify.annotations.NullMarked;
