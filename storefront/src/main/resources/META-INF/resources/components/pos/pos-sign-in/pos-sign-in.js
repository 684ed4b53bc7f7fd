/**
 * <pos-sign-in>: on a paired tablet, who is at the counter. Nobody signed in: the cashiers who have a PIN, as large
 * choices, and the PIN, typed or tapped on a number pad, each digit counted aloud without saying it
 * (POST /api/pos/sign-in). Someone signed in: their name, the register, signing out, the sale (<pos-sale>, first:
 * it is what the counter is for) or, chosen beside it, a return against a receipt (<pos-return>), and the shift
 * (<pos-shift>); both sell and give back only while the shift is open, and each sale or return sends the shift to read
 * its drawer again. The choice of sale or return is a pair of toggle buttons; the screen not chosen stays as it was. `counter` sets what GET /api/pos/device said (or, without the
 * network, what was kept of it): { device, register, cashier }. While sales wait to be sent (lib/pos-queue.js),
 * signing out is refused, here and in the page's header: the waiting sales need the cashier's session to be sent.
 * When the server says the session has ended, the sales wait, and the cashier is asked to sign in again, after which
 * they go. Signing out, here or in the header, asks first, saying when a sale in progress would be lost. Emits `counter-changed` (bubbles) after a sign-in or out,
 * and tells the page's header (lib/session.js sessionChanged()), which then names the cashier, or no one, without the
 * page being loaded again.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { ApiError, api, ensureCsrfToken } from '../../../lib/api.js';
import { FormErrors, announce, showMessage } from '../../../lib/form-errors.js';
import { keepCashier } from '../../../lib/pos-device.js';
import { QUEUE_CHANGE, queueState, sync, waitingSales } from '../../../lib/pos-queue.js';
import { focusOpened } from '../../../lib/pos-display.js';
import { localName } from '../../../lib/staff-catalog.js';
import { sessionChanged } from '../../../lib/session.js';
import { define } from '../../../lib/define.js';
import { register as registerShift } from '../pos-shift/pos-shift.js';
import { register as registerSale } from '../pos-sale/pos-sale.js';
import { register as registerReturn } from '../pos-return/pos-return.js';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

function pinField(id, key) {
  return html`
    <div class="field">
      <label for="${id}" data-i18n="${key}"></label>
      <input id="${id}" class="pos-pin-input" type="password" inputmode="numeric" autocomplete="off" maxlength="6" required>
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

class PosSignIn extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <p id="pos-sign-in-status" class="status-message" role="status"></p>
      <section id="pos-signed-in" class="stack" aria-labelledby="pos-signed-in-heading" hidden>
        <h2 id="pos-signed-in-heading" tabindex="-1" data-i18n="pos.signIn.signedInHeading"></h2>
        <p id="pos-signed-in-who" class="pos-register"></p>
        <p><button type="button" id="pos-sign-out" class="button button--secondary" data-i18n="pos.signIn.signOut"></button></p>
        <div id="pos-sign-out-refused" role="alert"></div>
        <section id="pos-sign-out-confirm" class="notice stack" aria-labelledby="pos-sign-out-confirm-heading" hidden>
          <h3 id="pos-sign-out-confirm-heading" tabindex="-1" data-i18n="pos.signIn.confirm.heading"></h3>
          <p id="pos-sign-out-confirm-what"></p>
          <div class="button-row">
            <button type="button" id="pos-sign-out-confirm-yes" class="button button--primary" data-i18n="pos.signIn.confirm.yes"
                    aria-describedby="pos-sign-out-confirm-what"></button>
            <button type="button" id="pos-sign-out-confirm-back" class="button button--secondary" data-i18n="pos.signIn.confirm.back"></button>
          </div>
        </section>
        <details id="pos-pin-change">
          <summary data-i18n="pos.pinChange.open"></summary>
          <div id="pos-pin-change-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
          <form id="pos-pin-change-form" class="stack" novalidate>
            ${pinField('pos-pin-current', 'pos.pinChange.current')}
            ${pinField('pos-pin-new', 'pos.pinChange.new')}
            ${pinField('pos-pin-again', 'pos.pinChange.again')}
            <p><button type="submit" id="pos-pin-change-save" class="button button--secondary" data-i18n="pos.pinChange.save"></button></p>
          </form>
        </details>
        <div id="pos-counter-place" class="stack"></div>
      </section>
      <section id="pos-who" class="stack" aria-labelledby="pos-who-heading" hidden>
        <h2 id="pos-who-heading" tabindex="-1" data-i18n="pos.signIn.heading"></h2>
        <p id="pos-no-cashiers" class="notice" data-i18n="pos.signIn.noCashiers" hidden></p>
        <div id="pos-sign-in-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
        <form id="pos-sign-in-form" class="stack" novalidate>
          <fieldset id="pos-cashiers" class="pos-choices">
            <legend data-i18n="pos.signIn.who"></legend>
            <div id="pos-cashier-list" class="pos-choices__list"></div>
            <p id="pos-cashiers-error" class="field__error" hidden></p>
          </fieldset>
          <div class="field">
            <label for="pos-pin" data-i18n="pos.signIn.pin"></label>
            <input id="pos-pin" class="pos-pin-input" type="password" inputmode="numeric" autocomplete="off" maxlength="6"
                   aria-describedby="pos-pin-count">
            <p id="pos-pin-count" class="field__hint" aria-live="polite"></p>
            <p id="pos-pin-error" class="field__error" hidden></p>
          </div>
          <div class="pos-keypad" role="group" data-i18n-attr="aria-label:pos.signIn.keypad">
            ${DIGITS.map((digit) => html`<button type="button" class="button button--secondary pos-keypad__key"
                id="pos-key-${digit}" data-digit="${digit}">${digit}</button>`)}
            <button type="button" class="button button--secondary pos-keypad__key" id="pos-key-delete"
                    data-i18n-attr="aria-label:pos.signIn.delete">⌫</button>
          </div>
          <p><button type="submit" id="pos-sign-in-submit" class="button button--primary" data-i18n="pos.signIn.submit"></button></p>
        </form>
      </section>`);
    translate(this);
    this.statusLine = this.querySelector('#pos-sign-in-status');
    this.form = this.querySelector('#pos-sign-in-form');
    this.pin = this.querySelector('#pos-pin');
    this.errors = new FormErrors(this.form, this.querySelector('#pos-sign-in-errors'));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.signIn();
    });
    this.pin.addEventListener('input', () => {
      this.pin.value = this.pin.value.replace(/\D/g, '').slice(0, 6);
      this.countDigits();
    });
    this.addEventListener('click', (event) => this.clicked(event));
    this.querySelector('#pos-sign-out-confirm').addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      this.closeConfirm(true);
    });
    this.addEventListener('pos-shift-changed', (event) => {
      for (const screen of this.querySelectorAll('pos-sale, pos-return')) screen.shift = event.detail.shift;
    });
    this.addEventListener('pos-sale-completed', () => this.querySelector('pos-shift')?.load());
    // A shift just opened: selling is what comes next, so focus goes to the sale (the shift's form has gone).
    this.addEventListener('pos-shift-opened', () => this.querySelector('#pos-sale-heading')?.focus());
    this.addEventListener('pos-return-completed', () => this.querySelector('pos-shift')?.load());
    this.pinChange = new FormErrors(this.querySelector('#pos-pin-change-form'), this.querySelector('#pos-pin-change-errors'));
    this.querySelector('#pos-pin-change-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.changePin();
    });
    this.onQueueChange = (event) => this.queueChanged(event.detail);
    this.onHeaderSignOut = (event) => this.headerSignOut(event);
    document.addEventListener(QUEUE_CHANGE, this.onQueueChange);
    document.addEventListener('auth-sign-out', this.onHeaderSignOut);
    if (this.waiting) this.counter = this.waiting;
  }

  disconnectedCallback() {
    document.removeEventListener(QUEUE_CHANGE, this.onQueueChange);
    document.removeEventListener('auth-sign-out', this.onHeaderSignOut);
  }

  set counter(counter) {
    if (!this.form) {
      this.waiting = counter;
      return;
    }
    this.current = counter;
    if (counter.cashier) this.showSignedIn(counter);
    else this.showWho();
  }

  showSignedIn({ cashier, register }, focus = false) {
    this.querySelector('#pos-who').hidden = true;
    this.querySelector('#pos-sign-out-refused').textContent = '';
    this.querySelector('#pos-sign-out-confirm').hidden = true;
    const who = this.querySelector('#pos-signed-in-who');
    who.dataset.i18n = 'pos.signIn.whoAt';
    who.dataset.i18nParams = JSON.stringify({ name: cashier.displayName, register: localName(register) });
    translate(who);
    // A fresh sale, return and drawer for whoever is signed in now.
    render(this.querySelector('#pos-counter-place'), html`
      <div class="button-row pos-counter-mode" role="group" data-i18n-attr="aria-label:pos.counter.label">
        <button type="button" id="pos-mode-sale" class="button button--secondary" data-mode="sale" aria-pressed="true"
                data-i18n="pos.counter.sale"></button>
        <button type="button" id="pos-mode-return" class="button button--secondary" data-mode="return" aria-pressed="false"
                data-i18n="pos.counter.return"></button>
      </div>
      <pos-sale></pos-sale><pos-return hidden></pos-return><pos-shift></pos-shift>`);
    translate(this.querySelector('#pos-counter-place'));
    this.querySelector('#pos-signed-in').hidden = false;
    if (focus) this.querySelector('#pos-signed-in-heading').focus();
  }

  async showWho(focus = false) {
    this.querySelector('#pos-signed-in').hidden = true;
    render(this.querySelector('#pos-counter-place'), html``);
    this.pin.value = '';
    this.countDigits();
    let cashiers;
    try {
      cashiers = await api.get('/api/pos/staff');
    } catch (error) {
      console.warn('Could not load the cashiers.', error);
      announce(this.statusLine, { key: 'pos.device.unreachable' });
      return;
    }
    render(this.querySelector('#pos-cashier-list'), html`${cashiers.map((cashier) => html`
      <label class="pos-choice"><input type="radio" name="cashier" value="${cashier.id}"
             id="pos-cashier-${cashier.id}"> <span>${cashier.displayName}</span></label>`)}`);
    this.querySelector('#pos-no-cashiers').hidden = cashiers.length > 0;
    this.form.hidden = cashiers.length === 0;
    this.querySelector('#pos-who').hidden = false;
    if (focus) this.querySelector('#pos-who-heading').focus();
  }

  countDigits() {
    const count = this.querySelector('#pos-pin-count');
    count.dataset.i18n = 'pos.signIn.digits';
    count.dataset.i18nParams = JSON.stringify({ count: this.pin.value.length });
    translate(count);
  }

  clicked(event) {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.dataset.digit && this.pin.value.length < 6) {
      this.pin.value += button.dataset.digit;
      this.countDigits();
    } else if (button.id === 'pos-key-delete') {
      this.pin.value = this.pin.value.slice(0, -1);
      this.countDigits();
    } else if (button.id === 'pos-sign-out') {
      this.askToSignOut(false);
    } else if (button.id === 'pos-sign-out-confirm-yes') {
      this.closeConfirm(false);
      this.signOut(this.fromHeader);
    } else if (button.id === 'pos-sign-out-confirm-back') {
      this.closeConfirm(true);
    } else if (button.dataset.mode) {
      this.chooseScreen(button.dataset.mode);
    }
  }

  /** The sale or the return; the other keeps what it holds, and focus goes where the chosen one is worked. */
  chooseScreen(mode) {
    for (const button of this.querySelectorAll('[data-mode]')) button.setAttribute('aria-pressed', String(button.dataset.mode === mode));
    const sale = this.querySelector('pos-sale');
    const giving = this.querySelector('pos-return');
    sale.hidden = mode !== 'sale';
    giving.hidden = mode !== 'return';
    if (mode === 'return') giving.focusCode();
    else this.querySelector('#pos-sale-heading')?.focus();
  }

  async signIn() {
    if (this.busy) return;
    const chosen = this.querySelector('input[name="cashier"]:checked');
    const pin = this.pin.value;
    const problems = [];
    if (!chosen) problems.push({ target: 'pos-cashiers', message: { key: 'pos.signIn.whoMissing' } });
    if (!/^\d{4,6}$/.test(pin)) problems.push({ target: 'pos-pin', message: { key: 'pos.signIn.pinInvalid' } });
    if (problems.length) {
      this.errors.show(problems);
      return;
    }
    this.errors.clear();
    this.busy = true;
    announce(this.statusLine, { key: 'pos.signIn.signingIn' });
    try {
      await ensureCsrfToken();
      const counter = await api.post('/api/pos/sign-in', { userId: chosen.value, pin });
      this.statusLine.textContent = '';
      this.current = counter;
      this.showSignedIn(counter, true);
      this.dispatchEvent(new CustomEvent('counter-changed', { bubbles: true, detail: { counter } }));
      sessionChanged();
      keepCashier(counter.cashier).catch((error) => console.warn('Could not keep who is signed in.', error));
      // Sales that waited for a cashier signed in here go now.
      sync().catch((error) => console.warn('The waiting sales could not be sent.', error));
    } catch (error) {
      console.warn('Signing in failed.', error);
      this.statusLine.textContent = '';
      this.pin.value = '';
      this.countDigits();
      this.errors.show([this.problem(error)]);
    } finally {
      this.busy = false;
    }
  }

  problem(error) {
    if (!(error instanceof ApiError)) return { target: null, message: { key: 'pos.device.unreachable' } };
    if (error.status === 429) {
      return { target: 'pos-pin', message: { key: 'pos.signIn.tooMany', params: { seconds: error.retryAfterSeconds ?? 60 } } };
    }
    if (error.status === 401 && error.problem.type?.endsWith('/device-not-paired')) {
      return { target: null, message: { key: 'pos.signIn.notPaired' } };
    }
    return { target: 'pos-pin', message: { key: 'pos.signIn.wrongPin' } };
  }

  async changePin() {
    if (this.busy) return;
    const value = (id) => this.querySelector(`#${id}`).value;
    const [current, next, again] = [value('pos-pin-current'), value('pos-pin-new'), value('pos-pin-again')];
    const problems = [];
    if (!/^\d{4,6}$/.test(current)) problems.push({ target: 'pos-pin-current', message: { key: 'pos.signIn.pinInvalid' } });
    if (!/^\d{4,6}$/.test(next)) problems.push({ target: 'pos-pin-new', message: { key: 'pos.signIn.pinInvalid' } });
    else if (next !== again) problems.push({ target: 'pos-pin-again', message: { key: 'pos.pinChange.mismatch' } });
    if (problems.length) {
      this.pinChange.show(problems);
      return;
    }
    this.pinChange.clear();
    this.busy = true;
    try {
      await ensureCsrfToken();
      await api.put('/api/pos/pin', { currentPin: current, newPin: next });
      this.querySelector('#pos-pin-change-form').reset();
      this.querySelector('#pos-pin-change').open = false;
      announce(this.statusLine, { key: 'pos.pinChange.done' });
      this.querySelector('#pos-pin-change summary').focus();
    } catch (error) {
      console.warn('Changing the PIN failed.', error);
      const weak = error instanceof ApiError && error.status === 400;
      const tooMany = error instanceof ApiError && error.status === 429;
      this.pinChange.show([weak ? { target: 'pos-pin-new', message: { key: 'pos.pins.pinWeak' } }
        : tooMany ? { target: 'pos-pin-current', message: { key: 'pos.signIn.tooMany', params: { seconds: error.retryAfterSeconds ?? 60 } } }
          : error instanceof ApiError ? { target: 'pos-pin-current', message: { key: 'pos.pinChange.wrong' } }
            : { target: null, message: { key: 'pos.device.unreachable' } }]);
    } finally {
      this.busy = false;
    }
  }

  /** Says that signing out waits for the sales still to be sent, and why; focus goes to it. */
  refuseSignOut(waiting) {
    const refused = this.querySelector('#pos-sign-out-refused');
    render(refused, html`<p id="pos-sign-out-refusal" class="field__error" tabindex="-1"></p>`);
    showMessage(refused.firstElementChild, { key: 'pos.signIn.salesWaiting', params: { count: waiting } });
    refused.firstElementChild.focus();
  }

  /**
   * The header's "Sign out" (a cancelable `auth-sign-out`) signs out at the counter, as this one does: refused while
   * sales wait, else after the same confirmation.
   */
  headerSignOut(event) {
    if (this.querySelector('#pos-signed-in').hidden) return;
    event.preventDefault();
    const { waiting } = queueState();
    if (waiting > 0) this.refuseSignOut(waiting);
    else this.askToSignOut(true);
  }

  /**
   * Signing out asks first: the next person needs their own PIN, and a sale in progress is lost with the session.
   * Refused at once while sales wait to be sent. `fromHeader`: asked by the header's button, whose page is then
   * loaded again, as the header does, so that it no longer names the cashier.
   */
  async askToSignOut(fromHeader) {
    this.fromHeader = fromHeader;
    const waiting = (await waitingSales()).length;
    if (waiting > 0) {
      this.refuseSignOut(waiting);
      return;
    }
    this.querySelector('#pos-sign-out-refused').textContent = '';
    const lines = this.querySelectorAll('#pos-sale-lines > li').length;
    const what = this.querySelector('#pos-sign-out-confirm-what');
    what.dataset.i18n = lines > 0 ? 'pos.signIn.confirm.saleLost' : 'pos.signIn.confirm.what';
    what.dataset.i18nParams = JSON.stringify({ count: lines });
    translate(what);
    this.querySelector('#pos-sign-out-confirm').hidden = false;
    focusOpened(this.querySelector('#pos-sign-out-confirm-heading'), this.querySelector('#pos-sign-out-confirm-yes'));
  }

  closeConfirm(focusBack) {
    this.querySelector('#pos-sign-out-confirm').hidden = true;
    if (focusBack) this.querySelector('#pos-sign-out').focus();
  }

  /** The server no longer knows the cashier here: the waiting sales need them to sign in again. */
  queueChanged({ refusal }) {
    const ended = refusal?.status === 401 && (refusal.type ?? '').endsWith('/not-signed-in-here');
    if (!ended || !this.current?.cashier) return;
    this.current = { ...this.current, cashier: null };
    keepCashier(null).catch((error) => console.warn('Could not keep who is signed in.', error));
    sessionChanged();
    this.showWho();
  }

  async signOut(reload = false) {
    const waiting = (await waitingSales()).length;
    if (waiting > 0) {
      this.refuseSignOut(waiting);
      return;
    }
    try {
      await ensureCsrfToken();
      await api.post('/api/auth/logout');
      const forgotten = keepCashier(null).catch((keepError) => console.warn('Could not keep who is signed in.', keepError));
      if (reload) {
        await forgotten;
        window.location.reload();
        return;
      }
      announce(this.statusLine, { key: 'pos.signIn.signedOut' });
      sessionChanged(null);
      this.current = { ...this.current, cashier: null };
      await this.showWho(true);
      this.dispatchEvent(new CustomEvent('counter-changed', { bubbles: true, detail: { counter: this.current } }));
    } catch (error) {
      console.warn('Signing out failed.', error);
      announce(this.statusLine, { key: 'pos.device.unreachable' });
    }
  }
}

export function register() {
  registerSale();
  registerReturn();
  registerShift();
  define('pos-sign-in', PosSignIn);
}
