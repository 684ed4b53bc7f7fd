/**
 * A sale as the counter tablet makes it (docs/api/pos.md, steps 4 to 8). Prepared once, with the client id made
 * on the tablet, what was sold and the cash given; then signed on the register's series: the receipt of
 * lib/pos-receipt.js, its canonical bytes, the tablet's Ed25519 signature and their SHA-256, which the next receipt
 * links to. The signed sale is what lib/pos-queue.js keeps and sends: it carries everything needed to send it and to
 * draw its receipt, so it never needs signing again (its receipt may be in the customer's hand). The products it is
 * sold from are the counter's catalog, kept for selling without the network.
 */
import { api, isUnreachable } from './api.js';
import { canonicalBytes } from './canonical-json.js';
import { receiptContent } from './pos-receipt.js';
import { base64url, signWithDeviceKey } from './pos-device.js';
import { keep, kept } from './pos-store.js';
import { uuid } from './uuid.js';

/**
 * A sale to complete: `sold` its lines ([{ product, variant, quantity, price, options, discount, note }], see
 * lib/pos-pricing.js soldLine), `givenFen` the cash given for what card and wallet payments left, `priceList` the code
 * of the list chosen (or null), `pickupNumber` the customer's (or null), `paid` the card and wallet payments taken
 * ([{ type, provider, amountFen, reference, payment }], see components/pos/pos-tenders) and `clientId` the id they were
 * taken for (made here when none was).
 */
export function prepareSale(sold, givenFen, { priceList = null, pickupNumber = null, paid = [], clientId = uuid() } = {}) {
  return { clientId, sold, givenFen, priceList, pickupNumber, paid };
}

/** A line as POST /api/pos/sales takes it: options, discount and note only where there are any. */
function bodyLine({ variant, quantity, options = [], discount = null, note = null }) {
  const line = { variantId: variant.id, quantity };
  if (options.length > 0) line.options = options.map((option) => option.id);
  if (discount) line.discount = discount;
  if (note) line.note = note;
  return line;
}

function hex(buffer) {
  return [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * `sale` signed at the counter `{ register, seller }` as the next receipt of `series` ({ lastNumber, lastHash, keyId }):
 * { clientId, register, number, hash, code, content, body }, where `content` is the receipt as signed,
 * `code` what its QR code and address carry (REGISTER-NUMBER.SIGNATURE) and `body` what POST /api/pos/sales takes.
 */
export async function signSale(sale, { register, seller, series }) {
  const paid = sale.paid ?? [];
  const content = receiptContent({ register, series, seller, sold: sale.sold, paid, givenFen: sale.givenFen, issuedAt: new Date(),
    pickupNumber: sale.pickupNumber ?? null });
  const bytes = canonicalBytes(content);
  const [signature, digest] = await Promise.all([signWithDeviceKey(bytes), crypto.subtle.digest('SHA-256', bytes)]);
  const receipt = { payload: base64url(bytes), signature: base64url(signature) };
  const body = {
    clientId: sale.clientId,
    lines: sale.sold.map(bodyLine),
    tenders: content.tenders.map((tender, index) => (tender.type === 'CASH'
      ? { type: 'CASH', amount: tender.amount, given: tender.given }
      : { type: tender.type, amount: tender.amount, payment: paid[index].payment })),
    receipt,
  };
  if (sale.priceList) body.priceList = sale.priceList;
  if (sale.pickupNumber) body.pickupNumber = sale.pickupNumber;
  return {
    clientId: sale.clientId,
    register,
    number: content.number,
    hash: hex(digest),
    code: `${register}-${content.number}.${receipt.signature}`,
    content,
    body,
  };
}

/** The series once `signed` is its last receipt. */
export function seriesAfter(signed) {
  return { lastNumber: signed.number, lastHash: signed.hash, keyId: signed.content.keyId };
}

/** The series as it stood before `signed` took its number. */
export function seriesBefore(signed) {
  return { lastNumber: signed.number - 1, lastHash: signed.content.previousHash, keyId: signed.content.keyId };
}

/**
 * What the counter sells (GET /api/pos/catalog), kept at each load; without the network, the catalog kept last,
 * marked `offline: true`. Rejects when the server cannot be reached and nothing was kept, or with its refusal.
 */
export async function loadCatalog() {
  try {
    const catalog = await api.get('/api/pos/catalog');
    await keep('catalog', catalog);
    return catalog;
  } catch (error) {
    const known = isUnreachable(error) ? await kept('catalog') : undefined;
    if (known) return { ...known, offline: true };
    throw error;
  }
}
