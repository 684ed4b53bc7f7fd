/**
 * <my-orders>: the orders placed on this device (kept in localStorage with their access tokens), newest
 * first, each a link to its order page. Nothing is fetched: the list says only what this device remembers,
 * and shows nothing at all when that is nothing.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, currentLang, t } from '../../../lib/i18n.js';
import { myOrders, orderUrl } from '../../../lib/orders.js';
import { define } from '../../../lib/define.js';

function placedOn(iso) {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return '';
  return new Intl.DateTimeFormat(currentLang(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' })
    .format(when);
}

class MyOrders extends HTMLElement {
  connectedCallback() {
    this.onLangChange = () => this.update();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.update();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  update() {
    const orders = myOrders();
    if (orders.length === 0) {
      render(this, html``);
      return;
    }
    render(this, html`
      <section class="my-orders" aria-labelledby="my-orders-heading">
        <h2 id="my-orders-heading">${t('order.mine.heading')}</h2>
        <p class="my-orders__hint">${t('order.mine.hint')}</p>
        <ul id="my-orders-list" class="my-orders__list">
          ${orders.map((order) => html`
            <li>
              <a href="${orderUrl(order.orderId, order.accessToken)}">${order.orderNumber || t('order.mine.unnumbered')}</a>
              <span class="my-orders__when">${placedOn(order.placedAt)}</span>
            </li>`)}
        </ul>
      </section>`);
  }
}

export function register() {
  define('my-orders', MyOrders);
}
