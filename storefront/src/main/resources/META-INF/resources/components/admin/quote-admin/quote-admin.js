/**
 * <quote-admin>: the coordinators' quotes (/admin/quotes.html; GET /api/admin/corporate/quotes). Those waiting for a
 * coordinator (asked for, or changes asked for) come first, oldest first; then those with the buyer, the accepted and
 * the declined, newest first. A quote's number opens it in the panel below, named in the address (?quote=): the
 * company, what was asked for (lines, the day wanted, where to, the note, the changes asked for), the latest version
 * and the earlier ones, and, while it is open, <quote-pricing> to send the next version or decline it.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { ListLoad, showFailed } from '../../../lib/paged-list.js';
import { company as loadCompany, factHtml, keepTimesInLanguage, tell, whenHtml } from '../../../lib/corporate.js';
import {
  WAITING, allCustomisations, allQuotes, askedHtml, dayHtml, earlierVersionsHtml, keepQuotesInLanguage, messageSpan, moneyHtml,
  quote as loadQuote, statusHtml, versionHtml,
} from '../../../lib/quotes.js';
import { forecastHtml, productionPage, quoteCapacity } from '../../../lib/production.js';
import { define } from '../../../lib/define.js';
import { register as registerPricing } from '../quote-pricing/quote-pricing.js';

const GROUPS = [
  { key: 'waiting', statuses: WAITING, oldestFirst: true },
  { key: 'sent', statuses: ['SENT'] },
  { key: 'accepted', statuses: ['ACCEPTED'] },
  { key: 'declined', statuses: ['DECLINED'] },
];

function pageHtml() {
  return html`
    <section class="admin-panel" aria-labelledby="quotes-heading">
      <h2 id="quotes-heading" tabindex="-1" data-i18n="corporate.adminQuotes.heading"></h2>
      <p class="field__hint" data-i18n="corporate.adminQuotes.intro"></p>
      <p id="quotes-status" class="status-message" role="status"></p>
      <div id="quotes-list"></div>
    </section>
    <section id="quote-panel" class="admin-panel" aria-labelledby="quote-panel-heading" hidden>
      <h2 id="quote-panel-heading" tabindex="-1"></h2>
      <p id="quote-panel-status" class="status-message" role="status" tabindex="-1"></p>
      <div id="quote-panel-body" class="stack"></div>
      <quote-pricing hidden></quote-pricing>
    </section>`;
}

function tableHtml(group, quotes) {
  return html`
    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="quotes-${group.key}-caption">
      <table id="quotes-${group.key}-table" class="data-table">
        <caption id="quotes-${group.key}-caption">${messageSpan(`corporate.adminQuotes.${group.key}`, { count: quotes.length })}</caption>
        <thead>
          <tr>
            <th scope="col" data-i18n="corporate.quotes.number"></th>
            <th scope="col" data-i18n="corporate.adminQuotes.company"></th>
            <th scope="col" data-i18n="corporate.quotes.status"></th>
            <th scope="col" data-i18n="corporate.quote.wantedBy"></th>
            <th scope="col" data-i18n="corporate.quotes.total"></th>
            <th scope="col" data-i18n="corporate.quote.requested"></th>
          </tr>
        </thead>
        <tbody>
          ${quotes.map((quote) => html`
            <tr id="quotes-row-${quote.id}">
              <th scope="row">
                <button type="button" id="quote-open-${quote.id}" class="button button--secondary companies__open order-number"
                        data-open="${quote.id}" aria-describedby="quotes-open-hint">${quote.number}</button>
              </th>
              <td>${quote.companyName}</td>
              <td>${statusHtml(quote.status, `quotes-status-${quote.id}`)}</td>
              <td>${dayHtml(quote.wantedBy)}</td>
              <td class="data-table__number">${quote.total
                ? html`${moneyHtml(quote.total)} <span class="quote-version-of">${messageSpan('corporate.quotes.ofVersion', { version: quote.version })}</span>`
                : html`<span class="data-table__empty" data-i18n="corporate.quotes.notPriced"></span>`}</td>
              <td>${whenHtml(quote.createdAt)}</td>
            </tr>`)}
        </tbody>
      </table>
    </div>`;
}

function listHtml(all) {
  return html`
    ${GROUPS.map((group) => {
      const quotes = all.filter((quote) => group.statuses.includes(quote.status));
      if (group.oldestFirst) quotes.reverse();
      return html`
        <section class="corporate-section" aria-labelledby="quotes-${group.key}-heading" id="quotes-${group.key}">
          <h3 id="quotes-${group.key}-heading" data-i18n="corporate.adminQuotes.${group.key}Heading"></h3>
          ${quotes.length === 0 ? html`<p id="quotes-${group.key}-empty" data-i18n="corporate.adminQuotes.none"></p>` : tableHtml(group, quotes)}
        </section>`;
    })}
    <p id="quotes-open-hint" class="field__hint" data-i18n="corporate.adminQuotes.openHint"></p>`;
}

function quoteHtml(q, { company, customisations }) {
  const latest = q.versions[q.versions.length - 1];
  return html`
    <dl class="facts">
      ${factHtml('corporate.adminQuotes.company', html`<a id="quote-company" href="/admin/companies.html?company=${encodeURIComponent(q.companyId)}"
        >${q.companyName}</a>`, 'quote-company-row')}
      ${factHtml('corporate.quotes.status', statusHtml(q.status, 'quote-status'), 'quote-status-row')}
      ${factHtml('corporate.adminQuotes.requestedBy', q.requestedBy, 'quote-requested-by')}
      ${q.poNumber && factHtml('corporate.answer.po', q.poNumber, 'quote-po-number')}
      ${q.orderNumber && factHtml('corporate.quote.order', html`<a id="quote-order" class="order-number"
        href="/admin/order.html?id=${encodeURIComponent(q.orderId)}">${q.orderNumber}</a>`, 'quote-order-number')}
      ${q.orderId && factHtml('corporate.deliveries.heading', html`<a id="quote-deliveries"
        href="/admin/deliveries.html?order=${encodeURIComponent(q.orderId)}" data-i18n="corporate.deliveries.open"></a>`, 'quote-deliveries-row')}
      ${q.orderId && factHtml('corporate.production.nav', html`<a id="quote-production"
        href="${productionPage(q.orderId)}" data-i18n="corporate.production.openFromQuote"></a>`, 'quote-production-row')}
      ${q.declinedReason && factHtml('corporate.quote.declinedReason', html`<span class="corporate-needs">${q.declinedReason}</span>`,
        'quote-declined-reason')}
    </dl>
    ${askedHtml(q, { prefix: 'quote', customisations, locations: company?.locations || [], level: 3 })}
    ${latest ? versionHtml(q, latest, { prefix: 'quote', level: 3, latest: true })
      : html`<p id="quote-no-version" data-i18n="corporate.adminQuotes.noVersion"></p>`}
    ${earlierVersionsHtml(q, { prefix: 'quote', level: 4 })}
    ${q.status !== 'DECLINED' && html`
      <section id="quote-capacity" class="stack" aria-labelledby="quote-capacity-heading">
        <h3 id="quote-capacity-heading" data-i18n="corporate.production.capacityHeading"></h3>
        <div id="quote-capacity-body"><p data-i18n="corporate.loading"></p></div>
      </section>`}`;
}

class QuoteAdmin extends HTMLElement {
  connectedCallback() {
    if (this.started) return;
    this.started = true;
    keepTimesInLanguage();
    keepQuotesInLanguage();
    registerPricing();
    render(this, pageHtml());
    translate(this);
    this.panel = this.querySelector('#quote-panel');
    this.heading = this.querySelector('#quote-panel-heading');
    this.statusLine = this.querySelector('#quote-panel-status');
    this.body = this.querySelector('#quote-panel-body');
    this.pricing = this.querySelector('quote-pricing');
    this.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-open]');
      if (button) this.open(button.dataset.open);
    });
    this.addEventListener('quote-answered', (event) => this.answered(event.detail));
    this.addEventListener('quote-stale', (event) => this.open(this.current.id, { message: event.detail.message }));
    this.list = new ListLoad(this, {
      what: 'quotes',
      retryId: 'quotes-retry',
      fetch: () => allQuotes(),
      failed: () => showFailed(this.querySelector('#quotes-list'), 'corporate.adminQuotes.loadFailed', 'quotes-retry'),
      loaded: (quotes) => {
        render(this.querySelector('#quotes-list'), listHtml(quotes));
        translate(this.querySelector('#quotes-list'));
      },
    });
    this.list.run();
    const named = new URLSearchParams(window.location.search).get('quote');
    if (named) this.open(named, { focus: false });
  }

  remember(id) {
    const url = new URL(window.location.href);
    if (id) url.searchParams.set('quote', id);
    else url.searchParams.delete('quote');
    window.history.replaceState(window.history.state, '', url);
  }

  title(key, params = {}) {
    this.heading.dataset.i18n = key;
    this.heading.dataset.i18nParams = JSON.stringify(params);
    translate(this.heading);
  }

  /** Opens a quote in the panel; `message` is said once it is shown (and takes focus), else the heading does. */
  async open(id, { focus = true, message = null } = {}) {
    this.panel.hidden = false;
    this.pricing.hidden = true;
    this.title('corporate.adminQuotes.opening');
    render(this.body, html``);
    tell(this.statusLine, { key: 'corporate.companies.opening' });
    try {
      const [q, customisations] = await Promise.all([loadQuote(id), allCustomisations()]);
      const company = await loadCompany(q.companyId).catch(() => null);
      tell(this.statusLine, null);
      this.show(q, { company, customisations });
      if (message) this.say(message);
      else if (focus) this.heading.focus();
    } catch (error) {
      console.warn('Could not load the quote.', error);
      this.current = null;
      this.remember(null);
      this.title('corporate.adminQuotes.failedHeading');
      tell(this.statusLine, { key: error.status === 404 ? 'corporate.errors.gone' : 'corporate.adminQuotes.openFailed' });
      if (focus) this.heading.focus();
    }
  }

  show(q, context) {
    this.current = q;
    this.context = context;
    this.remember(q.id);
    this.title('corporate.adminQuotes.quoteHeading', { number: q.number, company: q.companyName });
    render(this.body, quoteHtml(q, context));
    translate(this.body);
    this.capacity(q);
    const open = q.status !== 'ACCEPTED' && q.status !== 'DECLINED';
    this.pricing.hidden = !open;
    if (open) this.pricing.quote = q;
  }

  /** Whether the quote's date wanted can be met at the makers' recent output (the capacity check). */
  async capacity(q) {
    const target = this.body.querySelector('#quote-capacity-body');
    if (!target) return;
    let content;
    try {
      content = forecastHtml((await quoteCapacity(q.id)).forecast, 'quote-forecast');
    } catch (error) {
      console.warn('Could not check the capacity.', error);
      content = html`<p id="quote-capacity-failed" data-i18n="corporate.production.capacityFailed"></p>`;
    }
    if (this.current?.id !== q.id || !target.isConnected) return;
    render(target, content);
    translate(target);
  }

  say(message) {
    this.statusLine.textContent = '';
    render(this.statusLine, messageSpan(message.key, message.params || {}));
    translate(this.statusLine);
    this.statusLine.focus();
  }

  answered({ quote: q, message }) {
    this.show(q, this.context);
    this.say(message);
    this.list.run();
  }
}

export function register() {
  define('quote-admin', QuoteAdmin);
}
