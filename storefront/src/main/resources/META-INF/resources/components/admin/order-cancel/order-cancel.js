/**
 * <order-cancel>: cancels an order that has not been paid, with a reason; its reserved stock
 * is released (POST /api/admin/orders/{id}/cancel). Shown only while the order awaits payment.
 * `order` sets the order. Emits `order-changed` (bubbles) with { focus } once it is cancelled.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { api, ensureCsrfToken } from '../../../lib/api.js';
import { FormErrors, announce, problemsFrom } from '../../../lib/form-errors.js';
import { define } from '../../../lib/define.js';

const REASON_MAX = 500;

class OrderCancel extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <section class="admin-panel" aria-labelledby="order-cancel-heading">
        <h2 id="order-cancel-heading" tabindex="-1" data-i18n="adminOrders.cancel.heading"></h2>
        <p id="order-cancel-status" class="status-message" role="status"></p>
        <form id="order-cancel-form" class="stack" novalidate>
          <p class="field__hint" data-i18n="adminOrders.cancel.intro"></p>
          <div id="order-cancel-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
          <div class="field">
            <label for="order-cancel-reason" data-i18n="adminOrders.cancel.reason"></label>
            <p id="order-cancel-reason-hint" class="field__hint" data-i18n="adminOrders.cancel.reasonHint"></p>
            <textarea id="order-cancel-reason" rows="3" maxlength="${REASON_MAX}" required
                      aria-describedby="order-cancel-reason-hint"></textarea>
            <p id="order-cancel-reason-error" class="field__error" hidden></p>
          </div>
          <p><button type="submit" id="order-cancel-submit" class="button button--primary" data-i18n="adminOrders.cancel.submit"></button></p>
        </form>
      </section>`);
    translate(this);
    this.form = this.querySelector('form');
    this.statusLine = this.querySelector('#order-cancel-status');
    this.errors = new FormErrors(this.form, this.querySelector('#order-cancel-errors'));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.send();
    });
    if (this.waiting) this.order = this.waiting;
  }

  set order(order) {
    if (!this.form) {
      this.waiting = order;
      return;
    }
    const changed = this.current?.orderId !== order.orderId || this.current?.status !== order.status;
    this.current = order;
    // After cancelling, the section stays on show for its message; the form goes.
    this.form.hidden = order.status !== 'PENDING_PAYMENT';
    this.hidden = this.form.hidden && !this.cancelled;
    if (changed) {
      this.form.reset();
      this.errors.clear();
    }
  }

  async send() {
    if (this.busy) return;
    const reason = this.querySelector('#order-cancel-reason').value.trim();
    if (!reason) {
      this.errors.show([{ target: 'order-cancel-reason', message: { key: 'adminOrders.cancel.reasonMissing' } }]);
      return;
    }
    this.errors.clear();
    this.busy = true;
    announce(this.statusLine, { key: 'adminOrders.saving' });
    try {
      await ensureCsrfToken();
      await api.post(`/api/admin/orders/${encodeURIComponent(this.current.orderId)}/cancel`, { reason });
      this.cancelled = true;
      announce(this.statusLine, { key: 'adminOrders.cancel.done', params: { number: this.current.orderNumber } });
      this.dispatchEvent(new CustomEvent('order-changed', { bubbles: true,
        detail: { focus: this.querySelector('#order-cancel-heading') } }));
    } catch (error) {
      console.warn('Cancelling the order failed.', error);
      this.statusLine.textContent = '';
      this.errors.show(problemsFrom(error, (field) => (field === 'reason' ? 'order-cancel-reason' : null)));
    } finally {
      this.busy = false;
    }
  }
}

export function register() {
  define('order-cancel', OrderCancel);
}
