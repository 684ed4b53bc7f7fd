/**
 * The parts of <head> a page fills from data: title, meta description, robots, and one block of
 * schema.org JSON-LD. JSON-LD is data, not script, so the Content-Security-Policy does not stop it.
 */

const DESCRIPTION_LENGTH = 150;
const JSON_LD_ID = 'structured-data';

/** About `max` characters of `text` on one line, ending at a word where there is one near the cut, with "…". */
export function truncate(text, max = DESCRIPTION_LENGTH) {
  const flat = String(text).replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat); // code points, so a character outside the BMP is never cut in half
  if (chars.length <= max) return flat;
  let cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.7) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,.;:，。；：、]+$/u, '')}…`;
}

function metaNamed(name) {
  let meta = document.head.querySelector(`meta[name="${name}"]`);
  if (!meta) {
    meta = document.createElement('meta');
    meta.name = name;
    document.head.append(meta);
  }
  return meta;
}

/** Sets the title; a description (when given) is flattened and shortened; `noindex` keeps a page out of search. */
export function setPageMeta({ title, description, noindex = false }) {
  if (title) document.title = title;
  if (description) metaNamed('description').content = truncate(description);
  if (noindex) metaNamed('robots').content = 'noindex';
  else document.head.querySelector('meta[name="robots"]')?.remove();
}

/** Replaces the page's JSON-LD block with `data`, or removes it when `data` is null. */
export function setJsonLd(data) {
  document.getElementById(JSON_LD_ID)?.remove();
  if (data === null) return;
  const script = document.createElement('script');
  script.type = 'application/ld+json';
  script.id = JSON_LD_ID;
  // "<" escaped so the text can never close the element if the page is ever serialised and parsed again.
  script.textContent = JSON.stringify(data).replace(/</g, '\\u003c');
  document.head.append(script);
}
