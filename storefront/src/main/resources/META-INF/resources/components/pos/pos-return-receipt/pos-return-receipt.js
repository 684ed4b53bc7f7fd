/**
 * <pos-return-receipt>: the refund receipt of the return just made at the counter, for the customer to take with their
 * money. At a glance for the cashier: the refund receipt's number, the sale it refunds and the cash to give back; then
 * the receipt as the tablet signed it (the sale's slip, kind REFUND), with its QR code for the customer to scan from the
 * screen, or printed on the 80 mm roll (the browser's print, whose styles keep only the slip shown), or, when the
 * register has a receipt printer (`printer`, the register's address of it, or null), on that printer
 * (lib/pos-printer.js, as the sale's receipt), the outcome said in the panel's live region; links to its public page
 * and PDF; and a new return. `show({ signed, returned })` draws it (a signed return of lib/pos-returns.js
 * and the server's answer) and moves focus to its heading; "New return" emits `pos-return-new` (bubbles).
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t, translate } from '../../../lib/i18n.js';
import { formatMoney } from '../../../lib/money.js';
import { receiptPage, renderings } from '../../../lib/receipts.js';
import { choosePaper, fitRollToReceipt } from '../../../lib/paper-size.js';
import { tenderLabel } from '../../../lib/tenders.js';
import { printOnCounterPrinter } from '../../../lib/pos-printer.js';
import { define } from '../../../lib/define.js';
import { slipTemplate } from '../pos-sale-receipt/slip.js';

class PosReturnReceipt extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <section id="pos-return-receipt" class="pos-receipt stack" aria-labelledby="pos-return-receipt-heading">
        <h3 id="pos-return-receipt-heading" tabindex="-1" data-i18n="pos.return.receipt.heading"></h3>
        <dl id="pos-return-receipt-figures" class="facts facts--totals"></dl>
        <div class="button-row">
          <button type="button" id="pos-return-print" class="button button--secondary" data-i18n="pos.sale.receipt.print"></button>
          <button type="button" id="pos-return-printer" class="button button--secondary" data-i18n="pos.sale.receipt.printer" hidden></button>
          <button type="button" id="pos-return-new" class="button button--primary" data-i18n="pos.return.receipt.new"></button>
        </div>
        <p id="pos-return-receipt-status" class="status-message" role="status"></p>
        <div id="pos-return-receipt-slip"></div>
        <ul class="plain-list stack">
          <li><a id="pos-return-receipt-link" data-i18n="pos.sale.receipt.open"></a></li>
          <li><a id="pos-return-receipt-pdf" data-i18n="receipt.download.pdfRoll"></a></li>
        </ul>
      </section>`);
    translate(this);
    this.querySelector('#pos-return-print').addEventListener('click', () => this.print());
    this.querySelector('#pos-return-printer').addEventListener('click', () => this.printOnPrinter());
    this.querySelector('#pos-return-new').addEventListener('click', () => {
      this.dispatchEvent(new CustomEvent('pos-return-new', { bubbles: true }));
    });
    this.onLangChange = () => this.draw();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  show(done) {
    this.done = done;
    this.querySelector('#pos-return-receipt-status').textContent = '';
    this.draw();
    this.hidden = false;
    this.querySelector('#pos-return-receipt-heading').focus();
  }

  draw() {
    if (!this.done) return;
    const { signed, returned } = this.done;
    const { content } = signed;
    render(this.querySelector('#pos-return-receipt-figures'), html`
      <div class="facts__row"><dt data-i18n="pos.return.receipt.number"></dt>
        <dd id="pos-return-receipt-number">${content.register}-${content.number}</dd></div>
      <div class="facts__row"><dt data-i18n="receipt.fact.refundOf"></dt><dd id="pos-return-receipt-of">${content.refundOf}</dd></div>
      ${content.tenders.filter((tender) => tender.type !== 'CASH').map((tender) => html`
        <div class="facts__row"><dt>${t('pos.return.receipt.backTo', { tender: tenderLabel(tender) })}</dt>
          <dd id="pos-return-receipt-original">${formatMoney(tender.amount)}</dd></div>`)}
      <div class="facts__row"><dt data-i18n="pos.return.receipt.cash"></dt>
        <dd id="pos-return-receipt-cash">${formatMoney(returned.cashPaidOut)}</dd></div>`);
    render(this.querySelector('#pos-return-receipt-slip'), slipTemplate(signed, window.location.origin,
      { id: 'pos-return-slip', qrId: 'pos-return-qr' }));
    this.querySelector('#pos-return-receipt-link').href = receiptPage(returned.receipt.code);
    this.querySelector('#pos-return-receipt-pdf').href = renderings(returned.receipt.code).pdfRoll;
    // A return is made only with the network, so the server keeps its refund receipt: the printer can print it.
    this.querySelector('#pos-return-printer').hidden = !this.printer;
    translate(this);
  }

  /** Prints the refund receipt on the register's ESC/POS printer (docs/api/pos.md, "Printing at the counter"). */
  printOnPrinter() {
    return printOnCounterPrinter(this.done.returned.receipt.code, this.querySelector('#pos-return-receipt-status'));
  }

  /** Prints the slip alone, on a roll page as long as the slip (lib/paper-size.js). */
  print() {
    choosePaper('roll');
    fitRollToReceipt(this.querySelector('#pos-return-slip'));
    window.print();
  }
}

export function register() {
  define('pos-return-receipt', PosReturnReceipt);
}
