/**
 * <buyer-quotes>: the quotes of the buyer's company, newest first (GET /api/corporate/quotes): each with its number
 * (a link to the quote), its status in words, the day wanted and the total of its latest version; and the way to ask
 * for a new one. Signed out, not a buyer, or of no company: what to do, as on the portal.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { keepTimesInLanguage, whenHtml } from '../../../lib/corporate.js';
import {
  REQUEST_PAGE, asBuyer, dayHtml, keepQuotesInLanguage, messageSpan, moneyHtml, myQuotes, quotePage, statusHtml,
} from '../../../lib/quotes.js';
import { ORDERS_PAGE } from '../../../lib/company-orders.js';
import { define } from '../../../lib/define.js';

function listHtml(quotes) {
  return html`
    <div class="button-row">
      <a id="quotes-request" class="button button--primary" href="${REQUEST_PAGE}" data-i18n="corporate.quotes.request"></a>
      <a id="quotes-orders" class="button button--secondary" href="${ORDERS_PAGE}" data-i18n="corporate.orders.all"></a>
      <a id="quotes-portal" class="button button--secondary" href="/corporate/" data-i18n="corporate.quotes.portal"></a>
    </div>
    ${quotes.length === 0 ? html`<p id="quotes-empty" data-i18n="corporate.quotes.empty"></p>` : html`
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="quotes-caption">
        <table id="quotes-table" class="data-table">
          <caption id="quotes-caption">${messageSpan('corporate.quotes.caption', { count: quotes.length })}</caption>
          <thead>
            <tr>
              <th scope="col" data-i18n="corporate.quotes.number"></th>
              <th scope="col" data-i18n="corporate.quotes.status"></th>
              <th scope="col" data-i18n="corporate.quote.wantedBy"></th>
              <th scope="col" data-i18n="corporate.quotes.total"></th>
              <th scope="col" data-i18n="corporate.quote.requested"></th>
            </tr>
          </thead>
          <tbody>
            ${quotes.map((quote) => html`
              <tr id="quotes-row-${quote.id}">
                <th scope="row"><a id="quotes-open-${quote.id}" class="order-number" href="${quotePage(quote.id)}">${quote.number}</a></th>
                <td>${statusHtml(quote.status, `quotes-status-${quote.id}`)}</td>
                <td>${dayHtml(quote.wantedBy)}</td>
                <td class="data-table__number" id="quotes-total-${quote.id}">${quote.total
                  ? html`${moneyHtml(quote.total)} <span class="quote-version-of">${messageSpan('corporate.quotes.ofVersion', { version: quote.version })}</span>`
                  : html`<span class="data-table__empty" data-i18n="corporate.quotes.notPriced"></span>`}</td>
                <td>${whenHtml(quote.createdAt)}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}`;
}

class BuyerQuotes extends HTMLElement {
  connectedCallback() {
    if (this.started) return;
    this.started = true;
    keepTimesInLanguage();
    keepQuotesInLanguage();
    this.addEventListener('click', (event) => {
      if (event.target.closest('#quotes-retry')) this.load();
    });
    this.load();
  }

  async load() {
    const quotes = await asBuyer(this, 'quotes', () => myQuotes());
    if (!quotes) return;
    render(this, listHtml(quotes));
    translate(this);
  }
}

export function register() {
  define('buyer-quotes', BuyerQuotes);
}
