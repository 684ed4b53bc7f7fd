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

/**
 * "3 in stock" always means three of the one thing a buyer would take: the chosen variant on a product page, the
 * product on a card only when it has one option. A card for several options says "In stock" (some option has
 * some) without adding their stocks up, so the card and the page never give two numbers for one teacup.
 */
export function availabilityText(available, options = 1) {
  const state = availabilityState(available);
  if (state === MADE_TO_ORDER) return t('card.madeToOrder');
  if (state === SOLD_OUT) return t('card.soldOut');
  if (options > 1) return t('card.inStockOptions');
  return t('card.inStock', { count: available });
}

/** A list's price: "from ¥38.00" when the options differ in price, else the one price. */
export function listPriceText(product, format) {
  return product.priceVaries ? t('card.priceFrom', { price: format(product.price) }) : format(product.price);
}

/** "Made by 李梅 and 王芳" from public names; makers without consent are never named, only counted as "a workshop maker". */
export function madeByText(names) {
  const shown = (names || []).filter((name) => typeof name === 'string' && name.trim() !== '');
  if (shown.length === 0) return t('card.madeByWorkshop');
  const list = new Intl.ListFormat(currentLang(), { style: 'long', type: 'conjunction' }).format(shown);
  return t('card.madeBy', { names: list });
}
