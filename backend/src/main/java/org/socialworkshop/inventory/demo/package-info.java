/** Stock for the demo workshop. */
@NullMarked
package org.socialworkshop.inventory.demo;

import org.jspecify.annotations.NullMarked;
