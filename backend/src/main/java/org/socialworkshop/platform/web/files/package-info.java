/**
 * The storefront's files served from memory: a release id hashed from their contents, versioned addresses under
 * {@code /v/{release}/} cached for a year, and pages rewritten to load them.
 */
@NullMarked
package org.socialworkshop.platform.web.files;

import org.jspecify.annotations.NullMarked;
