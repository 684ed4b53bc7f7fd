/**
 * <buyer-deliveries>: the deliveries of one of the company's orders (/corporate/deliveries.html?order=…; GET
 * /api/corporate/orders/{id}/deliveries): the order's goods with what was delivered and what is still to come, and each
 * delivery (the day, where to, the pieces, how it went, who received it) with its delivery note as a PDF. Another
 * company's order is not found. Signed out, not a buyer, or of no company: the portal's notices.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { factHtml } from '../../../lib/corporate.js';
import { QUOTES_PAGE, asBuyer, keepQuotesInLanguage, messageSpan } from '../../../lib/quotes.js';
import { deliveriesHtml, goodsHtml, myOrderDeliveries } from '../../../lib/deliveries.js';
import { define } from '../../../lib/define.js';

function pageHtml(data) {
  return html`
    <p><a id="deliveries-quotes" href="${QUOTES_PAGE}" data-i18n="corporate.quotes.all"></a></p>
    <section class="corporate-section" aria-labelledby="deliveries-order-heading">
      <h2 id="deliveries-order-heading">${messageSpan('corporate.deliveries.orderHeading', { number: data.orderNumber })}</h2>
      <dl class="facts">
        ${factHtml('corporate.answer.po', data.poNumber, 'deliveries-po')}
        ${factHtml('corporate.quotes.status', html`<span data-i18n="order.status.${data.status}"></span>`, 'deliveries-status')}
      </dl>
      ${goodsHtml(data, 'deliveries')}
      <p class="field__hint" data-i18n="corporate.deliveries.buyerHint"></p>
    </section>
    <section class="corporate-section" aria-labelledby="deliveries-heading">
      <h2 id="deliveries-heading" data-i18n="corporate.deliveries.heading"></h2>
      ${deliveriesHtml(data, { prefix: 'deliveries', buyer: true })}
    </section>`;
}

class BuyerDeliveries extends HTMLElement {
  connectedCallback() {
    if (this.started) return;
    this.started = true;
    keepQuotesInLanguage();
    this.orderId = new URLSearchParams(window.location.search).get('order') || '';
    this.addEventListener('click', (event) => {
      if (event.target.closest('#deliveries-retry')) this.load();
    });
    this.load();
  }

  async load() {
    if (!this.orderId) {
      render(this, html`<div id="deliveries-no-order" class="notice" role="alert"><p data-i18n="corporate.deliveries.noOrderBuyer"></p>
        <a href="${QUOTES_PAGE}" data-i18n="corporate.quotes.all"></a></div>`);
      translate(this);
      return;
    }
    const data = await asBuyer(this, 'deliveries', () => myOrderDeliveries(this.orderId));
    if (!data) return;
    const heading = document.getElementById('page-heading');
    if (heading) {
      heading.dataset.i18n = 'corporate.deliveries.pageHeadingOf';
      heading.dataset.i18nParams = JSON.stringify({ number: data.orderNumber });
      translate(heading);
    }
    render(this, pageHtml(data));
    translate(this);
  }
}

export function register() {
  define('buyer-deliveries', BuyerDeliveries);
}
