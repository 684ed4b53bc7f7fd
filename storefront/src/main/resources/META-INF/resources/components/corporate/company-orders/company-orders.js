/**
 * <company-orders>: the orders of the buyer's company, newest first (GET /api/corporate/orders): each with its number
 * (a link to the order), its purchase-order number, its status in words, the total, what is paid, and when the next
 * payment is due (or that it is overdue). Signed out, not a buyer, or of no company: what to do, as on the portal.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { keepTimesInLanguage } from '../../../lib/corporate.js';
import { QUOTES_PAGE, asBuyer, keepQuotesInLanguage, messageSpan, moneyHtml } from '../../../lib/quotes.js';
import { myOrders, nextDueHtml, orderPage, orderStatusHtml, paidOf } from '../../../lib/company-orders.js';
import { define } from '../../../lib/define.js';

function listHtml(orders) {
  return html`
    <div class="button-row">
      <a id="orders-quotes" class="button button--secondary" href="${QUOTES_PAGE}" data-i18n="corporate.quotes.all"></a>
      <a id="orders-portal" class="button button--secondary" href="/corporate/" data-i18n="corporate.quotes.portal"></a>
    </div>
    ${orders.length === 0 ? html`<p id="orders-empty" data-i18n="corporate.orders.empty"></p>` : html`
      <p id="orders-scroll-hint" class="field__hint company-orders-hint" data-i18n="corporate.orders.scrollHint"></p>
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="orders-caption" aria-describedby="orders-scroll-hint">
        <table id="orders-table" class="data-table">
          <caption id="orders-caption">${messageSpan('corporate.orders.caption', { count: orders.length })}</caption>
          <thead>
            <tr>
              <th scope="col" data-i18n="corporate.orders.number"></th>
              <th scope="col" data-i18n="corporate.orders.po"></th>
              <th scope="col" data-i18n="corporate.orders.status"></th>
              <th scope="col" data-i18n="corporate.orders.total"></th>
              <th scope="col" data-i18n="corporate.orders.paid"></th>
              <th scope="col" data-i18n="corporate.orders.nextDue"></th>
            </tr>
          </thead>
          <tbody>
            ${orders.map((order) => html`
              <tr id="orders-row-${order.orderId}">
                <th scope="row"><a id="orders-open-${order.orderId}" class="order-number" href="${orderPage(order.orderId)}"
                  >${order.orderNumber}</a></th>
                <td>${order.poNumber}</td>
                <td>${orderStatusHtml(order, `orders-status-${order.orderId}`)}</td>
                <td class="data-table__number" id="orders-total-${order.orderId}">${moneyHtml(order.total)}</td>
                <td class="data-table__number" id="orders-paid-${order.orderId}">${moneyHtml(paidOf(order))}</td>
                <td>${nextDueHtml(order, `orders-due-${order.orderId}`)}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}`;
}

class CompanyOrders extends HTMLElement {
  connectedCallback() {
    if (this.started) return;
    this.started = true;
    keepTimesInLanguage();
    keepQuotesInLanguage();
    this.addEventListener('click', (event) => {
      if (event.target.closest('#orders-retry')) this.load();
    });
    this.load();
  }

  async load() {
    const orders = await asBuyer(this, 'orders', () => myOrders());
    if (!orders) return;
    render(this, listHtml(orders));
    translate(this);
  }
}

export function register() {
  define('company-orders', CompanyOrders);
}
