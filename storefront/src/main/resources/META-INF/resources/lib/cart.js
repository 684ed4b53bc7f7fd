/**
 * The buyer's cart (docs/api/orders.md, "Cart"). Its id is the buyer's secret and lives in localStorage; a
 * cart the server no longer knows (404) or that has been checked out starts afresh on the next add. Every
 * change is told to the page as `cart-change` on document with { cart } (null: no cart), and the item count
 * is kept beside the id so the header can show it at once and other tabs hear of it.
 */
import { api, ensureCsrfToken } from './api.js';
import { currentLang, t } from './i18n.js';
import { readPref, writePref } from './prefs.js';

export const CART_CHANGE = 'cart-change';
export const CART_PAGE = '/shop/cart.html';
export const CHECKOUT_PAGE = '/shop/checkout.html';
/** The API's limit per line, after adding. */
export const MAX_LINE_QUANTITY = 99;

const ID_PREF = 'cart';
export const COUNT_PREF = 'cartCount';

export function storedCartId() {
  return readPref(ID_PREF) || null;
}

/** The item count last seen, for drawing the header before the cart has been asked for. */
export function storedCount() {
  const count = Number.parseInt(readPref(COUNT_PREF) || '0', 10);
  return Number.isSafeInteger(count) && count > 0 ? count : 0;
}

function cartPath(id, rest = '') {
  return `/api/carts/${encodeURIComponent(id)}${rest}?lang=${encodeURIComponent(currentLang())}`;
}

function announce(cart) {
  writePref(COUNT_PREF, String(cart ? cart.itemCount : 0));
  document.dispatchEvent(new CustomEvent(CART_CHANGE, { detail: { cart } }));
  return cart;
}

/** Lets go of the cart: after checkout, or when the server no longer knows it. */
export function forgetCart() {
  writePref(ID_PREF, '');
  announce(null);
}

/** True when the call failed because the cart is unknown or already checked out (asked again when unsure). */
async function hasGone(id, error) {
  if (error.status === 404 || isCheckedOutProblem(error)) return true;
  if (error.status !== 409) return false;
  const cart = await api.get(cartPath(id)).catch(() => null);
  return cart?.checkedOut === true;
}

/** The current cart, or null when there is none to show (never made, unknown, or already checked out). */
export async function loadCart() {
  const id = storedCartId();
  if (!id) return null;
  let cart;
  try {
    cart = await api.get(cartPath(id));
  } catch (error) {
    if (error.status !== 404) throw error;
    forgetCart();
    return null;
  }
  if (cart.checkedOut) {
    forgetCart();
    return null;
  }
  return announce(cart);
}

async function newCart() {
  await ensureCsrfToken();
  const { id } = await api.post('/api/carts');
  writePref(ID_PREF, id);
  return id;
}

async function postItem(id, item) {
  await ensureCsrfToken();
  return api.post(cartPath(id, '/items'), item);
}

/**
 * Adds `quantity` of a variant to the cart, making a cart first when there is none. A cart that has gone
 * (unknown, or checked out in another tab) is replaced by a new one and the add is tried once more.
 */
export async function addToCart({ productId, variantId, quantity }) {
  const item = { productId, variantId, quantity };
  const id = storedCartId() || await newCart();
  try {
    return announce(await postItem(id, item));
  } catch (error) {
    if (!(await hasGone(id, error))) throw error;
    return announce(await postItem(await newCart(), item));
  }
}

/** Sets a line's quantity (0 removes it); resolves to the cart, or null when the cart has gone. */
export async function setQuantity(variantId, quantity) {
  return change(() => api.put(cartPath(storedCartId(), `/items/${encodeURIComponent(variantId)}`), { quantity }));
}

export async function removeLine(variantId) {
  return change(() => api.delete(cartPath(storedCartId(), `/items/${encodeURIComponent(variantId)}`)));
}

async function change(call) {
  const id = storedCartId();
  if (!id) return null;
  await ensureCsrfToken();
  try {
    return announce(await call());
  } catch (error) {
    if (await hasGone(id, error)) {
      forgetCart();
      return null;
    }
    throw error;
  }
}

/**
 * The short name of a problem, e.g. "out-of-stock", from its `code`, the last part of its `type`, or its
 * title; so the page does not depend on which of these the server fills in.
 */
export function problemCode(error) {
  const problem = error?.problem || {};
  if (typeof problem.code === 'string' && problem.code) return problem.code;
  if (typeof problem.type === 'string' && problem.type && problem.type !== 'about:blank') {
    return problem.type.replace(/[/#]+$/, '').split(/[/#]/).pop();
  }
  return String(problem.title || '').trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * How many units are left when the server refused a quantity for want of stock (409 out-of-stock, its first item's
 * `available`), else null; the page says it in its own language.
 */
export function outOfStock(error) {
  if (error?.status !== 409 || !problemCode(error).includes('out-of-stock')) return null;
  const available = error.problem?.items?.[0]?.available;
  return Number.isInteger(available) ? available : null;
}

/** A cart line's name as the cart gives it in the page's language: "Teacup (large)". */
export function cartLineName(item) {
  return item.variantName ? t('cart.itemWithVariant', { name: item.name, variant: item.variantName }) : item.name;
}

/**
 * The name of a line the server refused (a problem's item, { variantId, name }) as the cart names it in the page's
 * language; the problem's own name is for API clients and may be in either language.
 */
export function refusedLineName(cart, refused) {
  const line = cart?.items?.find((item) => item.variantId === refused.variantId);
  return line ? cartLineName(line) : refused.name;
}

export function isCheckedOutProblem(error) {
  return error?.status === 409 && problemCode(error).includes('checked-out');
}
