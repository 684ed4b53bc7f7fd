/**
 * Markup and rules of the three forms under a maker's statement: a payout (never more than the balance), an
 * adjustment (plus or minus, with a reason) and the correction of one entry (reversed, optionally replaced).
 */
import { html } from '../../../lib/html.js';
import { formatYuan } from '../../../lib/money.js';
import { METHODS } from '../../../lib/piecework.js';
import { REASON_MAX, checker, field, makerOptions, numberInput } from '../../../lib/staff-piecework.js';

export const PAYOUT = { amount: 'earnings-payout-amount', method: 'earnings-payout-method', reference: 'earnings-payout-reference' };
export const ADJUST = { amount: 'earnings-adjust-amount', reason: 'earnings-adjust-reason' };
export const CORRECT = { reason: 'earnings-correct-reason', makerId: 'earnings-correct-maker', amount: 'earnings-correct-amount' };

function reasonBox(id) {
  return html`<textarea id="${id}" rows="3" maxlength="${REASON_MAX}"></textarea>`;
}

export function payoutFormHtml(balance) {
  return html`
    <form id="earnings-payout-form" class="admin-panel" novalidate aria-labelledby="earnings-payout-heading">
      <h2 id="earnings-payout-heading" data-i18n="piecework.payout.heading"></h2>
      <div id="earnings-payout-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
      ${field(PAYOUT.amount, 'piecework.payout.amount',
        numberInput(PAYOUT.amount, { decimal: true, value: balance.amount > 0 ? formatYuan(balance.amount) : '', describedBy: `${PAYOUT.amount}-hint` }),
        { hint: 'piecework.payout.amountHint' })}
      ${field(PAYOUT.method, 'piecework.payout.method', html`
        <select id="${PAYOUT.method}">${METHODS.map((m) => html`<option value="${m}" data-i18n="piecework.method.${m}">${m}</option>`)}</select>`)}
      ${field(PAYOUT.reference, 'piecework.payout.reference',
        html`<input id="${PAYOUT.reference}" type="text" maxlength="100" autocomplete="off">`, { optional: true })}
      <button type="submit" id="earnings-payout-submit" class="button button--primary" data-i18n="piecework.payout.submit"></button>
    </form>`;
}

export function adjustFormHtml() {
  return html`
    <form id="earnings-adjust-form" class="admin-panel" novalidate aria-labelledby="earnings-adjust-heading">
      <h2 id="earnings-adjust-heading" data-i18n="piecework.adjust.heading"></h2>
      <div id="earnings-adjust-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
      ${field(ADJUST.amount, 'piecework.adjust.amount',
        numberInput(ADJUST.amount, { describedBy: `${ADJUST.amount}-hint` }), { hint: 'piecework.adjust.amountHint' })}
      ${field(ADJUST.reason, 'piecework.adjust.reason', reasonBox(ADJUST.reason))}
      <button type="submit" id="earnings-adjust-submit" class="button button--primary" data-i18n="piecework.adjust.submit"></button>
    </form>`;
}

/** The correction of `line`; a replacement goes to this maker unless another is chosen. */
export function correctFormHtml(line, makers, makerId) {
  return html`
    <form id="earnings-correct-form" class="admin-panel" novalidate aria-labelledby="earnings-correct-heading">
      <h2 id="earnings-correct-heading" tabindex="-1" data-i18n="piecework.correct.heading"></h2>
      <p id="earnings-correct-entry" class="earnings-entry"></p>
      <p class="field__hint" data-i18n="piecework.correct.intro"></p>
      <div id="earnings-correct-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
      ${field(CORRECT.reason, 'piecework.correct.reason', reasonBox(CORRECT.reason))}
      <fieldset class="group" data-error-context>
        <legend class="group__legend" data-i18n="piecework.correct.replacement"></legend>
        <p class="field__hint" data-i18n="piecework.correct.replacementHint"></p>
        ${field(CORRECT.makerId, 'piecework.correct.maker', html`<select id="${CORRECT.makerId}">${makerOptions(makers, makerId)}</select>`)}
        ${field(CORRECT.amount, 'piecework.correct.amount', numberInput(CORRECT.amount), { optional: true })}
      </fieldset>
      <p class="button-row">
        <button type="submit" id="earnings-correct-submit" class="button button--primary" data-i18n="piecework.correct.submit"></button>
        <button type="button" id="earnings-correct-cancel" class="button button--secondary" data-i18n="piecework.check.cancel"></button>
      </p>
    </form>`;
}

/** Request bodies, or problems, for the three forms; `value(id)` reads a field. */
export function readPayout(value, makerId, balance, problems) {
  const check = checker(problems);
  const amount = check.amount(PAYOUT.amount, value(PAYOUT.amount));
  if (Number.isInteger(amount) && amount > balance.amount) {
    check.wrong(PAYOUT.amount, 'piecework.payout.tooMuch', { balance: formatYuan(balance.amount) });
  }
  const body = { makerId, amount, method: value(PAYOUT.method) };
  if (value(PAYOUT.reference).trim()) body.reference = value(PAYOUT.reference).trim();
  return body;
}

export function readAdjustment(value, makerId, problems) {
  const check = checker(problems);
  return { makerId, amount: check.signedAmount(ADJUST.amount, value(ADJUST.amount)), reason: check.reason(ADJUST.reason, value(ADJUST.reason)) };
}

export function readCorrection(value, problems) {
  const check = checker(problems);
  const body = { reason: check.reason(CORRECT.reason, value(CORRECT.reason)) };
  if (value(CORRECT.amount).trim()) {
    body.replacement = { makerId: value(CORRECT.makerId), amount: check.signedAmount(CORRECT.amount, value(CORRECT.amount)) };
  }
  return body;
}
