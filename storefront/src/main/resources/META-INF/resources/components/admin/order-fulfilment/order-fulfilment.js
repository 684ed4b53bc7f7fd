/**
 * <order-fulfilment>: moves a paid order on towards the buyer: ready for pickup (pickup orders),
 * shipped with a tracking note (delivery orders), handed over (fulfilled). Only the next steps
 * that make sense now are offered (POST /api/admin/orders/{id}/fulfilment). `order` sets the
 * order shown. Emits `order-changed` (bubbles) with { focus } after a step was recorded.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { api, ensureCsrfToken } from '../../../lib/api.js';
import { FormErrors, announce, problemsFrom } from '../../../lib/form-errors.js';
import { isPaid } from '../../../lib/staff-orders.js';
import { define } from '../../../lib/define.js';

const NOTE_MAX = 500;

/**
 * The stages the order may move to now, in the order they happen: paid orders, also when part of
 * them was refunded (what is left is still handed over).
 */
export function nextStages(order) {
  if (order.status !== 'PAID' && order.status !== 'PARTIALLY_REFUNDED') return [];
  const type = order.fulfilment?.type;
  const stages = [];
  if (!order.fulfilmentStage && type === 'PICKUP') stages.push('READY_FOR_PICKUP');
  if (!order.fulfilmentStage && type === 'DELIVERY') stages.push('SHIPPED');
  stages.push('FULFILLED');
  return stages;
}

function noneKey(order) {
  if (order.status === 'FULFILLED') return 'adminOrders.fulfil.finished';
  return 'adminOrders.fulfil.none';
}

function fulfilKey(order) {
  return order.fulfilment?.type === 'DELIVERY' ? 'adminOrders.fulfil.doneDelivery' : 'adminOrders.fulfil.donePickup';
}

class OrderFulfilment extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <section class="admin-panel" aria-labelledby="order-fulfilment-heading">
        <h2 id="order-fulfilment-heading" tabindex="-1" data-i18n="adminOrders.fulfil.heading"></h2>
        <p id="order-fulfilment-status" class="status-message" role="status"></p>
        <div id="order-fulfilment-body" class="stack"></div>
      </section>`);
    translate(this);
    this.statusLine = this.querySelector('#order-fulfilment-status');
    this.body = this.querySelector('#order-fulfilment-body');
    this.body.addEventListener('submit', (event) => {
      event.preventDefault();
      const stage = event.submitter?.value || event.target.dataset.stage;
      this.send(stage, event.target);
    });
    if (this.pending) this.order = this.pending;
  }

  set order(order) {
    if (!this.body) {
      this.pending = order;
      return;
    }
    this.current = order;
    this.hidden = !isPaid(order);
    const stages = nextStages(order);
    render(this.body, stages.length ? html`
      ${stages.includes('SHIPPED') && html`
        <form id="order-ship-form" class="stack" novalidate data-stage="SHIPPED" aria-labelledby="order-ship-heading">
          <h3 id="order-ship-heading" data-i18n="adminOrders.fulfil.shipHeading"></h3>
          <div id="order-ship-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
          <div class="field">
            <label for="order-tracking-note" data-i18n="adminOrders.fulfil.tracking"></label>
            <p id="order-tracking-note-hint" class="field__hint" data-i18n="adminOrders.fulfil.trackingHint"></p>
            <input id="order-tracking-note" type="text" maxlength="${NOTE_MAX}" autocomplete="off" required
                   aria-describedby="order-tracking-note-hint">
            <p id="order-tracking-note-error" class="field__error" hidden></p>
          </div>
          <p><button type="submit" id="order-fulfil-shipped" class="button button--primary" value="SHIPPED"
                     data-i18n="adminOrders.fulfil.shipped"></button></p>
        </form>`}
      ${stages.some((stage) => stage !== 'SHIPPED') && html`
        <form id="order-stage-form" class="stack" novalidate>
          <div id="order-stage-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
          <div class="button-row">
            ${stages.includes('READY_FOR_PICKUP') && html`
              <button type="submit" id="order-fulfil-ready" class="button button--primary" value="READY_FOR_PICKUP"
                      data-i18n="adminOrders.fulfil.ready"></button>`}
            ${stages.includes('FULFILLED') && html`
              <button type="submit" id="order-fulfil-done" class="button ${stages.length === 1 ? 'button--primary' : 'button--secondary'}"
                      value="FULFILLED" data-i18n="${fulfilKey(order)}"></button>`}
          </div>
        </form>`}`
      : html`<p id="order-fulfilment-none" data-i18n="${noneKey(order)}"></p>`);
    translate(this.body);
    this.errors = new Map([...this.body.querySelectorAll('form')]
      .map((form) => [form, new FormErrors(form, form.querySelector('.error-summary'))]));
  }

  async send(stage, form) {
    if (this.busy || !stage) return;
    const errors = this.errors.get(form);
    const body = { stage };
    if (stage === 'SHIPPED') {
      const note = this.querySelector('#order-tracking-note').value.trim();
      if (!note) {
        errors.show([{ target: 'order-tracking-note', message: { key: 'adminOrders.fulfil.trackingMissing' } }]);
        return;
      }
      body.note = note;
    }
    errors.clear();
    this.busy = true;
    announce(this.statusLine, { key: 'adminOrders.saving' });
    try {
      await ensureCsrfToken();
      await api.post(`/api/admin/orders/${encodeURIComponent(this.current.orderId)}/fulfilment`, body);
      announce(this.statusLine, { key: `adminOrders.fulfil.done.${stage}`, params: { number: this.current.orderNumber } });
      this.dispatchEvent(new CustomEvent('order-changed', { bubbles: true,
        detail: { focus: this.querySelector('#order-fulfilment-heading') } }));
    } catch (error) {
      console.warn('Recording the fulfilment step failed.', error);
      this.statusLine.textContent = '';
      errors.show(problemsFrom(error, (field) => (field === 'note' ? 'order-tracking-note' : null)));
    } finally {
      this.busy = false;
    }
  }
}

export function register() {
  define('order-fulfilment', OrderFulfilment);
}
