/**
 * What the staff order screens share: reading an order, the words for its status and stage,
 * and money and times that follow the page's language. Money and times are drawn as elements
 * carrying their raw value (data-money, data-when), so relocalise() can write them again in
 * the new language without drawing the page again, which would throw away focus and typing.
 */
import { html } from './html.js';
import { ApiError, api } from './api.js';
import { formatMoney } from './money.js';
import { formatWhen } from './staff-catalog.js';

export const ORDER_STATUSES = ['PENDING_PAYMENT', 'PAID', 'FULFILLED', 'CANCELLED', 'REFUNDED', 'PARTIALLY_REFUNDED'];

/** Statuses in which money has been received and not all of it given back. */
const PAID_STATUSES = new Set(['PAID', 'FULFILLED', 'PARTIALLY_REFUNDED']);

export function isPaid(order) {
  return PAID_STATUSES.has(order.status);
}

/** The whole order as staff see it: buyer contact, lines, payment, refunds and history. */
export function staffOrder(id) {
  return api.get(`/api/admin/orders/${encodeURIComponent(id)}`);
}

export function orderHref(id) {
  return `/admin/order.html?id=${encodeURIComponent(id)}`;
}

export function packingListHref(id) {
  return `/admin/packing-list.html?id=${encodeURIComponent(id)}`;
}

/** An amount for reading, e.g. ¥68.00, kept right when the language changes. */
export function moneyHtml(money) {
  if (!money) return html``;
  return html`<span data-money="${money.amount}" data-currency="${money.currency}">${formatMoney(money)}</span>`;
}

/** A date and time as Chengdu reads them, kept right when the language changes. */
export function whenHtml(iso) {
  if (!iso) return html``;
  return html`<time datetime="${iso}" data-when="${iso}">${formatWhen(iso)}</time>`;
}

/** Writes the money and times under `root` again in the page's language. */
export function relocalise(root) {
  for (const el of root.querySelectorAll('[data-money]')) {
    el.textContent = formatMoney({ amount: Number(el.dataset.money), currency: el.dataset.currency });
  }
  for (const el of root.querySelectorAll('[data-when]')) el.textContent = formatWhen(el.dataset.when);
}

/** A code's words from adminOrders.<group>.<code>; the code itself stays when there are none. */
export function codeHtml(group, code, attrs = html``) {
  return html`<span ${attrs} data-i18n="adminOrders.${group}.${code}">${code}</span>`;
}

/**
 * The status in words, and the fulfilment stage after it when there is one ("Paid · Ready for
 * pickup"). The badge's outline differs per status too, so it never rests on colour alone.
 */
export function statusHtml(order, idPrefix = '') {
  const stage = order.fulfilmentStage;
  return html`
    <span class="order-status order-status--${String(order.status).toLowerCase().replace(/_/g, '-')}"
          ${idPrefix && html`id="${idPrefix}-status"`} data-status="${order.status}"
          data-i18n="adminOrders.status.${order.status}">${order.status}</span>${stage && html`<span
      class="order-stage"><span class="visually-hidden">, </span><span ${idPrefix && html`id="${idPrefix}-stage"`}
      data-stage="${stage}" data-i18n="adminOrders.status.${stage}">${stage}</span></span>`}`;
}

/**
 * Where a delivery goes: { recipient, phone, address, city, postalCode }, inline in the order's
 * fulfilment as the API gives it (a `delivery` object there, as early builds sent, is read too).
 */
export function deliveryAddress(order) {
  const f = order.fulfilment || {};
  return f.delivery || f;
}

/** Units of a line that can still be given back. */
export function unitsLeft(line) {
  return Math.max(0, Number(line.quantity) - Number(line.refundedQuantity || 0));
}

/** Money that can still be given back, in minor units. */
export function refundableMinor(order) {
  return isPaid(order) ? Math.max(0, order.total.amount - (order.refunded?.amount || 0)) : 0;
}

/**
 * The short name of a problem: the `code` property if the server gives one, else the last part
 * of its `type` ("…/refund-too-large" → "refund-too-large"), else ''.
 */
export function problemCode(error) {
  if (!(error instanceof ApiError)) return '';
  const { code, type } = error.problem || {};
  if (code) return String(code);
  if (!type || type === 'about:blank') return '';
  return String(type).split(/[/#:]/).filter(Boolean).pop() || '';
}
