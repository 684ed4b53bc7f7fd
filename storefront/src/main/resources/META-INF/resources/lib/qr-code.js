/**
 * QR codes drawn in the browser, for the counter tablet's receipts, which must carry theirs without the network
 * (docs/api/pos.md, step 5). The code is made by the vendored qrcode-generator (vendor/README.md), error correction M
 * as the server's zxing codes use, and drawn as one SVG path: sharp at any size, on screen and on the 80 mm roll,
 * with its four-module quiet zone in white whatever the theme. The SVG is an image with a text alternative.
 */
import qrcode from '../vendor/qrcode-generator-2.0.4/qrcode.js';
import { html } from './html.js';

const QUIET_ZONE = 4;

/** The dark modules of a QR code of `text`, as an SVG path in module units, and the code's width in modules. */
export function qrModules(text) {
  const code = qrcode(0, 'M');
  code.addData(text);
  code.make();
  const count = code.getModuleCount();
  const path = [];
  for (let row = 0; row < count; row += 1) {
    // One rectangle per run of dark modules in a row.
    for (let col = 0; col < count; col += 1) {
      if (!code.isDark(row, col)) continue;
      let run = 1;
      while (col + run < count && code.isDark(row, col + run)) run += 1;
      path.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h${run}v1h-${run}z`);
      col += run - 1;
    }
  }
  return { path: path.join(''), size: count + QUIET_ZONE * 2 };
}

/** The QR code of `text` as an SVG image named `label` (its text alternative), with `id` and `className`. */
export function qrSvg(text, { id, className, label }) {
  const { path, size } = qrModules(text);
  return html`<svg id="${id}" class="${className}" role="img" aria-label="${label}" viewBox="0 0 ${size} ${size}"
      xmlns="http://www.w3.org/2000/svg" shape-rendering="crispEdges"><rect width="${size}"
      height="${size}" fill="#ffffff"/><path d="${path}" fill="#000000"/></svg>`;
}
