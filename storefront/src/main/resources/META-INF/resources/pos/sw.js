/**
 * The counter tablet's service worker (scope /pos/, registered by lib/pos-worker.js): a reload without the network
 * still opens the working tablet (docs/api/pos.md, step 5). It keeps, per release (`?release=` of its address):
 * the pages under /pos/ (the counter, the stations' tickets, the ready board, reports), each under its own address,
 * fetched from the network first and its last copy given when the network fails; the release's
 * versioned files (/v/{release}/…), which never change under their address, so the kept copy comes first; and
 * anything else the page loads from this shop (icons, vendored code, translations by their plain address), from the
 * network first. On install it fetches the page and every versioned file the page announces, and both languages'
 * translations, so that the first visit already suffices. The API (/api/…) is never kept here: the page keeps what it
 * needs in IndexedDB (lib/pos-store.js). A new release's worker removes the older releases' caches.
 */
const RELEASE = new URL(self.location.href).searchParams.get('release') || 'unversioned';
const CACHE = `pos-${RELEASE}`;
const PAGE = '/pos/';
const VERSIONED = `/v/${RELEASE}/`;
const LANGUAGES = ['zh-CN', 'en'];

/** The versioned files a page loads or announces (scripts, stylesheets, preloads, its icon). */
function filesOf(page) {
  return [...page.matchAll(/\s(?:href|src)="(\/v\/[^"?#]+)"/g)].map((match) => match[1]);
}

async function install() {
  const cache = await caches.open(CACHE);
  const response = await fetch(PAGE, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`The page ${PAGE} answered ${response.status}`);
  const page = await response.clone().text();
  await cache.put(PAGE, response);
  // Once each: the page preloads one language's translations already, and addAll refuses a request twice.
  await cache.addAll([...new Set([...filesOf(page), ...LANGUAGES.map((lang) => `${VERSIONED}i18n/${lang}.json`)])]);
}

async function activate() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith('pos-') && name !== CACHE).map((name) => caches.delete(name)));
  await self.clients.claim();
}

/** From the network, keeping a copy under `key`; the kept copy when the network fails. */
async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(key, { ignoreSearch: true });
    if (kept) return kept;
    throw error;
  }
}

/** The kept copy, or from the network, keeping a copy: a versioned address never serves other bytes. */
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil(install().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(activate());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate' || url.pathname === PAGE || url.pathname === `${PAGE}index.html`) {
    // Each page under its own address (the counter's two), never one kept for another.
    event.respondWith(networkFirst(request, url.pathname === `${PAGE}index.html` ? PAGE : url.pathname));
  } else if (url.pathname.startsWith(VERSIONED)) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request, request));
  }
});
