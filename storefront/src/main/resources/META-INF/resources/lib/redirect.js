/**
 * Where to go after signing in. Only same-origin paths are accepted, so a
 * crafted ?next= link cannot bounce a freshly signed-in worker to another site;
 * anything else gives `fallback` (the signed-in user's own place).
 */

export function safeNextPath(search, origin, fallback = '/') {
  const next = new URLSearchParams(search).get('next');
  // "//host" and "/\host" are protocol-relative in browsers, i.e. another origin.
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  let url;
  try {
    url = new URL(next, origin);
  } catch {
    return fallback;
  }
  // The URL parser drops tabs and newlines, which could turn "/\t/evil" into "//evil".
  return url.origin === origin ? url.pathname + url.search + url.hash : fallback;
}
