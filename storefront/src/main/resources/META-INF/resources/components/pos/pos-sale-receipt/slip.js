/**
 * The receipt of a counter sale as the tablet signed it, laid out like the paper slip (styles/paper.css), on screen
 * and on the 80 mm roll: seller, register and number, when it was issued, what was bought, VAT per rate, the total,
 * cash given and change, the makers, the pickup number, each line's chosen options and discount, and the QR code of its public address (/r/{code}), drawn here
 * (lib/qr-code.js) so that a sale made without the network has one too. Drawn from the signed content alone, so what
 * the customer takes is what was signed; the receipt's own words (receipt.*) are those of the public receipt page. A
 * return's refund receipt (kind REFUND) is drawn the same way, naming the sale it refunds and what was paid back.
 */
import { html } from '../../../lib/html.js';
import { t } from '../../../lib/i18n.js';
import { tenderLabel, tenderName } from '../../../lib/tenders.js';
import { formatMoney } from '../../../lib/money.js';
import { makersTemplate, percent, receiptLine, sellerTemplate } from '../../../lib/receipt-lines.js';
import { qrSvg } from '../../../lib/qr-code.js';
import { receiptPage } from '../../../lib/receipts.js';
import { formatWhen } from '../../../lib/staff-catalog.js';


function fact(key, value, id) {
  return html`<div class="paper__fact"><dt>${t(key)}</dt><dd id="${id}">${value}</dd></div>`;
}



function taxTemplate(tax) {
  const pair = (key, money) => html`<span class="paper__pair">${t(key)} ${formatMoney(money)}</span>`;
  return html`
    <li class="pos-slip__tax">
      <span class="paper__pair pos-slip__rate">${t('receipt.lines.taxRate', { rate: percent(tax.rate) })}</span>
      ${pair('receipt.taxes.net', tax.net)} ${pair('receipt.taxes.tax', tax.tax)} ${pair('receipt.taxes.gross', tax.gross)}
    </li>`;
}

function tenderTemplate(tender, id) {
  if (tender.type !== 'CASH') {
    return html`
      <li>
        <div class="paper__row"><span>${tenderLabel(tender)}</span><span class="paper__amount">${formatMoney(tender.amount)}</span></div>
        ${tender.reference && html`<div class="paper__sub paper__reference">${t('receipt.tender.reference', { reference: tender.reference })}</div>`}
      </li>`;
  }
  return html`
    <li>
      <div class="paper__row"><span>${tenderName(tender.type)}</span><span class="paper__amount">${formatMoney(tender.amount)}</span></div>
      ${tender.given && html`<div class="paper__row paper__sub"><span>${t('receipt.tender.given')}</span>
        <span class="paper__amount" id="${id}-given">${formatMoney(tender.given)}</span></div>`}
      ${tender.change && html`<div class="paper__row paper__sub"><span>${t('receipt.tender.change')}</span>
        <span class="paper__amount" id="${id}-change">${formatMoney(tender.change)}</span></div>`}
    </li>`;
}

/**
 * The slip of `signed` (a signed sale of lib/pos-sales.js or return of lib/pos-returns.js: { content, code });
 * `origin` starts the address its QR code holds, the shop's own (location.origin). Its elements' ids start with `id`
 * (its QR code's is `qrId`), so that a sale's slip and a return's may both be on the page.
 */
export function slipTemplate({ content, code }, origin, { id = 'pos-slip', qrId = 'pos-sale-qr' } = {}) {
  const receiptNumber = `${content.register}-${content.number}`;
  const address = origin + receiptPage(code);
  const seller = content.seller;
  const kind = content.kind === 'REFUND' ? 'REFUND' : 'SALE';
  return html`
    <article id="${id}" class="paper pos-slip" aria-labelledby="${id}-heading" data-code="${code}">
      <header class="paper__head">
        <h4 id="${id}-heading" class="paper__title">${t('receipt.name', { kind: t(`receipt.kind.${kind}`),
          register: content.register, number: content.number })}</h4>
        ${sellerTemplate(seller, `${id}-seller`, 'pos-slip__seller')}
      </header>
      <dl class="paper__facts">
        ${fact('receipt.fact.register', content.register, `${id}-register`)}
        ${fact('receipt.fact.number', content.number, `${id}-number`)}
        ${fact('receipt.fact.time', html`<time datetime="${content.issuedAt}">${formatWhen(content.issuedAt)}</time>`, `${id}-time`)}
        ${fact('receipt.fact.order', content.orderNumber, `${id}-order`)}
        ${content.refundOf && fact('receipt.fact.refundOf', content.refundOf, `${id}-refund-of`)}
        ${content.pickupNumber != null && fact('receipt.fact.pickup', content.pickupNumber, `${id}-pickup`)}
      </dl>
      <section class="paper__part" aria-labelledby="${id}-lines-heading">
        <h5 id="${id}-lines-heading">${t('receipt.lines.heading')}</h5>
        <ul id="${id}-lines" class="paper__lines">${content.lines.map(receiptLine)}</ul>
      </section>
      <p class="paper__row paper__total">
        <span>${t(`receipt.total.${kind}`)}</span>
        <span id="${id}-total" class="paper__amount">${formatMoney(content.total)}</span>
      </p>
      <section class="paper__part" aria-labelledby="${id}-taxes-heading">
        <h5 id="${id}-taxes-heading">${t('receipt.taxes.heading')}</h5>
        <ul id="${id}-taxes" class="pos-slip__list">${content.taxes.map(taxTemplate)}</ul>
      </section>
      <section class="paper__part" aria-labelledby="${id}-tenders-heading">
        <h5 id="${id}-tenders-heading">${t(`receipt.tenders.${kind}`)}</h5>
        <ul class="pos-slip__list">${content.tenders.map((tender) => tenderTemplate(tender, id))}</ul>
      </section>
      ${(kind !== 'REFUND' || content.makers.length > 0) && html`
      <section class="paper__part" aria-labelledby="${id}-makers-heading">
        <h5 id="${id}-makers-heading">${t('receipt.makers.heading')}</h5>
        ${makersTemplate(content, `${id}-makers`)}
      </section>`}
      <footer class="paper__foot">
        ${qrSvg(address, { id: qrId, className: 'pos-slip__qr', label: t('pos.sale.receipt.qrAlt', { number: receiptNumber }) })}
        <p id="${id}-url" class="paper__sub pos-slip__url">${t('receipt.url', { url: address })}</p>
      </footer>
    </article>`;
}
