/**
 * <piecework-record>: a coordinator records work a maker has done (POST /api/admin/piecework/work): who,
 * which operation, the day and how many pieces, and, when the pieces are checked at once, how many were
 * accepted or rejected (and why) and whether they go into stock; optionally the company's order the work was for
 * (GET /api/admin/corporate/orders; `?order={id}` in the address chooses it) and the minutes it took (1–1440, summed
 * as hours by impact reports). Maker, operation, day and order stay chosen after a save, so a pile of records is
 * typed quickly. Emits `work-recorded` (bubbles) with { record }.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { formatMoney } from '../../../lib/money.js';
import { FormErrors, announce, problemsFrom } from '../../../lib/form-errors.js';
import { locations, makers } from '../../../lib/staff-catalog.js';
import { isDay, today } from '../../../lib/piecework.js';
import { parseCount } from '../../../lib/quantity.js';
import { allOrders } from '../../../lib/company-orders.js';
import {
  checker, earningsHref, field, makerOptions, numberInput, operationLabel, operationOptions, operations, send,
} from '../../../lib/staff-piecework.js';
import { define } from '../../../lib/define.js';
import { uuid } from '../../../lib/uuid.js';
import { checkFieldFor, checkFieldsHtml, readCheck } from '../piecework-queue/check-form.js';

const FIELDS = {
  makerId: 'work-record-maker', operationId: 'work-record-operation', workDate: 'work-record-date',
  pieces: 'work-record-pieces', note: 'work-record-note', orderId: 'work-record-order', minutes: 'work-record-minutes',
};
const MINUTES_MAX = 1440;

/** The order chosen by the address (?order=), if any. */
function orderFromAddress() {
  return new URLSearchParams(window.location.search).get('order') || '';
}

/** Companies' orders as choices: "WS-2026-000123 — 成都某某有限公司"; `selected` is chosen when it is one of them. */
function orderOptions(orders, selected) {
  return html`${orders.map((o) => html`<option value="${o.orderId}" ${o.orderId === selected && html`selected`}>${o.orderNumber} — ${o.companyName}</option>`)}`;
}

class PieceworkRecord extends HTMLElement {
  connectedCallback() {
    this.key = uuid();
    render(this, html`
      <section class="admin-panel" aria-labelledby="work-record-heading">
        <h2 id="work-record-heading" data-i18n="piecework.record.heading"></h2>
        <p class="field__hint" data-i18n="piecework.record.intro"></p>
        <div id="work-record-body"><p role="status" data-i18n="piecework.loading"></p></div>
        <p id="work-record-status" class="status-message" role="status"></p>
        <p id="work-record-next" hidden></p>
      </section>`);
    translate(this);
    this.onLangChange = () => this.relabel();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.load();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  async load() {
    const body = this.querySelector('#work-record-body');
    try {
      [this.makers, this.operations, this.places, this.orders] = await Promise.all([makers(), operations(), locations(),
        allOrders().catch((error) => {
          console.warn('Could not load companies\' orders; work is recorded without one.', error);
          return null;
        })]);
    } catch (error) {
      console.warn('Could not load makers, operations or places.', error);
      render(body, html`<p class="notice" role="alert" data-i18n="piecework.record.loadFailed"></p>`);
      translate(body);
      return;
    }
    render(body, html`
      <form id="work-record-form" class="admin-form" novalidate>
        <div id="work-record-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
        ${field(FIELDS.makerId, 'piecework.record.maker', html`
          <select id="${FIELDS.makerId}"><option value="" data-i18n="piecework.record.makerChoose"></option>
            ${makerOptions(this.makers)}</select>`)}
        ${field(FIELDS.operationId, 'piecework.record.operation', html`
          <select id="${FIELDS.operationId}"><option value="" data-i18n="piecework.record.operationChoose"></option>
            ${operationOptions(this.operations)}</select>`)}
        ${field(FIELDS.workDate, 'piecework.record.date',
          html`<input id="${FIELDS.workDate}" type="date" value="${today()}" max="${today()}" class="input--short">`)}
        ${field(FIELDS.pieces, 'piecework.record.pieces', numberInput(FIELDS.pieces))}
        ${field(FIELDS.minutes, 'piecework.record.minutes', numberInput(FIELDS.minutes, { describedBy: `${FIELDS.minutes}-hint` }),
          { optional: true, hint: 'piecework.record.minutesHint' })}
        ${field(FIELDS.orderId, 'piecework.record.order', html`
          <select id="${FIELDS.orderId}" aria-describedby="${FIELDS.orderId}-hint">
            <option value="" data-i18n="piecework.record.orderNone"></option>
            ${orderOptions(this.orders || [], orderFromAddress())}</select>`,
          { optional: true, hint: this.orders ? 'piecework.record.orderHint' : 'piecework.record.ordersFailed' })}
        ${field(FIELDS.note, 'piecework.record.note',
          html`<input id="${FIELDS.note}" type="text" maxlength="500" autocomplete="off">`, { optional: true })}
        <label class="choice" for="work-record-check-now">
          <input type="checkbox" id="work-record-check-now" aria-controls="work-record-check">
          <span class="choice__text"><span data-i18n="piecework.record.checkNow"></span>
            <span class="choice__note" data-i18n="piecework.record.checkNowNote"></span></span>
        </label>
        <fieldset id="work-record-check" class="group" hidden data-error-context>
          <legend class="group__legend" data-i18n="piecework.record.checkLegend"></legend>
          ${checkFieldsHtml('work-record', this.places)}
        </fieldset>
        <button type="submit" id="work-record-submit" class="button button--primary" data-i18n="piecework.record.submit"></button>
      </form>`);
    translate(body);
    this.form = this.querySelector('#work-record-form');
    this.errors = new FormErrors(this.form, this.querySelector('#work-record-errors'));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.form.addEventListener('change', (event) => {
      if (event.target.id === 'work-record-check-now') this.toggleCheck(event.target.checked);
    });
  }

  /** Shows the check's fields; "all accepted" is filled in from the pieces when nothing is typed yet. */
  toggleCheck(on) {
    this.querySelector('#work-record-check').hidden = !on;
    const accepted = this.querySelector('#work-record-accepted');
    if (on && !accepted.value) accepted.value = this.querySelector(`#${FIELDS.pieces}`).value.trim();
  }

  relabel() {
    const select = this.querySelector(`#${FIELDS.operationId}`);
    if (!select) return;
    const chosen = select.value;
    render(select, html`<option value="" data-i18n="piecework.record.operationChoose"></option>${operationOptions(this.operations, chosen)}`);
    translate(select);
  }

  check() {
    const problems = [];
    const check = checker(problems);
    const value = (id) => this.querySelector(`#${id}`).value;
    const body = { makerId: value(FIELDS.makerId), operationId: value(FIELDS.operationId), workDate: value(FIELDS.workDate) };
    if (!body.makerId) check.wrong(FIELDS.makerId, 'piecework.record.makerMissing');
    if (!body.operationId) check.wrong(FIELDS.operationId, 'piecework.record.operationMissing');
    if (!isDay(body.workDate)) check.wrong(FIELDS.workDate, 'piecework.record.dateMissing');
    else if (body.workDate > today()) check.wrong(FIELDS.workDate, 'piecework.record.dateFuture');
    body.pieces = check.count(FIELDS.pieces, value(FIELDS.pieces), 1);
    const minutes = value(FIELDS.minutes).trim();
    if (minutes) {
      const parsed = parseCount(minutes, 1, MINUTES_MAX);
      if (parsed.problem === 'format') check.wrong(FIELDS.minutes, 'piecework.record.minutesFormat');
      else if (parsed.problem) check.wrong(FIELDS.minutes, 'piecework.record.minutesRange');
      else body.minutes = parsed.value;
    }
    const note = value(FIELDS.note).trim();
    if (note) body.note = note;
    if (value(FIELDS.orderId)) body.orderId = value(FIELDS.orderId);
    if (this.querySelector('#work-record-check-now').checked) body.check = readCheck(this, 'work-record', body.pieces, problems);
    return { problems, body };
  }

  async submit() {
    if (this.busy) return;
    const { problems, body } = this.check();
    if (problems.length) {
      this.errors.show(problems);
      return;
    }
    this.errors.clear();
    this.busy = true;
    const status = this.querySelector('#work-record-status');
    announce(status, { key: 'piecework.saving' });
    try {
      // One key per record: sent again after a lost answer or a double click, the work is recorded once.
      const record = await send('/work', body, { 'Idempotency-Key': this.key });
      this.key = uuid();
      this.done(record, body);
    } catch (error) {
      console.warn('Recording work failed.', error);
      status.textContent = '';
      this.errors.show(problemsFrom(error, (name) => FIELDS[name] ?? (name.startsWith('check') ? checkFieldFor('work-record', name) : null)));
    } finally {
      this.busy = false;
    }
  }

  done(record, body) {
    const maker = this.makers.find((m) => m.id === body.makerId);
    const operation = this.operations.find((o) => o.id === body.operationId);
    const params = {
      maker: maker?.name ?? record.makerName, what: operation ? operationLabel(operation) : record.operationName,
      count: body.pieces, accepted: record.accepted ?? body.check?.accepted ?? 0,
      amount: record.amount ? formatMoney(record.amount) : '—',
    };
    announce(this.querySelector('#work-record-status'),
      { key: body.check ? 'piecework.record.doneChecked' : 'piecework.record.done', params });
    const next = this.querySelector('#work-record-next');
    render(next, html`<a id="work-record-statement" href="${earningsHref(body.makerId, body.workDate.slice(0, 7))}"
      data-i18n="piecework.record.statementLink" data-i18n-params="${JSON.stringify({ maker: params.maker })}"></a>`);
    translate(next);
    next.hidden = false;
    for (const id of [FIELDS.pieces, FIELDS.minutes, FIELDS.note, 'work-record-accepted', 'work-record-reason']) this.querySelector(`#${id}`).value = '';
    this.querySelector('#work-record-rejected').value = '0';
    this.querySelector('#work-record-receive').value = '';
    this.dispatchEvent(new CustomEvent('work-recorded', { bubbles: true, detail: { record } }));
  }
}

export function register() {
  define('piecework-record', PieceworkRecord);
}
