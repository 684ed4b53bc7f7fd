/**
 * A cash sale's way from the counter tablet to the server (docs/api/pos.md, step 4). Prepared once, with the client id
 * made on the tablet, what was sold and the cash given; signed on the register's series (the receipt of
 * lib/pos-receipt.js, its canonical bytes, the tablet's key); sent. A prepared sale keeps its signed receipt until an
 * answer arrives, so sending it again after a lost answer is the very same request, and the server stores it once.
 */
import { ApiError, api, ensureCsrfToken } from './api.js';
import { canonicalBytes } from './canonical-json.js';
import { receiptContent } from './pos-receipt.js';
import { base64url, signWithDeviceKey } from './pos-device.js';
import { uuid } from './uuid.js';

/** A sale to send: `sold` its lines ([{ product, variant, quantity }] from the catalog), `givenFen` the cash given. */
export function prepareSale(sold, givenFen) {
  return { clientId: uuid(), sold, givenFen, total: null, receipt: null };
}

/** Whether the sale went out signed, so that it must go again exactly so (its answer may have been lost). */
export function isSigned(sale) {
  return sale.receipt !== null;
}

async function sign(sale, counter) {
  const content = receiptContent({ register: counter.register, series: counter.series, seller: counter.seller,
    sold: sale.sold, givenFen: sale.givenFen, issuedAt: new Date() });
  const bytes = canonicalBytes(content);
  const signature = await signWithDeviceKey(bytes);
  sale.total = content.total;
  sale.receipt = { payload: base64url(bytes), signature: base64url(signature) };
}

function body(sale) {
  return {
    clientId: sale.clientId,
    lines: sale.sold.map(({ variant, quantity }) => ({ variantId: variant.id, quantity })),
    tenders: [{ type: 'CASH', amount: sale.total, given: { amount: sale.givenFen, currency: sale.total.currency } }],
    receipt: sale.receipt,
  };
}

function outOfSequence(error) {
  return error instanceof ApiError && (error.problem.type ?? '').endsWith('/receipt-out-of-sequence') && error.problem.series;
}

/**
 * Sends `sale` from the counter `counter` ({ register, seller, series }), signing it first when it is not signed
 * yet; resolves with the server's answer (Sold). Refused as out of sequence (another receipt took the number), it
 * takes the series the server gives into `counter.series` and signs and sends once more: the customer has nothing
 * in hand yet. Rejects with the ApiError of a refusal, a TypeError when no answer arrived, or DeviceKeyMissing.
 */
export async function sendSale(sale, counter) {
  await ensureCsrfToken();
  for (let tries = 0; ; tries += 1) {
    if (!isSigned(sale)) await sign(sale, counter);
    try {
      return await api.post('/api/pos/sales', body(sale));
    } catch (error) {
      if (tries > 0 || !outOfSequence(error)) throw error;
      counter.series = error.problem.series;
      sale.receipt = null;
    }
  }
}
