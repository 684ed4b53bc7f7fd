/** HTTP edge: request ids, RFC 9457 problem responses, body limits. */
@NullMarked
@NamedInterface("web")
package org.socialworkshop.platform.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
