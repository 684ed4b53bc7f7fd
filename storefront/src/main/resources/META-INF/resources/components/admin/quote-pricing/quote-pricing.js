/**
 * <quote-pricing>: a coordinator's answer to a quote not yet accepted or declined. The form that sends the next
 * version (POST /api/admin/corporate/quotes/{id}/versions): until when it is valid, delivery (nothing for none), lines
 * of the coordinator's own (a name in both languages, a quantity, a unit price; at most 20) and a note; the requested
 * lines are priced by the server when it is sent, so the form shows how the previous version priced them, if there is
 * one, and what the coordinator's own lines and delivery add. The form starts from the previous version's delivery and
 * lines. "Decline" asks first, with the reason the buyer will read (POST …/decline). Set `quote` to draw; says
 * `quote-answered` (bubbles, { quote, message }) after sending or declining, and `quote-stale` ({ message }) when the
 * server says the quote changed meanwhile.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { FormErrors } from '../../../lib/form-errors.js';
import { parseQuantity } from '../../../lib/quantity.js';
import { formatYuan, parseYuan } from '../../../lib/money.js';
import { refusal } from '../../../lib/corporate.js';
import {
  addDays, basisHtml, declineQuote, keepQuotesInLanguage, lineNameHtml, messageSpan, moneyMessageHtml, quoteRefusal, sendVersion,
  today,
} from '../../../lib/quotes.js';
import { define } from '../../../lib/define.js';

const MAX_MANUAL = 20;
const VALID_FOR_DAYS = 14;
const CNY = (amount) => ({ amount, currency: 'CNY' });

/** Delivery as typed: nothing or 0 is none; otherwise yuan as prices are typed. */
function parseDelivery(text) {
  const value = String(text).trim();
  if (value === '' || /^[¥￥]?\s*0+(?:[.．]0{1,2})?$/.test(value)) return { fen: 0 };
  return parseYuan(value);
}

function field(id, key, control, { hint, optional = false } = {}) {
  return html`
    <div class="field">
      <label for="${id}"><span data-i18n="${key}"></span>${optional
        && html`<span class="field__optional" data-i18n="corporate.optional"></span>`}</label>
      ${hint && html`<p id="${id}-hint" class="field__hint" data-i18n="${hint}"></p>`}
      ${control}
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

function manualHtml(key, number, line = {}) {
  const id = `pricing-manual-${key}`;
  return html`
    <li>
      <fieldset class="repeat-item" id="${id}" data-manual="${key}">
        <legend class="repeat-item__legend">${messageSpan('corporate.pricing.manualLegend', { number })}</legend>
        <div class="repeat-item__fields">
          ${field(`${id}-name-zh`, 'corporate.pricing.nameZh', html`<input id="${id}-name-zh" type="text" maxlength="100" autocomplete="off"
            required lang="zh-CN" value="${line.nameZh || ''}">`)}
          ${field(`${id}-name-en`, 'corporate.pricing.nameEn', html`<input id="${id}-name-en" type="text" maxlength="100" autocomplete="off"
            required lang="en" value="${line.nameEn || ''}">`)}
          ${field(`${id}-quantity`, 'corporate.pricing.quantity', html`<input id="${id}-quantity" type="text" inputmode="numeric"
            autocomplete="off" required value="${line.quantity ?? '1'}">`)}
          ${field(`${id}-price`, 'corporate.pricing.unitPrice', html`<input id="${id}-price" type="text" inputmode="decimal"
            autocomplete="off" required aria-describedby="${id}-price-hint" value="${line.unitPrice ? formatYuan(line.unitPrice.amount) : ''}">`,
            { hint: 'corporate.pricing.yuanHint' })}
        </div>
        <button type="button" class="button button--secondary" id="${id}-remove" data-remove-manual="${key}">
          ${messageSpan('corporate.pricing.removeManual', { number })}</button>
      </fieldset>
    </li>`;
}

/** How the previous version priced the requested lines: the server prices them again when this one is sent. */
function previousHtml(version) {
  if (!version) return html`<p id="pricing-previous" class="notice" data-i18n="corporate.pricing.firstTime"></p>`;
  const priced = version.priced;
  return html`
    <div id="pricing-previous" class="notice">
      <p>${messageSpan('corporate.pricing.previous', { version: version.version })}</p>
      <ul class="quote-lines">
        ${priced.lines.map((line, i) => html`
          <li class="quote-line" id="pricing-previous-${i}">
            <strong class="quote-line__name">${lineNameHtml(line)}</strong>
            <span>${moneyMessageHtml('corporate.pricing.previousLine', { count: line.quantity }, { unit: line.unitPrice.amount, amount: line.amount })}
              <span class="quote-basis">${basisHtml(line.unitPrice)}</span></span>
          </li>`)}
      </ul>
      <p>${moneyMessageHtml('corporate.pricing.previousTotal', {}, { goods: priced.goods, customisations: priced.customisations,
        amount: CNY(priced.goods.amount + priced.customisations.amount) })}</p>
    </div>`;
}

function declineButtonHtml() {
  return html`<button type="button" id="pricing-decline" class="button button--secondary" data-i18n="corporate.pricing.decline"></button>`;
}

function declineFormHtml(q) {
  return html`
    <div id="pricing-decline-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
    <form id="pricing-decline-form" class="corporate-confirm" novalidate aria-labelledby="pricing-decline-question">
      <p id="pricing-decline-question" class="corporate-confirm__question" tabindex="-1">${messageSpan('corporate.pricing.declineQuestion',
        { number: q.number, company: q.companyName })}</p>
      ${field('pricing-decline-reason', 'corporate.pricing.reason', html`<textarea id="pricing-decline-reason" rows="3" maxlength="500"
        required aria-describedby="pricing-decline-reason-hint"></textarea>`, { hint: 'corporate.pricing.reasonHint' })}
      <div class="button-row">
        <button type="submit" id="pricing-decline-confirm" class="button button--primary" data-i18n="corporate.pricing.declineConfirm"></button>
        <button type="button" id="pricing-decline-keep" class="button button--secondary" data-i18n="corporate.pricing.keep"></button>
      </div>
    </form>`;
}

function formHtml(q) {
  const latest = q.versions[q.versions.length - 1];
  const next = (latest?.version ?? 0) + 1;
  const manual = latest?.priced.manual || [];
  return html`
    <section class="corporate-section" aria-labelledby="pricing-heading">
      <h3 id="pricing-heading" tabindex="-1">${messageSpan('corporate.pricing.heading', { version: next })}</h3>
      ${previousHtml(latest)}
      <div id="pricing-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
      <form id="pricing-form" class="corporate-form" novalidate aria-labelledby="pricing-heading">
        ${field('pricing-valid-until', 'corporate.pricing.validUntil', html`<input id="pricing-valid-until" type="date" required
          min="${today()}" value="${addDays(today(), VALID_FOR_DAYS)}" aria-describedby="pricing-valid-until-hint">`,
          { hint: 'corporate.pricing.validUntilHint' })}
        ${field('pricing-delivery', 'corporate.pricing.delivery', html`<input id="pricing-delivery" type="text" inputmode="decimal"
          autocomplete="off" value="${latest && latest.priced.delivery.amount > 0 ? formatYuan(latest.priced.delivery.amount) : '0'}"
          aria-describedby="pricing-delivery-hint">`, { hint: 'corporate.pricing.deliveryHint' })}
        <fieldset class="group" id="pricing-manual">
          <legend class="group__legend"><span data-i18n="corporate.pricing.manual"></span><span class="field__optional"
                  data-i18n="corporate.optional"></span></legend>
          <p class="field__hint" data-i18n="corporate.pricing.manualHint"></p>
          <ol class="repeat-list" id="pricing-manual-list">
            ${manual.map((line, i) => manualHtml(i, i + 1, line))}
          </ol>
          <button type="button" class="button button--secondary repeat-add" id="pricing-manual-add" data-i18n="corporate.pricing.addManual"></button>
        </fieldset>
        ${field('pricing-note', 'corporate.pricing.note', html`<textarea id="pricing-note" rows="3" maxlength="2000"
          aria-describedby="pricing-note-hint"></textarea>`, { hint: 'corporate.pricing.noteHint', optional: true })}
        <p id="pricing-sum" class="quote-sum" aria-live="polite"></p>
        <div class="button-row">
          <button type="submit" id="pricing-send" class="button button--primary">${messageSpan('corporate.pricing.send', { version: next })}</button>
        </div>
      </form>
      <div id="pricing-decline-area">${declineButtonHtml()}</div>
    </section>`;
}

class QuotePricing extends HTMLElement {
  connectedCallback() {
    if (this.wired) return;
    this.wired = true;
    keepQuotesInLanguage();
    this.addEventListener('click', (event) => this.clicked(event));
    this.addEventListener('input', (event) => {
      if (event.target.closest('#pricing-form')) this.sum();
    });
    this.addEventListener('submit', (event) => {
      event.preventDefault();
      if (event.target.id === 'pricing-form') this.send();
      if (event.target.id === 'pricing-decline-form') this.decline();
    });
  }

  set quote(q) {
    this.current = q;
    this.nextKey = q.versions[q.versions.length - 1]?.priced.manual.length || 0;
    render(this, formHtml(q));
    translate(this);
    this.form = this.querySelector('#pricing-form');
    this.errors = new FormErrors(this.form, this.querySelector('#pricing-errors'),
      { titleKey: 'corporate.errors.title', labelKey: 'corporate.errors.fieldLabel' });
    this.sum();
  }

  get quote() {
    return this.current;
  }

  focusFirst() {
    this.querySelector('#pricing-heading').focus();
  }

  clicked(event) {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.id === 'pricing-manual-add') this.addManual();
    else if (button.dataset.removeManual !== undefined) this.removeManual(button.dataset.removeManual);
    else if (button.id === 'pricing-decline') this.askToDecline();
    else if (button.id === 'pricing-decline-keep') this.keep();
  }

  manualKeys() {
    return [...this.querySelectorAll('#pricing-manual-list [data-manual]')].map((set) => set.dataset.manual);
  }

  addManual() {
    const list = this.querySelector('#pricing-manual-list');
    if (this.manualKeys().length >= MAX_MANUAL) {
      this.errors.show([{ target: null, message: { key: 'corporate.pricing.tooManyManual', params: { max: MAX_MANUAL } } }]);
      return;
    }
    const key = this.nextKey++;
    list.insertAdjacentHTML('beforeend', manualHtml(key, this.manualKeys().length + 1).toString());
    translate(list.lastElementChild);
    this.querySelector(`#pricing-manual-${key}-name-zh`).focus();
    this.sum();
  }

  removeManual(key) {
    this.querySelector(`#pricing-manual-${key}`)?.closest('li').remove();
    this.renumber();
    this.querySelector('#pricing-manual-add').focus();
    this.sum();
  }

  /** Each remaining line's legend and button say its place again (line 1, line 2…). */
  renumber() {
    this.manualKeys().forEach((key, i) => {
      const set = this.querySelector(`#pricing-manual-${key}`);
      for (const span of set.querySelectorAll(':scope > legend [data-i18n], :scope > button [data-i18n]')) {
        span.dataset.i18nParams = JSON.stringify({ number: i + 1 });
      }
      translate(set);
    });
  }

  /** The coordinator's lines as typed: [{ key, nameZh, nameEn, quantity, price }]. */
  manualDraft() {
    return this.manualKeys().map((key) => {
      const value = (part) => this.querySelector(`#pricing-manual-${key}-${part}`).value;
      return { key, nameZh: value('name-zh').trim(), nameEn: value('name-en').trim(), quantity: parseQuantity(value('quantity')),
        price: parseYuan(value('price')) };
    });
  }

  /** What the coordinator's lines and delivery add, and with the requested lines as last priced, about the total. */
  sum() {
    const target = this.querySelector('#pricing-sum');
    if (!target) return;
    const lines = this.manualDraft();
    const delivery = parseDelivery(this.querySelector('#pricing-delivery').value);
    if (lines.some((line) => line.quantity.problem || line.price.problem) || delivery.problem) {
      render(target, messageSpan('corporate.pricing.sumIncomplete'));
      translate(target);
      return;
    }
    const manual = lines.reduce((sum, line) => sum + line.quantity.value * line.price.fen, 0);
    const latest = this.current.versions[this.current.versions.length - 1];
    const asked = latest ? latest.priced.goods.amount + latest.priced.customisations.amount : null;
    render(target, asked === null
      ? moneyMessageHtml('corporate.pricing.sum', {}, { manual: CNY(manual), delivery: CNY(delivery.fen) })
      : moneyMessageHtml('corporate.pricing.sumWithPrevious', { version: latest.version },
        { manual: CNY(manual), delivery: CNY(delivery.fen), asked: CNY(asked), total: CNY(asked + manual + delivery.fen) }));
    translate(target);
  }

  problems() {
    const problems = [];
    const valid = this.querySelector('#pricing-valid-until').value;
    if (!valid) problems.push({ target: 'pricing-valid-until', message: { key: 'corporate.pricing.validUntil.missing' } });
    else if (valid < today()) problems.push({ target: 'pricing-valid-until', message: { key: 'corporate.pricing.validUntil.past' } });
    const delivery = parseDelivery(this.querySelector('#pricing-delivery').value);
    if (delivery.problem) problems.push({ target: 'pricing-delivery', message: { key: `corporate.pricing.delivery.${delivery.problem}` } });
    this.manualDraft().forEach((line, i) => {
      const id = `pricing-manual-${line.key}`;
      const params = { number: i + 1 };
      if (!line.nameZh) problems.push({ target: `${id}-name-zh`, message: { key: 'corporate.pricing.nameZh.missing', params } });
      if (!line.nameEn) problems.push({ target: `${id}-name-en`, message: { key: 'corporate.pricing.nameEn.missing', params } });
      if (line.quantity.problem) {
        problems.push({ target: `${id}-quantity`, message: { key: 'corporate.pricing.quantity.invalid', params } });
      }
      if (line.price.problem) {
        problems.push({ target: `${id}-price`, message: { key: `corporate.pricing.unitPrice.${line.price.problem}`, params } });
      }
    });
    return problems;
  }

  async send() {
    if (this.busy) return;
    const problems = this.problems();
    if (problems.length) {
      this.errors.show(problems);
      return;
    }
    this.errors.clear();
    const lines = this.manualDraft();
    const note = this.querySelector('#pricing-note').value.trim();
    const body = {
      validUntil: this.querySelector('#pricing-valid-until').value,
      delivery: CNY(parseDelivery(this.querySelector('#pricing-delivery').value).fen),
      manual: lines.map((line) => ({ nameZh: line.nameZh, nameEn: line.nameEn, quantity: line.quantity.value, unitPrice: CNY(line.price.fen) })),
      note: note || null,
    };
    this.busy = true;
    const button = this.querySelector('#pricing-send');
    button.setAttribute('aria-disabled', 'true');
    try {
      const q = await sendVersion(this.current.id, body);
      const sent = q.versions[q.versions.length - 1];
      this.answered(q, { key: 'corporate.pricing.sent', params: { version: sent.version, company: q.companyName } });
    } catch (error) {
      console.warn('Sending the version failed.', error);
      button.removeAttribute('aria-disabled');
      this.refused(error, this.errors, (field) => {
        const match = /^manual\[(\d+)]\.(\w+)/.exec(field);
        if (match) {
          const key = lines[Number(match[1])]?.key;
          const part = { nameZh: 'name-zh', nameEn: 'name-en', quantity: 'quantity', unitPrice: 'price' }[match[2]] || 'name-zh';
          return key === undefined ? null : `pricing-manual-${key}-${part}`;
        }
        return { validUntil: 'pricing-valid-until', note: 'pricing-note' }[field.split('.')[0]]
          ?? (field.startsWith('delivery') ? 'pricing-delivery' : null);
      });
    } finally {
      this.busy = false;
    }
  }

  askToDecline() {
    const area = this.querySelector('#pricing-decline-area');
    render(area, declineFormHtml(this.current));
    translate(area);
    this.declineErrors = new FormErrors(area.querySelector('#pricing-decline-form'), area.querySelector('#pricing-decline-errors'),
      { titleKey: 'corporate.errors.title', labelKey: 'corporate.errors.fieldLabel' });
    area.querySelector('#pricing-decline-question').focus();
  }

  keep() {
    const area = this.querySelector('#pricing-decline-area');
    render(area, declineButtonHtml());
    translate(area);
    area.querySelector('#pricing-decline').focus();
  }

  async decline() {
    if (this.busy) return;
    const reason = this.querySelector('#pricing-decline-reason').value.trim();
    if (!reason) {
      this.declineErrors.show([{ target: 'pricing-decline-reason', message: { key: 'corporate.pricing.reason.missing' } }]);
      return;
    }
    this.busy = true;
    try {
      const q = await declineQuote(this.current.id, reason);
      this.answered(q, { key: 'corporate.pricing.declined', params: { number: q.number, company: q.companyName } });
    } catch (error) {
      console.warn('Declining the quote failed.', error);
      this.refused(error, this.declineErrors, (field) => (field === 'reason' ? 'pricing-decline-reason' : null));
    } finally {
      this.busy = false;
    }
  }

  answered(q, message) {
    this.dispatchEvent(new CustomEvent('quote-answered', { bubbles: true, detail: { quote: q, message } }));
  }

  /** The quote changed meanwhile (closed, its lines outside new terms): said by the panel, which loads it again. */
  refused(error, errors, fieldFor) {
    const known = quoteRefusal(error);
    if (known) {
      this.dispatchEvent(new CustomEvent('quote-stale', { bubbles: true, detail: { message: known } }));
      return;
    }
    const problems = refusal(error);
    const fields = Array.isArray(error?.problem?.errors) ? error.problem.errors : [];
    if (error?.status === 400 && fields.length) {
      errors.show(fields.map(({ field: name }) => ({ target: fieldFor(String(name || '')), message: { key: 'corporate.errors.invalid' } })));
      return;
    }
    errors.show(problems);
  }
}

export function register() {
  define('quote-pricing', QuotePricing);
}
