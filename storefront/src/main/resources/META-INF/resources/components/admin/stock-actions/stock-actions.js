/**
 * <stock-actions>: three small forms for the variant and place chosen in <stock-admin>:
 * stock received from production, a correction of the count (with a required reason;
 * negative numbers take stock away) and a move between places. Each sends its own
 * Idempotency-Key, new after every success, so a double click records one movement.
 * A 409 (on hand would go below zero) is shown at the number. Emits `stock-moved` (bubbles)
 * with { movement }.
 */
import { html, render } from '../../../lib/html.js';
import { currentLang, translate } from '../../../lib/i18n.js';
import { ApiError, api, ensureCsrfToken } from '../../../lib/api.js';
import { FormErrors, announce, problemsFrom } from '../../../lib/form-errors.js';
import { uuid } from '../../../lib/uuid.js';
import { define } from '../../../lib/define.js';
import { parseDelta, parseQuantity } from '../../../lib/quantity.js';

const REASON_MIN = 3;
const REASON_MAX = 500;

function field(id, key, control, { hint, optional = false } = {}) {
  return html`
    <div class="field">
      <label for="${id}"><span data-i18n="${key}"></span>${optional && html`<span class="field__optional" data-i18n="admin.optional"></span>`}</label>
      ${hint && html`<p id="${id}-hint" class="field__hint" data-i18n="${hint}"></p>`}
      ${control}
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

/** A whole number typed as text; a signed one may start with a minus sign, which numeric keypads lack. */
function numberInput(id, { signedNumber = false } = {}) {
  return html`<input id="${id}" type="text" inputmode="${signedNumber ? 'text' : 'numeric'}" autocomplete="off" required
                     class="input--short" ${signedNumber && html`aria-describedby="${id}-hint"`}>`;
}

function signed(n) {
  return new Intl.NumberFormat(currentLang(), { signDisplay: 'exceptZero' }).format(n);
}

const FORMS = [
  { kind: 'receipt', path: '/api/admin/stock/receipts', fields: { quantity: 'stock-receipt-quantity', note: 'stock-receipt-note' } },
  { kind: 'adjust', path: '/api/admin/stock/adjustments', fields: { delta: 'stock-adjust-delta', reason: 'stock-adjust-reason' } },
  { kind: 'transfer', path: '/api/admin/stock/transfers', fields: { from: 'stock-transfer-from', to: 'stock-transfer-to', quantity: 'stock-transfer-quantity' } },
];

class StockActions extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <section class="stack" aria-labelledby="stock-actions-heading">
        <h2 id="stock-actions-heading" data-i18n="admin.stock.actionsHeading"></h2>
        <p id="stock-actions-none" class="field__hint" data-i18n="admin.stock.actionsNone"></p>
        <p id="stock-actions-for" class="stock-for" hidden></p>
        <p id="stock-status" class="status-message" role="status"></p>
        <div id="stock-forms" class="stock-forms" hidden>
          <form id="stock-receipt-form" class="admin-panel" novalidate aria-labelledby="stock-receipt-heading">
            <h3 id="stock-receipt-heading" data-i18n="admin.stock.receipt.heading"></h3>
            <div id="stock-receipt-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
            ${field('stock-receipt-quantity', 'admin.stock.quantity', numberInput('stock-receipt-quantity'))}
            ${field('stock-receipt-note', 'admin.stock.note',
              html`<input id="stock-receipt-note" type="text" maxlength="500" autocomplete="off" aria-describedby="stock-receipt-note-hint">`,
              { hint: 'admin.stock.receipt.noteHint', optional: true })}
            <button type="submit" id="stock-receipt-submit" class="button button--primary" data-i18n="admin.stock.receipt.submit"></button>
          </form>
          <form id="stock-adjust-form" class="admin-panel" novalidate aria-labelledby="stock-adjust-heading">
            <h3 id="stock-adjust-heading" data-i18n="admin.stock.adjust.heading"></h3>
            <div id="stock-adjust-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
            ${field('stock-adjust-delta', 'admin.stock.adjust.delta', numberInput('stock-adjust-delta', { signedNumber: true }), { hint: 'admin.stock.adjust.deltaHint' })}
            ${field('stock-adjust-reason', 'admin.stock.adjust.reason',
              html`<textarea id="stock-adjust-reason" rows="3" maxlength="${REASON_MAX}" required aria-describedby="stock-adjust-reason-hint"></textarea>`,
              { hint: 'admin.stock.adjust.reasonHint' })}
            <button type="submit" id="stock-adjust-submit" class="button button--primary" data-i18n="admin.stock.adjust.submit"></button>
          </form>
          <form id="stock-transfer-form" class="admin-panel" novalidate aria-labelledby="stock-transfer-heading">
            <h3 id="stock-transfer-heading" data-i18n="admin.stock.transfer.heading"></h3>
            <div id="stock-transfer-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
            ${field('stock-transfer-from', 'admin.stock.transfer.from', html`<select id="stock-transfer-from"></select>`)}
            ${field('stock-transfer-to', 'admin.stock.transfer.to', html`<select id="stock-transfer-to"></select>`)}
            ${field('stock-transfer-quantity', 'admin.stock.quantity', numberInput('stock-transfer-quantity'))}
            <button type="submit" id="stock-transfer-submit" class="button button--primary" data-i18n="admin.stock.transfer.submit"></button>
          </form>
        </div>
      </section>`);
    translate(this);
    this.statusLine = this.querySelector('#stock-status');
    this.forms = {};
    for (const spec of FORMS) {
      const form = this.querySelector(`#stock-${spec.kind}-form`);
      const errors = new FormErrors(form, form.querySelector('.error-summary'));
      this.forms[spec.kind] = { ...spec, form, errors, key: uuid(), busy: false };
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        this.submit(spec.kind);
      });
    }
    if (this.pending) this.selection = this.pending;
  }

  set selection(selection) {
    if (!this.forms) {
      this.pending = selection;
      return;
    }
    this.current = selection;
    const ready = Boolean(selection.variant && selection.place);
    this.querySelector('#stock-forms').hidden = !ready;
    this.querySelector('#stock-actions-none').hidden = ready;
    const context = this.querySelector('#stock-actions-for');
    context.hidden = !ready;
    this.statusLine.textContent = '';
    Object.values(this.forms).forEach(({ errors }) => errors.clear());
    if (!ready) return;
    context.dataset.i18n = 'admin.stock.actionsFor';
    context.dataset.i18nParams = JSON.stringify({ variant: selection.label, place: selection.place.name });
    translate(context);
    this.drawPlaces();
  }

  drawPlaces() {
    const { place, places } = this.current;
    const other = places.find((p) => p.code !== place.code) || place;
    for (const [id, chosen] of [['stock-transfer-from', place], ['stock-transfer-to', other]]) {
      const select = this.querySelector(`#${id}`);
      render(select, html`${places.map((p) => html`<option value="${p.code}" ${p.code === chosen.code && html`selected`}>${p.name}</option>`)}`);
    }
  }

  value(id) {
    return this.querySelector(`#${id}`).value;
  }

  /** The body to send, or the problems that stop it, for one form. */
  check(kind) {
    const { variant, place } = this.current;
    const problems = [];
    const wrong = (target, key, params = {}) => problems.push({ target, message: { key, params } });
    if (kind === 'receipt') {
      const quantity = parseQuantity(this.value('stock-receipt-quantity'));
      if (quantity.problem) wrong('stock-receipt-quantity', `admin.stock.quantity.${quantity.problem}`);
      const note = this.value('stock-receipt-note').trim();
      return { problems, body: { variantId: variant.id, location: place.code, quantity: quantity.value, ...(note ? { note } : {}) } };
    }
    if (kind === 'adjust') {
      const delta = parseDelta(this.value('stock-adjust-delta'));
      if (delta.problem) wrong('stock-adjust-delta', `admin.stock.delta.${delta.problem}`);
      const reason = this.value('stock-adjust-reason').trim();
      if (reason.length < REASON_MIN) wrong('stock-adjust-reason', reason ? 'admin.stock.reason.short' : 'admin.stock.reason.missing', { min: REASON_MIN });
      return { problems, body: { variantId: variant.id, location: place.code, delta: delta.value, reason } };
    }
    const from = this.value('stock-transfer-from');
    const to = this.value('stock-transfer-to');
    if (from === to) wrong('stock-transfer-to', 'admin.stock.transfer.same');
    const quantity = parseQuantity(this.value('stock-transfer-quantity'));
    if (quantity.problem) wrong('stock-transfer-quantity', `admin.stock.quantity.${quantity.problem}`);
    return { problems, body: { variantId: variant.id, from, to, quantity: quantity.value } };
  }

  async submit(kind) {
    const entry = this.forms[kind];
    if (entry.busy) return;
    const { problems, body } = this.check(kind);
    if (problems.length) {
      entry.errors.show(problems);
      return;
    }
    entry.errors.clear();
    entry.busy = true;
    announce(this.statusLine, { key: 'admin.stock.saving' });
    try {
      await ensureCsrfToken();
      const movement = await api.post(entry.path, body, { headers: { 'Idempotency-Key': entry.key } });
      entry.key = uuid();
      entry.form.reset();
      this.drawPlaces();
      announce(this.statusLine, this.doneMessage(kind, body));
      this.dispatchEvent(new CustomEvent('stock-moved', { bubbles: true, detail: { movement } }));
    } catch (error) {
      console.warn('Recording the stock change failed.', error);
      this.statusLine.textContent = '';
      entry.errors.show(this.problems(kind, error));
    } finally {
      entry.busy = false;
    }
  }

  problems(kind, error) {
    const fields = this.forms[kind].fields;
    if (error instanceof ApiError && error.status === 409 && !error.problem.errors?.length) {
      const target = kind === 'adjust' ? fields.delta : fields.quantity;
      // the server's words (what is on hand) only where the page speaks its language; the key above says it in any
      const detail = error.problem.detail && currentLang() === 'en' ? [{ target: null, message: { text: error.problem.detail } }] : [];
      return [{ target, message: { key: kind === 'adjust' ? 'admin.stock.belowZero' : 'admin.stock.notEnough' } }, ...detail];
    }
    return problemsFrom(error, (name) => fields[name] ?? null);
  }

  doneMessage(kind, body) {
    const { label, place, places } = this.current;
    const name = (code) => places.find((p) => p.code === code)?.name || code;
    if (kind === 'receipt') return { key: 'admin.stock.receipt.done', params: { count: body.quantity, variant: label, place: place.name } };
    if (kind === 'adjust') return { key: 'admin.stock.adjust.done', params: { delta: signed(body.delta), variant: label, place: place.name } };
    return { key: 'admin.stock.transfer.done', params: { count: body.quantity, variant: label, from: name(body.from), to: name(body.to) } };
  }
}

export function register() {
  define('stock-actions', StockActions);
}
