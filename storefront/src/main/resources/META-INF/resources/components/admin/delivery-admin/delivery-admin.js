/**
 * <delivery-admin>: the deliveries of one company's order (/admin/deliveries.html?order=…; GET
 * /api/admin/corporate/orders/{id}/deliveries). The order (company, PO, status), its goods with what was delivered and
 * what is left; while something is left, the form of the next delivery: one of the company's locations, the day, the
 * pieces of each line (filled with what is left, never more), how it goes (carrier and tracking number, or a note such
 * as "our van") and, if the note is signed already, who received it. Sent with an Idempotency-Key (the same for a retry
 * of the same delivery). Below, the deliveries, each with its note as a PDF and the name of who received it, recorded
 * when the signed note comes back.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { FormErrors } from '../../../lib/form-errors.js';
import { Attempts, company as loadCompany, factHtml, problemName, refusal, tell } from '../../../lib/corporate.js';
import { keepQuotesInLanguage, messageSpan, today } from '../../../lib/quotes.js';
import { deliveriesHtml, goodsHtml, goodsNameHtml, orderDeliveries, recordDelivery, recordReceiver } from '../../../lib/deliveries.js';
import { define } from '../../../lib/define.js';

const CLOSED = ['CANCELLED', 'REFUNDED'];

function optionalLabel(id, key) {
  return html`<label for="${id}"><span data-i18n="${key}"></span> <span class="field__optional" data-i18n="corporate.optional"></span></label>`;
}

function textField(id, key, max, hintKey = '') {
  return html`
    <div class="field">
      ${optionalLabel(id, key)}
      ${hintKey && html`<p id="${id}-hint" class="field__hint" data-i18n="${hintKey}"></p>`}
      <input id="${id}" name="${id}" type="text" maxlength="${max}" autocomplete="off" ${hintKey && html`aria-describedby="${id}-hint"`}>
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

function formHtml(data, locations) {
  const left = data.lines.filter((line) => line.outstanding > 0);
  return html`
    <section class="admin-panel" aria-labelledby="delivery-form-heading">
      <h2 id="delivery-form-heading" data-i18n="corporate.deliveries.record"></h2>
      <div id="delivery-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
      <form id="delivery-form" class="corporate-form stack" novalidate aria-labelledby="delivery-form-heading">
        <div class="field">
          <label for="delivery-location" data-i18n="corporate.deliveries.to"></label>
          <select id="delivery-location" name="delivery-location" required>
            ${locations.length > 1 ? html`<option value="" data-i18n="corporate.deliveries.chooseLocation"></option>` : ''}
            ${locations.map((location) => html`<option value="${location.id}">${location.label} — ${location.address}</option>`)}
          </select>
          <p id="delivery-location-error" class="field__error" hidden></p>
        </div>
        <div class="field">
          <label for="delivery-on" data-i18n="corporate.deliveries.on"></label>
          <input id="delivery-on" name="delivery-on" type="date" required value="${today()}">
          <p id="delivery-on-error" class="field__error" hidden></p>
        </div>
        <fieldset id="delivery-pieces" class="field">
          <legend data-i18n="corporate.deliveries.piecesHeading"></legend>
          <p id="delivery-pieces-hint" class="field__hint" data-i18n="corporate.deliveries.piecesHint"></p>
          <p id="delivery-pieces-error" class="field__error" hidden></p>
          ${left.map((line) => html`
            <div class="field delivery-pieces__line">
              <label for="delivery-pieces-${line.lineId}">${goodsNameHtml(line)}</label>
              <p id="delivery-pieces-${line.lineId}-hint" class="field__hint">${messageSpan('corporate.deliveries.left',
                { left: line.outstanding, ordered: line.ordered })}</p>
              <input id="delivery-pieces-${line.lineId}" name="delivery-pieces-${line.lineId}" type="number" inputmode="numeric" min="0"
                     max="${line.outstanding}" step="1" value="${line.outstanding}" data-line="${line.lineId}"
                     aria-describedby="delivery-pieces-${line.lineId}-hint">
              <p id="delivery-pieces-${line.lineId}-error" class="field__error" hidden></p>
            </div>`)}
        </fieldset>
        ${textField('delivery-carrier', 'corporate.deliveries.carrier', 60)}
        ${textField('delivery-tracking', 'corporate.deliveries.tracking', 100)}
        ${textField('delivery-note', 'corporate.deliveries.noteField', 500, 'corporate.deliveries.noteHint')}
        ${textField('delivery-received', 'corporate.deliveries.receivedBy', 100, 'corporate.deliveries.receivedHint')}
        <div class="button-row">
          <button type="submit" id="delivery-record" class="button button--primary" data-i18n="corporate.deliveries.recordButton"></button>
        </div>
      </form>
    </section>`;
}

function receiverHtml(delivery) {
  const id = `receiver-${delivery.id}`;
  return html`
    <form id="${id}-form" class="delivery-receiver" novalidate data-delivery="${delivery.id}">
      <div class="field">
        <label for="${id}" data-i18n="${delivery.receivedBy ? 'corporate.deliveries.correctReceiver' : 'corporate.deliveries.signedBy'}"></label>
        <input id="${id}" name="${id}" type="text" maxlength="100" autocomplete="off" required value="${delivery.receivedBy || ''}">
      </div>
      <button type="submit" id="${id}-save" class="button button--secondary" data-i18n="corporate.deliveries.saveReceiver"></button>
    </form>`;
}

function pageHtml(data, locations) {
  const open = !data.delivered && !CLOSED.includes(data.status);
  return html`
    <section class="admin-panel" aria-labelledby="delivery-order-heading">
      <h2 id="delivery-order-heading">${messageSpan('corporate.deliveries.orderHeading', { number: data.orderNumber })}</h2>
      <p id="delivery-status" class="status-message" role="status" tabindex="-1"></p>
      <dl class="facts">
        ${factHtml('corporate.adminQuotes.company', html`<a id="delivery-company"
          href="/admin/companies.html?company=${encodeURIComponent(data.companyId)}">${data.companyName}</a>`)}
        ${factHtml('corporate.answer.po', data.poNumber, 'delivery-po')}
        ${factHtml('corporate.quotes.status', html`<span data-i18n="adminOrders.status.${data.status}"></span>`, 'delivery-order-status')}
      </dl>
      ${goodsHtml(data, 'delivery')}
      ${CLOSED.includes(data.status) ? html`<p id="delivery-closed" class="notice" data-i18n="corporate.deliveries.closed"></p>` : ''}
      ${open && locations.length === 0 ? html`<p id="delivery-no-location" class="notice">${messageSpan('corporate.deliveries.noLocation')}
        <a href="/admin/companies.html?company=${encodeURIComponent(data.companyId)}" data-i18n="corporate.deliveries.addLocation"></a></p>` : ''}
    </section>
    ${open && locations.length > 0 ? formHtml(data, locations) : ''}
    <section class="admin-panel" aria-labelledby="deliveries-heading">
      <h2 id="deliveries-heading" data-i18n="corporate.deliveries.heading"></h2>
      <p id="receiver-status" class="status-message" role="status"></p>
      ${deliveriesHtml(data, { prefix: 'delivery', buyer: false, receiverHtml })}
    </section>`;
}

class DeliveryAdmin extends HTMLElement {
  connectedCallback() {
    if (this.started) return;
    this.started = true;
    keepQuotesInLanguage();
    this.orderId = new URLSearchParams(window.location.search).get('order') || '';
    this.attempts = new Attempts();
    this.addEventListener('submit', (event) => {
      event.preventDefault();
      if (event.target.id === 'delivery-form') this.record();
      else if (event.target.dataset.delivery) this.receiver(event.target);
    });
    this.addEventListener('click', (event) => {
      if (event.target.closest('#delivery-retry')) this.load();
    });
    this.load();
  }

  async load(message = null) {
    if (!this.orderId) {
      render(this, html`<div id="delivery-none" class="notice" role="alert"><p data-i18n="corporate.deliveries.noOrder"></p>
        <a href="/admin/quotes.html" data-i18n="corporate.deliveries.toQuotes"></a></div>`);
      translate(this);
      return;
    }
    try {
      const data = await orderDeliveries(this.orderId);
      const company = await loadCompany(data.companyId);
      this.data = data;
      render(this, pageHtml(data, company.locations || []));
    } catch (error) {
      console.warn('Could not load the deliveries.', error);
      render(this, html`<div id="delivery-failed" class="notice" role="alert">
        <p data-i18n="${error?.status === 404 ? 'corporate.deliveries.unknownOrder' : 'corporate.portal.failed'}"></p>
        <button type="button" id="delivery-retry" class="button button--primary" data-i18n="corporate.retry"></button></div>`);
      translate(this);
      return;
    }
    translate(this);
    const form = this.querySelector('#delivery-form');
    if (form) {
      this.errors = new FormErrors(form, this.querySelector('#delivery-errors'),
        { titleKey: 'corporate.errors.title', labelKey: 'corporate.errors.fieldLabel' });
    }
    if (message) {
      const line = this.querySelector('#delivery-status');
      render(line, messageSpan(message.key, message.params || {}));
      translate(line);
      line.focus();
    }
  }

  /** The form as the API takes it, and what is wrong with it before anything is sent. */
  draft() {
    const problems = [];
    const lines = [...this.querySelectorAll('#delivery-pieces input[data-line]')].map((input) => {
      const text = input.value.trim();
      const pieces = Number(text);
      if (!/^\d+$/.test(text) || pieces > Number(input.max)) {
        problems.push({ target: input.id, message: { key: 'corporate.deliveries.piecesWrong', params: { left: input.max } } });
      }
      return { lineId: input.dataset.line, pieces };
    });
    if (problems.length === 0 && lines.every((line) => line.pieces === 0)) {
      problems.push({ target: 'delivery-pieces', message: { key: 'corporate.deliveries.nothing' } });
    }
    const locationId = this.querySelector('#delivery-location').value;
    if (!locationId) problems.unshift({ target: 'delivery-location', message: { key: 'corporate.deliveries.locationMissing' } });
    const deliveredOn = this.querySelector('#delivery-on').value;
    if (!deliveredOn) problems.unshift({ target: 'delivery-on', message: { key: 'corporate.deliveries.dayMissing' } });
    const optional = (id) => this.querySelector(`#${id}`).value.trim() || null;
    return {
      problems,
      body: { locationId, deliveredOn, carrier: optional('delivery-carrier'), tracking: optional('delivery-tracking'),
        note: optional('delivery-note'), receivedBy: optional('delivery-received'), lines },
    };
  }

  async record() {
    if (this.busy) return;
    const { problems, body } = this.draft();
    if (problems.length) {
      this.errors.show(problems);
      return;
    }
    this.errors.clear();
    this.busy = true;
    const button = this.querySelector('#delivery-record');
    button.setAttribute('aria-disabled', 'true');
    try {
      const made = await recordDelivery(this.orderId, body, this.attempts.keyFor(body));
      this.attempts.done();
      await this.load({ key: 'corporate.deliveries.recorded', params: { number: made.number } });
    } catch (error) {
      console.warn('Recording the delivery failed.', error);
      const name = problemName(error);
      if (name === 'over-delivery' || name === 'order-closed') {
        await this.load({ key: name === 'order-closed' ? 'corporate.deliveries.closed' : 'corporate.deliveries.overRefused' });
        return;
      }
      button.removeAttribute('aria-disabled');
      this.errors.show(refusal(error, { fields: { locationId: 'delivery-location', deliveredOn: 'delivery-on', lines: 'delivery-pieces',
        carrier: 'delivery-carrier', tracking: 'delivery-tracking', note: 'delivery-note', receivedBy: 'delivery-received' } }));
    } finally {
      this.busy = false;
    }
  }

  async receiver(form) {
    const input = form.querySelector('input');
    const name = input.value.trim();
    const status = this.querySelector('#receiver-status');
    if (!name) {
      tell(status, { key: 'corporate.deliveries.receiverMissing' });
      input.focus();
      return;
    }
    try {
      const delivery = await recordReceiver(this.orderId, form.dataset.delivery, name);
      await this.load({ key: 'corporate.deliveries.receiverSaved', params: { number: delivery.number, name } });
    } catch (error) {
      console.warn('Recording who received the delivery failed.', error);
      tell(status, refusal(error)[0].message);
    }
  }
}

export function register() {
  define('delivery-admin', DeliveryAdmin);
}
