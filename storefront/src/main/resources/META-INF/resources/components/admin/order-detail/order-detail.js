/**
 * <order-detail order-id="…">: one online order as staff handle it: its status, the buyer,
 * how it is handed over, lines, taxes and totals, payment and refunds, and its history, with
 * the actions that fit it now (<order-fulfilment>, <order-refund>, <order-cancel>). After an
 * action (`order-changed`, bubbling, from one of them) the order is read again and drawn anew;
 * the action's own message stays where it was said. Emits `order-loaded` (bubbles) with
 * { order } each time the order has been read.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { packingListHref, relocalise, staffOrder } from '../../../lib/staff-orders.js';
import { define } from '../../../lib/define.js';
import { register as registerFulfilment } from '../order-fulfilment/order-fulfilment.js';
import { register as registerRefund } from '../order-refund/order-refund.js';
import { register as registerCancel } from '../order-cancel/order-cancel.js';
import { buyerHtml, handoverHtml, linesHtml, paymentHtml, summaryHtml } from './sections.js';
import { historyHtml } from './history.js';

const ACTIONS = ['order-fulfilment', 'order-refund', 'order-cancel'];

class OrderDetail extends HTMLElement {
  connectedCallback() {
    this.orderId = this.getAttribute('order-id') || '';
    render(this, html`
      <p id="order-loading" class="status-message" role="status" data-i18n="adminOrders.detail.loading"></p>
      <div id="order-failed"></div>
      <div id="order-view" class="stack" hidden>
        <div id="order-summary"></div>
        <p class="button-row">
          <a id="order-packing-link" class="button button--secondary" href="${packingListHref(this.orderId)}"
             data-i18n="adminOrders.detail.packingLink"></a>
          <a id="order-back" class="button button--secondary" href="/admin/orders.html" data-i18n="adminOrders.detail.back"></a>
        </p>
        <div class="order-columns">
          <div id="order-buyer"></div>
          <div id="order-handover"></div>
        </div>
        <div id="order-lines-section"></div>
        <div class="order-actions">
          <order-fulfilment></order-fulfilment>
          <order-refund></order-refund>
          <order-cancel></order-cancel>
        </div>
        <div id="order-payment"></div>
        <div id="order-history-section"></div>
      </div>`);
    translate(this);
    this.addEventListener('click', (event) => {
      if (event.target.closest('#order-retry')) this.load();
    });
    this.addEventListener('order-changed', ({ detail }) => this.load(detail || {}));
    this.onLangChange = () => relocalise(this);
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.load();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  /** Reads the order; `keep` is an action whose form should stay as typed (it just showed a problem). */
  async load({ keep = null, focus = null } = {}) {
    if (!this.orderId) {
      this.showFailed('adminOrders.detail.notFound');
      return;
    }
    let order;
    try {
      order = await staffOrder(this.orderId);
    } catch (error) {
      console.warn('Could not load the order.', error);
      this.showFailed(error.status === 404 ? 'adminOrders.detail.notFound' : 'adminOrders.detail.loadFailed');
      return;
    }
    this.order = order;
    this.draw(keep);
    // The button pressed may be gone now (the stage moved on); then focus goes to that action's heading.
    if (focus && (!document.activeElement || document.activeElement === document.body)) focus.focus();
    this.dispatchEvent(new CustomEvent('order-loaded', { bubbles: true, detail: { order } }));
  }

  draw(keep) {
    const { order } = this;
    const parts = [
      ['#order-summary', summaryHtml], ['#order-buyer', buyerHtml], ['#order-handover', handoverHtml],
      ['#order-lines-section', linesHtml], ['#order-payment', paymentHtml], ['#order-history-section', historyHtml],
    ];
    for (const [selector, template] of parts) render(this.querySelector(selector), template(order));
    for (const name of ACTIONS) {
      const action = this.querySelector(name);
      if (action === keep) action.refreshLimits(order);
      else action.order = order;
    }
    this.querySelector('#order-loading').hidden = true;
    render(this.querySelector('#order-failed'), html``);
    this.querySelector('#order-view').hidden = false;
    translate(this);
  }

  showFailed(key) {
    const loading = this.querySelector('#order-loading');
    loading.hidden = true;
    // An order already on show stays readable when reading it again fails.
    this.querySelector('#order-view').hidden = !this.order;
    const failed = this.querySelector('#order-failed');
    render(failed, html`
      <div class="notice" role="alert">
        <p data-i18n="${key}"></p>
        <p class="button-row">
          ${key !== 'adminOrders.detail.notFound' && html`<button type="button" id="order-retry" class="button button--secondary"
                                                                  data-i18n="admin.retry"></button>`}
          <a id="order-failed-back" href="/admin/orders.html" data-i18n="adminOrders.detail.back"></a>
        </p>
      </div>`);
    translate(failed);
  }
}

export function register() {
  registerFulfilment();
  registerRefund();
  registerCancel();
  define('order-detail', OrderDetail);
}
