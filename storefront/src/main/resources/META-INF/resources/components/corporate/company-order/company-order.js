/**
 * <company-order>: one of the company's orders (/corporate/order.html?id=…; GET /api/corporate/orders/{id}). Its number,
 * purchase-order number and quote (where its lines are), its status in words, what it costs, what is paid and left, and
 * when the next payment is due; what is owed when (the instalments); the payments, an open invoice with a link to pay it
 * on its page; the receipts, each a link to its public page; and the 发票 once the workshop has recorded it. Another
 * company's order, or none, is "not found", as the server says.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { keepTimesInLanguage } from '../../../lib/corporate.js';
import { asBuyer, keepQuotesInLanguage, quotePage } from '../../../lib/quotes.js';
import { orderImpactPage } from '../../../lib/impact.js';
import { progressPage } from '../../../lib/production.js';
import {
  ORDERS_PAGE, awaitingPayment, instalmentsHtml, myOrder, orderFactsHtml, paymentsHtml, receiptsHtml,
} from '../../../lib/company-orders.js';
import { define } from '../../../lib/define.js';

/** Another company's order, or none with this id: the server does not say which, and neither does the page. */
const NOT_FOUND = Symbol('not found');

/** What happens next, in words: how to pay while the order waits for it. */
function explainHtml(order) {
  const key = awaitingPayment(order) ? (order.overdue ? 'corporate.order.explainOverdue' : 'corporate.order.explainDue')
    : 'corporate.order.explainSettled';
  return html`<p id="order-explain" data-i18n="${key}"></p>`;
}

function orderHtml(order) {
  return html`
    <p><a id="order-all" href="${ORDERS_PAGE}" data-i18n="corporate.orders.all"></a></p>
    <section class="corporate-section" aria-labelledby="order-state-heading">
      <h2 id="order-state-heading" data-i18n="corporate.order.state"></h2>
      ${orderFactsHtml(order, { prefix: 'order', quoteHref: quotePage(order.quoteId) })}
      ${explainHtml(order)}
      <p class="field__hint" id="order-lines-hint" data-i18n="corporate.order.linesHint"></p>
    </section>
    ${instalmentsHtml(order, { prefix: 'order' })}
    ${paymentsHtml(order, { prefix: 'order', payKey: 'corporate.payment.pay' })}
    ${receiptsHtml(order, { prefix: 'order' })}
    <nav class="corporate-section" aria-labelledby="order-more-heading">
      <h2 id="order-more-heading" data-i18n="corporate.order.more"></h2>
      <ul class="order-more">
        <li><a id="order-progress" href="${progressPage(order.orderId)}" data-i18n="corporate.progress.link"></a></li>
        <li><a id="order-deliveries" href="/corporate/deliveries.html?order=${encodeURIComponent(order.orderId)}"
          data-i18n="corporate.deliveries.open"></a></li>
        <li><a id="order-impact" href="${orderImpactPage(order.orderId)}" data-i18n="corporate.impact.quoteLink"></a></li>
      </ul>
    </nav>`;
}

class CompanyOrder extends HTMLElement {
  connectedCallback() {
    if (this.started) return;
    this.started = true;
    keepTimesInLanguage();
    keepQuotesInLanguage();
    this.orderId = new URLSearchParams(window.location.search).get('id') || '';
    this.addEventListener('click', (event) => {
      if (event.target.closest('#order-retry')) this.load();
    });
    this.load();
  }

  async load() {
    if (!this.orderId) {
      render(this, html`<div id="order-none" class="notice" role="alert"><p data-i18n="corporate.order.none"></p>
        <a id="order-none-all" href="${ORDERS_PAGE}" data-i18n="corporate.orders.all"></a></div>`);
      translate(this);
      return;
    }
    const order = await asBuyer(this, 'order', () => myOrder(this.orderId).catch((error) => {
      if (error?.status === 404) return NOT_FOUND;
      throw error;
    }));
    if (!order) return;
    if (order === NOT_FOUND) {
      render(this, html`<section id="order-not-found" class="notice" tabindex="-1" aria-labelledby="order-not-found-heading">
        <h2 id="order-not-found-heading" data-i18n="corporate.order.notFoundHeading"></h2>
        <p data-i18n="corporate.order.notFound"></p>
        <a id="order-not-found-all" href="${ORDERS_PAGE}" data-i18n="corporate.orders.all"></a></section>`);
      translate(this);
      this.querySelector('#order-not-found').focus();
      return;
    }
    const heading = document.getElementById('page-heading');
    if (heading) {
      heading.dataset.i18n = 'corporate.order.heading';
      heading.dataset.i18nParams = JSON.stringify({ number: order.orderNumber });
      translate(heading);
    }
    render(this, orderHtml(order));
    translate(this);
  }
}

export function register() {
  define('company-order', CompanyOrder);
}
