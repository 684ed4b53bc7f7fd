/**
 * <pos-sale-receipt>: the receipt of the sale just completed at the counter, for the customer to take. At a glance
 * for the cashier: the customer's pickup number, large, then the order number, total, cash given and change due; then the receipt itself as the tablet signed
 * it (slip.js), with its QR code for the customer to scan from the screen, or printed on the 80 mm roll (the
 * browser's print, whose styles keep only the slip); and a new sale. Drawn by the tablet whether or not the server
 * has the sale yet (one path): a sale the server stored also links to its public page and its PDF; one completed
 * without the network says that it waits to be sent, and its receipt verifies once it is. `show({ signed, sold })`
 * draws it (a signed sale of lib/pos-sales.js; `sold` the server's answer, or null) and moves focus to its heading;
 * "New sale" emits `pos-sale-new` (bubbles).
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { tenderLabel } from '../../../lib/tenders.js';
import { formatMoney } from '../../../lib/money.js';
import { receiptPage, renderings } from '../../../lib/receipts.js';
import { choosePaper, fitRollToReceipt } from '../../../lib/paper-size.js';
import { printOnCounterPrinter } from '../../../lib/pos-printer.js';
import { define } from '../../../lib/define.js';
import { slipTemplate } from './slip.js';

class PosSaleReceipt extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <section id="pos-sale-receipt" class="pos-receipt stack" aria-labelledby="pos-sale-receipt-heading">
        <h3 id="pos-sale-receipt-heading" tabindex="-1" data-i18n="pos.sale.receipt.heading"></h3>
        <p id="pos-sale-receipt-pickup" class="pos-receipt__pickup" hidden></p>
        <p id="pos-sale-receipt-offline" class="notice pos-receipt__offline" data-i18n="pos.sale.receipt.offline" hidden></p>
        <dl id="pos-sale-receipt-figures" class="facts facts--totals"></dl>
        <div class="button-row">
          <button type="button" id="pos-sale-print" class="button button--secondary" data-i18n="pos.sale.receipt.print"></button>
          <button type="button" id="pos-sale-printer" class="button button--secondary" data-i18n="pos.sale.receipt.printer" hidden></button>
          <button type="button" id="pos-sale-new" class="button button--primary" data-i18n="pos.sale.receipt.new"></button>
        </div>
        <p id="pos-sale-receipt-status" class="status-message" role="status"></p>
        <div id="pos-sale-receipt-slip"></div>
        <ul id="pos-sale-receipt-links" class="plain-list stack" hidden>
          <li><a id="pos-sale-receipt-link" data-i18n="pos.sale.receipt.open"></a></li>
          <li><a id="pos-sale-receipt-pdf" data-i18n="receipt.download.pdfRoll"></a></li>
        </ul>
      </section>`);
    translate(this);
    this.querySelector('#pos-sale-print').addEventListener('click', () => this.print());
    this.querySelector('#pos-sale-printer').addEventListener('click', () => this.printOnPrinter());
    this.querySelector('#pos-sale-new').addEventListener('click', () => {
      this.dispatchEvent(new CustomEvent('pos-sale-new', { bubbles: true }));
    });
    this.onLangChange = () => this.draw();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  show(done) {
    this.done = done;
    this.draw();
    this.hidden = false;
    this.querySelector('#pos-sale-receipt-heading').focus();
  }

  draw() {
    if (!this.done) return;
    const { signed, sold } = this.done;
    const { content } = signed;
    const tender = content.tenders.find((each) => each.type === 'CASH');
    const pickup = this.querySelector('#pos-sale-receipt-pickup');
    pickup.hidden = content.pickupNumber == null;
    render(pickup, content.pickupNumber == null ? html`` : html`<span data-i18n="pos.sale.receipt.pickup"></span>
      <strong id="pos-sale-receipt-pickup-number">${content.pickupNumber}</strong>`);
    render(this.querySelector('#pos-sale-receipt-figures'), html`
      <div class="facts__row"><dt data-i18n="pos.sale.receipt.number"></dt>
        <dd id="pos-sale-receipt-number">${content.register}-${content.number}</dd></div>
      <div class="facts__row"><dt data-i18n="pos.sale.total"></dt><dd id="pos-sale-receipt-total">${formatMoney(content.total)}</dd></div>
      ${content.tenders.filter((each) => each.type !== 'CASH').map((each, index) => html`<div class="facts__row">
        <dt>${tenderLabel(each)}</dt><dd id="pos-sale-receipt-paid-${index}">${formatMoney(each.amount)}</dd></div>`)}
      ${tender && html`<div class="facts__row"><dt data-i18n="pos.sale.cash.given"></dt><dd id="pos-sale-receipt-given">${formatMoney(tender.given)}</dd></div>
      <div class="facts__row"><dt data-i18n="pos.sale.receipt.change"></dt>
        <dd id="pos-sale-receipt-change">${formatMoney(tender.change)}</dd></div>`}`);
    render(this.querySelector('#pos-sale-receipt-slip'), slipTemplate(signed, window.location.origin));
    this.querySelector('#pos-sale-receipt-offline').hidden = Boolean(sold);
    this.querySelector('#pos-sale-receipt-links').hidden = !sold;
    // The counter's printer prints what the server keeps: a receipt still waiting to be sent goes through the browser.
    this.querySelector('#pos-sale-printer').hidden = !(sold && this.printer);
    this.querySelector('#pos-sale-receipt-status').textContent = '';
    if (sold) {
      this.querySelector('#pos-sale-receipt-link').href = receiptPage(sold.receipt.code);
      this.querySelector('#pos-sale-receipt-pdf').href = renderings(sold.receipt.code).pdfRoll;
    }
    translate(this);
  }

  /** Prints the receipt on the register's ESC/POS printer (docs/api/pos.md, "Printing at the counter"). */
  printOnPrinter() {
    return printOnCounterPrinter(this.done.sold.receipt.code, this.querySelector('#pos-sale-receipt-status'));
  }

  /** Prints the slip alone, on a roll page as long as the slip (lib/paper-size.js). */
  print() {
    choosePaper('roll');
    fitRollToReceipt(this.querySelector('#pos-slip'));
    window.print();
  }
}

export function register() {
  define('pos-sale-receipt', PosSaleReceipt);
}
