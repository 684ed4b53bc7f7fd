/**
 * <maker-earnings>: one maker's month for coordinators (?maker=&month=, a plain GET form, so links and reloads
 * keep the choice): the statement with balances and every ledger line, the balance today, and forms for a
 * payout (Idempotency-Key, never above the balance; 422 "overdrawn" when another payout got there first), an
 * adjustment, and the correction of one line. After each, the statement and balance are read again.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { formatMoney } from '../../../lib/money.js';
import { FormErrors, announce, problemsFrom } from '../../../lib/form-errors.js';
import { makers } from '../../../lib/staff-catalog.js';
import { problemCode } from '../../../lib/staff-orders.js';
import { uuid } from '../../../lib/uuid.js';
import { currentMonth, dayText, isMonth, lineWords, relocalise, yuan } from '../../../lib/piecework.js';
import {
  balance, makerOptions, monthOptions, relocaliseMonthOptions, send, statement,
} from '../../../lib/staff-piecework.js';
import { define } from '../../../lib/define.js';
import { statementHtml } from './statement.js';
import {
  ADJUST, CORRECT, PAYOUT, adjustFormHtml, correctFormHtml, payoutFormHtml, readAdjustment, readCorrection, readPayout,
} from './forms.js';

function chosenInAddress() {
  const params = new URLSearchParams(window.location.search);
  const month = params.get('month');
  return { makerId: params.get('maker') || '', month: isMonth(month) ? month : currentMonth() };
}

class MakerEarnings extends HTMLElement {
  connectedCallback() {
    this.chosen = chosenInAddress();
    this.payoutKey = uuid();
    this.adjustKey = uuid();
    render(this, html`
      <div id="earnings-pick"><p role="status" data-i18n="piecework.loading"></p></div>
      <p id="earnings-status" class="status-message" role="status"></p>
      <div id="earnings-statement"></div>
      <div id="earnings-correct"></div>
      <div id="earnings-forms" class="earnings-forms"></div>`);
    translate(this);
    this.status = this.querySelector('#earnings-status');
    this.addEventListener('click', (event) => this.clicked(event));
    this.onLangChange = () => {
      relocalise(this);
      relocaliseMonthOptions(this);
      this.drawStatement();
    };
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.load();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  clicked(event) {
    const correct = event.target.closest('[data-correct]');
    if (correct) this.openCorrection(correct.dataset.correct);
    if (event.target.closest('#earnings-correct-cancel')) this.closeCorrection(true);
    if (event.target.closest('#earnings-retry')) this.show();
  }

  async load() {
    const pick = this.querySelector('#earnings-pick');
    try {
      this.makers = await makers();
    } catch (error) {
      console.warn('Could not load makers.', error);
      render(pick, html`<p class="notice" role="alert" data-i18n="piecework.earnings.makersFailed"></p>`);
      translate(pick);
      return;
    }
    const { makerId, month } = this.chosen;
    render(pick, html`
      <form id="earnings-pick-form" class="filters" method="get" action="/admin/maker-earnings.html" aria-labelledby="earnings-pick-heading">
        <h2 id="earnings-pick-heading" class="filters__heading" data-i18n="piecework.earnings.pickHeading"></h2>
        <div class="field">
          <label for="earnings-maker" data-i18n="piecework.earnings.maker"></label>
          <select id="earnings-maker" name="maker"><option value="" data-i18n="piecework.record.makerChoose"></option>
            ${makerOptions(this.makers, makerId)}</select>
        </div>
        <div class="field">
          <label for="earnings-month" data-i18n="piecework.earnings.month"></label>
          <select id="earnings-month" name="month">${monthOptions(month)}</select>
        </div>
        <button type="submit" id="earnings-show" class="button button--primary" data-i18n="piecework.earnings.show"></button>
      </form>`);
    translate(pick);
    this.maker = this.makers.find((m) => m.id === makerId) || null;
    if (this.maker) this.show();
  }

  /** Reads the statement and balance again and draws them with the forms. */
  async show() {
    const target = this.querySelector('#earnings-statement');
    try {
      [this.statement, this.balance] = await Promise.all([
        statement(this.maker.id, this.chosen.month), balance(this.maker.id).then((b) => b.balance),
      ]);
    } catch (error) {
      console.warn('Could not load the statement.', error);
      render(target, html`<div class="notice" role="alert"><p data-i18n="piecework.earnings.loadFailed"></p>
        <button type="button" id="earnings-retry" class="button button--secondary" data-i18n="admin.retry"></button></div>`);
      translate(target);
      return;
    }
    this.drawStatement();
    this.closeCorrection(false);
    this.drawForms();
  }

  /** The statement and its table, drawn again in a new language (operation names included). */
  drawStatement() {
    if (!this.statement) return;
    const target = this.querySelector('#earnings-statement');
    render(target, statementHtml(this.statement, this.balance));
    translate(target);
  }

  drawForms() {
    const forms = this.querySelector('#earnings-forms');
    render(forms, html`${payoutFormHtml(this.balance)}${adjustFormHtml()}`);
    translate(forms);
    this.wire('payout', (value, problems) => ({
      path: '/payouts', body: readPayout(value, this.maker.id, this.balance, problems), headers: { 'Idempotency-Key': this.payoutKey },
    }), PAYOUT);
    this.wire('adjust', (value, problems) => ({
      path: '/adjustments', body: readAdjustment(value, this.maker.id, problems), headers: { 'Idempotency-Key': this.adjustKey },
    }), ADJUST);
  }

  /** Submitting form `kind` sends what `read` makes of it; `fields` maps server field names to ids. */
  wire(kind, read, fields) {
    const form = this.querySelector(`#earnings-${kind}-form`);
    const errors = new FormErrors(form, form.querySelector('.error-summary'));
    const value = (id) => form.querySelector(`#${id}`).value;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (this.busy) return;
      const problems = [];
      const { path, body, headers } = read(value, problems);
      if (problems.length) {
        errors.show(problems);
        return;
      }
      errors.clear();
      this.busy = true;
      announce(this.status, { key: 'piecework.saving' });
      try {
        await send(path, body, headers);
        // A key is spent only by a success: sending again after a lost answer books the payout or adjustment once.
        if (kind === 'payout') this.payoutKey = uuid();
        if (kind === 'adjust') this.adjustKey = uuid();
        await this.show();
        announce(this.status, this.doneMessage(kind, body));
        this.querySelector('#earnings-heading')?.focus();
      } catch (error) {
        console.warn(`Saving the ${kind} failed.`, error);
        this.status.textContent = '';
        errors.show(this.problems(kind, error, fields));
      } finally {
        this.busy = false;
      }
    });
  }

  problems(kind, error, fields) {
    if (kind === 'payout' && error.status === 422 && problemCode(error).includes('overdrawn')) {
      // Someone else paid this maker meanwhile: the key is spent only by a success, so retrying stays safe.
      balance(this.maker.id).then((b) => {
        this.balance = b.balance;
      }).catch(() => {});
      return [{ target: PAYOUT.amount, message: { key: 'piecework.payout.overdrawn' } }];
    }
    return problemsFrom(error, (name) => fields[name.split('.').pop()] ?? null);
  }

  doneMessage(kind, body) {
    const maker = this.maker.name;
    if (kind === 'payout') {
      return { key: 'piecework.payout.done', params: { maker, amount: formatMoney(yuan(body.amount)) } };
    }
    if (kind === 'adjust') return { key: 'piecework.adjust.done', params: { maker, amount: formatMoney(yuan(body.amount)) } };
    return { key: 'piecework.correct.done', params: { maker } };
  }

  openCorrection(entryId) {
    const line = this.statement.lines.find((l) => l.entryId === entryId);
    if (!line) return;
    const target = this.querySelector('#earnings-correct');
    render(target, correctFormHtml(line, this.makers, this.maker.id));
    translate(target);
    const entry = target.querySelector('#earnings-correct-entry');
    entry.dataset.i18n = 'piecework.correct.entry';
    entry.dataset.i18nParams = JSON.stringify({
      day: dayText(line.day), what: lineWords(line) || line.description,
      amount: formatMoney(line.amount),
    });
    translate(entry);
    this.correcting = entryId;
    this.wire('correct', (value, problems) => ({
      path: `/entries/${encodeURIComponent(entryId)}/corrections`, body: readCorrection(value, problems),
    }), CORRECT);
    target.querySelector('#earnings-correct-heading').focus();
  }

  closeCorrection(focusBack) {
    const id = this.correcting;
    this.correcting = null;
    render(this.querySelector('#earnings-correct'), html``);
    if (focusBack && id) this.querySelector(`#earnings-correct-${CSS.escape(id)}`)?.focus();
  }
}

export function register() {
  define('maker-earnings', MakerEarnings);
}
