/**
 * <buyer-order>: the buyer's order page for ?id=&token= (GET /api/orders/{id}?token=): number, status in words,
 * lines, tax per rate, delivery, total and refunds, how the order is collected or delivered, and receipts.
 *
 * While the order waits for its payment, or once paid for its receipt, it is asked again every second for a
 * minute, and a change (paid, say, or the receipt issued) is announced in the live region `#order-live`; after
 * that the buyer may check again, or go back to paying (the open attempt is continued). Coming back from Stripe
 * (?session_id=) asks the server once to confirm the payment. A failed or expired payment that may still be
 * made offers "try paying again", which opens a new payment. The page is drawn again only when the order
 * changed, and keyboard focus keeps its place. Back from paying, focus starts at the page's heading.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t } from '../../../lib/i18n.js';
import { ApiError } from '../../../lib/api.js';
import { formatMoney } from '../../../lib/money.js';
import { backFromPayment, confirmPayment, fetchOrder, leaveToPay, payAgain, rememberOrder, safeRedirect } from '../../../lib/orders.js';
import { announce, showMessage } from '../../../lib/form-errors.js';
import { define } from '../../../lib/define.js';
import { shopIdentity } from '../../../lib/shop.js';
import { fulfilmentTemplate, linesTemplate, receiptsTemplate, refundsTemplate, when } from './parts.js';

const PENDING = 'PENDING_PAYMENT';
const POLL_EVERY_MS = 1000;
const POLL_FOR_MS = 60000;
const UNPAID_ENDS = new Set(['FAILED', 'EXPIRED']);
const PAID_STATES = new Set(['PAID', 'FULFILLED', 'PARTIALLY_REFUNDED', 'REFUNDED']);
const RECEIPT_DUE_MS = 5 * 60000;

function waitingForPayment(order) {
  return order.status === PENDING && !UNPAID_ENDS.has(order.payment?.status);
}

/**
 * Receipts are issued through the outbox a moment after the payment is recorded; an order paid long ago
 * without one (before receipts were issued at all) is not asked about again and again.
 */
function waitingForReceipt(order) {
  const paidAt = Date.parse(order.paidAt);
  return PAID_STATES.has(order.status) && receiptCount(order) === 0 && Date.now() - paidAt < RECEIPT_DUE_MS;
}

function waiting(order) {
  return waitingForPayment(order) || waitingForReceipt(order);
}

function receiptCount(order) {
  return (order?.receipts || []).length;
}

function statusWords(order) {
  const stage = order.fulfilmentStage;
  return stage && (order.status === 'PAID' || order.status === 'PARTIALLY_REFUNDED')
    ? t(`order.stage.${stage}`)
    : t(`order.status.${order.status}`);
}

function paymentTemplate(order) {
  if (order.status !== PENDING) return null;
  const payment = order.payment || {};
  if (UNPAID_ENDS.has(payment.status)) {
    return html`
      <div id="order-payment" class="notice order-payment order-payment--failed">
        <p id="order-payment-text">${t(`order.payment.${payment.status}`)}</p>
        ${payment.payable
          ? html`
            ${order.payBy && html`<p>${t('order.payment.payBy', { time: when(order.payBy) })}</p>`}
            <button type="button" id="order-pay-again" class="button button--primary">${t('order.payment.again')}</button>`
          : html`<p>${t('order.payment.notPayable')}</p>`}
        <p id="order-pay-again-problem" class="order-payment__problem" role="alert"></p>
      </div>`;
  }
  return html`
    <div id="order-payment" class="notice order-payment">
      <p id="order-payment-text">${t('order.payment.waiting')}</p>
      ${order.payBy && html`<p>${t('order.payment.payBy', { time: when(order.payBy) })}</p>`}
      <div id="order-waiting-actions" class="order-payment__later" hidden>
        <p>${t('order.payment.notFinished')}</p>
        <div class="button-row">
          <button type="button" id="order-check-again" class="button button--secondary">${t('order.payment.checkAgain')}</button>
          <button type="button" id="order-pay-again" class="button button--secondary">${t('order.payment.continue')}</button>
        </div>
        <p id="order-pay-again-problem" class="order-payment__problem" role="alert"></p>
      </div>
    </div>`;
}

class BuyerOrder extends HTMLElement {
  connectedCallback() {
    const params = new URLSearchParams(window.location.search);
    this.orderId = (params.get('id') || '').trim();
    this.token = (params.get('token') || '').trim();
    this.returningFromProvider = params.has('session_id');
    this.backFromPayment = backFromPayment(this.orderId, this.returningFromProvider);
    this.live = document.getElementById('order-live');
    this.addEventListener('click', (event) => this.click(event));
    this.onLangChange = () => this.load({ redraw: true });
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.start();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
    window.clearTimeout(this.timer);
  }

  async start() {
    this.shop = await shopIdentity().catch((error) => {
      console.warn('The shop\'s opening hours could not be read.', error);
      return null;
    });
    const order = await this.load();
    if (order && this.backFromPayment) this.focusHeading();
    if (order && order.status === PENDING && this.returningFromProvider) await this.confirm();
    if (order) this.poll();
  }

  /**
   * Back from paying, the page is new to the buyer and whatever happened at the payment page is behind them: focus
   * goes to the page's heading, so a screen reader starts at "Your order" and reading on reaches its state.
   */
  focusHeading() {
    document.getElementById('order-heading')?.focus();
  }

  /** Once per visit back from Stripe: the buyer may be faster than the provider's message to us. */
  async confirm() {
    this.returningFromProvider = false;
    const url = new URL(window.location.href);
    url.searchParams.delete('session_id');
    window.history.replaceState(window.history.state, '', url);
    try {
      this.show(await confirmPayment(this.orderId, this.token));
    } catch (error) {
      console.warn('Asking for the payment to be confirmed failed; the order is still checked again.', error);
    }
  }

  async load({ redraw = false } = {}) {
    if (!this.orderId || !this.token) {
      this.showMissing();
      return null;
    }
    try {
      const order = await fetchOrder(this.orderId, this.token);
      if (redraw) this.drawn = null;
      this.show(order);
      return order;
    } catch (error) {
      console.warn('The order could not be loaded.', error);
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) this.showMissing();
      else if (!this.order) render(this, html`<p id="order-error" class="shop-message shop-message--error" role="alert">${t('order.loadError')}</p>`);
      return null;
    }
  }

  poll() {
    window.clearTimeout(this.timer);
    const until = Date.now() + POLL_FOR_MS;
    const next = async () => {
      if (!this.order || !waiting(this.order)) return;
      if (Date.now() >= until) {
        if (!waitingForPayment(this.order)) return;
        const later = this.querySelector('#order-waiting-actions');
        if (later) later.hidden = false;
        announce(this.live, { key: 'order.payment.stillWaiting' });
        return;
      }
      await this.load();
      this.timer = window.setTimeout(next, POLL_EVERY_MS);
    };
    this.timer = window.setTimeout(next, this.order && waiting(this.order) ? POLL_EVERY_MS : 0);
  }

  show(order) {
    if (!order || !order.orderId) return;
    const before = this.order;
    this.order = order;
    rememberOrder({ orderId: order.orderId, accessToken: this.token, orderNumber: order.orderNumber, placedAt: order.createdAt });
    const text = JSON.stringify(order);
    if (text === this.drawn) return;
    this.drawn = text;
    const focused = document.activeElement?.id;
    this.draw(order);
    if (focused) document.getElementById(focused)?.focus();
    if (before && (before.status !== order.status || before.fulfilmentStage !== order.fulfilmentStage
        || before.payment?.status !== order.payment?.status)) {
      announce(this.live, { key: 'order.changed', params: { status: statusWords(order) } });
    } else if (before && receiptCount(order) > receiptCount(before)) {
      announce(this.live, { key: 'receipt.orderReady' });
    }
  }

  draw(order) {
    document.title = t('order.pageTitle', { number: order.orderNumber, site: t('brand.name') });
    render(this, html`
      <dl class="order-facts">
        <div><dt>${t('order.number')}</dt><dd id="order-number" class="order-facts__number">${order.orderNumber}</dd></div>
        <div><dt>${t('order.placed')}</dt><dd>${when(order.createdAt)}</dd></div>
        ${order.paidAt && html`<div><dt>${t('order.paid')}</dt><dd>${when(order.paidAt)}</dd></div>`}
      </dl>
      <section class="order-section order-state" aria-labelledby="order-state-heading">
        <h2 id="order-state-heading">${t('order.state.heading')}</h2>
        <p class="order-state__line">
          <span id="order-status" class="badge order-status" data-status="${order.status}"
                data-stage="${order.fulfilmentStage || ''}">${statusWords(order)}</span>
        </p>
        <p id="order-status-text" class="order-state__text">${t(`order.statusText.${order.status}`)}</p>
        ${order.fulfilmentStage === 'SHIPPED' && order.trackingNote && html`
          <p id="order-tracking" class="order-state__text">${t('order.tracking', { note: order.trackingNote })}</p>`}
        ${paymentTemplate(order)}
      </section>
      ${linesTemplate(order)}
      ${fulfilmentTemplate(order.fulfilment, this.shop)}
      ${refundsTemplate(order.refunds)}
      ${receiptsTemplate(order.receipts)}
      <p><a class="shop-more" href="/shop/products.html">${t('order.continue')}</a></p>`);
  }

  showMissing() {
    render(this, html`
      <div id="order-missing" class="shop-message">
        <p>${t('order.missing')}</p>
        <a href="/shop/cart.html">${t('order.toCart')}</a>
      </div>`);
  }

  async click(event) {
    if (event.target.closest('#order-check-again')) {
      announce(this.live, { key: 'order.payment.checking' });
      this.poll();
      return;
    }
    const again = event.target.closest('#order-pay-again');
    if (!again || this.busy) return;
    this.busy = true;
    again.setAttribute('aria-disabled', 'true');
    announce(this.live, { key: 'order.payment.opening' });
    try {
      const { redirectUrl } = await payAgain(this.orderId, this.token);
      leaveToPay(this.orderId, safeRedirect(redirectUrl) || window.location.href);
    } catch (error) {
      console.warn('A new payment could not be started.', error);
      this.busy = false;
      again.removeAttribute('aria-disabled');
      const problem = this.querySelector('#order-pay-again-problem');
      if (problem) showMessage(problem, { key: error.status === 409 ? 'order.payment.notPayable' : 'order.payment.againFailed' });
      if (error.status === 409) this.load();
    }
  }
}

export function register() {
  define('buyer-order', BuyerOrder);
}
