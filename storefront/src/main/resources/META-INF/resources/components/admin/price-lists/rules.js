/**
 * The price list form's checks before saving, the body it sends (PUT /api/admin/price-lists/{code}) and where the
 * server's field names ("prices[0].amount") show on the form. The same limits as docs/api/catalog.md.
 */
import { parseYuan } from '../../../lib/money.js';
import { checkCodeAndNames } from '../modifier-groups/rules.js';

const PRICES_MAX = 500;

const FIELDS = {
  code: 'price-list-code',
  nameZh: 'price-list-name-zh',
  nameEn: 'price-list-name-en',
  active: 'price-list-active',
  prices: 'price-list-prices',
};
const PRICE_FIELDS = { variantId: 'variant', amount: 'amount' };

/** The element id for a server field name, or null when the form has no such field. */
export function listField(name) {
  const price = /^prices\[(\d+)\](?:\.(\w+))?/.exec(name);
  if (price) {
    const part = PRICE_FIELDS[price[2]];
    return part ? `list-price-${price[1]}-${part}` : `list-price-${price[1]}`;
  }
  return FIELDS[name.replace(/[[.].*$/, '')] ?? null;
}

/** Problems with the draft as [{ target, message: { key, params } }], in the order the fields appear. */
export function checkList(draft, context) {
  const problems = checkCodeAndNames(draft, FIELDS, context);
  const wrong = (target, key, params) => problems.push({ target, message: { key, params } });
  if (draft.prices.length > PRICES_MAX) wrong(FIELDS.prices, 'counter.prices.tooMany', { max: PRICES_MAX });
  const seen = new Map();
  draft.prices.forEach((price, i) => {
    const n = i + 1;
    if (!price.variantId) wrong(`list-price-${i}-variant`, 'counter.price.variant.missing', { n });
    else if (seen.has(price.variantId)) wrong(`list-price-${i}-variant`, 'counter.price.variant.twice', { n, other: seen.get(price.variantId) });
    else seen.set(price.variantId, n);
    const amount = parseYuan(price.amount);
    if (amount.problem) wrong(`list-price-${i}-amount`, `counter.price.amount.${amount.problem}`, { n });
  });
  return problems;
}

/** The JSON body for PUT; call only once checkList found nothing. */
export function listBody(draft) {
  return {
    nameZh: draft.nameZh.trim(),
    nameEn: draft.nameEn.trim(),
    active: draft.active,
    prices: draft.prices.map((price) => ({ variantId: price.variantId, amount: parseYuan(price.amount).fen })),
  };
}
