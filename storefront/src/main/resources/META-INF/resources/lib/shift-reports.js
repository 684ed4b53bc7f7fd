/**
 * X and Z reports as docs/api/pos.md (step 9) describes them: their public page, /pos/report.html?code=… (what the
 * QR code printed on them holds), and the report with its signature and whether it checks.
 */
import { api } from './api.js';

const PAGE = '/pos/report.html';

/** The page of the report with this code, as an address on this site. */
export function reportPage(code) {
  return `${PAGE}?code=${encodeURIComponent(code)}`;
}

/** The code in this page's own address (?code=…), or '' when there is none. */
export function codeFromAddress(search = window.location.search) {
  return (new URLSearchParams(search).get('code') || '').trim();
}

/** GET /api/pos/reports/{code}: `{ code, url, report, signed, valid }`; an unknown or forged code fails with 404. */
export function fetchReport(code) {
  return api.get(`/api/pos/reports/${encodeURIComponent(code)}`);
}
