/**
 * Deliveries of a company's order (docs/api/corporate.md, "Deliveries"): the calls of coordinators and buyers, and what
 * their two pages share: the goods with what was delivered and what is left, and the deliveries with their notes.
 */
import { html } from './html.js';
import { api } from './api.js';
import { send } from './corporate.js';
import { dayHtml, lineNameHtml, messageSpan } from './quotes.js';

const enc = encodeURIComponent;
const ADMIN = '/api/admin/corporate/orders';
const BUYER = '/api/corporate/orders';

export const adminDeliveriesPage = (orderId) => `/admin/deliveries.html?order=${enc(orderId)}`;
export const buyerDeliveriesPage = (orderId) => `/corporate/deliveries.html?order=${enc(orderId)}`;

export const orderDeliveries = (orderId) => api.get(`${ADMIN}/${enc(orderId)}/deliveries`);
export const myOrderDeliveries = (orderId) => api.get(`${BUYER}/${enc(orderId)}/deliveries`);
export const recordDelivery = (orderId, body, key) => send('post', `${ADMIN}/${enc(orderId)}/deliveries`, body,
  { headers: { 'Idempotency-Key': key } });
export const recordReceiver = (orderId, deliveryId, receivedBy) => send('put',
  `${ADMIN}/${enc(orderId)}/deliveries/${enc(deliveryId)}/received`, { receivedBy });

/** Where a delivery's note is printed from: the coordinators' address, or (buyer) the buyers'. */
export function notePath(orderId, deliveryId, buyer) {
  return `${buyer ? BUYER : ADMIN}/${enc(orderId)}/deliveries/${enc(deliveryId)}/note.pdf`;
}

/** A line of goods named as a quote's line is (product — variant, in the page's language). */
export function goodsNameHtml(line) {
  return lineNameHtml({ productNameZh: line.nameZh, productNameEn: line.nameEn, variantNameZh: line.variantZh,
    variantNameEn: line.variantEn });
}

/** The order's goods: ordered, delivered so far, still to deliver; in a table that scrolls in its own region. */
export function goodsHtml(data, prefix) {
  return html`
    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="${prefix}-goods-caption">
      <table id="${prefix}-goods" class="data-table">
        <caption id="${prefix}-goods-caption" data-i18n="corporate.deliveries.goods"></caption>
        <thead><tr>
          <th scope="col" data-i18n="corporate.deliveries.item"></th>
          <th scope="col" class="data-table__number" data-i18n="corporate.deliveries.ordered"></th>
          <th scope="col" class="data-table__number" data-i18n="corporate.deliveries.delivered"></th>
          <th scope="col" class="data-table__number" data-i18n="corporate.deliveries.outstanding"></th>
        </tr></thead>
        <tbody>
          ${data.lines.map((line) => html`
            <tr id="${prefix}-line-${line.lineId}">
              <th scope="row">${goodsNameHtml(line)} <span class="delivery-sku">${line.sku}</span></th>
              <td class="data-table__number">${line.ordered}</td>
              <td class="data-table__number" id="${prefix}-line-${line.lineId}-delivered">${line.delivered}</td>
              <td class="data-table__number" id="${prefix}-line-${line.lineId}-outstanding">${line.outstanding}</td>
            </tr>`)}
        </tbody>
      </table>
    </div>
    <p id="${prefix}-summary" data-i18n="${data.delivered ? 'corporate.deliveries.allDelivered' : 'corporate.deliveries.someLeft'}"></p>`;
}

/** "顺丰 SF123 · 工坊面包车": how a delivery went, as recorded. */
function howHtml(delivery) {
  const parts = [delivery.carrier, delivery.tracking, delivery.note].filter(Boolean);
  return parts.length ? parts.join(' · ') : html`<span class="data-table__empty" data-i18n="corporate.deliveries.noTransport"></span>`;
}

/**
 * The deliveries, first first: the note's number and a link to its PDF, the day, where to, the pieces of each line,
 * how it went and who received it; `receiverHtml(delivery)` adds the coordinators' form for the receiver.
 */
export function deliveriesHtml(data, { prefix, buyer, receiverHtml = null }) {
  if (data.deliveries.length === 0) return html`<p id="${prefix}-none" data-i18n="corporate.deliveries.none"></p>`;
  return html`
    <ol id="${prefix}-list" class="delivery-list">
      ${data.deliveries.map((delivery) => html`
        <li id="${prefix}-${delivery.id}" class="delivery-card" aria-labelledby="${prefix}-${delivery.id}-heading">
          <h3 id="${prefix}-${delivery.id}-heading">${messageSpan('corporate.deliveries.numbered',
            { number: delivery.number, sequence: delivery.sequence })}</h3>
          <dl class="facts">
            <div class="facts__row"><dt data-i18n="corporate.deliveries.on"></dt><dd>${dayHtml(delivery.deliveredOn)}</dd></div>
            <div class="facts__row"><dt data-i18n="corporate.deliveries.to"></dt>
              <dd>${delivery.location.label}<br>${delivery.location.address}<br>${delivery.location.recipient} ${delivery.location.phone}</dd></div>
            <div class="facts__row"><dt data-i18n="corporate.deliveries.how"></dt><dd>${howHtml(delivery)}</dd></div>
            <div class="facts__row"><dt data-i18n="corporate.deliveries.receivedBy"></dt>
              <dd id="${prefix}-${delivery.id}-received">${delivery.receivedBy
                || html`<span class="data-table__empty" data-i18n="corporate.deliveries.notSigned"></span>`}</dd></div>
          </dl>
          <ul class="delivery-lines">
            ${delivery.lines.map((line) => html`<li>${goodsNameHtml(line)}: ${messageSpan('corporate.deliveries.pieces',
              { pieces: line.pieces, sofar: line.deliveredSoFar, ordered: line.ordered })}</li>`)}
          </ul>
          <p><a id="${prefix}-${delivery.id}-note" class="button button--secondary" href="${notePath(data.orderId, delivery.id, buyer)}">${messageSpan('corporate.deliveries.note', { number: delivery.number })}</a></p>
          ${receiverHtml ? receiverHtml(delivery) : ''}
        </li>`)}
    </ol>`;
}
