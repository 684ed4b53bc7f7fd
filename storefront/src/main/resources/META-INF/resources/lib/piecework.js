/**
 * What the piece-work screens share, the makers' own and the coordinators' (docs/api/piecework.md): days and
 * months as Chengdu counts them, amounts that a screen reader says with their currency ("1,234.50 元", not
 * "yen 1234.5"), and the API's codes. Amounts, days and months are drawn as elements carrying their raw
 * value, so relocalise() can write them again in a new language without drawing the page again.
 */
import { html } from './html.js';
import { currentLang } from './i18n.js';
import { formatMoney, spokenMoney } from './money.js';

export { spokenMoney };

const ZONE = 'Asia/Shanghai';
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export const REASONS = ['WORK', 'SALE_SHARE', 'REFUND_SHARE', 'PAYOUT', 'ADJUSTMENT', 'TOP_UP', 'REVERSAL'];
export const STATUSES = ['REPORTED', 'RECORDED', 'CHECKED', 'DECLINED'];
export const METHODS = ['BANK_TRANSFER', 'CASH', 'MOBILE_WALLET'];
export const CURRENCY = 'CNY';

/** Today in Chengdu as the API writes days, e.g. "2026-11-29", whatever the device's own time zone. */
export function today(now = new Date()) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
  }).formatToParts(now).map(({ type, value }) => [type, value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function currentMonth() {
  return today().slice(0, 7);
}

export function isMonth(text) {
  return typeof text === 'string' && MONTH.test(text);
}

export function isDay(text) {
  const match = DAY.exec(String(text));
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

/** The month before or after `month` by `step` months ("2026-01", -1 → "2025-12"). */
export function addMonths(month, step) {
  const [, year, number] = MONTH.exec(month);
  const index = Number(year) * 12 + Number(number) - 1 + step;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last `count` months, this one first. */
export function recentMonths(count) {
  const now = currentMonth();
  return Array.from({ length: count }, (_, i) => addMonths(now, -i));
}

function utc(text) {
  const [year, month, day = '01'] = text.split('-');
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
}

/** "2026年11月" or "November 2026". */
export function monthText(month) {
  if (!isMonth(month)) return String(month ?? '');
  return new Intl.DateTimeFormat(currentLang(), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(utc(month));
}

/**
 * "11月29日星期六" or "Saturday, November 29", as the makers read days; `year` adds the year and drops the
 * weekday ("2026年11月29日", "Nov 29, 2026"), as staff tables need.
 */
export function dayText(day, { year = false } = {}) {
  if (!isDay(day)) return String(day ?? '');
  const options = year ? { dateStyle: 'medium', timeZone: 'UTC' } : { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(currentLang(), options).format(utc(day));
}

/** Fen as Money. */
export function yuan(amount) {
  return { amount, currency: CURRENCY };
}

/**
 * An amount as the eye reads it ("¥1,234.50") with the words a screen reader says instead. `id` goes on the
 * outer element; its data-amount holds the fen, for tests and for relocalise().
 */
export function amountHtml(money, { id = '', className = '' } = {}) {
  if (!money) return html``;
  return html`<span class="amount ${className}" ${id && html`id="${id}"`} data-amount="${money.amount}"
    data-currency="${money.currency}"><span class="amount__shown" aria-hidden="true">${formatMoney(money)}</span><span
    class="visually-hidden amount__spoken">${spokenMoney(money)}</span></span>`;
}

export function monthHtml(month) {
  return html`<time datetime="${month}" data-month="${month}">${monthText(month)}</time>`;
}

export function dayHtml(day, { year = false } = {}) {
  return html`<time datetime="${day}" data-day="${day}" ${year && html`data-day-year`}>${dayText(day, { year })}</time>`;
}

/** Writes the amounts, days and months under `root` again in the page's language. */
export function relocalise(root) {
  for (const el of root.querySelectorAll('.amount[data-amount]')) {
    const money = { amount: Number(el.dataset.amount), currency: el.dataset.currency };
    el.querySelector('.amount__shown').textContent = formatMoney(money);
    el.querySelector('.amount__spoken').textContent = spokenMoney(money);
  }
  for (const el of root.querySelectorAll('[data-month]')) el.textContent = monthText(el.dataset.month);
  for (const el of root.querySelectorAll('[data-day]')) {
    el.textContent = dayText(el.dataset.day, { year: el.hasAttribute('data-day-year') });
  }
}

/** The operation's name in the page's language, else the other one. */
export function operationName(operation) {
  const [first, second] = currentLang() === 'en'
    ? [operation.nameEn, operation.nameZh] : [operation.nameZh, operation.nameEn];
  return first || second || operation.name || '';
}

/** A statement line in plain words in the page's language (the server's whatZh / whatEn), else ''. */
export function lineWords(line) {
  return (currentLang() === 'en' ? line.whatEn : line.whatZh) || '';
}

/** The product of an operation or a work record in the page's language (productName is Chinese). */
export function productNameOf(item) {
  return (currentLang() === 'en' && item.productNameEn) || item.productName || '';
}

/** "Making — Paper-cut bookmark" / "制作 — 剪纸书签": the operation with its product, both in the page's language. */
export function operationWithProduct(operation, name = operationName(operation)) {
  const product = productNameOf(operation);
  return product ? `${name} — ${product}` : name;
}
