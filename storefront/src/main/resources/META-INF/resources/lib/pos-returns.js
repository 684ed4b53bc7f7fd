/**
 * Returns at the counter as the tablet makes them (docs/api/pos.md, "Returns at the counter"). The original is found by
 * what the cashier scanned or typed: its receipt's address (the QR code's, as a USB scanner types it), its code, or the
 * number printed on it. A return is prepared once, with the client id made on the tablet, the units given back per line
 * and whether they go back to stock, and the tender; then its refund receipt (lib/pos-receipt.js) is signed on the
 * register's series and sent, in the queue's turn (lib/pos-queue.js withServerSeries): a return needs the server, which
 * checks what is still left to return, so it is never queued, and is made only while no sale waits to be sent. A return
 * whose answer was lost is sent again exactly as signed (the client id makes it one return); one refused is signed
 * afresh next time.
 */
import { ApiError, api, ensureCsrfToken, isUnreachable } from './api.js';
import { canonicalBytes } from './canonical-json.js';
import { refundReceiptContent } from './pos-receipt.js';
import { base64url, signWithDeviceKey } from './pos-device.js';
import { withServerSeries } from './pos-queue.js';
import { uuid } from './uuid.js';

/** How long a return's answer is waited for. */
const ANSWER_MS = 10_000;

/** Thrown when the browser says it has no network: a return needs the server. */
export class ReturnNeedsNetwork extends Error {
  constructor() {
    super('A return needs the network');
    this.name = 'ReturnNeedsNetwork';
  }
}

/**
 * The receipt's code in what was scanned or typed: the part after "/r/" of an address (without its query or fragment),
 * else the text itself, trimmed; the register and number in capitals (the signature stays as it is).
 */
export function receiptCodeOf(text) {
  let code = String(text).trim();
  const at = code.lastIndexOf('/r/');
  if (at >= 0) code = code.slice(at + 3).split(/[?#]/)[0];
  try {
    code = decodeURIComponent(code);
  } catch {
    // not percent-encoded: as it is
  }
  const dot = code.indexOf('.');
  return dot < 0 ? code.toUpperCase() : code.slice(0, dot).toUpperCase() + code.slice(dot);
}

/** The original sale and what may still be returned of it (GET /api/pos/returns/lookup). */
export function lookUp(text) {
  if (navigator.onLine === false) return Promise.reject(new ReturnNeedsNetwork());
  return api.get(`/api/pos/returns/lookup?receipt=${encodeURIComponent(receiptCodeOf(text))}`);
}

/**
 * A return to make: `found` the original as looked up, `lines` [{ lineId, quantity, restock }] the units given back,
 * `tender` 'CASH' or 'ORIGINAL'.
 */
export function prepareReturn(found, lines, tender) {
  return { clientId: uuid(), found, lines, tender, signed: null };
}

function hex(buffer) {
  return [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** `prepared` signed on `series` at the counter `{ register, seller }`: { clientId, register, number, hash, code, content, body }. */
async function signReturn(prepared, { register, seller }, series) {
  const units = new Map(prepared.lines.map((line) => [line.lineId, line.quantity]));
  const content = refundReceiptContent({ register, series, seller, found: prepared.found, units, issuedAt: new Date(),
    tender: prepared.tender });
  const bytes = canonicalBytes(content);
  const [signature, digest] = await Promise.all([signWithDeviceKey(bytes), crypto.subtle.digest('SHA-256', bytes)]);
  const receipt = { payload: base64url(bytes), signature: base64url(signature) };
  return {
    clientId: prepared.clientId,
    register,
    number: content.number,
    hash: hex(digest),
    code: `${register}-${content.number}.${receipt.signature}`,
    content,
    body: { clientId: prepared.clientId, original: prepared.found.code, lines: prepared.lines, tender: prepared.tender, receipt },
  };
}

function outOfSequence(error) {
  return error instanceof ApiError && (error.problem.type ?? '').endsWith('/receipt-out-of-sequence') && error.problem.series;
}

/**
 * Makes the return at the counter `{ register, seller }`: signs its refund receipt on the series (once more on the
 * server's when it was out of sequence) and sends it. Resolves with { signed, returned }: the refund receipt as signed
 * and the server's answer. Rejects with ReturnNeedsNetwork, SalesWaiting, SeriesUnknown, DeviceKeyMissing, an ApiError
 * (refused: nothing was stored), or an error for which isUnreachable() holds (no answer: it may have been stored; send
 * it again, as it is, with giveBack).
 */
export function giveBack(prepared, counter) {
  if (navigator.onLine === false) return Promise.reject(new ReturnNeedsNetwork());
  return withServerSeries(counter.register, async (kept) => {
    let series = kept;
    for (let tries = 0; ; tries += 1) {
      prepared.signed ??= await signReturn(prepared, counter, series);
      try {
        await ensureCsrfToken();
        const returned = await api.post('/api/pos/returns', prepared.signed.body, { signal: AbortSignal.timeout(ANSWER_MS) });
        const signed = prepared.signed;
        return { series: returned.series, result: { signed, returned } };
      } catch (error) {
        if (isUnreachable(error) || (error instanceof ApiError && error.status >= 500)) throw error;
        prepared.signed = null;
        if (tries > 0 || !outOfSequence(error)) throw error;
        series = error.problem.series;
      }
    }
  });
}
