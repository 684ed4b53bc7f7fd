/**
 * <pos-shift>: the shift at this register and its cash drawer, for the cashier signed in at the tablet
 * (docs/api/pos.md, step 3). No open shift: open one with the float counted into the drawer. Open: what the drawer
 * should hold (float + paid in − paid out), cash paid in or out with a reason, and closing with the counted cash,
 * after a confirmation that says the difference. Closed: the closing's figures, and a new shift can open.
 * Emits `pos-shift-changed` (bubbles, `detail: { shift }`, null when none is open) whenever it loads, opens, moves
 * cash or closes, so the sale screen knows whether it may sell, and `pos-shift-opened` (bubbles) when the cashier
 * opened one here, so that focus can go on to the sale; `load()` reads the drawer again (after a sale).
 * "X report" makes a signed report of the open shift (POST /api/pos/shift/reports, step 9) and opens its page
 * (/pos/report.html?code=…) in a new window, with a link to it as well; after a close, the closed panel links to the
 * shift's Z report. Each shift read is kept (lib/pos-store.js): without the network the kept one is shown, said to be as last loaded,
 * so that the counter still sells after a reload offline. Closing is refused while sales wait to be sent
 * (lib/pos-queue.js): they belong to this shift; once the last of them is sent, the drawer is read again.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { ApiError, api, ensureCsrfToken, isUnreachable } from '../../../lib/api.js';
import { FormErrors, announce, problemsFrom } from '../../../lib/form-errors.js';
import { QUEUE_CHANGE, queueState, waitingSales } from '../../../lib/pos-queue.js';
import { keep, kept } from '../../../lib/pos-store.js';
import { formatMoney, parseYuan, spokenMoney } from '../../../lib/money.js';
import { focusOpened } from '../../../lib/pos-display.js';
import { formatWhen } from '../../../lib/staff-catalog.js';
import { uuid } from '../../../lib/uuid.js';
import { define } from '../../../lib/define.js';

/** Cash as typed: like a price, and 0 too (an empty drawer is a count). */
function parseCash(text) {
  return /^\s*[¥￥]?\s*0+(\.0{1,2})?\s*$/.test(String(text)) ? { fen: 0 } : parseYuan(text);
}

function cash(fen) {
  return { amount: fen, currency: 'CNY' };
}

function params(values) {
  return JSON.stringify(values);
}

function moneyField(id, key, hint) {
  return html`
    <div class="field">
      <label for="${id}" data-i18n="${key}"></label>
      ${hint && html`<p id="${id}-hint" class="field__hint" data-i18n="${hint}"></p>`}
      <input id="${id}" class="pos-money-input" type="text" inputmode="decimal" autocomplete="off" required
             ${hint && html`aria-describedby="${id}-hint"`}>
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

/** A report's page (anyone holding the code may read it), opened in a new window so the counter stays as it is. */
function reportPage(code) {
  return `/pos/report.html?code=${encodeURIComponent(code)}`;
}

function reportLink(id, code, key) {
  return html`<a id="${id}" href="${reportPage(code)}" target="_blank" rel="noopener"><span data-i18n="${key}"></span>
    <span data-i18n="pos.shift.report.newWindow"></span></a>`;
}

class PosShift extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <section class="stack" aria-labelledby="pos-shift-heading">
        <h2 id="pos-shift-heading" tabindex="-1" data-i18n="pos.shift.heading"></h2>
        <p id="pos-shift-status" class="status-message" role="status"></p>
        <div id="pos-shift-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
        <p id="pos-shift-offline" class="notice" data-i18n="pos.shift.offline" hidden></p>
        <div id="pos-shift-closed" class="stack" hidden></div>
        <form id="pos-shift-open-form" class="stack" novalidate hidden>
          ${moneyField('pos-shift-float', 'pos.shift.float', 'pos.shift.floatHint')}
          <p><button type="submit" id="pos-shift-open" class="button button--primary" data-i18n="pos.shift.open"></button></p>
        </form>
        <div id="pos-shift-now" class="stack" hidden>
          <dl id="pos-shift-figures" class="facts"></dl>
          <div id="pos-shift-movements"></div>
          <div class="stack">
            <p><button type="button" id="pos-shift-x-report" class="button button--secondary" data-i18n="pos.shift.report.x"></button></p>
            <p id="pos-shift-x-done" hidden></p>
          </div>
          <form id="pos-cash-form" class="stack" novalidate>
            <fieldset id="pos-cash-kind" class="pos-choices">
              <legend data-i18n="pos.shift.cash.heading"></legend>
              <div class="pos-choices__list">
                <label class="pos-choice"><input type="radio" name="pos-cash-kind" id="pos-cash-in" value="PAID_IN" checked>
                  <span data-i18n="pos.shift.cash.in"></span></label>
                <label class="pos-choice"><input type="radio" name="pos-cash-kind" id="pos-cash-out" value="PAID_OUT">
                  <span data-i18n="pos.shift.cash.out"></span></label>
              </div>
            </fieldset>
            ${moneyField('pos-cash-amount', 'pos.shift.cash.amount', null)}
            <div class="field">
              <label for="pos-cash-reason" data-i18n="pos.shift.cash.reason"></label>
              <p id="pos-cash-reason-hint" class="field__hint" data-i18n="pos.shift.cash.reasonHint"></p>
              <input id="pos-cash-reason" type="text" maxlength="200" autocomplete="off" required aria-describedby="pos-cash-reason-hint">
              <p id="pos-cash-reason-error" class="field__error" hidden></p>
            </div>
            <p><button type="submit" id="pos-cash-save" class="button button--secondary" data-i18n="pos.shift.cash.save"></button></p>
          </form>
          <form id="pos-no-sale-form" class="stack" novalidate aria-labelledby="pos-no-sale-heading">
            <h3 id="pos-no-sale-heading" data-i18n="pos.shift.noSale.heading"></h3>
            <div class="field">
              <label for="pos-no-sale-reason" data-i18n="pos.shift.noSale.reason"></label>
              <p id="pos-no-sale-reason-hint" class="field__hint" data-i18n="pos.shift.noSale.hint"></p>
              <input id="pos-no-sale-reason" type="text" maxlength="200" autocomplete="off" required
                     aria-describedby="pos-no-sale-reason-hint">
              <p id="pos-no-sale-reason-error" class="field__error" hidden></p>
            </div>
            <p><button type="submit" id="pos-no-sale-save" class="button button--secondary" data-i18n="pos.shift.noSale.save"></button></p>
          </form>
          <form id="pos-shift-close-form" class="stack" novalidate>
            ${moneyField('pos-shift-counted', 'pos.shift.counted', 'pos.shift.countedHint')}
            <p><button type="submit" id="pos-shift-close" class="button button--secondary" data-i18n="pos.shift.close"></button></p>
          </form>
          <section id="pos-shift-confirm" class="stack" aria-labelledby="pos-shift-confirm-heading" hidden>
            <h3 id="pos-shift-confirm-heading" tabindex="-1" data-i18n="pos.shift.confirm.heading"></h3>
            <p id="pos-shift-confirm-what"></p>
            <div class="button-row">
              <button type="button" id="pos-shift-confirm-close" class="button button--primary" data-i18n="pos.shift.confirm.close"
                      aria-describedby="pos-shift-confirm-what"></button>
              <button type="button" id="pos-shift-confirm-back" class="button button--secondary" data-i18n="pos.shift.confirm.back"></button>
            </div>
          </section>
        </div>
      </section>`);
    translate(this);
    this.statusLine = this.querySelector('#pos-shift-status');
    this.errors = new FormErrors(this, this.querySelector('#pos-shift-errors'));
    this.querySelector('#pos-shift-open-form').addEventListener('submit', (event) => { event.preventDefault(); this.open(); });
    this.querySelector('#pos-cash-form').addEventListener('submit', (event) => { event.preventDefault(); this.move(); });
    this.querySelector('#pos-shift-close-form').addEventListener('submit', (event) => { event.preventDefault(); this.askToClose(); });
    this.querySelector('#pos-no-sale-form').addEventListener('submit', (event) => { event.preventDefault(); this.noSale(); });
    this.querySelector('#pos-shift-confirm-close').addEventListener('click', () => this.close());
    this.querySelector('#pos-shift-confirm-back').addEventListener('click', () => this.closeConfirm(true));
    this.querySelector('#pos-shift-confirm').addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      this.closeConfirm(true);
    });
    this.querySelector('#pos-shift-x-report').addEventListener('click', () => this.xReport());
    this.waitingBefore = queueState().waiting;
    this.onQueueChange = (event) => {
      if (this.waitingBefore > 0 && event.detail.waiting === 0) this.load();
      this.waitingBefore = event.detail.waiting;
    };
    document.addEventListener(QUEUE_CHANGE, this.onQueueChange);
    this.load();
  }

  disconnectedCallback() {
    document.removeEventListener(QUEUE_CHANGE, this.onQueueChange);
  }

  /** Reads the register's shift again, e.g. after a cash sale changed what the drawer should hold. */
  async load() {
    try {
      const { shift } = await api.get('/api/pos/shift');
      this.show(shift, null);
    } catch (error) {
      const known = isUnreachable(error) ? await kept('shift') : undefined;
      if (known !== undefined) {
        this.show(known, null, true);
        return;
      }
      console.warn('Could not load the shift.', error);
      announce(this.statusLine, { key: 'pos.device.unreachable' });
    }
  }

  /**
   * Draws the open shift, or the form to open one (after `closed`, that closing's figures too); `offline` when it is
   * the shift kept from the last time the server was reached.
   */
  show(shift, closed, offline = false) {
    this.shift = shift;
    this.querySelector('#pos-shift-offline').hidden = !offline;
    if (!offline) keep('shift', shift).catch((error) => console.warn('Could not keep the shift.', error));
    this.keys = { open: uuid(), move: uuid(), close: uuid(), noSale: uuid() };
    const closedPanel = this.querySelector('#pos-shift-closed');
    closedPanel.hidden = !closed;
    if (closed) {
      render(closedPanel, html`<p id="pos-shift-closed-figures" data-i18n="pos.shift.closedFigures" data-i18n-params="${params({
        expected: formatMoney(closed.closing.expected), counted: formatMoney(closed.closing.counted),
        difference: formatMoney(closed.closing.difference) })}"></p>
        ${closed.closing.report && html`<p>${reportLink('pos-shift-z-report', closed.closing.report, 'pos.shift.report.z')}</p>`}`);
      translate(closedPanel);
    }
    this.querySelector('#pos-shift-open-form').hidden = Boolean(shift);
    if (!this.shift || this.shift.id !== this.reportedShift) this.querySelector('#pos-shift-x-done').hidden = true;
    this.querySelector('#pos-shift-now').hidden = !shift;
    this.dispatchEvent(new CustomEvent('pos-shift-changed', { bubbles: true, detail: { shift } }));
    if (!shift) return;
    render(this.querySelector('#pos-shift-figures'), html`
      <div class="facts__row"><dt data-i18n="pos.shift.opened"></dt>
        <dd data-i18n="pos.shift.openedBy" data-i18n-params="${params({ when: formatWhen(shift.openedAt), who: shift.openedBy })}"></dd></div>
      <div class="facts__row"><dt data-i18n="pos.shift.float"></dt><dd>${formatMoney(shift.openingFloat)}</dd></div>
      <div class="facts__row"><dt data-i18n="pos.shift.paidIn"></dt><dd>${formatMoney(shift.paidIn)}</dd></div>
      <div class="facts__row"><dt data-i18n="pos.shift.paidOut"></dt><dd>${formatMoney(shift.paidOut)}</dd></div>
      <div class="facts__row"><dt data-i18n="pos.shift.expected"></dt>
        <dd id="pos-shift-expected">${formatMoney(shift.expectedCash)}</dd></div>`);
    render(this.querySelector('#pos-shift-movements'), shift.movements.length === 0 ? html`` : html`
      <ul id="pos-shift-movement-list" class="stack" data-i18n-attr="aria-label:pos.shift.cash.list">
        ${shift.movements.map((movement) => html`<li data-i18n="pos.shift.cash.line" data-i18n-params="${params({
          kind: movement.kind === 'PAID_IN' ? '+' : '−', amount: formatMoney(movement.amount), reason: movement.reason,
          when: formatWhen(movement.recordedAt) })}"></li>`)}
      </ul>`);
    translate(this);
  }

  async send(path, body, key, done) {
    if (this.busy) return;
    this.errors.clear();
    this.busy = true;
    announce(this.statusLine, { key: 'pos.admin.saving' });
    try {
      await ensureCsrfToken();
      const shift = await api.post(path, body, { headers: { 'Idempotency-Key': key } });
      done(shift);
    } catch (error) {
      console.warn('The drawer did not take it.', error);
      this.statusLine.textContent = '';
      this.errors.show(this.problems(error));
    } finally {
      this.busy = false;
    }
  }

  /** The drawer was opened without a sale: recorded with the reason, for the shift's reports. */
  async noSale() {
    const reason = this.querySelector('#pos-no-sale-reason').value.trim();
    if (!reason) {
      this.errors.show([{ target: 'pos-no-sale-reason', message: { key: 'pos.shift.noSale.reasonMissing' } }]);
      return;
    }
    if (this.busy) return;
    this.errors.clear();
    this.busy = true;
    try {
      await ensureCsrfToken();
      await api.post('/api/pos/shift/no-sale', { id: this.keys.noSale, reason });
      this.keys.noSale = uuid();
      this.querySelector('#pos-no-sale-reason').value = '';
      announce(this.statusLine, { key: 'pos.shift.noSale.done', params: { reason } });
    } catch (error) {
      console.warn('The drawer opening was not recorded.', error);
      this.errors.show(this.problems(error));
    } finally {
      this.busy = false;
    }
  }

  problems(error) {
    const type = error instanceof ApiError ? error.problem.type ?? '' : '';
    if (type.endsWith('/more-than-the-drawer-holds')) return [{ target: 'pos-cash-amount', message: { key: 'pos.shift.cash.tooMuch' } }];
    if (type.endsWith('/shift-open') || type.endsWith('/no-open-shift')) return [{ target: null, message: { key: 'pos.shift.changed' } }];
    if (type.endsWith('/not-signed-in-here')) return [{ target: null, message: { key: 'pos.shift.signedOut' } }];
    if (type.endsWith('/return-in-progress')) return [{ target: null, message: { key: 'pos.shift.returnInProgress' } }];
    return problemsFrom(error);
  }

  readCash(id) {
    const read = parseCash(this.querySelector(`#${id}`).value);
    if (read.problem) this.errors.show([{ target: id, message: { key: 'pos.shift.cashInvalid' } }]);
    return read.problem ? null : read.fen;
  }

  open() {
    const fen = this.readCash('pos-shift-float');
    if (fen === null) return;
    this.send('/api/pos/shift', { openingFloat: cash(fen) }, this.keys.open, (shift) => {
      this.querySelector('#pos-shift-float').value = '';
      this.show(shift, null);
      announce(this.statusLine, { key: 'pos.shift.opened.done', params: { amount: spokenMoney(shift.openingFloat) } });
      // The form that had focus is gone; the page that holds the shift says where work goes on.
      this.dispatchEvent(new CustomEvent('pos-shift-opened', { bubbles: true }));
    });
  }

  move() {
    const fen = this.readCash('pos-cash-amount');
    if (fen === null) return;
    const reason = this.querySelector('#pos-cash-reason').value.trim();
    if (!fen || !reason) {
      this.errors.show([
        ...(!fen ? [{ target: 'pos-cash-amount', message: { key: 'pos.shift.cashInvalid' } }] : []),
        ...(!reason ? [{ target: 'pos-cash-reason', message: { key: 'pos.shift.cash.reasonMissing' } }] : []),
      ]);
      return;
    }
    const kind = this.querySelector('input[name="pos-cash-kind"]:checked').value;
    this.send('/api/pos/shift/cash-movements', { kind, amount: cash(fen), reason }, this.keys.move, (shift) => {
      this.querySelector('#pos-cash-amount').value = '';
      this.querySelector('#pos-cash-reason').value = '';
      this.show(shift, null);
      announce(this.statusLine, { key: kind === 'PAID_IN' ? 'pos.shift.cash.inDone' : 'pos.shift.cash.outDone',
        params: { amount: spokenMoney(cash(fen)), expected: spokenMoney(shift.expectedCash) } });
    });
  }

  /**
   * Makes an X report and opens its page. The window is opened at the click, while the browser still counts it as
   * the cashier's doing, and sent to the report once it is made; a blocked window leaves the link below the button.
   */
  async xReport() {
    if (this.busy) return;
    this.errors.clear();
    this.busy = true;
    const shown = window.open('about:blank', '_blank');
    announce(this.statusLine, { key: 'pos.shift.report.making' });
    try {
      await ensureCsrfToken();
      const issued = await api.post('/api/pos/shift/reports', {});
      this.reportedShift = this.shift?.id;
      const done = this.querySelector('#pos-shift-x-done');
      render(done, reportLink('pos-shift-x-link', issued.code, 'pos.shift.report.xMade'));
      translate(done);
      done.hidden = false;
      if (shown) {
        shown.opener = null;
        shown.location.replace(reportPage(issued.code));
      }
      announce(this.statusLine, { key: 'pos.shift.report.made' });
    } catch (error) {
      console.warn('The X report could not be made.', error);
      shown?.close();
      this.statusLine.textContent = '';
      this.errors.show(this.problems(error));
    } finally {
      this.busy = false;
    }
  }

  /** Whether sales wait to be sent, which the shift cannot close without; then says so. */
  async salesWait() {
    const waiting = (await waitingSales()).length;
    if (waiting > 0) this.errors.show([{ target: null, message: { key: 'pos.shift.salesWaiting', params: { count: waiting } } }]);
    return waiting > 0;
  }

  async askToClose() {
    const fen = this.readCash('pos-shift-counted');
    if (fen === null || await this.salesWait()) return;
    this.errors.clear();
    this.counted = fen;
    const difference = fen - this.shift.expectedCash.amount;
    const what = this.querySelector('#pos-shift-confirm-what');
    what.dataset.i18n = difference === 0 ? 'pos.shift.confirm.even' : difference < 0 ? 'pos.shift.confirm.short' : 'pos.shift.confirm.over';
    what.dataset.i18nParams = params({ counted: formatMoney(cash(fen)), expected: formatMoney(this.shift.expectedCash),
      difference: formatMoney(cash(Math.abs(difference))) });
    translate(what);
    this.querySelector('#pos-shift-confirm').hidden = false;
    focusOpened(this.querySelector('#pos-shift-confirm-heading'), this.querySelector('#pos-shift-confirm-close'));
  }

  closeConfirm(focusBack) {
    this.querySelector('#pos-shift-confirm').hidden = true;
    if (focusBack) this.querySelector('#pos-shift-counted').focus();
  }

  async close() {
    if (await this.salesWait()) {
      this.closeConfirm(false);
      return;
    }
    this.send('/api/pos/shift/close', { countedCash: cash(this.counted) }, this.keys.close, (closed) => {
      this.closeConfirm(false);
      this.querySelector('#pos-shift-counted').value = '';
      this.show(null, closed);
      announce(this.statusLine, { key: 'pos.shift.closed.done' });
      this.querySelector('#pos-shift-heading').focus();
    });
  }
}

export function register() {
  define('pos-shift', PosShift);
}
