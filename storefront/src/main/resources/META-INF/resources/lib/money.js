/**
 * Money as the API sends it: {amount, currency} with the amount in minor units (fen for CNY).
 * Only integers are ever divided here, as text, so no float rounding reaches a price.
 */
import { currentLang } from './i18n.js';

function minorDigits(currency) {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
}

/** The amount as a plain decimal string in major units, e.g. {6800, CNY} → "68.00" (schema.org, Intl). */
export function toDecimalString({ amount, currency }) {
  const digits = minorDigits(currency);
  const sign = amount < 0 ? '-' : '';
  const minor = String(Math.abs(Math.trunc(amount))).padStart(digits + 1, '0');
  if (digits === 0) return sign + minor;
  return `${sign}${minor.slice(0, -digits)}.${minor.slice(-digits)}`;
}

/** The amount for people to read in `lang` (default: the page's language), e.g. "¥68.00" or "CN¥68.00". */
export function formatMoney(money, lang = currentLang()) {
  // Intl reads a decimal string exactly; browsers without that fall back to Number, still exact for prices.
  return new Intl.NumberFormat(lang, { style: 'currency', currency: money.currency }).format(toDecimalString(money));
}
