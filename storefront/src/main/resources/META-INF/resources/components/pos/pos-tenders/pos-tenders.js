/**
 * The card and wallet parts of the sale at the counter (docs/api/pos.md, step 8). The cashier takes what is left to
 * pay (or an amount typed, for a split) by card on the register's reader, or by WeChat Pay or Alipay, whose QR code the
 * customer scans from the screen; the payment is followed (once a second) until it is paid, declined or cancelled,
 * and can be cancelled here. What was paid stays on the sale; cash pays the rest (<pos-sale>). A payment taken can be
 * given back, after a confirmation, while the sale is not completed. In demo mode (no Stripe key) the reader and the
 * customer's phone are labelled stand-ins.
 *
 * <pos-sale> tells it the sale (`configure`) and reads `paid` and `paidFen` when completing; it tells
 * `pos-tenders-change` (bubbles) when what was paid, or a payment in progress, changes: while either holds, the sale's
 * lines stay as they are (`holds`). Card and wallet need the network: without it, they say so and take nothing.
 */
import { html, render } from '../../../lib/html.js';
import { t, translate } from '../../../lib/i18n.js';
import { ApiError, api, isUnreachable } from '../../../lib/api.js';
import { announce, showMessage } from '../../../lib/form-errors.js';
import { formatMoney, parseYuan, spokenMoney } from '../../../lib/money.js';
import { queueState } from '../../../lib/pos-queue.js';
import { qrSvg } from '../../../lib/qr-code.js';
import { tenderName } from '../../../lib/tenders.js';
import { uuid } from '../../../lib/uuid.js';
import { define } from '../../../lib/define.js';

const POLL_MS = 1000;
const REASONS = {
  card_declined: 'pos.tenders.reason.declined',
  terminal_reader_timeout: 'pos.tenders.reason.readerTimeout',
  terminal_reader_offline: 'pos.tenders.reason.readerOffline',
  terminal_reader_busy: 'pos.tenders.reason.readerBusy',
};

function yuan(fen) {
  return formatMoney({ amount: fen, currency: 'CNY' });
}

/** An amount as the live region says it: "20.00 yuan", not "¥20.00" (read as yen). */
function spoken(fen) {
  return spokenMoney({ amount: fen, currency: 'CNY' });
}

class PosTenders extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <fieldset class="pos-tenders stack">
        <legend data-i18n="pos.tenders.legend"></legend>
        <div class="field">
          <label for="pos-tenders-amount" data-i18n="pos.tenders.amount"></label>
          <p id="pos-tenders-amount-hint" class="field__hint" data-i18n="pos.tenders.amountHint"></p>
          <input id="pos-tenders-amount" class="pos-money-input" type="text" inputmode="decimal" autocomplete="off"
                 aria-describedby="pos-tenders-amount-hint">
          <p id="pos-tenders-amount-error" class="field__error" hidden></p>
        </div>
        <div class="button-row pos-tenders__methods" role="group" data-i18n-attr="aria-label:pos.tenders.methods">
          <button type="button" class="button button--secondary" id="pos-tenders-card" data-method="CARD"
                  data-i18n="receipt.tender.CARD"></button>
          <button type="button" class="button button--secondary" id="pos-tenders-wechat" data-method="WECHAT_PAY"
                  data-i18n="receipt.tender.WECHAT_PAY"></button>
          <button type="button" class="button button--secondary" id="pos-tenders-alipay" data-method="ALIPAY"
                  data-i18n="receipt.tender.ALIPAY"></button>
        </div>
        <p id="pos-tenders-offline" class="notice" data-i18n="pos.tenders.offline" hidden></p>
        <div id="pos-tenders-now" class="pos-tenders__now stack" hidden></div>
        <div id="pos-tenders-paid" class="stack" hidden>
          <h4 id="pos-tenders-paid-heading" data-i18n="pos.tenders.paidHeading"></h4>
          <ul id="pos-tenders-taken" class="plain-list pos-tenders__taken" aria-labelledby="pos-tenders-paid-heading"></ul>
        </div>
        <p id="pos-tenders-status" class="status-message" role="status"></p>
      </fieldset>`);
    translate(this);
    this.amount = this.querySelector('#pos-tenders-amount');
    this.statusLine = this.querySelector('#pos-tenders-status');
    /** Paid parts of the sale, in the order taken: [{ payment, type, provider, amountFen, reference }]. */
    this.paid = [];
    /** The payment in progress ({ id, method, amountFen, status, ...the server's answer }), or null. */
    this.current = null;
    /** The paid part whose giving back waits for a confirmation (its payment id), or null. */
    this.confirming = null;
    this.sale = { clientId: null, totalFen: 0 };
    this.addEventListener('click', (event) => this.clicked(event));
    // Enter in the amount would submit the sale's form: it chooses nothing here.
    this.amount.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') event.preventDefault();
    });
    this.onOnline = () => this.draw();
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOnline);
    this.draw();
  }

  disconnectedCallback() {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOnline);
    this.stopFollowing();
  }

  /** The sale: the client id its payments are taken for, and its total. */
  configure({ clientId, totalFen }) {
    this.sale = { clientId, totalFen };
    this.draw();
  }

  get paidFen() {
    return this.paid.reduce((sum, part) => sum + part.amountFen, 0);
  }

  get leftFen() {
    return Math.max(0, this.sale.totalFen - this.paidFen);
  }

  /** Whether payments taken or in progress hold the sale's lines as they are. */
  get holds() {
    return this.paid.length > 0 || this.current !== null;
  }

  /** A new sale: nothing paid. */
  reset() {
    this.stopFollowing();
    this.paid = [];
    this.current = null;
    this.confirming = null;
    this.amount.value = '';
    this.statusLine.textContent = '';
    this.draw();
  }

  get offline() {
    return !navigator.onLine || queueState().offline;
  }

  draw() {
    if (!this.amount) return;
    const offline = this.offline;
    const busy = this.current !== null;
    this.querySelector('#pos-tenders-offline').hidden = !offline;
    for (const button of this.querySelectorAll('[data-method]')) {
      if (offline || busy || this.leftFen === 0) button.setAttribute('aria-disabled', 'true');
      else button.removeAttribute('aria-disabled');
    }
    this.amount.readOnly = busy;
    this.drawCurrent();
    this.drawPaid();
  }

  drawCurrent() {
    const now = this.querySelector('#pos-tenders-now');
    const payment = this.current;
    now.hidden = !payment;
    if (!payment) {
      render(now, html``);
      return;
    }
    const method = tenderName(payment.method);
    const amount = yuan(payment.amountFen);
    const demo = payment.provider === 'demo';
    const wallet = payment.method !== 'CARD';
    render(now, html`
      ${payment.status !== 'WAITING' ? html`<p data-i18n="pos.tenders.starting"
          data-i18n-params="${JSON.stringify({ method, amount })}"></p>`
        : wallet ? html`
          <p id="pos-tenders-ask" data-i18n="pos.tenders.waitingWallet" data-i18n-params="${JSON.stringify({ method, amount })}"></p>
          ${payment.qr && qrSvg(payment.qr, { id: 'pos-tenders-qr', className: 'pos-tenders__qr',
            label: t('pos.tenders.qrLabel', { method, amount }) })}`
        : html`<p id="pos-tenders-ask" data-i18n="pos.tenders.waitingCard" data-i18n-params="${JSON.stringify({ amount })}"></p>`}
      ${demo && payment.status === 'WAITING' && html`
        <p class="notice" data-i18n="pos.tenders.demo"></p>
        <div class="button-row" role="group" data-i18n-attr="aria-label:pos.tenders.demoControls">
          <button type="button" class="button button--secondary" id="pos-tenders-demo-pay" data-demo="complete"
                  data-i18n="${wallet ? 'pos.tenders.demoWalletPaid' : 'pos.tenders.demoCardPaid'}"></button>
          ${!wallet && html`<button type="button" class="button button--secondary" id="pos-tenders-demo-decline" data-demo="fail"
                  data-i18n="pos.tenders.demoCardDeclined"></button>`}
        </div>`}
      <p><button type="button" class="button button--secondary" id="pos-tenders-cancel" data-cancel="${payment.id}"
                 data-i18n="pos.tenders.cancel"></button></p>`);
    translate(now);
  }

  drawPaid() {
    const box = this.querySelector('#pos-tenders-paid');
    box.hidden = this.paid.length === 0;
    render(this.querySelector('#pos-tenders-taken'), html`${this.paid.map((part) => {
      const named = JSON.stringify({ method: tenderName(part.type), amount: yuan(part.amountFen) });
      return html`
        <li class="pos-tenders__part" id="pos-tenders-part-${part.payment}">
          <span data-i18n="pos.tenders.part" data-i18n-params="${named}"></span>
          ${part.provider === 'demo' && html`<span class="pos-tenders__demo" data-i18n="pos.tenders.demoShort"></span>`}
          ${this.confirming === part.payment ? html`
            <span class="pos-tenders__confirm" role="group" data-i18n-attr="aria-label:pos.tenders.giveBackNamed"
                  data-i18n-params="${named}">
              <span id="pos-tenders-confirm-text" data-i18n="pos.tenders.confirmGiveBack" data-i18n-params="${named}"></span>
              <button type="button" class="button button--primary" id="pos-tenders-give-back-yes" data-give-back-yes="${part.payment}"
                      data-i18n="pos.tenders.confirmYes"></button>
              <button type="button" class="button button--secondary" id="pos-tenders-give-back-no" data-give-back-no="${part.payment}"
                      data-i18n="pos.tenders.confirmNo"></button>
            </span>`
          : html`<button type="button" class="button button--secondary" id="pos-tenders-give-back-${part.payment}"
                  data-give-back="${part.payment}" data-i18n-attr="aria-label:pos.tenders.giveBackNamed"
                  data-i18n-params="${named}" ${this.current && html`aria-disabled="true"`}><span
                  data-i18n="pos.tenders.giveBack"></span></button>`}
        </li>`;
    })}`);
    translate(this.querySelector('#pos-tenders-taken'));
  }

  clicked(event) {
    const button = event.target.closest('button');
    if (!button || button.getAttribute('aria-disabled') === 'true') return;
    if (button.dataset.method) this.start(button.dataset.method);
    else if (button.dataset.cancel) this.cancel();
    else if (button.dataset.demo) this.demo(button.dataset.demo);
    else if (button.dataset.giveBack) this.askGiveBack(button.dataset.giveBack);
    else if (button.dataset.giveBackYes) this.giveBack(button.dataset.giveBackYes);
    else if (button.dataset.giveBackNo) this.keep(button.dataset.giveBackNo);
  }

  /** The amount typed, or all that is left; null (and said why) when it cannot be taken. */
  amountFen() {
    const error = this.querySelector('#pos-tenders-amount-error');
    const fail = (key, params) => {
      error.hidden = false;
      showMessage(error, { key, params });
      this.amount.setAttribute('aria-invalid', 'true');
      this.amount.setAttribute('aria-describedby', 'pos-tenders-amount-hint pos-tenders-amount-error');
      this.amount.focus();
      return null;
    };
    error.hidden = true;
    this.amount.removeAttribute('aria-invalid');
    this.amount.setAttribute('aria-describedby', 'pos-tenders-amount-hint');
    const left = this.leftFen;
    if (left === 0) return fail('pos.tenders.nothingLeft');
    if (this.amount.value.trim() === '') return left;
    const read = parseYuan(this.amount.value);
    if (read.problem || read.fen <= 0) return fail('pos.tenders.amountInvalid');
    if (read.fen > left) return fail('pos.tenders.amountTooMuch', { left: yuan(left) });
    return read.fen;
  }

  async start(method) {
    if (this.offline) {
      announce(this.statusLine, { key: 'pos.tenders.offline' });
      return;
    }
    const amountFen = this.amountFen();
    if (amountFen === null) return;
    this.current = { id: uuid(), method, amountFen, status: 'STARTING' };
    this.changed();
    announce(this.statusLine, { key: 'pos.tenders.starting', params: { method: tenderName(method), amount: spoken(amountFen) } });
    try {
      this.follow(await api.post('/api/pos/payments', { id: this.current.id, sale: this.sale.clientId, method,
        amount: { amount: amountFen, currency: 'CNY' } }));
    } catch (error) {
      if (isUnreachable(error)) {
        // It may have arrived, and a reader may be waiting for a card: asked after until the server answers.
        announce(this.statusLine, { key: 'pos.tenders.unreachable' });
        this.keepFollowing();
        return;
      }
      console.warn('The payment was not started.', error);
      this.current = null;
      this.changed();
      announce(this.statusLine, { key: this.refusal(error) });
    }
  }

  refusal(error) {
    const type = error instanceof ApiError ? error.problem.type ?? '' : '';
    if (type.endsWith('/no-card-reader')) return 'pos.tenders.noReader';
    if (type.endsWith('/no-open-shift')) return 'pos.sale.shiftClosed';
    if (error instanceof ApiError && error.status === 401) return 'pos.shift.signedOut';
    return 'pos.tenders.notStarted';
  }

  /** Takes the server's word on the payment in progress. */
  follow(payment) {
    const method = tenderName(payment.method);
    const amountFen = payment.amount.amount;
    if (payment.status === 'SUCCEEDED') {
      this.stopFollowing();
      this.current = null;
      this.paid.push({ payment: payment.id, type: payment.method, provider: payment.provider, amountFen, reference: payment.reference });
      this.amount.value = '';
      this.changed();
      announce(this.statusLine, { key: 'pos.tenders.paid', params: { method, amount: spoken(amountFen), left: spoken(this.leftFen) } });
      return;
    }
    if (payment.status === 'FAILED' || payment.status === 'CANCELLED') {
      this.stopFollowing();
      this.current = null;
      this.changed();
      announce(this.statusLine, payment.status === 'CANCELLED' ? { key: 'pos.tenders.cancelled', params: { method } }
        : { key: 'pos.tenders.failed', params: { method, reason: t(REASONS[payment.failureCode] ?? 'pos.tenders.reason.other') } });
      return;
    }
    const first = this.current?.status !== 'WAITING';
    this.current = { ...payment, amountFen, status: 'WAITING' };
    this.changed();
    if (first) {
      announce(this.statusLine, payment.method === 'CARD' ? { key: 'pos.tenders.waitingCard', params: { amount: spoken(amountFen) } }
        : { key: 'pos.tenders.waitingWallet', params: { method, amount: spoken(amountFen) } });
    }
    this.keepFollowing();
  }

  keepFollowing() {
    if (this.timer) return;
    this.timer = window.setInterval(() => this.poll(), POLL_MS);
  }

  stopFollowing() {
    window.clearInterval(this.timer);
    this.timer = null;
  }

  async poll() {
    if (!this.current || this.polling) return;
    this.polling = true;
    try {
      this.follow(await api.get(`/api/pos/payments/${this.current.id}`));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        // The start never arrived: nothing was taken.
        this.stopFollowing();
        this.current = null;
        this.changed();
        announce(this.statusLine, { key: 'pos.tenders.notStarted' });
      } else if (!isUnreachable(error)) {
        console.warn('Could not follow the payment.', error);
      }
    } finally {
      this.polling = false;
    }
  }

  async cancel() {
    if (!this.current) return;
    try {
      this.follow(await api.post(`/api/pos/payments/${this.current.id}/cancel`, {}));
    } catch (error) {
      console.warn('The payment was not cancelled.', error);
      announce(this.statusLine, { key: isUnreachable(error) ? 'pos.tenders.offline' : 'pos.tenders.notCancelled' });
    }
  }

  /** Demo mode: the stand-in reader, or the customer's phone, says how the payment went. */
  async demo(outcome) {
    if (!this.current?.demoSession) return;
    try {
      await api.post(`/api/payments/demo/${this.current.demoSession}/${outcome}`, {});
      await this.poll();
    } catch (error) {
      console.warn('The demo payment did not answer.', error);
    }
  }

  askGiveBack(id) {
    this.confirming = id;
    this.drawPaid();
    this.querySelector('#pos-tenders-give-back-no')?.focus();
  }

  keep(id) {
    this.confirming = null;
    this.drawPaid();
    this.querySelector(`#pos-tenders-give-back-${id}`)?.focus();
  }

  async giveBack(id) {
    const part = this.paid.find((each) => each.payment === id);
    if (!part) return;
    try {
      const payment = await api.post(`/api/pos/payments/${id}/cancel`, {});
      if (!payment.refunded) throw new Error('The payment was not given back');
      this.paid = this.paid.filter((each) => each.payment !== id);
      this.confirming = null;
      this.changed();
      this.querySelector('[data-method]:not([aria-disabled])')?.focus();
      announce(this.statusLine, { key: 'pos.tenders.givenBack', params: { method: tenderName(part.type), amount: spoken(part.amountFen) } });
    } catch (error) {
      console.warn('The payment was not given back.', error);
      announce(this.statusLine, { key: isUnreachable(error) ? 'pos.tenders.offline' : 'pos.tenders.notGivenBack' });
    }
  }

  changed() {
    this.draw();
    this.dispatchEvent(new CustomEvent('pos-tenders-change', { bubbles: true }));
  }
}

export function register() {
  define('pos-tenders', PosTenders);
}
