/**
 * Reads of the catalog API that several staff screens share, and the small lookups
 * (names in the page's language, labels for codes) they all need.
 */
import { api } from './api.js';
import { currentLang, t } from './i18n.js';
import { displayYuan } from './money.js';

export const CHANNELS = ['ONLINE', 'POS', 'CORPORATE'];
const PAGE_SIZE = 100;

/** Every item of a paged list, one request per hundred; `path` may already carry a query. */
export async function allPages(path) {
  const items = [];
  for (let page = 0; ; page += 1) {
    const joiner = path.includes('?') ? '&' : '?';
    const result = await api.get(`${path}${joiner}page=${page}&size=${PAGE_SIZE}`);
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) return items;
  }
}

/** [{ code, name }] in display order, named in the page's language. */
export function categories() {
  return api.get(`/api/categories?lang=${encodeURIComponent(currentLang())}`);
}

export function makers() {
  return allPages('/api/admin/makers');
}

/** The choices products are sold with at the counter, each group with all its options, inactive ones too. */
export function modifierGroups() {
  return api.get('/api/admin/modifier-groups');
}

/** The counter's other prices for some variants, inactive lists too. */
export function priceLists() {
  return api.get('/api/admin/price-lists');
}

/** What an option does to a price, as a message: "+¥3.00", "free" or "−¥1.00". */
export function priceChange(fen) {
  if (fen === 0) return { key: 'counter.delta.free' };
  return { key: fen > 0 ? 'counter.delta.more' : 'counter.delta.less', params: { amount: displayYuan(Math.abs(fen)) } };
}

/** How many of a group's options the cashier chooses, as a message: "choose 1" or "choose 0 to 3". */
export function chooseMessage(group) {
  return group.minChoices === group.maxChoices
    ? { key: 'counter.choose.exactly', params: { count: group.minChoices } }
    : { key: 'counter.choose.range', params: { min: group.minChoices, max: group.maxChoices } };
}

export function locations() {
  return api.get(`/api/admin/stock/locations?lang=${encodeURIComponent(currentLang())}`);
}

/** The product's (or variant's) name in the page's language, else the other one. */
export function localName(item) {
  const [first, second] = currentLang() === 'en' ? [item.nameEn, item.nameZh] : [item.nameZh, item.nameEn];
  return first || second || '';
}

/** A translated label for a code ("admin.kind.RECEIVED"), or the code itself when we have none. */
export function codeLabel(prefix, code) {
  const key = `${prefix}.${code}`;
  const label = t(key);
  return label === key ? String(code) : label;
}

/** "a, b and c" the way the page's language writes a list (Chinese joins with 、). */
export function listOf(words) {
  return new Intl.ListFormat(currentLang(), { style: 'long', type: 'conjunction' }).format(words);
}

/** Date and time as Chengdu reads them, in the page's language. */
export function formatWhen(iso) {
  if (!iso) return '';
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return String(iso);
  return new Intl.DateTimeFormat(currentLang(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' })
    .format(when);
}
