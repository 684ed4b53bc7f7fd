import { currentLang, t } from './i18n.js';
/**
 * Yuan as people type them, and fen as the API keeps them. The conversion works on the
 * digits as text ("68.5" → "68" + "50" → 6850), so no floating-point step can ever turn
 * 0.29 yuan into 28 fen.
 */

/** The API's limits: 0.01 yuan to 100,000.00 yuan. */
export const MIN_FEN = 1;
export const MAX_FEN = 10_000_000;

const YUAN = /^(\d{1,9})(?:\.(\d{1,2}))?$/;

/** Full-width digits and point (typed with a Chinese input method) count as their plain forms. */
function plain(text) {
  return String(text)
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xFF10 + 0x30))
    .replace(/\uFF0E/g, '.')
    .replace(/^[\s¥￥]+|\s+$/g, '');
}

/**
 * Reads a price typed in yuan. Returns { fen } or { problem } where problem is
 * 'missing', 'format' (not like 68.00) or 'range' (outside 0.01..100000.00, or up to `max` fen when given).
 */
export function parseYuan(text, max = MAX_FEN) {
  const value = plain(text);
  if (value === '') return { problem: 'missing' };
  const match = YUAN.exec(value);
  if (!match) return { problem: 'format' };
  const fen = Number(match[1] + (match[2] ?? '').padEnd(2, '0'));
  if (fen < MIN_FEN || fen > max) return { problem: 'range' };
  return { fen };
}

/**
 * Reads an amount that adds ("8", "+8.00") or takes away ("-5", "−¥5.00"), as an adjustment does.
 * Returns { fen } with fen never 0, or { problem }: 'missing', 'format', 'zero' or 'range' (beyond 100000.00).
 */
export function parseSignedYuan(text) {
  const value = plain(String(text).replace(/[\u2212\uFF0D\uFE63\u2012\u2013]/g, '-').replace(/\uFF0B/g, '+'));
  if (value === '') return { problem: 'missing' };
  const sign = /^[-+]/.test(value) ? value[0] : '';
  const match = YUAN.exec(plain(value.slice(sign.length)));
  if (!match) return { problem: 'format' };
  const fen = Number(match[1] + (match[2] ?? '').padEnd(2, '0'));
  if (fen === 0) return { problem: 'zero' };
  if (fen > MAX_FEN) return { problem: 'range' };
  return { fen: sign === '-' ? -fen : fen };
}

/**
 * Reads what an option adds to a price at the counter: more ("3", "+3.00"), nothing ("0") or less ("-1", "−¥1.00").
 * Returns { fen } or { problem }: 'missing', 'format' or 'range' (beyond `max` fen either way).
 */
export function parseYuanChange(text, max = MAX_FEN) {
  const read = parseSignedYuan(text);
  if (read.problem === 'zero') return { fen: 0 };
  if (read.problem) return read;
  return Math.abs(read.fen) > max ? { problem: 'range' } : read;
}

/** 6850 → "68.50", built from the digits, for form fields and tables. */
export function formatYuan(fen) {
  const digits = String(Math.abs(Math.trunc(fen))).padStart(3, '0');
  return `${fen < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** "¥68.50" for reading. */
export function displayYuan(fen) {
  return `¥${formatYuan(fen)}`;
}

/**
 * Money as the API sends it: {amount, currency} with the amount in minor units (fen for CNY).
 * Only integers are ever divided here, as text, so no float rounding reaches a price.
 */

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

/**
 * The amount in words a screen reader says well, with its currency: "1,234.50 元" / "1,234.50 yuan", where
 * formatMoney's "¥1,234.50" / "CN¥1,234.50" is read "yen" or "C N yen". For live regions and visually hidden text.
 */
export function spokenMoney(money, lang = currentLang()) {
  if (money.currency !== 'CNY') {
    return new Intl.NumberFormat(lang, { style: 'currency', currency: money.currency, currencyDisplay: 'name' })
      .format(toDecimalString(money));
  }
  const amount = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    .format(toDecimalString(money));
  return t('money.spoken', { amount });
}
