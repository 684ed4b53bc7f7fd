/**
 * Checkout, the buyer's order and the demo payment (docs/api/orders.md) as the shop uses them, and the
 * buyer's own list of orders placed on this device. An order's access token is its key: it is kept in
 * localStorage next to the order id and never sent anywhere but our own API.
 */
import { api, ensureCsrfToken } from './api.js';
import { currentLang } from './i18n.js';
import { readPref, writePref } from './prefs.js';

export const ORDER_PAGE = '/shop/order.html';
const ORDERS_PREF = 'orders';
/** Enough for a household's recent orders; the oldest are forgotten first. */
const KEPT = 20;

function withQuery(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
  }
  query.set('lang', currentLang());
  return `${path}?${query}`;
}

function orderPath(orderId, rest, token) {
  return withQuery(`/api/orders/${encodeURIComponent(orderId)}${rest}`, { token });
}

export function orderUrl(orderId, token) {
  const query = new URLSearchParams({ id: orderId, token });
  return `${ORDER_PAGE}?${query}`;
}

export function fetchCheckoutOptions(cartId) {
  return api.get(withQuery('/api/checkout/options', { cartId }));
}

/** Places the order; `key` is the Idempotency-Key of this attempt, the same for a retry of the same body. */
export async function placeOrder(body, key) {
  await ensureCsrfToken();
  return api.post(withQuery('/api/checkout'), body, { headers: { 'Idempotency-Key': key } });
}

export function fetchOrder(orderId, token) {
  return api.get(orderPath(orderId, '', token));
}

/** Asks the provider whether the payment went through (the buyer came back before the provider told us). */
export async function confirmPayment(orderId, token) {
  await ensureCsrfToken();
  return api.post(orderPath(orderId, '/payment/confirm', token));
}

/** A new payment attempt for an unpaid order: { provider, redirectUrl }. */
export async function payAgain(orderId, token) {
  await ensureCsrfToken();
  return api.post(orderPath(orderId, '/payment', token));
}

function demoPath(sessionId, rest = '') {
  return withQuery(`/api/payments/demo/${encodeURIComponent(sessionId)}${rest}`);
}

export function fetchDemoPayment(sessionId) {
  return api.get(demoPath(sessionId));
}

/** `outcome` is 'complete' or 'fail'; resolves to { returnUrl }. */
export async function finishDemoPayment(sessionId, outcome) {
  await ensureCsrfToken();
  return api.post(demoPath(sessionId, `/${outcome}`));
}

/** Orders placed on this device, newest first: [{ orderId, accessToken, orderNumber, placedAt }]. */
export function myOrders() {
  try {
    const list = JSON.parse(readPref(ORDERS_PREF) || '[]');
    return Array.isArray(list) ? list.filter((entry) => entry && entry.orderId && entry.accessToken) : [];
  } catch {
    return [];
  }
}

/** Remembers an order (or refreshes what we know of it) at the top of the list. */
export function rememberOrder({ orderId, accessToken, orderNumber, placedAt }) {
  const known = myOrders().find((entry) => entry.orderId === orderId);
  const entry = {
    orderId,
    accessToken,
    orderNumber: orderNumber || known?.orderNumber || '',
    placedAt: placedAt || known?.placedAt || new Date().toISOString(),
  };
  const rest = myOrders().filter((other) => other.orderId !== orderId);
  const list = known ? myOrders().map((other) => (other.orderId === orderId ? entry : other)) : [entry, ...rest];
  writePref(ORDERS_PREF, JSON.stringify(list.slice(0, KEPT)));
}

const PAYING = 'sw.paying';

/** This tab's own storage, or null where storage is refused (the page then works without the mark). */
function tabStorage() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * Goes to `url`, the page where order `orderId` is paid (the provider's, or our demo's), marking this tab as gone to
 * pay for it: the order page the buyer comes back to then knows (backFromPayment) and moves focus to its heading.
 */
export function leaveToPay(orderId, url) {
  try {
    tabStorage()?.setItem(PAYING, orderId);
  } catch {
    // storage full or refused: the buyer still pays, only focus stays where a fresh page puts it
  }
  window.location.assign(url);
}

/**
 * True once on the order page of `orderId` when the buyer has come back from paying for it in this tab, or from
 * Stripe (`returnedFromProvider`, its ?session_id= in the address).
 */
export function backFromPayment(orderId, returnedFromProvider) {
  const storage = tabStorage();
  const marked = storage?.getItem(PAYING) === orderId;
  if (marked) storage.removeItem(PAYING);
  return marked || returnedFromProvider;
}

/**
 * Our own address for a redirect the server hands us, or the provider's page when it is https. Anything
 * else (a javascript: link, say) is refused, so a bad answer can never run code in the shop.
 */
export function safeRedirect(url) {
  let target;
  try {
    target = new URL(url, window.location.origin);
  } catch {
    return null;
  }
  if (target.origin === window.location.origin) return target.pathname + target.search + target.hash;
  return target.protocol === 'https:' ? target.href : null;
}
