/**
 * The read-only parts of a staff order page, as templates: the summary, the buyer, how the order
 * is handed over, its lines and taxes, and the payment with its refunds (the history is in history.js).
 */
import { html } from '../../../lib/html.js';
import { currentLang } from '../../../lib/i18n.js';
import { codeHtml, deliveryAddress, moneyHtml, refundableMinor, statusHtml, whenHtml } from '../../../lib/staff-orders.js';

function fact(key, value, id = '') {
  return html`<div class="facts__row"><dt data-i18n="${key}"></dt><dd ${id && html`id="${id}"`}>${value}</dd></div>`;
}

function words(key) {
  return html`<span data-i18n="${key}"></span>`;
}

export function summaryHtml(order) {
  return html`
    <dl class="facts facts--wide">
      ${fact('adminOrders.detail.status', html`<span class="order-status-line">${statusHtml(order, 'order')}</span>`)}
      ${fact('adminOrders.detail.placed', whenHtml(order.createdAt), 'order-created')}
      ${order.paidAt ? fact('adminOrders.detail.paid', whenHtml(order.paidAt), 'order-paid-at')
        : order.status === 'PENDING_PAYMENT' && order.payBy && fact('adminOrders.detail.payBy', whenHtml(order.payBy), 'order-pay-by')}
      ${fact('adminOrders.detail.total', moneyHtml(order.total), 'order-total')}
    </dl>`;
}

export function buyerHtml(order) {
  return html`
    <section class="admin-panel" aria-labelledby="order-buyer-heading">
      <h2 id="order-buyer-heading" data-i18n="adminOrders.detail.buyerHeading"></h2>
      <dl class="facts">
        ${order.name && fact('adminOrders.detail.name', order.name, 'order-buyer-name')}
        ${order.email && fact('adminOrders.detail.email', html`<a href="mailto:${order.email}">${order.email}</a>`, 'order-buyer-email')}
        ${order.phone && fact('adminOrders.detail.phone', html`<a href="tel:${order.phone}">${order.phone}</a>`, 'order-buyer-phone')}
        ${order.note && fact('adminOrders.detail.note', order.note, 'order-buyer-note')}
      </dl>
    </section>`;
}

export function handoverHtml(order) {
  const f = order.fulfilment || {};
  const to = deliveryAddress(order);
  const rows = f.type === 'DELIVERY'
    ? html`
      ${fact('adminOrders.detail.recipient', to.recipient, 'order-recipient')}
      ${to.phone && fact('adminOrders.detail.recipientPhone', html`<a href="tel:${to.phone}">${to.phone}</a>`)}
      ${fact('adminOrders.detail.address', html`${to.address}<br>${to.city} ${to.postalCode || ''}`, 'order-address')}`
    : html`
      ${fact('adminOrders.detail.slot', f.slot ? whenHtml(f.slot) : words('adminOrders.noSlot'), 'order-slot')}
      ${f.pickupAddress && fact('adminOrders.detail.pickupAddress', f.pickupAddress, 'order-pickup-address')}`;
  return html`
    <section class="admin-panel" aria-labelledby="order-handover-heading">
      <h2 id="order-handover-heading" data-i18n="adminOrders.detail.handoverHeading"></h2>
      <dl class="facts">
        ${fact('adminOrders.detail.type', codeHtml('type', f.type), 'order-type')}
        ${rows}
        ${fact('adminOrders.detail.stage', order.fulfilmentStage ? codeHtml('status', order.fulfilmentStage)
          : words(order.status === 'FULFILLED' ? 'adminOrders.status.FULFILLED' : 'adminOrders.detail.stageNone'), 'order-stage-words')}
        ${order.trackingNote && fact('adminOrders.detail.tracking', order.trackingNote, 'order-tracking')}
      </dl>
    </section>`;
}

function lineName(line) {
  return html`${line.kind === 'DELIVERY' && !line.name ? words('adminOrders.detail.deliveryLine') : line.name}${
    line.variantName && html`<span class="data-table__sub">${line.variantName}</span>`}`;
}

function percent(rate) {
  return new Intl.NumberFormat(currentLang(), { style: 'percent', maximumFractionDigits: 2 }).format(Number(rate));
}

export function linesHtml(order) {
  return html`
    <section class="stack" aria-labelledby="order-lines-heading">
      <h2 id="order-lines-heading" data-i18n="adminOrders.detail.linesHeading"></h2>
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="order-lines-caption">
        <table id="order-lines" class="data-table">
          <caption id="order-lines-caption" data-i18n="adminOrders.detail.linesCaption"
                   data-i18n-params="${JSON.stringify({ number: order.orderNumber })}"></caption>
          <thead>
            <tr>
              <th scope="col" data-i18n="adminOrders.col.item"></th>
              <th scope="col" data-i18n="adminOrders.col.sku"></th>
              <th scope="col" class="data-table__number" data-i18n="adminOrders.col.quantity"></th>
              <th scope="col" class="data-table__number" data-i18n="adminOrders.col.unitPrice"></th>
              <th scope="col" class="data-table__number" data-i18n="adminOrders.col.amount"></th>
              <th scope="col" class="data-table__number" data-i18n="adminOrders.col.refunded"></th>
            </tr>
          </thead>
          <tbody>
            ${order.lines.map((line) => html`
              <tr id="order-line-${line.lineId}">
                <th scope="row">${lineName(line)}</th>
                <td>${line.kind === 'ITEM' ? line.sku : ''}</td>
                <td class="data-table__number">${line.quantity}</td>
                <td class="data-table__number">${moneyHtml(line.unitPrice)}</td>
                <td class="data-table__number">${moneyHtml(line.amount)}</td>
                <td class="data-table__number" id="order-line-${line.lineId}-refunded">${line.refundedQuantity || 0}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>
      ${taxesHtml(order)}
      <dl class="facts facts--totals">
        ${fact('adminOrders.detail.total', moneyHtml(order.total))}
        ${fact('adminOrders.detail.refunded', moneyHtml(order.refunded), 'order-refunded')}
        ${fact('adminOrders.detail.refundable', moneyHtml({ amount: refundableMinor(order), currency: order.total.currency }), 'order-refundable')}
      </dl>
    </section>`;
}

function taxesHtml(order) {
  if (!order.taxes?.length) return html``;
  return html`
    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="order-taxes-caption">
      <table id="order-taxes" class="data-table">
        <caption id="order-taxes-caption" data-i18n="adminOrders.detail.taxesCaption"></caption>
        <thead>
          <tr>
            <th scope="col" data-i18n="adminOrders.col.rate"></th>
            <th scope="col" class="data-table__number" data-i18n="adminOrders.col.gross"></th>
            <th scope="col" class="data-table__number" data-i18n="adminOrders.col.tax"></th>
          </tr>
        </thead>
        <tbody>
          ${order.taxes.map((tax) => html`
            <tr>
              <th scope="row">${percent(tax.rate)}</th>
              <td class="data-table__number">${moneyHtml(tax.gross)}</td>
              <td class="data-table__number">${moneyHtml(tax.tax)}</td>
            </tr>`)}
        </tbody>
      </table>
    </div>`;
}

export function paymentHtml(order) {
  const payment = order.payment || {};
  const refunds = order.refunds || [];
  return html`
    <section class="admin-panel" aria-labelledby="order-payment-heading">
      <h2 id="order-payment-heading" data-i18n="adminOrders.detail.paymentHeading"></h2>
      <dl class="facts">
        ${fact('adminOrders.detail.provider', payment.provider && codeHtml('provider', payment.provider))}
        ${fact('adminOrders.detail.paymentStatus', payment.status && codeHtml('payment', payment.status, html`data-payment="${payment.status}"`), 'order-payment-status')}
      </dl>
      ${refunds.length ? html`
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="order-refunds-caption">
          <table id="order-refunds" class="data-table">
            <caption id="order-refunds-caption" data-i18n="adminOrders.detail.refundsCaption"></caption>
            <thead>
              <tr>
                <th scope="col" data-i18n="adminOrders.col.when"></th>
                <th scope="col" class="data-table__number" data-i18n="adminOrders.col.amount"></th>
                <th scope="col" data-i18n="adminOrders.col.method"></th>
                <th scope="col" data-i18n="adminOrders.col.refundStatus"></th>
                <th scope="col" data-i18n="adminOrders.col.restocked"></th>
                <th scope="col" data-i18n="adminOrders.col.reason"></th>
              </tr>
            </thead>
            <tbody>
              ${refunds.map((refund) => html`
                <tr id="order-refund-${refund.refundId}">
                  <th scope="row">${whenHtml(refund.createdAt)}</th>
                  <td class="data-table__number">${moneyHtml(refund.amount)}</td>
                  <td>${refund.method ? codeHtml('method', refund.method) : ''}</td>
                  <td>${codeHtml('refundStatus', refund.status)}</td>
                  <td>${words(refund.restocked ? 'adminOrders.yes' : 'adminOrders.no')}</td>
                  <td>${refund.reason || ''}</td>
                </tr>`)}
            </tbody>
          </table>
        </div>`
        : html`<p id="order-refunds-none" data-i18n="adminOrders.detail.refundsNone"></p>`}
    </section>`;
}
