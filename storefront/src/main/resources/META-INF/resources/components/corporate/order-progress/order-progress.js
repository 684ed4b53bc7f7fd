/**
 * <order-progress>: how far the making of one of the buyer's company's orders has come (/corporate/progress.html?order=;
 * GET /api/corporate/orders/{id}/progress): per product, the share of its pieces made and checked, and the whole order's.
 * The makers are not named. Products the workshop does not follow piece by piece say so instead of a share.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { factHtml } from '../../../lib/corporate.js';
import { QUOTES_PAGE, asBuyer, dayHtml, keepQuotesInLanguage, messageSpan, nameHtml } from '../../../lib/quotes.js';
import { orderProgress } from '../../../lib/production.js';
import { ORDERS_PAGE } from '../../../lib/company-orders.js';
import { define } from '../../../lib/define.js';

function shareHtml(percent, id, labelId) {
  if (percent === null || percent === undefined) return html`<span id="${id}" data-i18n="corporate.progress.notFollowed"></span>`;
  return html`<progress id="${id}-bar" class="order-progress__bar" max="100" value="${percent}" aria-labelledby="${labelId}"></progress>
    <span id="${id}">${messageSpan('corporate.progress.percent', { percent })}</span>`;
}

function progressHtml(progress) {
  return html`
    <p><a id="progress-quotes" href="${QUOTES_PAGE}" data-i18n="corporate.quotes.all"></a></p>
    <dl class="facts">
      ${factHtml('corporate.quote.order', html`<strong class="order-number">${progress.orderNumber}</strong>`, 'progress-order')}
      ${factHtml('corporate.production.status', html`<span data-i18n="adminOrders.status.${progress.status}"></span>`, 'progress-status')}
      ${factHtml('corporate.quote.wantedBy', dayHtml(progress.wantedBy), 'progress-wanted')}
      <div class="facts__row"><dt id="progress-all-label" data-i18n="corporate.progress.all"></dt>
        <dd>${shareHtml(progress.percent, 'progress-all', 'progress-all-label')}</dd></div>
    </dl>
    <section class="corporate-section" aria-labelledby="progress-products-heading">
      <h2 id="progress-products-heading" data-i18n="corporate.progress.products"></h2>
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="progress-caption">
        <table class="data-table">
          <caption id="progress-caption" data-i18n="corporate.progress.caption"></caption>
          <thead><tr>
            <th scope="col" data-i18n="corporate.progress.product"></th>
            <th scope="col" data-i18n="corporate.progress.quantity"></th>
            <th scope="col" data-i18n="corporate.progress.made"></th>
          </tr></thead>
          <tbody>
            ${progress.products.map((product, i) => html`
              <tr id="progress-product-${i}">
                <th scope="row" id="progress-product-${i}-name">${nameHtml(product.nameZh, product.nameEn)}</th>
                <td class="data-table__number">${product.quantity}</td>
                <td>${shareHtml(product.percent, `progress-product-${i}-made`, `progress-product-${i}-name`)}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>
      <p class="field__hint" data-i18n="corporate.progress.how"></p>
    </section>`;
}

class OrderProgress extends HTMLElement {
  connectedCallback() {
    if (this.started) return;
    this.started = true;
    keepQuotesInLanguage();
    this.orderId = new URLSearchParams(window.location.search).get('order') || '';
    this.addEventListener('click', (event) => {
      if (event.target.closest('#progress-retry')) this.load();
    });
    this.load();
  }

  async load() {
    if (!this.orderId) {
      // an address without its order: nothing to ask the server about (it could only refuse)
      render(this, html`<div id="progress-none" class="notice" role="alert"><p data-i18n="corporate.order.none"></p>
        <a id="progress-none-all" href="${ORDERS_PAGE}" data-i18n="corporate.orders.all"></a></div>`);
      translate(this);
      return;
    }
    const progress = await asBuyer(this, 'progress', () => orderProgress(this.orderId));
    if (!progress) return;
    const heading = document.getElementById('page-heading');
    if (heading) {
      heading.dataset.i18n = 'corporate.progress.heading';
      heading.dataset.i18nParams = JSON.stringify({ number: progress.orderNumber });
      translate(heading);
    }
    render(this, progressHtml(progress));
    translate(this);
  }
}

export function register() {
  define('order-progress', OrderProgress);
}
