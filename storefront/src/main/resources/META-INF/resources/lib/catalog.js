/**
 * The public catalog API (docs/api/catalog.md) as the online shop uses it, and the shop's own addresses.
 * Every call names the page's language in ?lang as well as Accept-Language, so a cache keyed by address
 * can never hand back a page of products in the other language.
 */
import { api } from './api.js';
import { currentLang } from './i18n.js';

export const SHOP_CHANNEL = 'ONLINE';
export const SHOP_HOME = '/shop/';
export const PRODUCTS_PAGE = '/shop/products.html';

function apiPath(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
  }
  query.set('lang', currentLang());
  return `${path}?${query}`;
}

/** [{code, name}] in display order. */
export function fetchCategories() {
  return api.get(apiPath('/api/categories'));
}

/** One page {items, page, size, total} of products sold online; `page` counts from 0 as the API does (default 0, size 20). */
export function fetchProducts({ q, category, sort, minPrice, maxPrice, page, size } = {}) {
  return api.get(apiPath('/api/products', { channel: SHOP_CHANNEL, q, category, sort, minPrice, maxPrice, page, size }));
}

/** The product with variants, images and makers; rejects with ApiError status 404 when unknown or archived. */
export function fetchProduct(id) {
  return api.get(apiPath(`/api/products/${encodeURIComponent(id)}`, { channel: SHOP_CHANNEL }));
}

export function productUrl(id) {
  return `/shop/product.html?id=${encodeURIComponent(id)}`;
}

/** Whether the shop sells anything of this category (from GET /api/categories) online. */
export function soldOnline(category) {
  return (category.channels || []).includes('ONLINE');
}

/** Whether this category's goods are sold at the counters on site but not online. */
export function soldAtCounterOnly(category) {
  return !soldOnline(category) && (category.channels || []).includes('POS');
}

export function categoryUrl(code) {
  return `${PRODUCTS_PAGE}?category=${encodeURIComponent(code)}`;
}
