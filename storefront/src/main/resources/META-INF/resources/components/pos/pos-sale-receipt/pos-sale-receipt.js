/**
 * <pos-sale-receipt>: the receipt of the sale just completed at the counter, for the customer to take: the order
 * number, total, cash given and change due, the receipt's QR code to scan from the tablet, its link, printing on the
 * 80 mm roll (the browser's print path for the PDF, in a new tab), and a new sale. `show({ sale, given })` draws it
 * from the answer of POST /api/pos/sales and the cash given, and moves focus to its heading; "New sale" emits
 * `pos-sale-new` (bubbles).
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { formatMoney } from '../../../lib/money.js';
import { define } from '../../../lib/define.js';

class PosSaleReceipt extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <section id="pos-sale-receipt" class="pos-receipt stack" aria-labelledby="pos-sale-receipt-heading">
        <h3 id="pos-sale-receipt-heading" tabindex="-1" data-i18n="pos.sale.receipt.heading"></h3>
        <dl id="pos-sale-receipt-figures" class="facts facts--totals"></dl>
        <img id="pos-sale-qr" class="pos-receipt__qr" width="256" height="256" alt="">
        <p><a id="pos-sale-receipt-link" data-i18n="pos.sale.receipt.open"></a></p>
        <div class="button-row">
          <button type="button" id="pos-sale-print" class="button button--secondary" data-i18n="pos.sale.receipt.print"></button>
          <button type="button" id="pos-sale-new" class="button button--primary" data-i18n="pos.sale.receipt.new"></button>
        </div>
      </section>`);
    translate(this);
    this.querySelector('#pos-sale-print').addEventListener('click', () => this.print());
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
    const { sale, given } = this.done;
    render(this.querySelector('#pos-sale-receipt-figures'), html`
      <div class="facts__row"><dt data-i18n="pos.sale.receipt.number"></dt><dd id="pos-sale-receipt-number">${sale.orderNumber}</dd></div>
      <div class="facts__row"><dt data-i18n="pos.sale.total"></dt><dd id="pos-sale-receipt-total">${formatMoney(sale.total)}</dd></div>
      <div class="facts__row"><dt data-i18n="pos.sale.cash.given"></dt><dd id="pos-sale-receipt-given">${formatMoney(given)}</dd></div>
      <div class="facts__row"><dt data-i18n="pos.sale.receipt.change"></dt><dd id="pos-sale-receipt-change">${formatMoney(sale.change)}</dd></div>`);
    const qr = this.querySelector('#pos-sale-qr');
    qr.src = `/api/receipts/${encodeURIComponent(sale.receipt.code)}/qr.png?size=256`;
    qr.dataset.i18nAttr = 'alt:pos.sale.receipt.qrAlt';
    qr.dataset.i18nParams = JSON.stringify({ number: sale.orderNumber });
    this.querySelector('#pos-sale-receipt-link').href = sale.receipt.url;
    translate(this);
  }

  print() {
    window.open(`/api/receipts/${encodeURIComponent(this.done.sale.receipt.code)}/receipt.pdf?paper=80mm`, '_blank', 'noopener');
  }
}

export function register() {
  define('pos-sale-receipt', PosSaleReceipt);
}
