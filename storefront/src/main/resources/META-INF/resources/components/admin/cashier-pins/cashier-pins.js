/**
 * <cashier-pins>: the cashiers (GET /api/admin/staff/cashiers), whether each has a PIN for the counter tablets and
 * since when, and setting one (PUT /api/admin/staff/{id}/pin): 4 to 6 digits, not all the same, not a run.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { api, ensureCsrfToken } from '../../../lib/api.js';
import { FormErrors, announce, problemsFrom } from '../../../lib/form-errors.js';
import { ListLoad, emptyHtml, showFailed } from '../../../lib/paged-list.js';
import { formatWhen } from '../../../lib/staff-catalog.js';
import { define } from '../../../lib/define.js';

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
    const chosen = this.querySelector('#cashier-pin-who').value;
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
                </tr>`)}
            </tbody>
          </table>
        </div>`);
    translate(this.list);
    const select = this.querySelector('#cashier-pin-who');
    render(select, html`${cashiers.map((cashier) => html`<option value="${cashier.id}">${cashier.displayName}</option>`)}`);
    if (chosen) select.value = chosen;
    this.form.hidden = cashiers.length === 0;
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
