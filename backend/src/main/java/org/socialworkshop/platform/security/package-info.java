/** Spring Security set-up: sessions stored in PostgreSQL, CSRF, login throttling, security headers. */
@NullMarked
@NamedInterface("security")
package org.socialworkshop.platform.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
