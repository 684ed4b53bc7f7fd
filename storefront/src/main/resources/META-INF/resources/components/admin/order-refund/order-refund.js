/**
 * <order-refund>: gives money back for a paid order: all that is left (the default), chosen
 * units of lines, or an amount typed in yuan; optionally returns the items to stock; through the
 * original payment, in cash or by bank transfer; always with a reason. "Check the refund" shows
 * what will happen and a "Confirm refund of ¥X" button; only that button sends
 * POST /api/admin/orders/{id}/refunds. One Idempotency-Key per attempt: a retry of the same
 * refund after a lost answer cannot pay twice. `order` sets the order shown. Emits
 * `order-changed` (bubbles) after a refund, and after a refusal that means the order has moved on.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { ApiError, api, ensureCsrfToken } from '../../../lib/api.js';
import { FormErrors, announce, problemsFrom } from '../../../lib/form-errors.js';
import { displayYuan } from '../../../lib/money.js';
import { isPaid, problemCode, refundableMinor, unitsLeft } from '../../../lib/staff-orders.js';
import { uuid } from '../../../lib/uuid.js';
import { define } from '../../../lib/define.js';
import { checkRefund } from './rules.js';
import { confirmHtml, lineHintParams, refundFormHtml } from './template.js';

const FIELDS = { amount: 'refund-amount', 'amount.amount': 'refund-amount', lines: 'refund-lines', reason: 'refund-reason', method: 'refund-method' };

class OrderRefund extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <section class="admin-panel" aria-labelledby="order-refund-heading">
        <h2 id="order-refund-heading" tabindex="-1" data-i18n="adminOrders.refund.heading"></h2>
        <p id="order-refund-status" class="status-message" role="status"></p>
        <div id="order-refund-body" class="stack"></div>
      </section>`);
    translate(this);
    this.statusLine = this.querySelector('#order-refund-status');
    this.body = this.querySelector('#order-refund-body');
    this.body.addEventListener('submit', (event) => {
      event.preventDefault();
      this.review();
    });
    this.body.addEventListener('click', (event) => {
      if (event.target.closest('#refund-confirm')) this.send();
      else if (event.target.closest('#refund-change')) this.change();
    });
    this.body.addEventListener('change', (event) => {
      if (event.target.name === 'scope') this.showScope();
    });
    // What is confirmed must be what the form says: any change takes the confirmation away.
    this.body.addEventListener('input', (event) => {
      if (event.target.closest('form')) this.hideConfirm();
    });
    if (this.waiting) this.order = this.waiting;
  }

  set order(order) {
    if (!this.body) {
      this.waiting = order;
      return;
    }
    this.current = order;
    this.pending = null;
    const open = isPaid(order) && refundableMinor(order) > 0;
    // After the last refund the section stays on show for its message.
    this.hidden = !open && !this.refunded;
    render(this.body, open ? refundFormHtml(order) : html`<p id="order-refund-none" data-i18n="adminOrders.refund.nothingLeft"></p>`);
    translate(this.body);
    this.form = this.querySelector('#order-refund-form');
    this.errors = this.form && new FormErrors(this.form, this.querySelector('#order-refund-errors'));
  }

  /** The order moved on while the form keeps what was typed: the limits shown follow it. */
  refreshLimits(order) {
    const lineIds = (o) => o.lines.map((l) => l.lineId).join();
    if (!this.form || !isPaid(order) || lineIds(order) !== lineIds(this.current)) {
      this.order = order;
      return;
    }
    this.current = order;
    const left = JSON.stringify({ amount: displayYuan(refundableMinor(order)) });
    for (const id of ['refund-left', 'refund-amount-hint']) this.querySelector(`#${id}`).dataset.i18nParams = left;
    this.querySelector('#refund-scope-whole + .choice__text [data-i18n]').dataset.i18nParams = left;
    for (const line of order.lines) {
      const input = this.querySelector(`#refund-line-${line.lineId}`);
      if (!input) continue;
      input.max = String(unitsLeft(line));
      this.querySelector(`#refund-line-${line.lineId}-hint`).dataset.i18nParams = lineHintParams(line);
    }
    translate(this.body);
  }

  showScope() {
    const scope = this.scope();
    this.querySelector('#refund-lines').hidden = scope !== 'lines';
    this.querySelector('#refund-amount-field').hidden = scope !== 'amount';
    // An amount of money is not tied to items, so nothing can go back to stock with it.
    this.querySelector('#refund-restock-field').hidden = scope === 'amount';
    this.hideConfirm();
  }

  scope() {
    return this.form.querySelector('input[name="scope"]:checked')?.value || 'whole';
  }

  draft() {
    const lines = {};
    for (const input of this.form.querySelectorAll('input[data-line-id]')) {
      lines[input.dataset.lineId] = input.validity.badInput ? '?' : input.value;
    }
    return {
      scope: this.scope(),
      lines,
      amount: this.querySelector('#refund-amount').value,
      restock: this.querySelector('#refund-restock').checked,
      method: this.form.querySelector('input[name="method"]:checked')?.value || '',
      reason: this.querySelector('#refund-reason').value,
    };
  }

  review() {
    const { problems, body, amount } = checkRefund(this.current, this.draft());
    if (problems.length) {
      this.hideConfirm();
      this.errors.show(problems);
      return;
    }
    this.errors.clear();
    const same = this.attempt && this.attempt.json === JSON.stringify(body);
    if (!same) this.attempt = { key: uuid(), json: JSON.stringify(body) };
    this.pending = { body, amount };
    const panel = this.querySelector('#refund-confirm-panel');
    render(panel, confirmHtml(this.current, this.pending));
    translate(panel);
    panel.hidden = false;
    panel.querySelector('#refund-confirm-heading').focus();
  }

  hideConfirm() {
    const panel = this.querySelector('#refund-confirm-panel');
    if (!panel || panel.hidden) return;
    panel.hidden = true;
    this.pending = null;
  }

  change() {
    this.hideConfirm();
    this.form.querySelector('input[name="scope"]:checked')?.focus();
  }

  async send() {
    if (this.busy || !this.pending) return;
    const { body } = this.pending;
    this.busy = true;
    this.querySelector('#refund-confirm').setAttribute('aria-disabled', 'true');
    announce(this.statusLine, { key: 'adminOrders.refund.sending' });
    try {
      await ensureCsrfToken();
      const refund = await api.post(`/api/admin/orders/${encodeURIComponent(this.current.orderId)}/refunds`, body,
        { headers: { 'Idempotency-Key': this.attempt.key } });
      this.attempt = null;
      this.refunded = true;
      announce(this.statusLine, this.resultMessage(refund));
      this.dispatchEvent(new CustomEvent('order-changed', { bubbles: true,
        detail: { focus: this.querySelector('#order-refund-heading') } }));
    } catch (error) {
      console.warn('The refund failed.', error);
      this.statusLine.textContent = '';
      this.hideConfirm();
      this.errors.show(this.problems(error, body));
      if (problemCode(error) === 'refund-too-large' || (error instanceof ApiError && error.status === 409)) {
        this.dispatchEvent(new CustomEvent('order-changed', { bubbles: true, detail: { keep: this } }));
      }
    } finally {
      this.busy = false;
      this.querySelector('#refund-confirm')?.removeAttribute('aria-disabled');
    }
  }

  resultMessage(refund) {
    const amount = displayYuan(refund.amount?.amount ?? this.pending?.amount ?? 0);
    const status = ['SUCCEEDED', 'PENDING', 'FAILED'].includes(refund.status) ? refund.status : 'SUCCEEDED';
    const lines = [{ key: `adminOrders.refund.result.${status}`, params: { amount, number: this.current.orderNumber } }];
    if (refund.restocked && status !== 'FAILED') lines.push({ key: 'adminOrders.refund.result.restocked' });
    return lines;
  }

  problems(error, body) {
    const target = body.lines ? 'refund-lines' : body.amount ? 'refund-amount' : null;
    if (problemCode(error) === 'refund-too-large') {
      return [{ target, message: { key: 'adminOrders.refund.tooLargeServer' } }];
    }
    if (error instanceof ApiError && error.status === 409 && !error.problem.errors?.length) {
      return [{ target: null, message: { key: 'adminOrders.refund.notPaid' } }];
    }
    return problemsFrom(error, (field) => FIELDS[field] ?? (field.startsWith('lines') ? 'refund-lines' : null));
  }
}

export function register() {
  define('order-refund', OrderRefund);
}
