/**
 * <packing-list order-id="…">: what to put in the parcel or bag for one order, to print on A4 or
 * to use on screen: the order number in large type, the date, who it is for and how it leaves us
 * (pickup time, or delivery address and tracking note), a table of the items with a box to tick
 * for each while packing, and the buyer's note. Units already refunded are not packed. "Print"
 * opens the browser's print dialog; the print stylesheet leaves out the site's navigation.
 * Emits `order-loaded` (bubbles) with { order }.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { ApiError } from '../../../lib/api.js';
import { deliveryAddress, moneyHtml, orderHref, relocalise, staffOrder, unitsLeft, whenHtml } from '../../../lib/staff-orders.js';
import { define } from '../../../lib/define.js';

function fact(key, value, id) {
  return html`<div class="facts__row"><dt data-i18n="${key}"></dt><dd id="${id}">${value}</dd></div>`;
}

function handoverHtml(order) {
  const f = order.fulfilment || {};
  if (f.type === 'DELIVERY') {
    const to = deliveryAddress(order);
    return html`
      ${fact('adminOrders.packing.deliverTo', html`<span class="packing__address">${to.recipient}<br>${to.phone && html`${to.phone}<br>`}${to.address}<br>${to.city} ${to.postalCode || ''}</span>`, 'packing-address')}
      ${order.trackingNote && fact('adminOrders.detail.tracking', order.trackingNote, 'packing-tracking')}`;
  }
  return fact('adminOrders.packing.pickupAt', f.slot ? whenHtml(f.slot) : html`<span data-i18n="adminOrders.noSlot"></span>`, 'packing-slot');
}

function itemName(line) {
  return line.variantName ? `${line.name} — ${line.variantName}` : line.name;
}

function lineRow(line) {
  const units = unitsLeft(line);
  const box = `packing-line-${line.lineId}`;
  return html`
    <tr id="packing-row-${line.lineId}" class="${units === 0 ? 'packing__done' : ''}">
      <td class="packing__tick">
        ${units > 0 && html`<label class="packing__tick-target" for="${box}"><input type="checkbox" id="${box}"><span
          class="visually-hidden" data-i18n="adminOrders.packing.packed" data-i18n-params="${JSON.stringify({ name: itemName(line) })}"></span></label>`}
      </td>
      <td>${line.sku}</td>
      <th scope="row">${line.name}</th>
      <td>${line.variantName || ''}</td>
      <td class="data-table__number packing__quantity">${units}${line.refundedQuantity > 0 && html`
        <span class="data-table__sub" data-i18n="adminOrders.packing.refundedNote"
              data-i18n-params="${JSON.stringify({ ordered: line.quantity, refunded: line.refundedQuantity })}"></span>`}</td>
    </tr>`;
}

export function packingHtml(order) {
  const items = order.lines.filter((line) => line.kind !== 'DELIVERY');
  return html`
    <p class="button-row packing__tools">
      <button type="button" id="packing-print" class="button button--primary" data-i18n="adminOrders.packing.print"></button>
      <a id="packing-back" class="button button--secondary" href="${orderHref(order.orderId)}" data-i18n="adminOrders.packing.back"></a>
    </p>
    <p id="packing-number" class="packing__number">${order.orderNumber}</p>
    <dl class="facts packing__facts">
      ${fact('adminOrders.detail.placed', whenHtml(order.createdAt), 'packing-date')}
      ${fact('adminOrders.packing.buyer', html`${order.name}${order.phone && html`<br>${order.phone}`}`, 'packing-buyer')}
      ${fact('adminOrders.detail.type', html`<span data-i18n="adminOrders.type.${order.fulfilment?.type}"></span>`, 'packing-type')}
      ${handoverHtml(order)}
    </dl>
    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="packing-lines-caption">
    <table id="packing-lines" class="data-table packing__table">
      <caption id="packing-lines-caption" data-i18n="adminOrders.packing.caption"
               data-i18n-params="${JSON.stringify({ number: order.orderNumber })}"></caption>
      <thead>
        <tr>
          <th scope="col" data-i18n="adminOrders.packing.col.tick"></th>
          <th scope="col" data-i18n="adminOrders.col.sku"></th>
          <th scope="col" data-i18n="adminOrders.col.item"></th>
          <th scope="col" data-i18n="adminOrders.col.variant"></th>
          <th scope="col" class="data-table__number" data-i18n="adminOrders.packing.col.quantity"></th>
        </tr>
      </thead>
      <tbody>${items.map(lineRow)}</tbody>
    </table>
    </div>
    ${order.note && html`
      <section class="packing__note" aria-labelledby="packing-note-heading">
        <h2 id="packing-note-heading" data-i18n="adminOrders.packing.note"></h2>
        <p id="packing-note">${order.note}</p>
      </section>`}
    <p class="packing__total"><span data-i18n="adminOrders.detail.total"></span> ${moneyHtml(order.total)}</p>`;
}

class PackingList extends HTMLElement {
  connectedCallback() {
    this.orderId = this.getAttribute('order-id') || '';
    render(this, html`<p id="packing-loading" class="status-message" role="status" data-i18n="adminOrders.detail.loading"></p>`);
    translate(this);
    this.addEventListener('click', (event) => {
      if (event.target.closest('#packing-print')) window.print();
    });
    this.onLangChange = () => relocalise(this);
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.load();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  async load() {
    let order;
    try {
      if (!this.orderId) throw new ApiError(404, {});
      order = await staffOrder(this.orderId);
    } catch (error) {
      console.warn('Could not load the order for packing.', error);
      render(this, html`
        <div id="packing-failed" class="notice" role="alert">
          <p data-i18n="${error.status === 404 ? 'adminOrders.detail.notFound' : 'adminOrders.detail.loadFailed'}"></p>
          <p><a href="/admin/orders.html" data-i18n="adminOrders.detail.back"></a></p>
        </div>`);
      translate(this);
      return;
    }
    render(this, packingHtml(order));
    translate(this);
    this.dispatchEvent(new CustomEvent('order-loaded', { bubbles: true, detail: { order } }));
  }
}

export function register() {
  define('packing-list', PackingList);
}
