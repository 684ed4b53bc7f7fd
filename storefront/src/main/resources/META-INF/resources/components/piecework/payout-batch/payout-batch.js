/**
 * <payout-batch>: pays makers their whole balance in one go (POST /api/admin/piecework/payout-batches):
 * everyone who is owed anything, or only the makers ticked, by one method. The batch's bank file
 * (payouts.csv) is then offered as a download link.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { FormErrors, announce, problemsFrom } from '../../../lib/form-errors.js';
import { makers } from '../../../lib/staff-catalog.js';
import { uuid } from '../../../lib/uuid.js';
import { METHODS, amountHtml, relocalise } from '../../../lib/piecework.js';
import { payoutCsvUrl, send } from '../../../lib/staff-piecework.js';
import { define } from '../../../lib/define.js';

function makerChoice(maker) {
  const id = `payout-batch-maker-${maker.id}`;
  return html`<li><label class="choice" for="${id}"><input type="checkbox" id="${id}" name="makerIds" value="${maker.id}">
    <span class="choice__text">${maker.name}</span></label></li>`;
}

/** What the batch says about itself: how many makers were paid and how much, when the server tells. */
function summaryHtml(batch) {
  const payouts = Array.isArray(batch.payouts) ? batch.payouts : null;
  const total = batch.total || (payouts && payouts.length
    ? { amount: payouts.reduce((sum, p) => sum + (p.amount?.amount ?? p.amount ?? 0), 0), currency: 'CNY' } : null);
  return html`
    ${payouts && html`<p id="payout-batch-count" data-i18n="piecework.batch.count"
                         data-i18n-params="${JSON.stringify({ count: payouts.length })}"></p>`}
    ${total && html`<p><span data-i18n="piecework.batch.total"></span> ${amountHtml(total, { id: 'payout-batch-total' })}</p>`}`;
}

class PayoutBatch extends HTMLElement {
  connectedCallback() {
    this.key = uuid();
    render(this, html`
      <form id="payout-batch-form" class="admin-panel" novalidate aria-labelledby="payout-batch-heading">
        <h2 id="payout-batch-heading" data-i18n="piecework.batch.heading"></h2>
        <p class="field__hint" data-i18n="piecework.batch.intro"></p>
        <div id="payout-batch-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
        <div class="field">
          <label for="payout-batch-method" data-i18n="piecework.payout.method"></label>
          <select id="payout-batch-method">${METHODS.map((m) => html`<option value="${m}" data-i18n="piecework.method.${m}">${m}</option>`)}</select>
          <p id="payout-batch-method-error" class="field__error" hidden></p>
        </div>
        <fieldset id="payout-batch-who" class="group">
          <legend class="group__legend" data-i18n="piecework.batch.who"></legend>
          <p id="payout-batch-who-error" class="field__error" hidden></p>
          <ul class="choices">
            <li><label class="choice" for="payout-batch-everyone"><input type="radio" id="payout-batch-everyone" name="who" value="everyone" checked>
              <span class="choice__text" data-i18n="piecework.batch.everyone"></span></label></li>
            <li><label class="choice" for="payout-batch-some"><input type="radio" id="payout-batch-some" name="who" value="some" aria-controls="payout-batch-makers">
              <span class="choice__text" data-i18n="piecework.batch.some"></span></label></li>
          </ul>
        </fieldset>
        <fieldset id="payout-batch-makers" class="group" hidden>
          <legend class="group__legend" data-i18n="piecework.batch.makers"></legend>
          <p id="payout-batch-makers-error" class="field__error" hidden></p>
          <ul class="choices choices--columns" id="payout-batch-maker-list"><li><span role="status" data-i18n="piecework.loading"></span></li></ul>
        </fieldset>
        <button type="submit" id="payout-batch-submit" class="button button--primary" data-i18n="piecework.batch.submit"></button>
      </form>
      <p id="payout-batch-status" class="status-message" role="status"></p>
      <section id="payout-batch-result" class="admin-panel" aria-labelledby="payout-batch-result-heading" hidden></section>`);
    translate(this);
    this.form = this.querySelector('#payout-batch-form');
    this.errors = new FormErrors(this.form, this.querySelector('#payout-batch-errors'));
    this.form.addEventListener('change', (event) => {
      if (event.target.name === 'who') this.querySelector('#payout-batch-makers').hidden = event.target.value !== 'some';
    });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.onLangChange = () => relocalise(this);
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.loadMakers();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  async loadMakers() {
    const list = this.querySelector('#payout-batch-maker-list');
    try {
      render(list, html`${(await makers()).map(makerChoice)}`);
    } catch (error) {
      console.warn('Could not load makers.', error);
      render(list, html`<li><p class="notice" role="alert" data-i18n="piecework.batch.makersFailed"></p></li>`);
      translate(list);
    }
  }

  async submit() {
    if (this.busy) return;
    const body = { method: this.querySelector('#payout-batch-method').value };
    if (this.form.querySelector('input[name="who"]:checked').value === 'some') {
      body.makerIds = [...this.form.querySelectorAll('input[name="makerIds"]:checked')].map((box) => box.value);
      if (!body.makerIds.length) {
        this.errors.show([{ target: 'payout-batch-makers', message: { key: 'piecework.batch.noneChosen' } }]);
        return;
      }
    }
    this.errors.clear();
    this.busy = true;
    const status = this.querySelector('#payout-batch-status');
    announce(status, { key: 'piecework.saving' });
    try {
      const batch = await send('/payout-batches', body, { 'Idempotency-Key': this.key });
      this.key = uuid();
      status.textContent = '';
      this.showResult(batch);
    } catch (error) {
      console.warn('The payout batch failed.', error);
      status.textContent = '';
      this.errors.show(problemsFrom(error, (name) => (name === 'method' ? 'payout-batch-method' : name.startsWith('makerIds') ? 'payout-batch-makers' : null)));
    } finally {
      this.busy = false;
    }
  }

  showResult(batch) {
    const result = this.querySelector('#payout-batch-result');
    render(result, html`
      <h2 id="payout-batch-result-heading" tabindex="-1" data-i18n="piecework.batch.done"></h2>
      ${summaryHtml(batch)}
      <p><a id="payout-batch-csv" class="button button--primary" href="${payoutCsvUrl(batch.id)}" download
            data-i18n="piecework.batch.csv"></a></p>
      <p class="field__hint" data-i18n="piecework.batch.csvHint"></p>`);
    translate(result);
    result.hidden = false;
    result.querySelector('#payout-batch-result-heading').focus();
  }
}

export function register() {
  define('payout-batch', PayoutBatch);
}
