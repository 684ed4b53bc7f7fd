/**
 * <company-order-actions>: what a coordinator records for a company's order. A bank transfer that arrived
 * (POST /api/admin/corporate/orders/{id}/transfers): its amount in yuan, to start with what is left (of the first
 * instalment not paid, when the order has instalments), and the bank's reference; the same reference again records
 * nothing, and the screen says so. The 发票 issued (PUT …/fapiao): its number, normal or special, and the day; a 发票
 * recorded already is shown and can be corrected. Set `order` to draw; says `company-order-changed` (bubbles,
 * { message }) after a change, and `company-order-stale` ({ message }) when the server says the order changed meanwhile.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { FormErrors } from '../../../lib/form-errors.js';
import { formatMoney, formatYuan, parseYuan } from '../../../lib/money.js';
import { INVOICE_KINDS, problemName, refusal } from '../../../lib/corporate.js';
import { moneyMessageHtml, today } from '../../../lib/quotes.js';
import { awaitingPayment, leftOf, likelyTransfer, recordFapiao, recordTransfer } from '../../../lib/company-orders.js';
import { define } from '../../../lib/define.js';

/** The API takes up to ¥1,000,000.00 in one amount. */
const MAX_TRANSFER_FEN = 100_000_000;
const FAPIAO_NUMBER = /^[0-9]{8,20}$/;
const TITLES = { titleKey: 'corporate.errors.title', labelKey: 'corporate.errors.fieldLabel' };

function field(id, key, control, { hint } = {}) {
  return html`
    <div class="field">
      <label for="${id}" data-i18n="${key}"></label>
      ${hint && html`<p id="${id}-hint" class="field__hint" data-i18n="${hint}"></p>`}
      ${control}
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

function transferHtml(order) {
  if (!awaitingPayment(order)) {
    return html`
      <section class="corporate-section" aria-labelledby="transfer-heading">
        <h3 id="transfer-heading" data-i18n="corporate.transfer.heading"></h3>
        <p id="transfer-nothing" data-i18n="corporate.transfer.nothingOwed"></p>
      </section>`;
  }
  return html`
    <section class="corporate-section" aria-labelledby="transfer-heading">
      <h3 id="transfer-heading" tabindex="-1" data-i18n="corporate.transfer.heading"></h3>
      <p id="transfer-left">${moneyMessageHtml('corporate.transfer.left', {}, { left: leftOf(order) })}</p>
      <div id="transfer-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
      <form id="transfer-form" class="corporate-form" novalidate aria-labelledby="transfer-heading">
        ${field('transfer-amount', 'corporate.transfer.amount', html`<input id="transfer-amount" type="text" inputmode="decimal"
          autocomplete="off" required aria-describedby="transfer-amount-hint" value="${formatYuan(likelyTransfer(order).amount)}">`,
          { hint: 'corporate.transfer.amountHint' })}
        ${field('transfer-reference', 'corporate.transfer.reference', html`<input id="transfer-reference" type="text" maxlength="60"
          autocomplete="off" spellcheck="false" required aria-describedby="transfer-reference-hint">`,
          { hint: 'corporate.transfer.referenceHint' })}
        <div class="button-row">
          <button type="submit" id="transfer-record" class="button button--primary" data-i18n="corporate.transfer.record"></button>
        </div>
      </form>
    </section>`;
}

function fapiaoFormHtml(order) {
  const fapiao = order.fapiao;
  return html`
    <section class="corporate-section" aria-labelledby="fapiao-heading">
      <h3 id="fapiao-heading" tabindex="-1" data-i18n="${fapiao ? 'corporate.fapiao.correctHeading' : 'corporate.fapiao.heading'}"></h3>
      <p class="field__hint" data-i18n="corporate.fapiao.intro"></p>
      <div id="fapiao-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
      <form id="fapiao-form" class="corporate-form" novalidate aria-labelledby="fapiao-heading">
        ${field('fapiao-number', 'corporate.fapiao.number', html`<input id="fapiao-number" type="text" inputmode="numeric"
          maxlength="20" autocomplete="off" spellcheck="false" required aria-describedby="fapiao-number-hint"
          value="${fapiao?.number || ''}">`, { hint: 'corporate.fapiao.numberHint' })}
        ${field('fapiao-kind', 'corporate.fapiao.kind', html`<select id="fapiao-kind">
          ${INVOICE_KINDS.map((kind) => html`<option value="${kind}" ${fapiao?.kind === kind && html`selected`}
            data-i18n="corporate.kind.${kind}"></option>`)}
        </select>`)}
        ${field('fapiao-issued', 'corporate.fapiao.issuedOn', html`<input id="fapiao-issued" type="date" required max="${today()}"
          value="${fapiao?.issuedOn || today()}">`)}
        <div class="button-row">
          <button type="submit" id="fapiao-record" class="button button--primary"
                  data-i18n="${fapiao ? 'corporate.fapiao.correct' : 'corporate.fapiao.record'}"></button>
        </div>
      </form>
    </section>`;
}

class CompanyOrderActions extends HTMLElement {
  connectedCallback() {
    if (this.wired) return;
    this.wired = true;
    this.addEventListener('submit', (event) => {
      event.preventDefault();
      if (event.target.id === 'transfer-form') this.transfer();
      if (event.target.id === 'fapiao-form') this.fapiao();
    });
  }

  set order(order) {
    this.current = order;
    render(this, html`${transferHtml(order)}${fapiaoFormHtml(order)}`);
    translate(this);
    const transfer = this.querySelector('#transfer-form');
    this.transferErrors = transfer ? new FormErrors(transfer, this.querySelector('#transfer-errors'), TITLES) : null;
    this.fapiaoErrors = new FormErrors(this.querySelector('#fapiao-form'), this.querySelector('#fapiao-errors'), TITLES);
  }

  get order() {
    return this.current;
  }

  transferDraft() {
    return {
      amount: parseYuan(this.querySelector('#transfer-amount').value, MAX_TRANSFER_FEN),
      reference: this.querySelector('#transfer-reference').value.trim(),
    };
  }

  async transfer() {
    if (this.busy) return;
    const { amount, reference } = this.transferDraft();
    const problems = [];
    if (amount.problem) problems.push({ target: 'transfer-amount', message: { key: `corporate.transfer.amount.${amount.problem}` } });
    else if (amount.fen > leftOf(this.current).amount) {
      const left = formatMoney(leftOf(this.current));
      problems.push({ target: 'transfer-amount', message: { key: 'corporate.transfer.amount.tooMuch', params: { left } } });
    }
    if (!reference) problems.push({ target: 'transfer-reference', message: { key: 'corporate.transfer.reference.missing' } });
    if (problems.length) {
      this.transferErrors.show(problems);
      return;
    }
    this.transferErrors.clear();
    await this.run(async () => {
      const { recorded } = await recordTransfer(this.current.orderId, amount.fen, reference);
      const money = { amount: amount.fen, currency: 'CNY' };
      return recorded
        ? { key: 'corporate.transfer.recorded', params: { amount: formatMoney(money), reference, order: this.current.orderNumber } }
        : { key: 'corporate.transfer.known', params: { reference } };
    }, this.transferErrors, { amount: 'transfer-amount', 'amount.amount': 'transfer-amount', reference: 'transfer-reference' });
  }

  async fapiao() {
    if (this.busy) return;
    const number = this.querySelector('#fapiao-number').value.replace(/\s+/g, '');
    const issuedOn = this.querySelector('#fapiao-issued').value;
    const kind = this.querySelector('#fapiao-kind').value;
    const problems = [];
    if (!number) problems.push({ target: 'fapiao-number', message: { key: 'corporate.fapiao.number.missing' } });
    else if (!FAPIAO_NUMBER.test(number)) problems.push({ target: 'fapiao-number', message: { key: 'corporate.fapiao.number.format' } });
    if (!issuedOn) problems.push({ target: 'fapiao-issued', message: { key: 'corporate.fapiao.issuedOn.missing' } });
    else if (issuedOn > today()) problems.push({ target: 'fapiao-issued', message: { key: 'corporate.fapiao.issuedOn.future' } });
    if (problems.length) {
      this.fapiaoErrors.show(problems);
      return;
    }
    this.fapiaoErrors.clear();
    await this.run(async () => {
      const recorded = await recordFapiao(this.current.orderId, { number, kind, issuedOn });
      return { key: 'corporate.fapiao.recorded', params: { number: recorded.number, order: this.current.orderNumber } };
    }, this.fapiaoErrors, { number: 'fapiao-number', kind: 'fapiao-kind', issuedOn: 'fapiao-issued' });
  }

  /** Runs a change; its message goes up with `company-order-changed`, a refusal of the order's state with `-stale`. */
  async run(change, errors, fields) {
    this.busy = true;
    try {
      const message = await change();
      this.dispatchEvent(new CustomEvent('company-order-changed', { bubbles: true, detail: { message } }));
    } catch (error) {
      console.warn('Recording for the order failed.', error);
      const stale = orderRefusal(error);
      if (stale) this.dispatchEvent(new CustomEvent('company-order-stale', { bubbles: true, detail: { message: stale } }));
      else errors.show(refusal(error, { fields }));
    } finally {
      this.busy = false;
    }
  }
}

/** The message of a refusal that says the order is not as the screen shows it (paid meanwhile, owes less), or null. */
export function orderRefusal(error) {
  const problem = error?.problem || {};
  const known = {
    'not-awaiting-payment': { key: 'corporate.refused.notAwaitingPayment' },
    'more-than-owed': { key: 'corporate.refused.moreThanOwed', params: { owed: problem.owed ? formatMoney(problem.owed) : '' } },
    'not-the-total': { key: 'corporate.refused.notTheTotal', params: { total: problem.total ? formatMoney(problem.total) : '' } },
    'instalment-paid': { key: 'corporate.refused.instalmentPaid' },
    'invoice-open': { key: 'corporate.refused.invoiceOpen' },
  };
  return known[problemName(error)] || null;
}

export function register() {
  define('company-order-actions', CompanyOrderActions);
}
