/**
 * Product and maker images as the API describes them: {thumbnail, card, full, width, height, alt}, where the
 * three sizes are the original scaled down to at most 200, 600 and 1600 px on its longer side.
 */

const LONGEST_SIDE = { thumbnail: 200, card: 600, full: 1600 };

function widthOf(image, size) {
  const scale = Math.min(1, LONGEST_SIDE[size] / Math.max(image.width, image.height));
  return Math.round(image.width * scale);
}

/** A srcset offering every size once, so the browser fetches no more pixels than the screen can show. */
export function srcsetOf(image) {
  const bySize = new Map();
  for (const size of Object.keys(LONGEST_SIDE)) {
    if (image[size]) bySize.set(widthOf(image, size), image[size]);
  }
  return [...bySize].map(([width, url]) => `${url} ${width}w`).join(', ');
}

/** Absolute addresses for structured data, which search engines read outside the page. */
export function absoluteUrl(path) {
  return new URL(path, window.location.origin).href;
}
