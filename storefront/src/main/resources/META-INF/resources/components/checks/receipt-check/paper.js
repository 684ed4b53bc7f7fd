/**
 * The receipt as it was issued, laid out like the paper slip: seller, register and number, local time, order,
 * what was bought, VAT per rate, total, how it was paid (cash given and change), and the makers credited.
 * Names are in the page's language where the receipt has them, with the Chinese name of record beside them;
 * what only exists in Chinese (on receipts before format 3: seller, variant, makers' names) is marked as Chinese for
 * screen readers.
 */
import { html } from '../../../lib/html.js';
import { t } from '../../../lib/i18n.js';
import { formatMoney } from '../../../lib/money.js';
import { makersTemplate, percent, receiptLine, sellerTemplate } from '../../../lib/receipt-lines.js';
import { receiptName, receiptPage, receiptTitle } from '../../../lib/receipts.js';
import { tenderLabel } from '../../../lib/tenders.js';
import { SHOP_ZONE, zoneName } from '../../../lib/signed-check.js';


/** The receipt's own local time as printed on it, and its time zone named in the page's language. */
function localTime(receipt) {
  let zone = receipt.timeZone || SHOP_ZONE;
  try {
    zone = zoneName(zone, new Date(receipt.issuedAt));
  } catch {
    // An unknown zone id keeps its name as the receipt gives it.
  }
  return html`<time datetime="${receipt.issuedAt}">${t('receipt.localTime', { time: receipt.localTime, zone })}</time>`;
}

/** "ONLINE-41", as receipts name one another. */
function shortName(reference) {
  const { register, number } = receiptName(reference);
  return `${register}-${number}`;
}

function fact(key, value, id) {
  return html`<div class="paper__fact"><dt>${t(key)}</dt><dd id="${id}">${value}</dd></div>`;
}

function factsTemplate(receipt) {
  const refundOf = receipt.refundOf;
  return html`
    <dl class="paper__facts">
      ${fact('receipt.fact.register', receipt.register, 'receipt-register')}
      ${fact('receipt.fact.number', receipt.number, 'receipt-number')}
      ${fact('receipt.fact.time', localTime(receipt), 'receipt-time')}
      ${fact('receipt.fact.order', receipt.orderNumber, 'receipt-order-number')}
      ${receipt.pickupNumber != null && fact('receipt.fact.pickup', receipt.pickupNumber, 'receipt-pickup-number')}
      ${refundOf && fact('receipt.fact.refundOf', refundOf.code
        ? html`<a id="receipt-refund-of" href="${receiptPage(refundOf.code)}">${shortName(refundOf)}</a>`
        : shortName(refundOf), 'receipt-refund-of-fact')}
    </dl>`;
}



/** VAT per rate as label-and-amount pairs, which wrap as whole pairs on a narrow phone or paper roll. */
function taxesTemplate(taxes) {
  if (!taxes || taxes.length === 0) return null;
  const pair = (key, money) => html`<span class="paper__pair">${t(key)} ${formatMoney(money)}</span>`;
  return html`
    <section class="paper__part" aria-labelledby="receipt-taxes-heading">
      <h3 id="receipt-taxes-heading">${t('receipt.taxes.heading')}</h3>
      <ul id="receipt-taxes" class="paper__taxes">
        ${taxes.map((tax) => html`
          <li class="paper__tax">
            <span class="paper__pair paper__tax-rate">${t('receipt.lines.taxRate', { rate: percent(tax.rate) })}</span>
            ${pair('receipt.taxes.net', tax.net)} ${pair('receipt.taxes.tax', tax.tax)} ${pair('receipt.taxes.gross', tax.gross)}
          </li>`)}
      </ul>
    </section>`;
}

function tenderTemplate(tender) {
  return html`
    <li class="paper__tender">
      <div class="paper__row"><span>${tenderLabel(tender)}</span>
        <span class="paper__amount">${formatMoney(tender.amount)}</span></div>
      ${tender.given && html`<div class="paper__row paper__sub"><span>${t('receipt.tender.given')}</span>
        <span class="paper__amount">${formatMoney(tender.given)}</span></div>`}
      ${tender.change && html`<div class="paper__row paper__sub"><span>${t('receipt.tender.change')}</span>
        <span class="paper__amount">${formatMoney(tender.change)}</span></div>`}
      ${tender.reference && html`<div class="paper__sub paper__reference">${t('receipt.tender.reference', { reference: tender.reference })}</div>`}
    </li>`;
}

/** The receipt slip; `qr` is the address of its QR code image. */
export function paperTemplate(receipt, qr) {
  const kind = ['SALE', 'REFUND', 'PAYMENT'].includes(receipt.kind) ? receipt.kind : 'SALE';
  const seller = receipt.seller || {};
  return html`
    <article id="receipt-paper" class="paper" aria-labelledby="receipt-paper-heading">
      <header class="paper__head">
        <h2 id="receipt-paper-heading" class="paper__title">${receiptTitle(receipt)}</h2>
        ${sellerTemplate(seller, 'receipt-seller', 'paper__seller')}
      </header>
      ${factsTemplate(receipt)}
      <section class="paper__part" aria-labelledby="receipt-lines-heading">
        <h3 id="receipt-lines-heading">${t('receipt.lines.heading')}</h3>
        <ul id="receipt-lines" class="paper__lines">${(receipt.lines || []).map(receiptLine)}</ul>
      </section>
      <p class="paper__row paper__total">
        <span>${t(`receipt.total.${kind}`)}</span>
        <span id="receipt-total" class="paper__amount">${formatMoney(receipt.total)}</span>
      </p>
      ${taxesTemplate(receipt.taxes)}
      <section class="paper__part" aria-labelledby="receipt-tenders-heading">
        <h3 id="receipt-tenders-heading">${t(`receipt.tenders.${kind}`)}</h3>
        <ul id="receipt-tenders" class="paper__tenders">${(receipt.tenders || []).map(tenderTemplate)}</ul>
      </section>
      ${(kind !== 'REFUND' || (receipt.makers || []).length > 0) && html`
      <section class="paper__part" aria-labelledby="receipt-makers-heading">
        <h3 id="receipt-makers-heading">${t('receipt.makers.heading')}</h3>
        ${makersTemplate(receipt, 'receipt-makers')}
      </section>`}
      <footer class="paper__foot">
        <img class="paper__qr" src="${qr}" alt="${t('receipt.qr.alt')}" width="160" height="160">
        ${receipt.url && html`<p class="paper__sub paper__url">${t('receipt.url', { url: receipt.url })}</p>`}
      </footer>
    </article>`;
}
