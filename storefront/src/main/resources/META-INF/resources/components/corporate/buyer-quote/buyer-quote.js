/**
 * <buyer-quote>: one of the company's quotes (/corporate/quote.html?id=…; GET /api/corporate/quotes/{id}). Its status
 * in words and what happens next; the latest version as sent (lines with their unit prices and where those come from,
 * customisations with their set-up, the coordinator's lines, delivery, the total, until when it is valid, the earliest
 * delivery and whether it meets the day wanted); what was asked for; the earlier versions. While a version waits for an
 * answer: "Accept" with the purchase-order number, behind a question that says the total and that it places an order
 * (POST …/accept), or "Ask for changes" (POST …/changes); a version past its date is offered for changes only. After
 * acceptance, the order's number, a link to the order. A refusal (superseded, expired, closed, not sent) is said in
 * words and the quote is loaded again.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { FormErrors } from '../../../lib/form-errors.js';
import { keepTimesInLanguage, myCompany, factHtml, refusal } from '../../../lib/corporate.js';
import {
  QUOTES_PAGE, acceptQuote, askForChanges, askedHtml, asBuyer, corporateCatalog, earlierVersionsHtml, formatDay,
  keepQuotesInLanguage, messageSpan, moneyMessageHtml, myQuote, quoteRefusal, statusHtml, today, versionHtml,
} from '../../../lib/quotes.js';
import { orderImpactPage } from '../../../lib/impact.js';
import { orderPage } from '../../../lib/company-orders.js';
import { progressPage } from '../../../lib/production.js';
import { define } from '../../../lib/define.js';

function explainHtml(q) {
  const latest = q.versions[q.versions.length - 1];
  const params = { version: latest?.version ?? '', order: q.orderNumber || '', po: q.poNumber || '', reason: q.declinedReason || '' };
  return html`<p id="quote-explain" data-i18n="corporate.quote.explain.${q.status}" data-i18n-params="${JSON.stringify(params)}"></p>`;
}

function acceptActionsHtml(version) {
  return html`<button type="submit" id="quote-accept" class="button button--primary">${messageSpan('corporate.answer.accept',
    { version: version.version })}</button>`;
}

function confirmHtml(q, version, po) {
  return html`
    <div class="corporate-confirm" role="group" aria-labelledby="quote-accept-question">
      ${moneyMessageHtml('corporate.answer.confirm', { version: version.version, company: q.companyName, po }, { total: version.total },
        { id: 'quote-accept-question', tag: 'p', cls: 'corporate-confirm__question', focusable: true })}
      <div class="button-row">
        <button type="button" id="quote-accept-yes" class="button button--primary" data-i18n="corporate.answer.yes"></button>
        <button type="button" id="quote-accept-no" class="button button--secondary" data-i18n="corporate.answer.no"></button>
      </div>
    </div>`;
}

/** Accepting, unless the version has expired (then only asking for changes has it priced again); asking for changes. */
function answerHtml(version) {
  const expired = version.validUntil < today();
  return html`
    <section class="corporate-section quote-answer" aria-labelledby="quote-answer-heading">
      <h2 id="quote-answer-heading" data-i18n="corporate.answer.heading"></h2>
      ${expired ? html`<p id="quote-expired" class="notice">${messageSpan('corporate.answer.expired',
        { version: version.version, date: formatDay(version.validUntil) })}</p>` : acceptHtml(version)}
      ${changesHtml()}
    </section>`;
}

function acceptHtml(version) {
  return html`
    <div id="quote-accept-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
    <form id="quote-accept-form" class="corporate-form" novalidate aria-labelledby="quote-accept-heading">
      <h3 id="quote-accept-heading">${messageSpan('corporate.answer.acceptHeading', { version: version.version })}</h3>
      <p class="field__hint" data-i18n="corporate.answer.acceptHint"></p>
      <div class="field">
        <label for="quote-po" data-i18n="corporate.answer.po"></label>
        <p id="quote-po-hint" class="field__hint" data-i18n="corporate.answer.poHint"></p>
        <input id="quote-po" name="quote-po" type="text" maxlength="60" autocomplete="off" required spellcheck="false"
               aria-describedby="quote-po-hint">
        <p id="quote-po-error" class="field__error" hidden></p>
      </div>
      <div id="quote-accept-actions" class="button-row">${acceptActionsHtml(version)}</div>
    </form>`;
}

function changesHtml() {
  return html`
    <div id="quote-changes-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
    <form id="quote-changes-form" class="corporate-form" novalidate aria-labelledby="quote-changes-heading">
      <h3 id="quote-changes-heading" data-i18n="corporate.answer.changesHeading"></h3>
      <div class="field">
        <label for="quote-changes" data-i18n="corporate.answer.changes"></label>
        <p id="quote-changes-hint" class="field__hint" data-i18n="corporate.answer.changesHint"></p>
        <textarea id="quote-changes" name="quote-changes" rows="4" maxlength="2000" required aria-describedby="quote-changes-hint"></textarea>
        <p id="quote-changes-error" class="field__error" hidden></p>
      </div>
      <div class="button-row">
        <button type="submit" id="quote-changes-send" class="button button--secondary" data-i18n="corporate.answer.changesSend"></button>
      </div>
    </form>`;
}

function quoteHtml(q, { company, catalog }) {
  const latest = q.versions[q.versions.length - 1];
  return html`
    <p><a id="quote-all" href="${QUOTES_PAGE}" data-i18n="corporate.quotes.all"></a></p>
    <div id="quote-message" class="status-message" role="status" tabindex="-1"></div>
    <section class="corporate-section" aria-labelledby="quote-state-heading">
      <h2 id="quote-state-heading" class="visually-hidden" data-i18n="corporate.quote.state"></h2>
      <dl class="facts">
        ${factHtml('corporate.quotes.status', statusHtml(q.status, 'quote-status'), 'quote-status-row')}
        ${q.poNumber && factHtml('corporate.answer.po', q.poNumber, 'quote-po-number')}
        ${q.orderNumber && factHtml('corporate.quote.order', html`<a id="quote-order-link" class="order-number"
          href="${orderPage(q.orderId)}">${q.orderNumber}</a>`, 'quote-order-number')}
        ${q.orderId && factHtml('corporate.deliveries.heading', html`<a id="quote-deliveries"
          href="/corporate/deliveries.html?order=${encodeURIComponent(q.orderId)}" data-i18n="corporate.deliveries.open"></a>`,
          'quote-deliveries-row')}
        ${q.orderId && factHtml('corporate.impact.quoteFact', html`<a id="quote-impact" href="${orderImpactPage(q.orderId)}"
          data-i18n="corporate.impact.quoteLink"></a>`, 'quote-impact-row')}
        ${q.orderId && factHtml('corporate.progress.nav', html`<a id="quote-progress" href="${progressPage(q.orderId)}"
          data-i18n="corporate.progress.link"></a>`, 'quote-progress-row')}
        ${q.declinedReason && factHtml('corporate.quote.declinedReason', html`<span class="corporate-needs">${q.declinedReason}</span>`,
          'quote-declined-reason')}
      </dl>
      ${explainHtml(q)}
    </section>
    ${latest && versionHtml(q, latest, { prefix: 'quote', level: 2, latest: true })}
    ${q.status === 'SENT' && latest && answerHtml(latest)}
    ${askedHtml(q, { prefix: 'quote', customisations: catalog.customisations, locations: company.locations, level: 2 })}
    ${earlierVersionsHtml(q, { prefix: 'quote', level: 3 })}`;
}

class BuyerQuote extends HTMLElement {
  connectedCallback() {
    if (this.started) return;
    this.started = true;
    keepTimesInLanguage();
    keepQuotesInLanguage();
    this.quoteId = new URLSearchParams(window.location.search).get('id') || '';
    this.addEventListener('click', (event) => this.clicked(event));
    this.addEventListener('submit', (event) => {
      event.preventDefault();
      if (event.target.id === 'quote-accept-form') this.askToAccept();
      if (event.target.id === 'quote-changes-form') this.askForChanges();
    });
    this.load();
  }

  /** Loads the quote (again); `message` is then said in the message line, which takes focus. */
  async load(message = null) {
    if (!this.quoteId) {
      render(this, html`<div id="quote-none" class="notice" role="alert"><p data-i18n="corporate.quote.none"></p>
        <a id="quote-none-all" href="${QUOTES_PAGE}" data-i18n="corporate.quotes.all"></a></div>`);
      translate(this);
      return;
    }
    const loaded = await asBuyer(this, 'quote', async () => {
      const [q, company, catalog] = await Promise.all([myQuote(this.quoteId), myCompany(), corporateCatalog()]);
      return { q, company, catalog };
    });
    if (!loaded) return;
    this.loaded = loaded;
    this.quote = loaded.q;
    const heading = document.getElementById('page-heading');
    if (heading) {
      heading.dataset.i18n = 'corporate.quote.heading';
      heading.dataset.i18nParams = JSON.stringify({ number: loaded.q.number });
      translate(heading);
    }
    render(this, quoteHtml(loaded.q, loaded));
    translate(this);
    const titles = { titleKey: 'corporate.errors.title', labelKey: 'corporate.errors.fieldLabel' };
    const accept = this.querySelector('#quote-accept-form');
    if (accept) this.acceptErrors = new FormErrors(accept, this.querySelector('#quote-accept-errors'), titles);
    const changes = this.querySelector('#quote-changes-form');
    if (changes) this.changesErrors = new FormErrors(changes, this.querySelector('#quote-changes-errors'), titles);
    if (message) this.say(message);
  }

  say(message) {
    const line = this.querySelector('#quote-message');
    render(line, messageSpan(message.key, message.params || {}));
    translate(line);
    line.focus();
  }

  latest() {
    return this.quote.versions[this.quote.versions.length - 1];
  }

  clicked(event) {
    if (event.target.closest('#quote-retry')) this.load();
    else if (event.target.closest('#quote-accept-yes')) this.accept();
    else if (event.target.closest('#quote-accept-no')) this.keep();
  }

  /** The purchase-order number first; then the question, in the button's place, with focus. */
  askToAccept() {
    const po = this.querySelector('#quote-po').value.trim();
    if (!po) {
      this.acceptErrors.show([{ target: 'quote-po', message: { key: 'corporate.answer.po.missing' } }]);
      return;
    }
    this.acceptErrors.clear();
    this.po = po;
    const actions = this.querySelector('#quote-accept-actions');
    render(actions, confirmHtml(this.quote, this.latest(), po));
    translate(actions);
    actions.querySelector('#quote-accept-question').focus();
  }

  keep() {
    const actions = this.querySelector('#quote-accept-actions');
    render(actions, acceptActionsHtml(this.latest()));
    translate(actions);
    actions.querySelector('#quote-accept').focus();
  }

  async accept() {
    if (this.busy) return;
    this.busy = true;
    const version = this.latest();
    const yes = this.querySelector('#quote-accept-yes');
    yes.setAttribute('aria-disabled', 'true');
    try {
      const accepted = await acceptQuote(this.quote.id, version.version, this.po);
      await this.load({ key: 'corporate.answer.accepted', params: { order: accepted.orderNumber, number: accepted.quoteNumber } });
    } catch (error) {
      console.warn('Accepting the quote failed.', error);
      await this.refused(error, this.acceptErrors, { poNumber: 'quote-po' });
    } finally {
      this.busy = false;
    }
  }

  async askForChanges() {
    if (this.busy) return;
    const changes = this.querySelector('#quote-changes').value.trim();
    if (!changes) {
      this.changesErrors.show([{ target: 'quote-changes', message: { key: 'corporate.answer.changes.missing' } }]);
      return;
    }
    this.changesErrors.clear();
    this.busy = true;
    try {
      await askForChanges(this.quote.id, changes);
      await this.load({ key: 'corporate.answer.changesSent' });
    } catch (error) {
      console.warn('Asking for changes failed.', error);
      await this.refused(error, this.changesErrors, { changes: 'quote-changes' });
    } finally {
      this.busy = false;
    }
  }

  /** A refusal of the quote's state is said and the quote loaded again; anything else is shown at the form. */
  async refused(error, errors, fields) {
    const known = quoteRefusal(error);
    if (known) {
      await this.load(known);
      return;
    }
    if (this.querySelector('#quote-accept-yes')) this.keep();
    errors.show(refusal(error, { fields }));
  }
}

export function register() {
  define('buyer-quote', BuyerQuote);
}
