/**
 * <register-admin>: the POS registers (GET /api/admin/pos/registers), each with its tablet; opening a
 * register; a one-time pairing code for a register without a tablet, shown large with when it stops
 * working; revoking a register's tablet after a confirmation; and the register's card reader (Stripe Terminal) and
 * receipt printer on the shop's network (docs/api/pos.md).
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { api, ensureCsrfToken } from '../../../lib/api.js';
import { FormErrors, announce, problemsFrom } from '../../../lib/form-errors.js';
import { ListLoad, emptyHtml, showFailed } from '../../../lib/paged-list.js';
import { codeLabel, formatWhen, localName } from '../../../lib/staff-catalog.js';
import { uuid } from '../../../lib/uuid.js';
import { define } from '../../../lib/define.js';

const KINDS = ['CANTEEN', 'CAFE', 'TEA_ROOM', 'SHOP_COUNTER'];
const FIELDS = { id: 'register-id', kind: 'register-kind', nameZh: 'register-name-zh', nameEn: 'register-name-en' };

function params(values) {
  return JSON.stringify(values);
}

function textField(id, key, hint, { maxlength, lang, pattern } = {}) {
  return html`
    <div class="field">
      <label for="${id}" data-i18n="${key}"></label>
      ${hint && html`<p id="${id}-hint" class="field__hint" data-i18n="${hint}"></p>`}
      <input id="${id}" type="text" maxlength="${maxlength}" autocomplete="off" required
             ${lang && html`lang="${lang}"`} ${pattern && html`autocapitalize="characters"`}
             ${hint && html`aria-describedby="${id}-hint"`}>
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

class RegisterAdmin extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <p id="register-list-status" class="status-message" role="status"></p>
      <div id="register-list"></div>
      <section id="register-code-panel" class="admin-panel" aria-labelledby="register-code-heading" hidden>
        <h2 id="register-code-heading" tabindex="-1"></h2>
        <p id="register-code" class="pairing-code"></p>
        <p id="register-code-how" class="field__hint"></p>
      </section>
      <section id="register-revoke-panel" class="admin-panel" aria-labelledby="register-revoke-heading" hidden>
        <h2 id="register-revoke-heading" tabindex="-1" data-i18n="pos.admin.revoke.heading"></h2>
        <p id="register-revoke-what"></p>
        <div class="button-row">
          <button type="button" id="register-revoke-confirm" class="button button--primary" data-i18n="pos.admin.revoke.confirm"></button>
          <button type="button" id="register-revoke-cancel" class="button button--secondary" data-i18n="pos.admin.revoke.cancel"></button>
        </div>
      </section>
      <section id="register-devices-panel" class="admin-panel" aria-labelledby="register-devices-heading" hidden>
        <h2 id="register-devices-heading" tabindex="-1"></h2>
        <div id="register-devices-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
        <form id="register-devices-form" class="admin-form" novalidate>
          ${textField('register-reader', 'pos.admin.devices.reader', 'pos.admin.devices.readerHint', { maxlength: 64 })}
          ${textField('register-printer', 'pos.admin.devices.printer', 'pos.admin.devices.printerHint', { maxlength: 260 })}
          <div class="button-row">
            <button type="submit" id="register-devices-save" class="button button--primary" data-i18n="pos.admin.devices.save"></button>
            <button type="button" id="register-devices-cancel" class="button button--secondary" data-i18n="pos.admin.devices.cancel"></button>
          </div>
        </form>
      </section>
      <section class="admin-panel" aria-labelledby="register-new-heading">
        <h2 id="register-new-heading" data-i18n="pos.admin.new.heading"></h2>
        <div id="register-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
        <form id="register-form" class="admin-form" novalidate>
          <p class="field__hint" data-i18n="admin.form.allRequired"></p>
          ${textField(FIELDS.id, 'pos.admin.new.id', 'pos.admin.new.idHint', { maxlength: 24, pattern: true })}
          <div class="field">
            <label for="register-kind" data-i18n="pos.admin.new.kind"></label>
            <select id="register-kind" required>
              ${KINDS.map((kind) => html`<option value="${kind}" data-i18n="pos.kind.${kind}"></option>`)}
            </select>
            <p id="register-kind-error" class="field__error" hidden></p>
          </div>
          ${textField(FIELDS.nameZh, 'pos.admin.new.nameZh', null, { maxlength: 60, lang: 'zh-CN' })}
          ${textField(FIELDS.nameEn, 'pos.admin.new.nameEn', null, { maxlength: 60, lang: 'en' })}
          <div class="button-row">
            <button type="submit" id="register-save" class="button button--primary" data-i18n="pos.admin.new.submit"></button>
          </div>
          <p id="register-status" class="status-message" role="status"></p>
        </form>
      </section>`);
    translate(this);
    this.list = this.querySelector('#register-list');
    this.form = this.querySelector('#register-form');
    this.statusLine = this.querySelector('#register-status');
    this.listStatus = this.querySelector('#register-list-status');
    this.errors = new FormErrors(this.form, this.querySelector('#register-errors'));
    this.idempotencyKey = uuid();
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.create();
    });
    this.addEventListener('click', (event) => this.clicked(event));
    this.devicesErrors = new FormErrors(this.querySelector('#register-devices-form'), this.querySelector('#register-devices-errors'));
    this.querySelector('#register-devices-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.saveDevices();
    });
    this.loader = new ListLoad(this, {
      what: 'POS registers',
      retryId: 'register-list-retry',
      fetch: () => api.get('/api/admin/pos/registers'),
      failed: () => showFailed(this.list, 'pos.admin.loadFailed', 'register-list-retry'),
      loaded: (registers) => this.draw(registers),
    });
    this.loader.run();
  }

  draw(registers) {
    this.registers = registers;
    render(this.list, registers.length === 0
      ? emptyHtml('register-list-empty', 'pos.admin.empty')
      : html`
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="register-table-caption">
          <table id="register-table" class="data-table">
            <caption id="register-table-caption" data-i18n="pos.admin.caption"
                     data-i18n-params="${params({ count: registers.length })}"></caption>
            <thead>
              <tr>
                <th scope="col" data-i18n="pos.admin.col.register"></th>
                <th scope="col" data-i18n="pos.admin.col.kind"></th>
                <th scope="col" data-i18n="pos.admin.col.tablet"></th>
                <th scope="col" data-i18n="pos.admin.col.receipts"></th>
                <th scope="col" data-i18n="pos.admin.col.devices"></th>
                <th scope="col" data-i18n="pos.admin.col.actions"></th>
              </tr>
            </thead>
            <tbody>
              ${registers.map((register) => html`
                <tr id="register-row-${register.id}">
                  <th scope="row">${localName(register)}<span class="data-table__sub">${register.id}</span></th>
                  <td>${codeLabel('pos.kind', register.kind)}</td>
                  <td id="register-tablet-${register.id}">${register.device
                    ? html`<span class="badge badge--on" data-i18n="pos.admin.paired"></span>
                        <span class="data-table__sub">${register.device.label} ·
                          ${formatWhen(register.device.pairedAt)}</span>`
                    : html`<span class="badge badge--off" data-i18n="pos.admin.notPaired"></span>`}</td>
                  <td>${register.lastReceiptNumber}</td>
                  <td id="register-devices-${register.id}">
                    <span class="data-table__sub">${register.cardReader
                      ? html`<span data-i18n="pos.admin.devices.readerIs" data-i18n-params="${params({ reader: register.cardReader })}"></span>`
                      : html`<span data-i18n="pos.admin.devices.noReader"></span>`}</span>
                    <span class="data-table__sub">${register.printer
                      ? html`<span data-i18n="pos.admin.devices.printerIs" data-i18n-params="${params({ printer: register.printer })}"></span>`
                      : html`<span data-i18n="pos.admin.devices.noPrinter"></span>`}</span>
                    <button type="button" id="register-devices-open-${register.id}" class="button button--secondary" data-devices="${register.id}">
                      <span data-i18n="pos.admin.devices.open"></span><span class="visually-hidden"> ${localName(register)}</span>
                    </button>
                  </td>
                  <td>${register.device
                    ? html`<button type="button" id="register-revoke-${register.id}" class="button button--secondary"
                                   data-revoke="${register.id}">
                        <span data-i18n="pos.admin.revoke.open"></span><span class="visually-hidden"> ${localName(register)}</span>
                      </button>`
                    : html`<button type="button" id="register-code-${register.id}" class="button button--secondary"
                                   data-code="${register.id}">
                        <span data-i18n="pos.admin.code.open"></span><span class="visually-hidden"> ${localName(register)}</span>
                      </button>`}</td>
                </tr>`)}
            </tbody>
          </table>
        </div>`);
    translate(this.list);
  }

  clicked(event) {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.dataset.code) this.pairingCode(this.find(button.dataset.code));
    else if (button.dataset.revoke) this.askToRevoke(this.find(button.dataset.revoke));
    else if (button.dataset.devices) this.openDevices(this.find(button.dataset.devices));
    else if (button.id === 'register-devices-cancel') this.closeDevices(true);
    else if (button.id === 'register-revoke-confirm') this.revoke();
    else if (button.id === 'register-revoke-cancel') this.closeRevoke(true);
  }

  find(id) {
    return this.registers.find((register) => register.id === id);
  }

  async create() {
    if (this.busy) return;
    const value = (id) => this.querySelector(`#${id}`).value.trim();
    const draft = { id: value(FIELDS.id).toUpperCase(), kind: value(FIELDS.kind), nameZh: value(FIELDS.nameZh), nameEn: value(FIELDS.nameEn) };
    const problems = [];
    if (!/^[A-Z][A-Z0-9-]{0,23}$/.test(draft.id)) problems.push({ target: FIELDS.id, message: { key: 'pos.admin.new.idInvalid' } });
    if (!draft.nameZh) problems.push({ target: FIELDS.nameZh, message: { key: 'pos.admin.new.nameMissing' } });
    if (!draft.nameEn) problems.push({ target: FIELDS.nameEn, message: { key: 'pos.admin.new.nameMissing' } });
    if (problems.length) {
      this.errors.show(problems);
      return;
    }
    this.errors.clear();
    this.busy = true;
    announce(this.statusLine, { key: 'pos.admin.saving' });
    try {
      await ensureCsrfToken();
      const register = await api.post('/api/admin/pos/registers', draft, { headers: { 'Idempotency-Key': this.idempotencyKey } });
      this.idempotencyKey = uuid();
      this.form.reset();
      announce(this.statusLine, { key: 'pos.admin.new.done', params: { name: localName(register), id: register.id } });
      await this.loader.run();
    } catch (error) {
      console.warn('Opening the register failed.', error);
      this.statusLine.textContent = '';
      this.errors.show(problemsFrom(error, (field) => FIELDS[field] ?? null));
    } finally {
      this.busy = false;
    }
  }

  async pairingCode(register) {
    this.closeRevoke(false);
    announce(this.listStatus, { key: 'pos.admin.saving' });
    try {
      await ensureCsrfToken();
      const code = await api.post(`/api/admin/pos/registers/${encodeURIComponent(register.id)}/pairing-codes`, undefined,
        { headers: { 'Idempotency-Key': uuid() } });
      this.listStatus.textContent = '';
      const panel = this.querySelector('#register-code-panel');
      const heading = this.querySelector('#register-code-heading');
      heading.dataset.i18n = 'pos.admin.code.heading';
      heading.dataset.i18nParams = params({ name: localName(register) });
      // Shown in two groups of four; read out digit by digit.
      render(this.querySelector('#register-code'), html`<span aria-hidden="true">${code.code.slice(0, 4)} ${code.code.slice(4)}</span><span
        class="visually-hidden">${code.code.split('').join(' ')}</span>`);
      const how = this.querySelector('#register-code-how');
      how.dataset.i18n = 'pos.admin.code.how';
      how.dataset.i18nParams = params({ until: formatWhen(code.expiresAt), address: `${window.location.origin}/pos/` });
      translate(panel);
      panel.hidden = false;
      heading.focus();
    } catch (error) {
      console.warn('Asking for a pairing code failed.', error);
      announce(this.listStatus, { key: error.status === 409 ? 'pos.admin.code.paired' : 'pos.admin.failed' });
    }
  }

  /** The register's card reader and printer, to change. */
  openDevices(register) {
    this.devicesOf = register;
    const heading = this.querySelector('#register-devices-heading');
    heading.dataset.i18n = 'pos.admin.devices.heading';
    heading.dataset.i18nParams = params({ name: localName(register) });
    translate(heading);
    this.querySelector('#register-reader').value = register.cardReader ?? '';
    this.querySelector('#register-printer').value = register.printer ?? '';
    this.devicesErrors.clear();
    this.querySelector('#register-devices-panel').hidden = false;
    heading.focus();
  }

  closeDevices(focusBack) {
    const register = this.devicesOf;
    this.devicesOf = null;
    this.querySelector('#register-devices-panel').hidden = true;
    if (focusBack && register) this.querySelector(`#register-devices-open-${register.id}`)?.focus();
  }

  async saveDevices() {
    const register = this.devicesOf;
    if (!register || this.busy) return;
    const reader = this.querySelector('#register-reader').value.trim();
    const printer = this.querySelector('#register-printer').value.trim();
    const problems = [];
    if (reader && !/^tmr_[A-Za-z0-9]{1,60}$/.test(reader)) problems.push({ target: 'register-reader', message: { key: 'pos.admin.devices.readerInvalid' } });
    const port = Number(printer.slice(printer.lastIndexOf(':') + 1));
    if (printer && (!/^[A-Za-z0-9][A-Za-z0-9.-]{0,252}:[0-9]{1,5}$/.test(printer) || port < 1 || port > 65535)) {
      problems.push({ target: 'register-printer', message: { key: 'pos.admin.devices.printerInvalid' } });
    }
    if (problems.length) {
      this.devicesErrors.show(problems);
      return;
    }
    this.busy = true;
    announce(this.listStatus, { key: 'pos.admin.saving' });
    try {
      await ensureCsrfToken();
      const path = `/api/admin/pos/registers/${encodeURIComponent(register.id)}`;
      await api.put(`${path}/card-reader`, reader ? { reader } : {});
      await api.put(`${path}/printer`, printer ? { address: printer } : {});
      this.closeDevices(false);
      await this.loader.run();
      announce(this.listStatus, { key: 'pos.admin.devices.done', params: { name: localName(register) } });
      this.querySelector(`#register-devices-open-${register.id}`)?.focus();
    } catch (error) {
      console.warn('Saving the register\'s reader and printer failed.', error);
      this.listStatus.textContent = '';
      this.devicesErrors.show(problemsFrom(error, (field) => ({ reader: 'register-reader', address: 'register-printer' })[field] ?? null));
    } finally {
      this.busy = false;
    }
  }

  askToRevoke(register) {
    this.querySelector('#register-code-panel').hidden = true;
    this.revoking = register;
    const what = this.querySelector('#register-revoke-what');
    what.dataset.i18n = 'pos.admin.revoke.what';
    what.dataset.i18nParams = params({ label: register.device.label, name: localName(register) });
    translate(what);
    const panel = this.querySelector('#register-revoke-panel');
    panel.hidden = false;
    this.querySelector('#register-revoke-heading').focus();
  }

  closeRevoke(focusBack) {
    const register = this.revoking;
    this.revoking = null;
    this.querySelector('#register-revoke-panel').hidden = true;
    if (focusBack && register) this.querySelector(`#register-revoke-${register.id}`)?.focus();
  }

  async revoke() {
    const register = this.revoking;
    if (!register || this.busy) return;
    this.busy = true;
    try {
      await ensureCsrfToken();
      await api.post(`/api/admin/pos/devices/${encodeURIComponent(register.device.id)}/revoke`);
      this.closeRevoke(false);
      await this.loader.run();
      announce(this.listStatus, { key: 'pos.admin.revoke.done', params: { label: register.device.label, name: localName(register) } });
      this.querySelector(`#register-code-${register.id}`)?.focus();
    } catch (error) {
      console.warn('Revoking the tablet failed.', error);
      announce(this.listStatus, { key: 'pos.admin.failed' });
    } finally {
      this.busy = false;
    }
  }
}

export function register() {
  define('register-admin', RegisterAdmin);
}
