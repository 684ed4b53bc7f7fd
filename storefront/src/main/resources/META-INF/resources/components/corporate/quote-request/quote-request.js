/**
 * <quote-request>: a buyer asks for a quote (/corporate/request.html). The corporate catalog (GET /api/corporate/catalog)
 * by category, each variant with what the company pays per unit in words (its agreed price, or the catalog's and each
 * volume tier) and its product's terms; "Add to the request" puts it among the lines, where the buyer sets its quantity
 * and customisations. Each change is priced again shortly after (POST /api/corporate/prices): per line its unit price
 * and where that comes from, what its quantity misses under the terms, and the totals with the earliest delivery. Then
 * the day wanted, one of the company's delivery locations (GET /api/corporate/company) and a note; sending
 * (POST /api/corporate/quotes, with an Idempotency-Key kept for a retry of the same request) gives way to a confirmation
 * with the quote's number. Quantities outside the terms are caught on the page and, should the terms have changed, by
 * the server's 422 lines-break-terms, both shown at the lines.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { FormErrors } from '../../../lib/form-errors.js';
import { parseQuantity } from '../../../lib/quantity.js';
import { spokenMoney } from '../../../lib/money.js';
import { Attempts, factHtml, myCompany, problemName } from '../../../lib/corporate.js';
import { ApiError } from '../../../lib/api.js';
import {
  QUOTES_PAGE, asBuyer, basisHtml, checkPrices, corporateCatalog, customisationPriceHtml, dayHtml, formatDay, issueMessages,
  issuesOf, keepQuotesInLanguage, messageSpan, moneyHtml, nameHtml, offerPriceHtml, pick, quotePage, relabel,
  requestQuote, termsHtml, today,
} from '../../../lib/quotes.js';
import { define } from '../../../lib/define.js';

const CHECK_AFTER_MS = 400;

function offerNameHtml(offer) {
  return html`${nameHtml(offer.productNameZh, offer.productNameEn)}${(offer.variantNameZh || offer.variantNameEn)
    && html` — ${nameHtml(offer.variantNameZh, offer.variantNameEn)}`}`;
}

/** The offers of a shelf, by product: [{ productId, offers }]. */
function byProduct(offers) {
  const products = new Map();
  for (const offer of offers) {
    if (!products.has(offer.productId)) products.set(offer.productId, []);
    products.get(offer.productId).push(offer);
  }
  return [...products.entries()].map(([productId, variants]) => ({ productId, offers: variants }));
}

function addButtonHtml(offer, added) {
  return added
    ? html`<a class="button button--secondary" id="add-${offer.variantId}" href="#line-${offer.variantId}-quantity">
        <span data-i18n="corporate.request.added"></span><span class="visually-hidden"> ${offerNameHtml(offer)}</span></a>`
    : html`<button type="button" class="button button--secondary" id="add-${offer.variantId}" data-add="${offer.variantId}">
        <span data-i18n="corporate.request.add"></span><span class="visually-hidden"> ${offerNameHtml(offer)}</span></button>`;
}

function catalogHtml(offers, added) {
  return html`
    <section class="corporate-section" aria-labelledby="catalog-heading">
      <h2 id="catalog-heading" data-i18n="corporate.catalog.heading"></h2>
      <p class="field__hint" data-i18n="corporate.catalog.intro"></p>
      ${offers.shelves.length === 0 && html`<p id="catalog-empty" data-i18n="corporate.catalog.empty"></p>`}
      ${offers.shelves.map((shelf) => html`
        <details class="quote-shelf" id="shelf-${shelf.code}">
          <summary id="shelf-${shelf.code}-summary">${nameHtml(shelf.nameZh, shelf.nameEn)}
            ${messageSpan('corporate.catalog.count', { count: byProduct(shelf.offers).length })}</summary>
          <ul class="quote-offers">
            ${byProduct(shelf.offers).map(({ productId, offers: variants }) => html`
              <li class="quote-offer" id="product-${productId}">
                <h3 class="quote-offer__name">${nameHtml(variants[0].productNameZh, variants[0].productNameEn)}</h3>
                <p class="field__hint" id="product-${productId}-terms">${termsHtml(variants[0].terms)}</p>
                <ul class="quote-variants">
                  ${variants.map((offer) => html`
                    <li class="quote-variant" id="variant-${offer.variantId}">
                      <p class="quote-variant__name"><strong>${nameHtml(offer.variantNameZh, offer.variantNameEn)}</strong>
                        <span class="quote-sku">${offer.sku}</span></p>
                      ${offerPriceHtml(offer, `variant-${offer.variantId}-prices`)}
                      <p id="variant-${offer.variantId}-action">${addButtonHtml(offer, added.has(offer.variantId))}</p>
                    </li>`)}
                </ul>
              </li>`)}
          </ul>
        </details>`)}
    </section>`;
}

function lineHtml(offer, customisations) {
  const id = `line-${offer.variantId}`;
  return html`
    <li class="corporate-card quote-request-line" id="${id}" data-line="${offer.variantId}">
      <h3 class="corporate-card__title" id="${id}-name">${offerNameHtml(offer)}</h3>
      <div class="field">
        <label for="${id}-quantity" data-i18n="corporate.request.quantity"></label>
        <p id="${id}-quantity-hint" class="field__hint">${termsHtml(offer.terms)}</p>
        <input id="${id}-quantity" name="${id}-quantity" type="text" inputmode="numeric" autocomplete="off" required
               class="quote-quantity" aria-describedby="${id}-quantity-hint ${id}-issues">
        <p id="${id}-quantity-error" class="field__error" hidden></p>
      </div>
      ${customisations.length > 0 && html`
        <fieldset class="group" id="${id}-customs">
          <legend class="group__legend"><span data-i18n="corporate.request.customisations"></span><span class="field__optional"
                  data-i18n="corporate.optional"></span></legend>
          <div class="choices">
            ${customisations.map((custom) => html`
              <label class="choice" for="${id}-custom-${custom.code}">
                <input type="checkbox" id="${id}-custom-${custom.code}" value="${custom.code}" data-custom>
                <span class="choice__text"><span>${nameHtml(custom.nameZh, custom.nameEn)}</span>
                  <span class="choice__note">${customisationPriceHtml(custom)}</span></span>
              </label>`)}
          </div>
          <p id="${id}-customs-error" class="field__error" hidden></p>
        </fieldset>`}
      <div class="quote-check" id="${id}-check">
        <div id="${id}-price"><p data-i18n="corporate.request.noQuantity"></p></div>
        <ul id="${id}-issues" class="quote-issues"></ul>
      </div>
      <div class="corporate-card__actions">
        <button type="button" class="button button--secondary" id="${id}-remove" data-remove="${offer.variantId}">
          <span data-i18n="corporate.request.remove"></span><span class="visually-hidden"> ${offerNameHtml(offer)}</span></button>
      </div>
    </li>`;
}

function formHtml(company) {
  const locations = company.locations || [];
  return html`
    <form id="request-form" class="corporate-form corporate-section" novalidate aria-labelledby="request-form-heading">
      <h2 id="request-form-heading" tabindex="-1" data-i18n="corporate.request.formHeading"></h2>
      <div id="request-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
      <p id="request-status" class="status-message" role="status"></p>
      <p id="request-lines-empty" data-i18n="corporate.request.empty"></p>
      <ol id="request-lines" class="corporate-cards"></ol>

      <section class="quote-totals" aria-labelledby="request-totals-heading">
        <h3 id="request-totals-heading" data-i18n="corporate.request.checkHeading"></h3>
        <p class="field__hint" data-i18n="corporate.request.checkHint"></p>
        <dl class="facts facts--totals" id="request-totals"></dl>
        <p id="request-check" class="status-message" role="status"></p>
      </section>

      <fieldset class="group">
        <legend class="group__legend" data-i18n="corporate.request.deliveryLegend"></legend>
        <div class="field">
          <label for="request-wanted" data-i18n="corporate.request.wanted"></label>
          <p id="request-wanted-hint" class="field__hint" data-i18n="corporate.request.wantedHint"></p>
          <input id="request-wanted" name="request-wanted" type="date" min="${today()}" required aria-describedby="request-wanted-hint">
          <p id="request-wanted-error" class="field__error" hidden></p>
        </div>
        <div class="field">
          <label for="request-location" data-i18n="corporate.request.location"></label>
          <p id="request-location-hint" class="field__hint" data-i18n="corporate.request.locationHint"></p>
          <select id="request-location" name="request-location" aria-describedby="request-location-hint">
            ${locations.map((location, i) => html`<option value="${location.id}" ${i === 0 && html`selected`}>${location.label}
              — ${location.address}</option>`)}
            <option value="" data-i18n="corporate.request.locationLater" ${locations.length === 0 && html`selected`}></option>
          </select>
          <p id="request-location-error" class="field__error" hidden></p>
        </div>
      </fieldset>
      <div class="field">
        <label for="request-note"><span data-i18n="corporate.request.note"></span><span class="field__optional"
               data-i18n="corporate.optional"></span></label>
        <p id="request-note-hint" class="field__hint" data-i18n="corporate.request.noteHint"></p>
        <textarea id="request-note" name="request-note" rows="4" maxlength="2000" aria-describedby="request-note-hint"></textarea>
        <p id="request-note-error" class="field__error" hidden></p>
      </div>
      <div class="button-row">
        <button type="submit" id="request-send" class="button button--primary" data-i18n="corporate.request.send"></button>
      </div>
    </form>`;
}

function pageHtml(offers, company) {
  return html`
    <p id="request-who">${messageSpan('corporate.request.who', { company: company.legalName })}</p>
    <ol class="corporate-steps" id="request-how">
      <li data-i18n="corporate.request.step1"></li>
      <li data-i18n="corporate.request.step2"></li>
      <li data-i18n="corporate.request.step3"></li>
    </ol>
    <p><a id="request-quotes" href="${QUOTES_PAGE}" data-i18n="corporate.quotes.all"></a></p>
    <div id="request-catalog">${catalogHtml(offers, new Set())}</div>
    ${formHtml(company)}`;
}

function sentHtml(sent) {
  return html`
    <section id="request-sent" class="notice corporate-notice" tabindex="-1" aria-labelledby="request-sent-heading">
      <h2 id="request-sent-heading">${messageSpan('corporate.request.sentHeading', { number: sent.number })}</h2>
      <p data-i18n="corporate.request.sentNext"></p>
      <div class="button-row">
        <a id="request-sent-quote" class="button button--primary" href="${quotePage(sent.id)}" data-i18n="corporate.request.sentOpen"></a>
        <a id="request-sent-all" class="button button--secondary" href="${QUOTES_PAGE}" data-i18n="corporate.quotes.all"></a>
      </div>
    </section>`;
}

class QuoteRequest extends HTMLElement {
  connectedCallback() {
    if (this.started) return;
    this.started = true;
    keepQuotesInLanguage();
    this.checks = 0;
    this.addEventListener('click', (event) => this.clicked(event));
    this.addEventListener('input', (event) => this.changed(event));
    this.addEventListener('change', (event) => this.changed(event));
    this.load();
  }

  async load() {
    const loaded = await asBuyer(this, 'request', async () => {
      const [offers, company] = await Promise.all([corporateCatalog(), myCompany()]);
      return { offers, company };
    });
    if (loaded) this.show(loaded);
  }

  show({ offers, company }) {
    this.offers = offers;
    this.byVariant = new Map(offers.shelves.flatMap((shelf) => shelf.offers).map((offer) => [offer.variantId, offer]));
    this.customisations = offers.customisations;
    this.company = company;
    this.lines = [];
    render(this, pageHtml(offers, company));
    translate(this);
    this.form = this.querySelector('#request-form');
    this.statusLine = this.querySelector('#request-status');
    this.checkLine = this.querySelector('#request-check');
    this.errors = new FormErrors(this.form, this.querySelector('#request-errors'),
      { titleKey: 'corporate.errors.title', labelKey: 'corporate.errors.fieldLabel' });
    this.attempts = new Attempts();
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
  }

  clicked(event) {
    if (event.target.closest('#request-retry')) {
      this.load();
      return;
    }
    const button = event.target.closest('button');
    if (!button) return;
    if (button.dataset.add) this.add(button.dataset.add);
    else if (button.dataset.remove) this.remove(button.dataset.remove);
  }

  changed(event) {
    if (event.target.closest('.quote-request-line')) this.schedule();
  }

  offerButton(variantId, added) {
    const slot = this.querySelector(`#variant-${variantId}-action`);
    if (!slot) return;
    render(slot, addButtonHtml(this.byVariant.get(variantId), added));
    translate(slot);
    relabel(slot);
  }

  /** A variant among the lines, its quantity field focused; one already there is focused instead. */
  add(variantId) {
    const offer = this.byVariant.get(variantId);
    if (!offer) return;
    if (!this.lines.includes(variantId)) {
      this.lines.push(variantId);
      const list = this.querySelector('#request-lines');
      list.insertAdjacentHTML('beforeend', lineHtml(offer, this.customisations).toString());
      const line = list.lastElementChild;
      translate(line);
      this.offerButton(variantId, true);
      this.querySelector('#request-lines-empty').hidden = true;
      this.say(messageSpan('corporate.request.addedStatus', { name: pick(
        `${offer.productNameZh} ${offer.variantNameZh || ''}`.trim(), `${offer.productNameEn} ${offer.variantNameEn || ''}`.trim()) }));
    }
    this.querySelector(`#line-${variantId}-quantity`).focus();
  }

  remove(variantId) {
    const offer = this.byVariant.get(variantId);
    this.lines = this.lines.filter((each) => each !== variantId);
    this.querySelector(`#line-${variantId}`)?.remove();
    this.offerButton(variantId, false);
    this.querySelector('#request-lines-empty').hidden = this.lines.length > 0;
    this.say(messageSpan('corporate.request.removedStatus', { name: pick(offer.productNameZh, offer.productNameEn) }));
    this.querySelector('#request-form-heading').focus();
    this.schedule();
  }

  say(template) {
    this.statusLine.textContent = '';
    window.clearTimeout(this.sayTimer);
    this.sayTimer = window.setTimeout(() => {
      render(this.statusLine, template);
      translate(this.statusLine);
    }, 50);
  }

  /** The lines as typed: [{ variantId, offer, quantity: { value } | { problem }, customisations }]. */
  draftLines() {
    return this.lines.map((variantId) => ({
      variantId,
      offer: this.byVariant.get(variantId),
      quantity: parseQuantity(this.querySelector(`#line-${variantId}-quantity`).value),
      customisations: [...this.querySelectorAll(`#line-${variantId} input[data-custom]:checked`)].map((box) => box.value),
    }));
  }

  schedule() {
    window.clearTimeout(this.checkTimer);
    this.checkTimer = window.setTimeout(() => this.check(), CHECK_AFTER_MS);
  }

  /** Prices the lines with a quantity as a quote will; only the newest check is shown. */
  async check() {
    const run = ++this.checks;
    const lines = this.draftLines();
    for (const line of lines) {
      if (line.quantity.problem) this.showLinePrice(line.variantId, null);
    }
    const priceable = lines.filter((line) => line.quantity.value);
    if (priceable.length === 0) {
      this.showTotals(null);
      return;
    }
    try {
      const priced = await checkPrices(priceable.map((line) => ({
        variantId: line.variantId, quantity: line.quantity.value, customisations: line.customisations,
      })));
      if (run !== this.checks) return;
      priceable.forEach((line, i) => this.showLinePrice(line.variantId, priced.lines[i]));
      this.showTotals(priced, lines.length - priceable.length);
    } catch (error) {
      if (run !== this.checks) return;
      console.warn('The price check failed.', error);
      this.checkLine.textContent = '';
      window.setTimeout(() => {
        render(this.checkLine, messageSpan(error instanceof ApiError ? 'corporate.request.checkFailed' : 'corporate.errors.network'));
        translate(this.checkLine);
      }, 50);
    }
  }

  showLinePrice(variantId, priced) {
    const price = this.querySelector(`#line-${variantId}-price`);
    const issues = this.querySelector(`#line-${variantId}-issues`);
    if (!price) return;
    if (!priced) {
      render(price, html`<p data-i18n="corporate.request.noQuantity"></p>`);
      render(issues, html``);
      translate(price);
      return;
    }
    const id = `line-${variantId}`;
    render(price, html`
      <dl class="facts quote-line__facts">
        ${factHtml('corporate.price.unit', html`${moneyHtml(priced.unitPrice.amount)}
          <span class="quote-basis">${basisHtml(priced.unitPrice, `${id}-basis`)}</span>`, `${id}-unit`)}
        ${factHtml('corporate.price.goods', moneyHtml(priced.goods), `${id}-goods`)}
        ${priced.customisations.length > 0 && factHtml('corporate.price.customisations',
          moneyHtml({ amount: priced.customisations.reduce((sum, custom) => sum + custom.amount.amount, 0), currency: priced.amount.currency }),
          `${id}-customs-amount`)}
        ${factHtml('corporate.price.lineTotal', moneyHtml(priced.amount), `${id}-amount`)}
      </dl>`);
    render(issues, html`${issueMessages(priced.issues, priced.terms, priced.quantity).map((message) => html`
      <li class="quote-issue">${messageSpan(message.key, message.params)}</li>`)}`);
    translate(price);
    translate(issues);
  }

  showTotals(priced, unpriced = 0) {
    const totals = this.querySelector('#request-totals');
    if (!priced) {
      render(totals, html``);
      this.checkLine.textContent = '';
      return;
    }
    render(totals, html`
      ${factHtml('corporate.price.goods', moneyHtml(priced.goods), 'request-goods')}
      ${factHtml('corporate.price.customisations', moneyHtml(priced.customisations), 'request-customisations')}
      ${factHtml('corporate.price.total', html`<strong>${moneyHtml(priced.total)}</strong>`, 'request-total')}
      ${factHtml('corporate.request.earliest', dayHtml(priced.earliestDelivery), 'request-earliest')}`);
    translate(totals);
    const outside = priced.lines.filter((line) => line.issues.length > 0).length;
    this.checkLine.textContent = '';
    window.clearTimeout(this.checkTimerSay);
    this.checkTimerSay = window.setTimeout(() => {
      render(this.checkLine, html`
        ${messageSpan('corporate.request.checked', { total: spokenMoney(priced.total), date: formatDay(priced.earliestDelivery) })}
        ${outside > 0 && messageSpan('corporate.request.outside', { count: outside })}
        ${unpriced > 0 && messageSpan('corporate.request.unpriced', { count: unpriced })}`);
      translate(this.checkLine);
    }, 50);
  }

  /** What is wrong before anything is sent, in the order of the form. */
  problems(lines) {
    const problems = [];
    if (lines.length === 0) problems.push({ target: null, message: { key: 'corporate.request.noLines' } });
    for (const line of lines) {
      const name = pick(line.offer.productNameZh, line.offer.productNameEn);
      const target = `line-${line.variantId}-quantity`;
      if (line.quantity.problem) {
        problems.push({ target, message: { key: `corporate.request.quantity.${line.quantity.problem}`, params: { name } } });
        continue;
      }
      for (const message of issueMessages(issuesOf(line.offer.terms, line.quantity.value), line.offer.terms, line.quantity.value)) {
        problems.push({ target, message: { key: 'corporate.request.lineProblem', params: { name, problem: this.words(message) } } });
      }
    }
    const wanted = this.querySelector('#request-wanted').value;
    if (!wanted) problems.push({ target: 'request-wanted', message: { key: 'corporate.request.wanted.missing' } });
    else if (wanted < today()) problems.push({ target: 'request-wanted', message: { key: 'corporate.request.wanted.past' } });
    return problems;
  }

  /** A message's words now, to be put into another message. */
  words(message) {
    const span = document.createElement('span');
    render(span, messageSpan(message.key, message.params));
    translate(span);
    return span.textContent;
  }

  async submit() {
    if (this.busy) return;
    const lines = this.draftLines();
    const problems = this.problems(lines);
    if (problems.length) {
      this.errors.show(problems);
      return;
    }
    this.errors.clear();
    const note = this.querySelector('#request-note').value.trim();
    const body = {
      lines: lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity.value, customisations: line.customisations })),
      wantedBy: this.querySelector('#request-wanted').value,
      locationId: this.querySelector('#request-location').value || null,
      note: note || null,
    };
    this.setBusy(true);
    this.say(messageSpan('corporate.request.sending'));
    try {
      const sent = await requestQuote(body, this.attempts.keyFor(body));
      this.attempts.done();
      render(this, sentHtml(sent));
      translate(this);
      this.querySelector('#request-sent').focus();
    } catch (error) {
      console.warn('Sending the quote request failed.', error);
      this.setBusy(false);
      this.statusLine.textContent = '';
      this.errors.show(this.refusal(error, lines));
    }
  }

  /** The server's refusal, at the lines and fields it names. */
  refusal(error, lines) {
    const lineAt = (field) => {
      const match = /^lines\[(\d+)]\.(\w+)/.exec(field);
      return match ? { line: lines[Number(match[1])], part: match[2] } : null;
    };
    if (problemName(error) === 'lines-break-terms' && Array.isArray(error.problem.lines)) {
      return error.problem.lines.flatMap((refused) => {
        const line = lines.find((each) => each.variantId === refused.variantId);
        const name = line ? pick(line.offer.productNameZh, line.offer.productNameEn) : '';
        return issueMessages(refused.issues, refused.terms, refused.quantity).map((message) => ({
          target: line ? `line-${line.variantId}-quantity` : null,
          message: { key: 'corporate.request.lineProblem', params: { name, problem: this.words(message) } },
        }));
      });
    }
    if (!(error instanceof ApiError)) return [{ target: null, message: { key: 'corporate.errors.network' } }];
    const errors = Array.isArray(error.problem.errors) ? error.problem.errors : [];
    if (error.status === 400 && errors.length) {
      const fields = { wantedBy: 'request-wanted', locationId: 'request-location', note: 'request-note' };
      return errors.map(({ field }) => {
        const name = String(field || '');
        const at = lineAt(name);
        if (at?.line) {
          const target = at.part === 'customisations' ? `line-${at.line.variantId}-customs` : `line-${at.line.variantId}-quantity`;
          return { target, message: { key: 'corporate.request.lineInvalid',
            params: { name: pick(at.line.offer.productNameZh, at.line.offer.productNameEn) } } };
        }
        if (name === 'wantedBy') return { target: fields.wantedBy, message: { key: 'corporate.request.wanted.past' } };
        if (name === 'locationId') return { target: fields.locationId, message: { key: 'corporate.request.location.invalid' } };
        return { target: fields[name] ?? null, message: { key: 'corporate.errors.invalid' } };
      });
    }
    const keys = { 401: 'corporate.errors.signedOut', 403: 'corporate.errors.forbidden', 404: 'corporate.errors.gone' };
    return [{ target: null, message: { key: keys[error.status] || (error.status === 400 ? 'corporate.errors.invalid' : 'corporate.errors.server') } }];
  }

  setBusy(busy) {
    this.busy = busy;
    const button = this.querySelector('#request-send');
    button.setAttribute('aria-disabled', String(busy));
    button.dataset.i18n = busy ? 'corporate.request.sendingButton' : 'corporate.request.send';
    translate(button);
  }
}

export function register() {
  define('quote-request', QuoteRequest);
}
