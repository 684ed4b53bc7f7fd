/**
 * Words the shop says about a product in more than one place (cards, product page, structured data):
 * its availability and who made it. All text comes from i18n; all decisions come from the API's fields.
 */
import { currentLang, t } from './i18n.js';

export const SOLD_OUT = 'sold-out';
export const IN_STOCK = 'in-stock';
export const MADE_TO_ORDER = 'made-to-order';

/** `available` is units for sale now, or null when stock is not tracked (made to order). */
export function availabilityState(available) {
  if (available === null || available === undefined) return MADE_TO_ORDER;
  return available > 0 ? IN_STOCK : SOLD_OUT;
}

export function availabilityText(available) {
  const state = availabilityState(available);
  if (state === MADE_TO_ORDER) return t('card.madeToOrder');
  if (state === SOLD_OUT) return t('card.soldOut');
  return t('card.inStock', { count: available });
}

/** "Made by 李梅 and 王芳" from public names; makers without consent are never named, only counted as "a workshop maker". */
export function madeByText(names) {
  const shown = (names || []).filter((name) => typeof name === 'string' && name.trim() !== '');
  if (shown.length === 0) return t('card.madeByWorkshop');
  const list = new Intl.ListFormat(currentLang(), { style: 'long', type: 'conjunction' }).format(shown);
  return t('card.madeBy', { names: list });
}
