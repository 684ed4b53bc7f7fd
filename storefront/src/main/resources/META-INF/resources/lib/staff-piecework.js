/**
 * The coordinators' piece-work API (docs/api/piecework.md) as the staff screens use it, and what those
 * screens share: the addresses of the screens, words for the API's codes, selects of makers and months,
 * and the checks of typed counts and amounts.
 */
import { html } from './html.js';
import { api, ensureCsrfToken } from './api.js';
import { parseCount } from './quantity.js';
import { parseSignedYuan, parseYuan } from './money.js';
import { currentLang } from './i18n.js';
import { monthText, operationName, operationWithProduct, productNameOf, recentMonths } from './piecework.js';
import { localName } from './staff-catalog.js';

const BASE = '/api/admin/piecework';
export const REASON_MAX = 500;

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Operations with their rates; of one product when `productId` is given. */
export function operations(productId) {
  return api.get(`${BASE}/operations${query({ productId })}`);
}

/** A page { items, total, … } of work records. */
export function workRecords({ status, makerId, month, page = 0, size = 100 } = {}) {
  return api.get(`${BASE}/work${query({ status, makerId, month, page, size })}`);
}

export function statement(makerId, month) {
  return api.get(`${BASE}/makers/${encodeURIComponent(makerId)}/months/${encodeURIComponent(month)}`);
}

export function balance(makerId) {
  return api.get(`${BASE}/makers/${encodeURIComponent(makerId)}/balance`);
}

export function overview(month) {
  return api.get(`${BASE}/overview${query({ month })}`);
}

/** POST under /api/admin/piecework, with the CSRF token; `headers` adds e.g. Idempotency-Key. */
export async function send(path, body, headers = {}) {
  await ensureCsrfToken();
  return api.post(`${BASE}${path}`, body, { headers });
}

/** The signed statement of a finished month, as the maker has it (issued on first request, never changed). */
export function statementPdfUrl(makerId, month) {
  return `${BASE}/makers/${encodeURIComponent(makerId)}/months/${encodeURIComponent(month)}/statement.pdf?lang=${encodeURIComponent(currentLang())}`;
}

export function payoutCsvUrl(batchId) {
  return `${BASE}/payout-batches/${encodeURIComponent(batchId)}/payouts.csv`;
}

export function earningsHref(makerId, month) {
  return `/admin/maker-earnings.html${query({ maker: makerId, month })}`;
}

/** A code's words from piecework.<group>.<code>; the code itself stays when there are none. */
export function codeHtml(group, code, attrs = html``) {
  return html`<span ${attrs} data-i18n="piecework.${group}.${code}">${code}</span>`;
}

/** The operation as a choice: "编织 — 竹编杯垫". */
export function operationLabel(operation) {
  return operationWithProduct(operation);
}

/** A work record's maker in the page's script (makerNameLatin for English). */
export function makerNameOf(record) {
  return (currentLang() === 'en' && record.makerNameLatin) || record.makerName;
}

/** Operations grouped by product, for a select with one optgroup per product. */
export function operationOptions(list, selected = '') {
  const byProduct = new Map();
  for (const operation of list) {
    const key = productNameOf(operation);
    if (!byProduct.has(key)) byProduct.set(key, []);
    byProduct.get(key).push(operation);
  }
  return html`${[...byProduct].map(([product, items]) => html`
    <optgroup label="${product}">
      ${items.map((o) => html`<option value="${o.id}" ${o.id === selected && html`selected`}>${operationName(o)}</option>`)}
    </optgroup>`)}`;
}

export function makerOptions(makers, selected = '') {
  return html`${makers.map((m) => html`<option value="${m.id}" ${m.id === selected && html`selected`}>${m.name}</option>`)}`;
}

export function productOptions(products, selected = '') {
  return html`${products.map((p) => html`<option value="${p.id}" ${p.id === selected && html`selected`}>${localName(p)}</option>`)}`;
}

/** The last two years of months, this one first, as options; `selected` is kept even when older. */
export function monthOptions(selected) {
  const months = recentMonths(24);
  if (selected && !months.includes(selected)) months.push(selected);
  return html`${months.map((m) => html`<option value="${m}" data-month-option="${m}" ${m === selected && html`selected`}>${monthText(m)}</option>`)}`;
}

/** Writes month options again in the page's language. */
export function relocaliseMonthOptions(root) {
  for (const option of root.querySelectorAll('option[data-month-option]')) option.textContent = monthText(option.value);
}

/**
 * The checks every piece-work form shares; each adds { target, message } to `problems` and returns the value.
 */
export function checker(problems) {
  const wrong = (target, key, params = {}) => problems.push({ target, message: { key, params } });
  return {
    wrong,
    count(id, text, min = 0) {
      const parsed = parseCount(text, min);
      if (parsed.problem) wrong(id, `piecework.count.${parsed.problem}`);
      return parsed.value;
    },
    amount(id, text) {
      const parsed = parseYuan(text);
      if (parsed.problem) wrong(id, `piecework.amount.${parsed.problem}`);
      return parsed.fen;
    },
    signedAmount(id, text) {
      const parsed = parseSignedYuan(text);
      if (parsed.problem) wrong(id, `piecework.amount.${parsed.problem}`);
      return parsed.fen;
    },
    reason(id, text) {
      const reason = String(text || '').trim();
      if (!reason) wrong(id, 'piecework.reasonMissing');
      return reason;
    },
  };
}

/** A form field with its label, optional hint and message element (X-error), as lib/form-errors.js expects. */
export function field(id, key, control, { hint, optional = false } = {}) {
  return html`
    <div class="field" id="${id}-field">
      <label for="${id}"><span data-i18n="${key}"></span>${optional && html`<span class="field__optional" data-i18n="admin.optional"></span>`}</label>
      ${hint && html`<p id="${id}-hint" class="field__hint" data-i18n="${hint}"></p>`}
      ${control}
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

/** A text box for a whole number or an amount (typed as text, so full-width digits and ¥ are understood). */
export function numberInput(id, { decimal = false, value = '', describedBy = '' } = {}) {
  return html`<input id="${id}" type="text" inputmode="${decimal ? 'decimal' : 'numeric'}" autocomplete="off"
                     class="input--short" value="${value}" ${describedBy && html`aria-describedby="${describedBy}"`}>`;
}
