/**
 * <receipt-check>: the public page of one receipt, /r/{code} (what its QR code holds). Asks
 * GET /api/receipts/{code} and says first, in words, whether the receipt is genuine (and whether it was since
 * refunded or voided), announcing that in the live region `#receipt-live`; then shows the receipt like the
 * paper slip, how to print or download it, and how the check works. "Print on an 80 mm roll" and "Print on A4"
 * choose the paper (`<html data-paper>`, also `?paper=80mm`) before the browser's print dialog opens.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t } from '../../../lib/i18n.js';
import { ApiError } from '../../../lib/api.js';
import { announce } from '../../../lib/form-errors.js';
import { codeFromAddress, fetchReceipt, receiptTitle, renderings } from '../../../lib/receipts.js';
import { define } from '../../../lib/define.js';
import { judge, problemTemplate, PROBLEMS, verdictKey, verdictTemplate } from './verdict.js';
import { paperTemplate } from './paper.js';
import { howTemplate, toolsTemplate } from './about.js';
import { choosePaper, fitRollToReceipt } from '../../../lib/paper-size.js';

/** Answers that mean there is no such receipt (a malformed code too), as opposed to "could not ask". */
const NO_SUCH_RECEIPT = new Set([400, 404, 410]);

class ReceiptCheck extends HTMLElement {
  connectedCallback() {
    this.code = codeFromAddress();
    this.live = document.getElementById('receipt-live');
    this.addEventListener('click', (event) => this.click(event));
    // A QR code that cannot be drawn is left out rather than shown broken; the address stays printed below it.
    this.addEventListener('error', (event) => {
      if (event.target.matches?.('.paper__qr')) event.target.hidden = true;
    }, true);
    this.onLangChange = () => this.draw();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.beforePrint = () => fitRollToReceipt(this.querySelector('.receipt-sheet'));
    window.addEventListener('beforeprint', this.beforePrint);
    choosePaper(new URLSearchParams(window.location.search).get('paper') === '80mm' ? 'roll' : 'a4');
    this.check();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
    window.removeEventListener('beforeprint', this.beforePrint);
  }

  async check() {
    this.state = await this.ask();
    this.draw();
    const heading = this.state.problem ? PROBLEMS[this.state.problem].heading : verdictKey(this.state);
    announce(this.live, { key: heading });
  }

  async ask() {
    if (!this.code) return { problem: 'missing' };
    const checkedAt = new Date().toISOString();
    try {
      const receipt = await fetchReceipt(this.code);
      const verdict = judge(receipt);
      return verdict ? { ...verdict, receipt, checkedAt } : { problem: 'error' };
    } catch (error) {
      if (error instanceof ApiError && NO_SUCH_RECEIPT.has(error.status)) {
        return { verdict: 'NOT_GENUINE', reason: 'notFound', checkedAt };
      }
      console.warn('The receipt could not be checked.', error);
      return { problem: 'error' };
    }
  }

  draw() {
    const { state } = this;
    if (!state) return;
    const focused = document.activeElement?.id;
    const receipt = state.receipt;
    if (receipt) document.title = t('receipt.pageTitle', { name: receiptTitle(receipt), site: t('brand.name') });
    render(this, html`
      <div class="receipt-sheet">
        ${state.problem ? problemTemplate(state.problem) : verdictTemplate(state)}
        ${receipt && paperTemplate(receipt, renderings(this.code).qr)}
      </div>
      ${receipt && toolsTemplate(renderings(this.code))}
      ${!state.problem && howTemplate(receipt?.signed)}`);
    if (focused) document.getElementById(focused)?.focus();
  }

  async click(event) {
    const print = event.target.closest('button[data-paper]');
    if (print) {
      choosePaper(print.dataset.paper);
      window.print();
      return;
    }
    if (event.target.closest('#receipt-retry')) {
      render(this, html`<p class="shop-message">${t('receipt.checking')}</p>`);
      await this.check();
      this.querySelector('#receipt-verdict-heading')?.focus();
    }
  }
}

export function register() {
  define('receipt-check', ReceiptCheck);
}
