/** Real-browser tests: the storefront driven through headless Chromium as a person would use it. */
@NullMarked
package org.socialworkshop.e2e;

import org.jspecify.annotations.NullMarked;
