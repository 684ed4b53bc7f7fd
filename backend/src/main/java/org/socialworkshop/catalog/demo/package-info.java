/** Demo catalog content: the sample products and makers, and flat illustrations drawn for them in Java2D. */
@NullMarked
package org.socialworkshop.catalog.demo;

import org.jspecify.annotations.NullMarked;
