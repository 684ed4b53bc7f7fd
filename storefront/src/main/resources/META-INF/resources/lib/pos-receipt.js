/**
 * The receipt a counter tablet signs for a cash sale (docs/api/pos.md, docs/api/receipts.md "Canonical bytes"): its
 * content as plain data, member for member as the server rebuilds it, so that lib/canonical-json.js turns it into the
 * very bytes the server checks the tablet's signature against. Pure functions: no clock, no network, no keys (signing
 * lives in lib/pos-device.js). Tax is worked out as the server's Money#includedTax does: exactly, on the digits of the
 * rate, rounded half to even; PosReceiptTaxCompatibilityTest holds the two to each other.
 */

const RATE = /^(\d+)(?:\.(\d+))?$/;

/** a ÷ b rounded to the nearest integer, a tie to the even one (BigInt, exact; b > 0). */
function divideHalfEven(a, b) {
  const negative = a < 0n;
  const n = negative ? -a : a;
  let quotient = n / b;
  const twice = (n % b) * 2n;
  if (twice > b || (twice === b && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/**
 * The tax contained in a tax-inclusive amount of `grossFen` at `rate` (a decimal string such as "0.13"), in fen:
 * gross − net, where net = gross ÷ (1 + rate) rounded half to even. "0.13" gives net = gross × 100 ÷ 113.
 */
export function includedTax(grossFen, rate) {
  const match = RATE.exec(String(rate));
  if (!match) throw new RangeError(`A tax rate is a decimal string such as "0.13", not ${rate}`);
  if (!Number.isSafeInteger(grossFen)) throw new RangeError(`An amount is whole fen, not ${grossFen}`);
  const fraction = match[2] ?? '';
  const scale = 10n ** BigInt(fraction.length);
  const rateScaled = BigInt(match[1] + fraction);
  const gross = BigInt(grossFen);
  const net = divideHalfEven(gross * scale, scale + rateScaled);
  return Number(gross - net);
}

function money(amount, currency) {
  return { amount, currency };
}

/**
 * The receipt's "taxes" for its lines ([{ amount: Money, taxRate }]): one entry per rate, ordered by the rate's
 * text, each { rate, gross, tax, net } with gross the sum of that rate's line amounts.
 */
export function taxes(lines) {
  const byRate = new Map();
  for (const line of lines) {
    const sum = byRate.get(line.taxRate);
    byRate.set(line.taxRate, sum ? money(sum.amount + line.amount.amount, sum.currency) : money(line.amount.amount, line.amount.currency));
  }
  return [...byRate.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((rate) => {
    const gross = byRate.get(rate);
    const tax = includedTax(gross.amount, rate);
    return { rate, gross, tax: money(tax, gross.currency), net: money(gross.amount - tax, gross.currency) };
  });
}

/** A moment as receipts write it: UTC with six fraction digits, e.g. "2026-12-06T10:00:00.123000Z". */
export function receiptTime(date) {
  return date.toISOString().replace(/Z$/, '000Z');
}

/** The makers of the lines' products, each named once, in the order they first appear. */
function makersOf(sold) {
  const names = [];
  for (const { product } of sold) {
    for (const name of product.makers ?? []) if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** One receipt line for `quantity` of a catalog variant of `product`. */
function receiptLine({ product, variant, quantity }) {
  const { price } = variant;
  return {
    name: product.nameZh,
    nameEn: product.nameEn,
    variant: variant.nameZh,
    quantity,
    unitPrice: money(price.amount, price.currency),
    amount: money(price.amount * quantity, price.currency),
    taxRate: variant.taxRate,
  };
}

/**
 * The content of the receipt for a cash sale at register `register` (its id), continuing `series`
 * ({ lastNumber, lastHash, keyId }): `seller` as the catalog gives it, `sold` the sale's lines in order
 * ([{ product, variant, quantity }] from GET /api/pos/catalog), `givenFen` the cash handed over, `issuedAt` a Date.
 */
export function receiptContent({ register, series, seller, sold, givenFen, issuedAt }) {
  const number = series.lastNumber + 1;
  const lines = sold.map(receiptLine);
  const currency = lines[0]?.amount.currency ?? 'CNY';
  const total = money(lines.reduce((sum, line) => sum + line.amount.amount, 0), currency);
  return {
    v: 1,
    register,
    number,
    kind: 'SALE',
    issuedAt: receiptTime(issuedAt),
    orderNumber: `${register}-${number}`,
    refundOf: null,
    seller: { name: seller.name ?? null, address: seller.address ?? null, taxId: seller.taxId ?? null },
    lines,
    taxes: taxes(lines),
    total,
    tenders: [{
      type: 'CASH',
      provider: null,
      amount: total,
      given: money(givenFen, currency),
      change: money(givenFen - total.amount, currency),
      reference: null,
    }],
    makers: makersOf(sold),
    previousHash: series.lastHash,
    keyId: series.keyId,
  };
}
