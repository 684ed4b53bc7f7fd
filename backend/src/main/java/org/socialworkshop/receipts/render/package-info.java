/**
 * Renderings of a signed receipt: its QR code as PNG, a PDF for 80 mm rolls and A4, and ESC/POS bytes for
 * 58 mm and 80 mm thermal printers. Plain blocking code: callers on a request path run it on
 * {@code Schedulers.boundedElastic()}.
 */
@NullMarked
@NamedInterface("render")
package org.socialworkshop.receipts.render;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
