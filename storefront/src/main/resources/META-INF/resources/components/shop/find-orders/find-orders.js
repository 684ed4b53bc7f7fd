/**
 * <find-orders>: "find my orders". Without a link: a form asking for the e-mail address the orders were placed with,
 * answered the same way whether or not there are any. With the link from that e-mail (#token=… in the address,
 * never sent to the server in the address): the orders of that address, each a link to its page; the link works once.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, currentLang, t, translate } from '../../../lib/i18n.js';
import { api, ensureCsrfToken } from '../../../lib/api.js';
import { formatMoney } from '../../../lib/money.js';
import { orderUrl } from '../../../lib/orders.js';
import { define } from '../../../lib/define.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function placedOn(iso) {
  return new Intl.DateTimeFormat(currentLang(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' })
    .format(new Date(iso));
}

class FindOrders extends HTMLElement {
  connectedCallback() {
    this.onLangChange = () => this.orders && this.drawOrders();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    // a link opened in a tab already showing this page changes only the address's fragment
    this.onHashChange = () => this.follow();
    window.addEventListener('hashchange', this.onHashChange);
    if (!this.follow()) this.drawForm();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
    window.removeEventListener('hashchange', this.onHashChange);
  }

  /** Opens the link's orders when the address holds a token; false when it holds none. */
  follow() {
    const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
    if (!token) return false;
    // the token leaves the address at once: it is used up by opening it, and should not stay in the history
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    this.redeem(token);
    return true;
  }

  drawForm(noticeKey = null) {
    render(this, html`
      ${noticeKey && html`<p id="find-orders-notice" class="shop-message shop-message--error" role="alert" data-i18n="${noticeKey}"></p>`}
      <p id="find-orders-intro" data-i18n="findOrders.intro"></p>
      <form id="find-orders-form" class="stack" novalidate>
        <div class="field">
          <label for="find-orders-email" data-i18n="findOrders.email"></label>
          <input id="find-orders-email" name="email" type="email" autocomplete="email" required maxlength="254"
                 aria-describedby="find-orders-email-hint find-orders-email-error">
          <p id="find-orders-email-hint" class="field__hint" data-i18n="findOrders.emailHint"></p>
          <p id="find-orders-email-error" class="field__error" hidden></p>
        </div>
        <button id="find-orders-submit" type="submit" class="button button--primary" data-i18n="findOrders.submit"></button>
      </form>
      <p id="find-orders-status" class="status-message" role="status"></p>`);
    translate(this);
    this.querySelector('form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.ask();
    });
  }

  async ask() {
    const input = this.querySelector('#find-orders-email');
    const error = this.querySelector('#find-orders-email-error');
    const status = this.querySelector('#find-orders-status');
    const email = input.value.trim();
    if (!EMAIL.test(email)) {
      error.textContent = t(email ? 'findOrders.emailInvalid' : 'findOrders.emailMissing');
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    error.hidden = true;
    input.removeAttribute('aria-invalid');
    const button = this.querySelector('#find-orders-submit');
    button.disabled = true;
    try {
      await ensureCsrfToken();
      await api.post('/api/order-lookups', { email });
      status.textContent = t('findOrders.sent', { email });
    } catch (failure) {
      console.warn('Could not ask for the orders link.', failure);
      status.textContent = t('findOrders.failed');
    } finally {
      button.disabled = false;
    }
  }

  async redeem(token) {
    render(this, html`<p id="find-orders-status" class="status-message" role="status" data-i18n="findOrders.opening"></p>`);
    translate(this);
    try {
      await ensureCsrfToken();
      this.orders = await api.post('/api/order-lookups/redeem', { token });
      this.drawOrders();
    } catch (failure) {
      this.drawForm(failure?.status === 410 ? 'findOrders.linkNotValid' : 'findOrders.failed');
    }
  }

  drawOrders() {
    if (!this.orders.length) {
      render(this, html`<p id="find-orders-none" data-i18n="findOrders.none"></p>`);
    } else {
      render(this, html`
        <p id="find-orders-found" data-i18n="findOrders.found" data-i18n-params="${JSON.stringify({ count: this.orders.length })}"></p>
        <ul id="find-orders-list" class="find-orders__list">
          ${this.orders.map((order) => html`
            <li id="found-order-${order.orderId}">
              <a href="${orderUrl(order.orderId, order.accessToken)}">${order.orderNumber}</a>
              · <span data-i18n="adminOrders.status.${order.status}"></span>
              · ${formatMoney(order.total)}
              · <time datetime="${order.placedAt}">${placedOn(order.placedAt)}</time>
            </li>`)}
        </ul>
        <p data-i18n="findOrders.keep"></p>`);
    }
    translate(this);
  }
}

export function register() {
  define('find-orders', FindOrders);
}
