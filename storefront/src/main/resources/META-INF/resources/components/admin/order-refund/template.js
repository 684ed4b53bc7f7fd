/**
 * Markup of the refund form and of its confirmation step. Every field has its message element
 * (X-error) for lib/form-errors.js; choices are radio groups in fieldsets.
 */
import { html } from '../../../lib/html.js';
import { displayYuan } from '../../../lib/money.js';
import { refundableMinor, unitsLeft } from '../../../lib/staff-orders.js';
import { METHODS, REASON_MAX, SCOPES, refundableLines } from './rules.js';

function radio(name, id, value, key, { checked = false, note = null, params = null } = {}) {
  return html`
    <li><label class="choice" for="${id}">
      <input type="radio" id="${id}" name="${name}" value="${value}" ${checked && html`checked`}>
      <span class="choice__text"><span data-i18n="${key}" ${params && html`data-i18n-params="${JSON.stringify(params)}"`}></span>
        ${note && html`<span class="choice__note" data-i18n="${note}"></span>`}</span></label></li>`;
}

export function lineHintParams(line) {
  return JSON.stringify({ max: unitsLeft(line), price: displayYuan(line.unitPrice.amount) });
}

function lineField(line) {
  const id = `refund-line-${line.lineId}`;
  return html`
    <div class="field refund-line">
      <label for="${id}">${line.name}${line.variantName && html` — ${line.variantName}`}
        ${line.sku && line.kind === 'ITEM' && html`<span class="data-table__sub">${line.sku}</span>`}</label>
      <p id="${id}-hint" class="field__hint" data-i18n="adminOrders.refund.lineHint" data-i18n-params="${lineHintParams(line)}"></p>
      <input id="${id}" type="number" min="0" max="${unitsLeft(line)}" step="1" inputmode="numeric" autocomplete="off"
             class="input--short" data-line-id="${line.lineId}" aria-describedby="${id}-hint">
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

export function refundFormHtml(order) {
  const left = JSON.stringify({ amount: displayYuan(refundableMinor(order)) });
  const scopeKeys = { whole: 'adminOrders.refund.scope.whole', lines: 'adminOrders.refund.scope.lines', amount: 'adminOrders.refund.scope.amount' };
  return html`
    <p id="refund-left" class="order-refund__left" data-i18n="adminOrders.refund.left" data-i18n-params="${left}"></p>
    <form id="order-refund-form" class="admin-form" novalidate>
      <div id="order-refund-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
      <fieldset id="refund-scope" class="group">
        <legend class="group__legend" data-i18n="adminOrders.refund.scope.legend"></legend>
        <p id="refund-scope-error" class="field__error" hidden></p>
        <ul class="choices">
          ${SCOPES.map((scope) => radio('scope', `refund-scope-${scope}`, scope, scopeKeys[scope],
            { checked: scope === 'whole', params: scope === 'whole' ? JSON.parse(left) : null }))}
        </ul>
      </fieldset>
      <fieldset id="refund-lines" class="group" hidden>
        <legend class="group__legend" data-i18n="adminOrders.refund.linesLegend"></legend>
        <p id="refund-lines-error" class="field__error" hidden></p>
        ${refundableLines(order).map(lineField)}
      </fieldset>
      <div id="refund-amount-field" class="field" hidden>
        <label for="refund-amount" data-i18n="adminOrders.refund.amountLabel"></label>
        <p id="refund-amount-hint" class="field__hint" data-i18n="adminOrders.refund.amountHint" data-i18n-params="${left}"></p>
        <input id="refund-amount" type="text" inputmode="decimal" autocomplete="off" class="input--short"
               aria-describedby="refund-amount-hint">
        <p id="refund-amount-error" class="field__error" hidden></p>
      </div>
      <div id="refund-restock-field" class="field">
        <label class="choice" for="refund-restock">
          <input type="checkbox" id="refund-restock" aria-describedby="refund-restock-hint">
          <span class="choice__text" data-i18n="adminOrders.refund.restock"></span></label>
        <p id="refund-restock-hint" class="field__hint" data-i18n="adminOrders.refund.restockHint"></p>
      </div>
      <fieldset id="refund-method" class="group">
        <legend class="group__legend" data-i18n="adminOrders.refund.methodLegend"></legend>
        <p id="refund-method-error" class="field__error" hidden></p>
        <ul class="choices">
          ${METHODS.map((method) => radio('method', `refund-method-${method.toLowerCase().replace('_', '-')}`, method,
            `adminOrders.method.${method}`, { checked: method === 'ORIGINAL', note: `adminOrders.refund.methodNote.${method}` }))}
        </ul>
      </fieldset>
      <div class="field">
        <label for="refund-reason" data-i18n="adminOrders.refund.reason"></label>
        <p id="refund-reason-hint" class="field__hint" data-i18n="adminOrders.refund.reasonHint"></p>
        <textarea id="refund-reason" rows="3" maxlength="${REASON_MAX}" required aria-describedby="refund-reason-hint"></textarea>
        <p id="refund-reason-error" class="field__error" hidden></p>
      </div>
      <p><button type="submit" id="refund-review" class="button button--primary" data-i18n="adminOrders.refund.review"></button></p>
    </form>
    <section id="refund-confirm-panel" class="notice order-refund__confirm" aria-labelledby="refund-confirm-heading" hidden></section>`;
}

function fact(key, value, id) {
  return html`<div class="facts__row"><dt data-i18n="${key}"></dt><dd id="${id}">${value}</dd></div>`;
}

/** The confirmation step: what will happen, then the one button that does it. */
export function confirmHtml(order, { amount, body }) {
  const yuan = displayYuan(amount);
  const scope = body.lines ? 'lines' : body.amount ? 'amount' : 'whole';
  return html`
    <h3 id="refund-confirm-heading" tabindex="-1" data-i18n="adminOrders.refund.confirmHeading"></h3>
    <dl class="facts">
      ${fact('adminOrders.refund.confirmAmount', yuan, 'refund-confirm-amount')}
      ${fact('adminOrders.refund.confirmTo', order.name || order.email || '', 'refund-confirm-to')}
      ${fact('adminOrders.refund.confirmWhat', html`<span data-i18n="adminOrders.refund.scope.${scope}Short"></span>`, 'refund-confirm-what')}
      ${body.lines && fact('adminOrders.refund.confirmLines', html`<ul class="plain-list">${body.lines.map(({ lineId, quantity }) => {
        const line = order.lines.find((l) => l.lineId === lineId);
        return html`<li>${quantity} × ${line.name}${line.variantName && html` — ${line.variantName}`}</li>`;
      })}</ul>`, 'refund-confirm-lines')}
      ${fact('adminOrders.refund.confirmMethod', html`<span data-i18n="adminOrders.method.${body.method}"></span>`, 'refund-confirm-method')}
      ${fact('adminOrders.refund.confirmRestock', html`<span data-i18n="${body.restock ? 'adminOrders.yes' : 'adminOrders.no'}"></span>`, 'refund-confirm-restock')}
      ${fact('adminOrders.refund.confirmReason', body.reason, 'refund-confirm-reason')}
    </dl>
    <div class="button-row">
      <button type="button" id="refund-confirm" class="button button--primary" data-i18n="adminOrders.refund.confirm"
              data-i18n-params="${JSON.stringify({ amount: yuan })}"></button>
      <button type="button" id="refund-change" class="button button--secondary" data-i18n="adminOrders.refund.change"></button>
    </div>`;
}
