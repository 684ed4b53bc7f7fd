/**
 * <cart-link>: the header's link to the cart with the number of items in it, e.g. "购物车（3 件）". The count
 * drawn first is the one remembered on this device; it is then asked of the server (a cart checked out in
 * another tab shows 0) and follows every `cart-change` on this page and, through storage events, other tabs.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { CART_CHANGE, CART_PAGE, COUNT_PREF, loadCart, storedCartId, storedCount } from '../../../lib/cart.js';
import { define } from '../../../lib/define.js';

class CartLink extends HTMLElement {
  connectedCallback() {
    const here = window.location.pathname === CART_PAGE;
    render(this, html`
      <a id="cart-link" href="${CART_PAGE}" ${here && html`aria-current="page"`}>
        <span id="cart-link-text" data-i18n="cart.link"></span>
      </a>`);
    this.show(storedCount());
    this.onCartChange = (event) => this.show(event.detail.cart?.itemCount ?? 0);
    this.onStorage = (event) => {
      if (event.key === null || event.key.endsWith(COUNT_PREF)) this.show(storedCount());
    };
    document.addEventListener(CART_CHANGE, this.onCartChange);
    window.addEventListener('storage', this.onStorage);
    // The cart page loads the cart itself; elsewhere ask once, so the count is never stale for long.
    if (!here && storedCartId()) loadCart().catch((error) => console.warn('The cart could not be checked.', error));
  }

  disconnectedCallback() {
    document.removeEventListener(CART_CHANGE, this.onCartChange);
    window.removeEventListener('storage', this.onStorage);
  }

  show(count) {
    const text = this.querySelector('#cart-link-text');
    text.dataset.i18nParams = JSON.stringify({ count });
    this.querySelector('#cart-link').dataset.count = String(count);
    translate(text);
  }
}

export function register() {
  define('cart-link', CartLink);
}
