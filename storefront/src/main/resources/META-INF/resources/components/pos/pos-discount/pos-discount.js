/**
 * <pos-discount>: taking an amount off one line of the sale (docs/api/pos.md, step 6), for a cashier whose
 * `discountUpTo` (GET /api/pos/device → permissions) is above 0. A modal dialog named by the line: the amount in yuan,
 * at most the cashier's percent of the line (rounded down to the fen, as the server) and leaving something to pay,
 * and the reason (required, 1–100 characters), typed or taken from a few common ones. Refusals are said at the field
 * and in the dialog's error summary. `open({ key, name, grossFen, upTo, discount, returnTo, fallback })` shows it;
 * Save emits `pos-discount-chosen` (bubbles, `detail: { key, discount: { fen, reason } }`), Remove the same with
 * `discount` null; Esc or Cancel change nothing.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t, translate } from '../../../lib/i18n.js';
import { FormErrors } from '../../../lib/form-errors.js';
import { formatMoney, formatYuan, parseYuan } from '../../../lib/money.js';
import { discountLimitFen } from '../../../lib/pos-pricing.js';
import { openDialog } from '../../../lib/pos-dialog.js';
import { define } from '../../../lib/define.js';

/** Reasons a counter often gives, offered as buttons (their words, in the page's language, fill the reason). */
const REASONS = ['pos.discount.reason.damaged', 'pos.discount.reason.regular', 'pos.discount.reason.staff',
  'pos.discount.reason.apology'];
const MAX_REASON = 100;

function cny(fen) {
  return { amount: fen, currency: 'CNY' };
}

class PosDiscount extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <dialog id="pos-discount" class="pos-dialog" aria-labelledby="pos-discount-heading">
        <form id="pos-discount-form" class="stack" novalidate>
          <h3 id="pos-discount-heading" class="pos-dialog__heading"></h3>
          <p id="pos-discount-limit"></p>
          <div id="pos-discount-errors" class="error-summary" role="alert" tabindex="-1" hidden></div>
          <div class="field">
            <label for="pos-discount-amount" data-i18n="pos.discount.amount"></label>
            <p id="pos-discount-amount-hint" class="field__hint" data-i18n="pos.discount.amountHint"></p>
            <input id="pos-discount-amount" class="pos-money-input" type="text" inputmode="decimal" autocomplete="off" required
                   aria-describedby="pos-discount-amount-hint">
            <p id="pos-discount-amount-error" class="field__error" hidden></p>
          </div>
          <div class="field">
            <label for="pos-discount-reason" data-i18n="pos.discount.reason"></label>
            <p id="pos-discount-reason-hint" class="field__hint" data-i18n="pos.discount.reasonHint"></p>
            <div id="pos-discount-reasons" class="button-row" role="group" data-i18n-attr="aria-label:pos.discount.reasons">
              ${REASONS.map((key, index) => html`<button type="button" class="button button--secondary"
                  id="pos-discount-reason-${index}" data-reason="${key}" data-i18n="${key}"></button>`)}
            </div>
            <input id="pos-discount-reason" type="text" maxlength="${MAX_REASON}" autocomplete="off" required
                   aria-describedby="pos-discount-reason-hint">
            <p id="pos-discount-reason-error" class="field__error" hidden></p>
          </div>
          <div class="button-row">
            <button type="submit" id="pos-discount-save" class="button button--primary pos-dialog__main" data-i18n="pos.discount.save"></button>
            <button type="button" id="pos-discount-remove" class="button button--secondary" data-i18n="pos.discount.remove" hidden></button>
            <button type="button" id="pos-discount-cancel" class="button button--secondary" data-i18n="pos.dialog.cancel"></button>
          </div>
        </form>
      </dialog>`);
    translate(this);
    this.dialog = this.querySelector('dialog');
    this.amount = this.querySelector('#pos-discount-amount');
    this.reason = this.querySelector('#pos-discount-reason');
    this.errors = new FormErrors(this.querySelector('form'), this.querySelector('#pos-discount-errors'),
      { titleKey: 'pos.discount.errorsTitle' });
    this.querySelector('form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
    this.querySelector('#pos-discount-reasons').addEventListener('click', (event) => {
      const button = event.target.closest('button[data-reason]');
      if (!button) return;
      this.reason.value = t(button.dataset.reason);
      this.errors.clearAt(this.reason);
      this.reason.focus();
    });
    this.querySelector('#pos-discount-remove').addEventListener('click', () => this.chose(null));
    this.querySelector('#pos-discount-cancel').addEventListener('click', () => this.dialog.close());
    this.onLangChange = () => this.drawLine();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  /** Shows the discount of the line `key` ({ name, grossFen: before the discount, upTo: percent, discount or null }). */
  open({ key, name, grossFen, upTo, discount, returnTo, fallback }) {
    this.line = { key, name, grossFen, upTo };
    this.errors.clear();
    this.amount.value = discount ? formatYuan(discount.fen) : '';
    this.reason.value = discount?.reason ?? '';
    this.querySelector('#pos-discount-remove').hidden = !discount;
    this.drawLine();
    openDialog(this.dialog, { first: this.amount, returnTo, fallback });
  }

  /** The most this cashier may take off the line: their percent of it, and never all of it. */
  limitFen() {
    const { grossFen, upTo } = this.line;
    return Math.min(discountLimitFen(grossFen, 1, upTo), grossFen - 1);
  }

  drawLine() {
    if (!this.line) return;
    const { name, grossFen, upTo } = this.line;
    this.querySelector('#pos-discount-heading').textContent = t('pos.discount.heading', { name });
    this.querySelector('#pos-discount-limit').textContent = t('pos.discount.limit',
      { line: formatMoney(cny(grossFen)), most: formatMoney(cny(this.limitFen())), percent: upTo });
  }

  /** What stops the discount as typed, for FormErrors. */
  check() {
    const problems = [];
    const read = parseYuan(this.amount.value);
    const amountProblem = (key, params = {}) => problems.push({ target: 'pos-discount-amount', message: { key, params } });
    if (read.problem === 'missing') amountProblem('pos.discount.amountMissing');
    else if (read.problem) amountProblem('pos.discount.amountInvalid');
    else if (read.fen > this.limitFen()) {
      amountProblem('pos.discount.tooMuch', { most: formatMoney(cny(this.limitFen())), percent: this.line.upTo });
    }
    const reason = this.reason.value.trim();
    if (reason.length === 0) problems.push({ target: 'pos-discount-reason', message: { key: 'pos.discount.reasonMissing' } });
    return { problems, fen: read.fen, reason };
  }

  save() {
    const { problems, fen, reason } = this.check();
    if (problems.length) {
      this.errors.show(problems);
      return;
    }
    this.chose({ fen, reason: reason.slice(0, MAX_REASON) });
  }

  chose(discount) {
    this.dialog.close();
    this.dispatchEvent(new CustomEvent('pos-discount-chosen', { bubbles: true, detail: { key: this.line.key, discount } }));
  }
}

export function register() {
  define('pos-discount', PosDiscount);
}
