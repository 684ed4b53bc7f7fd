/**
 * <cashier-pins>: the cashiers (GET /api/admin/staff/cashiers), whether each has a PIN for the counter tablets and
 * since when, and how much of a line each may take off there; setting a PIN (PUT /api/admin/staff/{id}/pin): 4 to 6
 * digits, not all the same, not a run; and setting the discount permission (PUT /api/admin/staff/{id}/discounts):
 * a whole percent from 0 (none) to 100, for a cashier who has a PIN.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { api, ensureCsrfToken } from '../../../lib/api.js';
import { FormErrors, announce, problemsFrom } from '../../../lib/form-errors.js';
import { ListLoad, emptyHtml, showFailed } from '../../../lib/paged-list.js';
import { formatWhen } from '../../../lib/staff-catalog.js';
import { define } from '../../../lib/define.js';

const params = (values) => JSON.stringify(values);

/** A percent typed in digits (full-width ones too) from 0 to 100, or null. */
function percent(text) {
  const digits = String(text).trim().replace(/[%％]$/, '').trim()
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xFF10 + 0x30));
  return /^\d{1,3}$/.test(digits) && Number(digits) <= 100 ? Number(digits) : null;
}

function discountHtml(cashier) {
  return cashier.discountUpTo > 0
    ? html`<span data-i18n="pos.pins.discount.upTo" data-i18n-params="${params({ percent: cashier.discountUpTo })}"></span>`
    : html`<span data-i18n="pos.pins.discount.none"></span>`;
}

class CashierPins extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <section class="admin-panel" aria-labelledby="cashier-pins-heading">
        <h2 id="cashier-pins-heading" data-i18n="pos.pins.heading"></h2>
        <p class="field__hint" data-i18n="pos.pins.intro"></p>
        <div id="cashier-pin-list"></div>
        <div id="cashier-pin-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
        <form id="cashier-pin-form" class="admin-form" novalidate>
          <div class="field">
            <label for="cashier-pin-who" data-i18n="pos.pins.who"></label>
            <select id="cashier-pin-who" required></select>
            <p id="cashier-pin-who-error" class="field__error" hidden></p>
          </div>
          <div class="field">
            <label for="cashier-pin-value" data-i18n="pos.pins.pin"></label>
            <p id="cashier-pin-value-hint" class="field__hint" data-i18n="pos.pins.pinHint"></p>
            <input id="cashier-pin-value" type="password" inputmode="numeric" autocomplete="new-password" maxlength="6" required
                   aria-describedby="cashier-pin-value-hint">
            <p id="cashier-pin-value-error" class="field__error" hidden></p>
          </div>
          <div class="button-row">
            <button type="submit" id="cashier-pin-save" class="button button--primary" data-i18n="pos.pins.save"></button>
          </div>
          <p id="cashier-pin-status" class="status-message" role="status"></p>
        </form>
        <h3 id="cashier-discount-heading" data-i18n="pos.pins.discount.heading"></h3>
        <p class="field__hint" data-i18n="pos.pins.discount.intro"></p>
        <div id="cashier-discount-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
        <form id="cashier-discount-form" class="admin-form" novalidate aria-labelledby="cashier-discount-heading">
          <div class="field">
            <label for="cashier-discount-who" data-i18n="pos.pins.discount.who"></label>
            <select id="cashier-discount-who" required></select>
            <p id="cashier-discount-who-error" class="field__error" hidden></p>
          </div>
          <div class="field">
            <label for="cashier-discount-value" data-i18n="pos.pins.discount.upToLabel"></label>
            <p id="cashier-discount-value-hint" class="field__hint" data-i18n="pos.pins.discount.hint"></p>
            <input id="cashier-discount-value" type="text" inputmode="numeric" maxlength="3" autocomplete="off" required
                   aria-describedby="cashier-discount-value-hint">
            <p id="cashier-discount-value-error" class="field__error" hidden></p>
          </div>
          <div class="button-row">
            <button type="submit" id="cashier-discount-save" class="button button--primary" data-i18n="pos.pins.discount.save"></button>
          </div>
          <p id="cashier-discount-status" class="status-message" role="status"></p>
        </form>
      </section>`);
    translate(this);
    this.list = this.querySelector('#cashier-pin-list');
    this.form = this.querySelector('#cashier-pin-form');
    this.statusLine = this.querySelector('#cashier-pin-status');
    this.errors = new FormErrors(this.form, this.querySelector('#cashier-pin-errors'));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
    this.discountForm = this.querySelector('#cashier-discount-form');
    this.discountStatus = this.querySelector('#cashier-discount-status');
    this.discountErrors = new FormErrors(this.discountForm, this.querySelector('#cashier-discount-errors'));
    this.discountForm.addEventListener('submit', (event) => {
      event.preventDefault();
      this.saveDiscount();
    });
    // Choosing a cashier shows what they may take off now, ready to be changed.
    this.querySelector('#cashier-discount-who').addEventListener('change', () => this.showDiscount());
    this.loader = new ListLoad(this, {
      what: 'cashiers',
      retryId: 'cashier-pin-retry',
      fetch: () => api.get('/api/admin/staff/cashiers'),
      failed: () => showFailed(this.list, 'pos.pins.loadFailed', 'cashier-pin-retry'),
      loaded: (cashiers) => this.draw(cashiers),
    });
    this.loader.run();
  }

  draw(cashiers) {
    this.cashiers = cashiers;
    const chosen = this.querySelector('#cashier-pin-who').value;
    const chosenForDiscount = this.querySelector('#cashier-discount-who').value;
    render(this.list, cashiers.length === 0
      ? emptyHtml('cashier-pin-empty', 'pos.pins.empty')
      : html`
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="cashier-pin-caption">
          <table id="cashier-pin-table" class="data-table">
            <caption id="cashier-pin-caption" data-i18n="pos.pins.caption"></caption>
            <thead>
              <tr>
                <th scope="col" data-i18n="pos.pins.col.name"></th>
                <th scope="col" data-i18n="pos.pins.col.pin"></th>
                <th scope="col" data-i18n="pos.pins.col.discount"></th>
              </tr>
            </thead>
            <tbody>
              ${cashiers.map((cashier) => html`
                <tr>
                  <th scope="row">${cashier.displayName}<span class="data-table__sub">${cashier.email}</span></th>
                  <td id="cashier-pin-state-${cashier.id}">${cashier.pinSetAt
                    ? html`<span class="badge badge--on" data-i18n="pos.pins.set"></span>
                        <span class="data-table__sub">${formatWhen(cashier.pinSetAt)}</span>`
                    : html`<span class="badge badge--off" data-i18n="pos.pins.notSet"></span>`}</td>
                  <td id="cashier-discount-state-${cashier.id}">${discountHtml(cashier)}</td>
                </tr>`)}
            </tbody>
          </table>
        </div>`);
    translate(this.list);
    const names = html`${cashiers.map((cashier) => html`<option value="${cashier.id}">${cashier.displayName}</option>`)}`;
    const select = this.querySelector('#cashier-pin-who');
    render(select, names);
    if (chosen) select.value = chosen;
    const discountSelect = this.querySelector('#cashier-discount-who');
    render(discountSelect, names);
    if (chosenForDiscount) discountSelect.value = chosenForDiscount;
    this.showDiscount();
    this.form.hidden = cashiers.length === 0;
    this.discountForm.hidden = cashiers.length === 0;
  }

  showDiscount() {
    const id = this.querySelector('#cashier-discount-who').value;
    const cashier = this.cashiers?.find((one) => one.id === id);
    this.querySelector('#cashier-discount-value').value = cashier ? String(cashier.discountUpTo ?? 0) : '';
  }

  async saveDiscount() {
    if (this.discountBusy) return;
    const who = this.querySelector('#cashier-discount-who');
    const upTo = percent(this.querySelector('#cashier-discount-value').value);
    if (upTo === null) {
      this.discountErrors.show([{ target: 'cashier-discount-value', message: { key: 'pos.pins.discount.invalid' } }]);
      return;
    }
    this.discountErrors.clear();
    this.discountBusy = true;
    const name = who.selectedOptions[0].textContent;
    announce(this.discountStatus, { key: 'pos.admin.saving' });
    try {
      await ensureCsrfToken();
      await api.put(`/api/admin/staff/${encodeURIComponent(who.value)}/discounts`, { upTo });
      announce(this.discountStatus, upTo > 0
        ? { key: 'pos.pins.discount.saved', params: { name, percent: upTo } }
        : { key: 'pos.pins.discount.savedNone', params: { name } });
      await this.loader.run();
    } catch (error) {
      console.warn('Setting the discount permission failed.', error);
      this.discountStatus.textContent = '';
      // The server refuses someone without a PIN on userId: the words say what to do instead.
      this.discountErrors.show(problemsFrom(error, (field) => (field === 'upTo' ? 'cashier-discount-value' : 'cashier-discount-who'))
        .map((problem) => (problem.target === 'cashier-discount-who' && error.status === 400
          ? { ...problem, message: { key: 'pos.pins.discount.needsPin' } } : problem)));
    } finally {
      this.discountBusy = false;
    }
  }

  async save() {
    if (this.busy) return;
    const who = this.querySelector('#cashier-pin-who');
    const pin = this.querySelector('#cashier-pin-value').value.trim();
    if (!/^\d{4,6}$/.test(pin)) {
      this.errors.show([{ target: 'cashier-pin-value', message: { key: 'pos.pins.pinInvalid' } }]);
      return;
    }
    this.errors.clear();
    this.busy = true;
    announce(this.statusLine, { key: 'pos.admin.saving' });
    try {
      await ensureCsrfToken();
      await api.put(`/api/admin/staff/${encodeURIComponent(who.value)}/pin`, { pin });
      this.querySelector('#cashier-pin-value').value = '';
      announce(this.statusLine, { key: 'pos.pins.saved', params: { name: who.selectedOptions[0].textContent } });
      await this.loader.run();
    } catch (error) {
      console.warn('Setting the PIN failed.', error);
      this.statusLine.textContent = '';
      this.errors.show(problemsFrom(error, (field) => (field === 'pin' ? 'cashier-pin-value' : 'cashier-pin-who')).map((problem) =>
        (problem.target === 'cashier-pin-value' ? { ...problem, message: { key: 'pos.pins.pinWeak' } } : problem)));
    } finally {
      this.busy = false;
    }
  }
}

export function register() {
  define('cashier-pins', CashierPins);
}
