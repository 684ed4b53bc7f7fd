/**
 * The order page's sections drawn from GET /api/orders/{id}: what was bought (with tax per rate, delivery,
 * total and refunds), how it is collected or delivered, refunds and receipts. Times are Chengdu's.
 */
import { html } from '../../../lib/html.js';
import { currentLang, t } from '../../../lib/i18n.js';
import { formatMoney } from '../../../lib/money.js';
import { receiptPage, receiptTitle } from '../../../lib/receipts.js';
import { hoursText, inLang } from '../../../lib/shop.js';

/** Date and time as Chengdu reads them, in the page's language. */
export function when(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return new Intl.DateTimeFormat(currentLang(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' })
    .format(date);
}

function percent(rate) {
  return new Intl.NumberFormat(currentLang(), { style: 'percent', maximumFractionDigits: 2 }).format(rate);
}

function itemLine(line) {
  return html`
    <li class="order-line">
      <span class="order-line__what">
        <span class="order-line__name">${line.name}</span>
        ${line.variantName && html`<span class="order-line__variant">${line.variantName}</span>`}
        <span class="order-line__unit">${t('order.lines.each', { count: line.quantity, price: formatMoney(line.unitPrice) })}</span>
        ${line.refundedQuantity > 0 && html`<span class="order-line__refunded">${t('order.lines.refunded', { count: line.refundedQuantity })}</span>`}
      </span>
      <span class="order-line__amount">${formatMoney(line.amount)}</span>
    </li>`;
}

function deliveryLine(line) {
  return html`
    <li class="order-line order-line--delivery" id="order-delivery-line">
      <span class="order-line__what"><span class="order-line__name">${t('order.lines.delivery')}</span></span>
      <span class="order-line__amount">${line.amount.amount === 0 ? t('order.lines.free') : formatMoney(line.amount)}</span>
    </li>`;
}

export function linesTemplate(order) {
  const items = order.lines.filter((line) => line.kind !== 'DELIVERY');
  const delivery = order.lines.filter((line) => line.kind === 'DELIVERY');
  return html`
    <section class="order-section" aria-labelledby="order-lines-heading">
      <h2 id="order-lines-heading">${t('order.lines.heading')}</h2>
      <ul id="order-lines" class="order-lines">
        ${items.map(itemLine)}
        ${delivery.map(deliveryLine)}
      </ul>
      <dl class="order-totals">
        <div class="order-totals__total"><dt>${t('order.total')}</dt><dd id="order-total">${formatMoney(order.total)}</dd></div>
        ${(order.taxes || []).map((tax) => html`
          <div class="order-totals__tax"><dt>${t('order.tax', { rate: percent(tax.rate) })}</dt>
            <dd>${formatMoney(tax.tax)}</dd></div>`)}
        ${order.refunded && order.refunded.amount > 0 && html`
          <div><dt>${t('order.refunded')}</dt><dd id="order-refunded">${formatMoney(order.refunded)}</dd></div>`}
      </dl>
    </section>`;
}

/** Pickup (time, and where) or delivery (the address sits beside `type`, as docs/api/orders.md shows it). */
export function fulfilmentTemplate(fulfilment, shop) {
  if (!fulfilment) return null;
  const delivery = fulfilment.type === 'DELIVERY';
  const to = fulfilment;
  return html`
    <section class="order-section" aria-labelledby="order-fulfilment-heading">
      <h2 id="order-fulfilment-heading">${t(delivery ? 'order.fulfilment.delivery' : 'order.fulfilment.pickup')}</h2>
      ${delivery
        ? html`
          <dl id="order-fulfilment" class="order-facts">
            <div><dt>${t('order.fulfilment.recipient')}</dt><dd>${to.recipient}</dd></div>
            <div><dt>${t('order.fulfilment.phone')}</dt><dd>${to.phone}</dd></div>
            <div><dt>${t('order.fulfilment.address')}</dt><dd>${to.address}</dd></div>
            <div><dt>${t('order.fulfilment.city')}</dt><dd>${to.city}</dd></div>
            ${to.postalCode && html`<div><dt>${t('order.fulfilment.postalCode')}</dt><dd>${to.postalCode}</dd></div>`}
          </dl>`
        : html`
          <div id="order-fulfilment" class="order-facts">
            <p>${fulfilment.slot ? t('order.fulfilment.slot', { time: when(fulfilment.slot) }) : t('order.fulfilment.anyTime')}</p>
            ${fulfilment.pickupAddress && html`<p id="order-pickup-address">${t('order.fulfilment.where', { address: fulfilment.pickupAddress })}</p>`}
            ${shop && html`<p id="order-pickup-directions">${inLang(shop, 'directions')}</p>
              <p id="order-pickup-hours">${t('shop.hours.line', { hours: hoursText(shop) })}</p>`}
          </div>`}
    </section>`;
}

export function refundsTemplate(refunds) {
  if (!refunds || refunds.length === 0) return null;
  return html`
    <section class="order-section" aria-labelledby="order-refunds-heading">
      <h2 id="order-refunds-heading">${t('order.refunds.heading')}</h2>
      <ul class="order-refunds">
        ${refunds.map((refund) => html`
          <li>${t('order.refunds.entry', { amount: formatMoney(refund.amount), time: when(refund.createdAt),
            status: t(`order.refunds.${refund.status}`) })}</li>`)}
      </ul>
    </section>`;
}

/** Each receipt as a link to its public page, /r/{code}, named by its kind, register and number. */
export function receiptsTemplate(receipts) {
  const list = receipts || [];
  return html`
    <section class="order-section" aria-labelledby="order-receipts-heading">
      <h2 id="order-receipts-heading">${t('order.receipts.heading')}</h2>
      ${list.length === 0
        ? html`<p id="order-receipts-none">${t('order.receipts.none')}</p>`
        : html`<ul id="order-receipts" class="order-receipts">
            ${list.map((receipt) => html`<li><a href="${receiptPage(receipt.code)}" data-kind="${receipt.kind || ''}">${
              receiptTitle(receipt)}</a></li>`)}
          </ul>`}
    </section>`;
}
