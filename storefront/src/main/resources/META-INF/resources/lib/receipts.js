/**
 * Receipts as docs/api/receipts.md describes them: the public page of a receipt (/r/{code}, what its QR code
 * holds), the receipt itself, and its renderings. A code is REGISTER-NUMBER.SIGNATURE; only the part before the
 * dot is read here, to name a receipt when the API did not send its register and number.
 */
import { api } from './api.js';
import { currentLang, t } from './i18n.js';
import { codeIn } from './signed-check.js';

const PAGE_PREFIX = '/r/';
const NAMED = /^(.+)-(\d+)\./;

/** The public verification page of the receipt with this code. */
export function receiptPage(code) {
  return PAGE_PREFIX + encodeURIComponent(code);
}

/** The code in this page's own address (/r/{code}), or '' when there is none. */
export function codeFromAddress(pathname = window.location.pathname) {
  return codeIn(PAGE_PREFIX, pathname);
}

/** { register, number } of a receipt reference, read from its code when the fields are missing. */
export function receiptName(receipt) {
  const match = NAMED.exec(receipt.code || '');
  return {
    register: receipt.register ?? (match ? match[1] : ''),
    number: receipt.number ?? (match ? Number(match[2]) : ''),
  };
}

/** "Sale receipt ONLINE-42": the receipt page's heading and the order page's link. */
export function receiptTitle(receipt) {
  const kind = { SALE: 'receipt.kind.SALE', REFUND: 'receipt.kind.REFUND', PAYMENT: 'receipt.kind.PAYMENT' }[receipt.kind] || 'receipt.kindUnknown';
  return t('receipt.name', { kind: t(kind), ...receiptName(receipt) });
}

/** GET /api/receipts/{code}: the receipt with its verification; unknown or forged codes fail with 404. */
export function fetchReceipt(code) {
  const query = new URLSearchParams({ lang: currentLang() });
  return api.get(`/api/receipts/${encodeURIComponent(code)}?${query}`);
}

/** Where the receipt's renderings are downloaded. */
export function renderings(code) {
  const base = `/api/receipts/${encodeURIComponent(code)}`;
  return {
    pdfRoll: `${base}/receipt.pdf?paper=80mm`,
    pdfA4: `${base}/receipt.pdf?paper=a4`,
    qr: `${base}/qr.png`,
    escpos: `${base}/receipt.escpos`,
  };
}
