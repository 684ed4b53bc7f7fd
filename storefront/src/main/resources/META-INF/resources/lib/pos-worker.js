/**
 * Registers the counter tablet's service worker (/pos/sw.js, scope /pos/), which keeps the tablet's page and the
 * files it loads so that a reload without the network still opens a working counter (docs/api/pos.md, step 5). The
 * worker is told this release, read from the versioned address this module was loaded from (/v/{release}/lib/…):
 * a new release is a new worker address, so the browser installs it and it replaces the old release's cache.
 */

/** This release's id, or 'unversioned' when the page was loaded from plain addresses. */
function release() {
  const match = /^\/v\/([^/]+)\//.exec(new URL(import.meta.url).pathname);
  return match ? match[1] : 'unversioned';
}

export async function registerWorker() {
  if (!('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register(`/pos/sw.js?release=${encodeURIComponent(release())}`, { scope: '/pos/' });
  } catch (error) {
    console.warn('The counter page will not open without the network: its service worker was not registered.', error);
  }
}
