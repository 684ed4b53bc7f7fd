/**
 * Makers' monthly earnings statements, signed like receipts: the public page of one (/s/{code}, what the QR code
 * on its PDF holds) and the statement itself. A code is the statement's id, a dot, and its signature.
 */
import { api } from './api.js';
import { currentLang } from './i18n.js';
import { codeIn } from './signed-check.js';

const PAGE_PREFIX = '/s/';

/** The code in this page's own address (/s/{code}), or '' when there is none. */
export function codeFromAddress(pathname = window.location.pathname) {
  return codeIn(PAGE_PREFIX, pathname);
}

/** GET /api/statements/{code}: the statement with its verification; unknown or forged codes fail with 404. */
export function fetchStatement(code) {
  return api.get(`/api/statements/${encodeURIComponent(code)}`);
}

/** "2026-10" as the page's language says a month: "2026年10月", "October 2026". */
export function monthName(month) {
  const [year, number] = String(month).split('-').map(Number);
  if (!year || !number) return String(month);
  return new Intl.DateTimeFormat(currentLang(), { year: 'numeric', month: 'long', timeZone: 'UTC' })
    .format(new Date(Date.UTC(year, number - 1, 1)));
}

/** "2026-10-12" as a short day of its month: "10月12日", "12 Oct". */
export function dayName(day) {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return String(day);
  return new Intl.DateTimeFormat(currentLang(), { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
}
