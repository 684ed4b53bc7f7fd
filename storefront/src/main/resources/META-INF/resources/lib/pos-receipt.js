/**
 * The receipt a counter tablet signs for a cash sale (docs/api/pos.md, docs/api/receipts.md "Canonical bytes"): its
 * content as plain data, member for member as the server rebuilds it, so that lib/canonical-json.js turns it into the
 * very bytes the server checks the tablet's signature against. Pure functions: no clock, no network, no keys (signing
 * lives in lib/pos-device.js). Tax is worked out as the server's Money#includedTax does: exactly, on the digits of the
 * rate, rounded half to even; PosReceiptTaxCompatibilityTest holds the two to each other. A sale with chosen options,
 * a discount or a pickup number (step 6) gets them as in format 2, those members left out where there are none. Every
 * receipt is of format 3 (ADR 0033): the seller's English name and address, each line's English variant and the makers'
 * names in Latin script beside the Chinese (CashierSellsFastTest compares the bytes with the server's). The refund receipt of a
 * return at the counter (step 9) is built here too, from the original's lines as the server gives them
 * (refundReceiptContent; CashierReturnsTest has the server store it).
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

/**
 * The makers of the lines' products, each named once, in the order they first appear: { makers, makersEn }, the names in
 * Chinese characters and in Latin script (GET /api/pos/catalog gives a product's both, in the same order).
 */
function makersOf(sold) {
  const named = [];
  for (const { product } of sold) {
    const makers = product.makers ?? [];
    makers.forEach((zh, index) => {
      const latin = product.makersEn?.[index] ?? zh;
      if (!named.some((maker) => maker.zh === zh && maker.latin === latin)) named.push({ zh, latin });
    });
  }
  return { makers: named.map((maker) => maker.zh), makersEn: named.map((maker) => maker.latin) };
}

/** The seller as format 3 writes it: the legal name, Chinese address and credit code, and the English name and address. */
function sellerOf(seller) {
  return { name: seller.name ?? null, address: seller.address ?? null, taxId: seller.taxId ?? null,
    nameEn: seller.nameEn ?? '', addressEn: seller.addressEn ?? '' };
}

/**
 * One receipt line for `quantity` of a catalog variant of `product`: at `price` (the price list's, else the variant's
 * own) plus the chosen `options`' prices, less the `discount` ({ amount: Money, reason }); options and discount are
 * members only where there are any (lib/pos-pricing.js soldLine gives lines so).
 */
function receiptLine({ product, variant, quantity, price = variant.price, options = [], discount = null }) {
  const unit = price.amount + options.reduce((sum, option) => sum + option.price.amount, 0);
  const line = {
    name: product.nameZh,
    nameEn: product.nameEn,
    variant: variant.nameZh,
    variantEn: variant.nameEn ?? '',
    quantity,
    unitPrice: money(unit, price.currency),
    amount: money(unit * quantity - (discount?.amount.amount ?? 0), price.currency),
    taxRate: variant.taxRate,
  };
  if (options.length > 0) {
    line.options = options.map((option) => ({ name: option.nameZh, nameEn: option.nameEn,
      price: money(option.price.amount, option.price.currency) }));
  }
  if (discount) line.discount = { amount: money(discount.amount.amount, discount.amount.currency), reason: discount.reason };
  return line;
}

/** The tenders of a sale of `total`: its payments, then cash for the rest. */
function tenders(paid, total, givenFen) {
  const { currency } = total;
  const list = paid.map((payment) => ({ type: payment.type, provider: payment.provider, amount: money(payment.amountFen, currency),
    given: null, change: null, reference: payment.reference }));
  const cashFen = total.amount - paid.reduce((sum, payment) => sum + payment.amountFen, 0);
  if (cashFen > 0 || list.length === 0) {
    list.push({ type: 'CASH', provider: null, amount: money(cashFen, currency), given: money(givenFen, currency),
      change: money(givenFen - cashFen, currency), reference: null });
  }
  return list;
}

/**
 * The content of the receipt for a sale at register `register` (its id), continuing `series`
 * ({ lastNumber, lastHash, keyId }): `seller` as the catalog gives it, `sold` the sale's lines in order
 * ([{ product, variant, quantity, price?, options?, discount? }] from GET /api/pos/catalog, see lib/pos-pricing.js),
 * `paid` its card and wallet payments in the order taken ([{ type, provider, amountFen, reference }]), `givenFen` the
 * cash handed over for the rest, `issuedAt` a Date, `pickupNumber` the customer's (or null). The tenders are the
 * payments, then cash when anything is left to pay in cash (or nothing was paid otherwise).
 */
export function receiptContent({ register, series, seller, sold, paid = [], givenFen, issuedAt, pickupNumber = null }) {
  const number = series.lastNumber + 1;
  const lines = sold.map(receiptLine);
  const currency = lines[0]?.amount.currency ?? 'CNY';
  const total = money(lines.reduce((sum, line) => sum + line.amount.amount, 0), currency);
  const { makers, makersEn } = makersOf(sold);
  const content = {
    v: 3,
    register,
    number,
    kind: 'SALE',
    issuedAt: receiptTime(issuedAt),
    orderNumber: `${register}-${number}`,
    refundOf: null,
    seller: sellerOf(seller),
    lines,
    taxes: taxes(lines),
    total,
    tenders: tenders(paid, total, givenFen),
    makers,
    makersEn,
    previousHash: series.lastHash,
    keyId: series.keyId,
  };
  if (pickupNumber !== null) content.pickupNumber = pickupNumber;
  return content;
}

/**
 * What `units` of a line of the original sale (a line of GET /api/pos/returns/lookup) give back: their share of what the
 * line was sold for after its discount, rounded down, and all of the line's units at once its whole amount (as the
 * server's order rules refund them; BigInt, exact).
 */
export function refundedFen(line, units) {
  if (units === line.quantity) return line.amount.amount;
  return Number((BigInt(line.amount.amount) * BigInt(units)) / BigInt(line.quantity));
}

/**
 * The refund receipt's line for `units` of a line of the original sale: what the sale's line said, its quantity the
 * units given back, its amount what they give back, its discount (if the sale's line had one) the part of it on them.
 */
function refundLine(line, units) {
  const amount = refundedFen(line, units);
  const { currency } = line.unitPrice;
  const refunded = {
    name: line.name,
    nameEn: line.nameEn,
    variant: line.variant,
    variantEn: line.variantEn ?? '',
    quantity: units,
    unitPrice: money(line.unitPrice.amount, currency),
    amount: money(amount, currency),
    taxRate: line.taxRate,
  };
  if (line.options?.length > 0) refunded.options = line.options.map((option) => ({ name: option.name, nameEn: option.nameEn,
    price: money(option.price.amount, option.price.currency) }));
  if (line.discount) refunded.discount = { amount: money(line.unitPrice.amount * units - amount, currency), reason: line.discount.reason };
  return refunded;
}

/**
 * How a return's `total` goes back: to `backTo` (a card, wallet or online tender of the sale, its amount what is left of
 * its payment) as much as it holds, the rest in cash from the drawer; all in cash without it. As the server plans it.
 */
export function refundTenders(total, backTo) {
  const cash = (amount) => ({ type: 'CASH', provider: null, amount: money(amount, total.currency), given: null, change: null, reference: null });
  if (!backTo) return [cash(total.amount)];
  const toOriginal = Math.min(total.amount, backTo.amount.amount);
  const tenders = [{ type: backTo.type, provider: backTo.provider ?? null, amount: money(toOriginal, total.currency), given: null,
    change: null, reference: backTo.reference ?? null }];
  if (total.amount > toOriginal) tenders.push(cash(total.amount - toOriginal));
  return tenders;
}

/**
 * The content of the refund receipt for a return at register `register`, continuing `series`: `found` the original as
 * GET /api/pos/returns/lookup gave it, `units` the units given back per line id (a Map; lines in the receipt's order),
 * `seller` as the catalog gives it, `issuedAt` a Date, `tender` 'CASH' or 'ORIGINAL'. Paid back in cash, or, to the
 * original tender of a sale paid by card, wallet or online, to that payment (`found.tenders.backTo`) up to what is left
 * of it and the rest in cash (refundTenders); no makers, as the shop's refund receipts.
 */
export function refundReceiptContent({ register, series, seller, found, units, issuedAt, tender = 'CASH' }) {
  const number = series.lastNumber + 1;
  const lines = found.lines.filter((line) => (units.get(line.lineId) ?? 0) > 0).map((line) => refundLine(line, units.get(line.lineId)));
  const currency = lines[0]?.amount.currency ?? 'CNY';
  const total = money(lines.reduce((sum, line) => sum + line.amount.amount, 0), currency);
  return {
    v: 3,
    register,
    number,
    kind: 'REFUND',
    issuedAt: receiptTime(issuedAt),
    orderNumber: found.orderNumber,
    refundOf: found.number,
    seller: sellerOf(seller),
    lines,
    taxes: taxes(lines),
    total,
    tenders: refundTenders(total, tender === 'ORIGINAL' ? found.tenders?.backTo : null),
    makers: [],
    makersEn: [],
    previousHash: series.lastHash,
    keyId: series.keyId,
  };
}
