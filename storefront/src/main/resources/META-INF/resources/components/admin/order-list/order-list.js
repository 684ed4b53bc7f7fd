/**
 * <order-list>: the staff list of online orders, newest first. The filters are a plain GET
 * form, so the address holds the search (status, q, page) and Back, reload and bookmarks keep
 * it. Each order number links to the order's page.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { api } from '../../../lib/api.js';
import { ORDER_STATUSES, moneyHtml, orderHref, relocalise, statusHtml, whenHtml } from '../../../lib/staff-orders.js';
import { define } from '../../../lib/define.js';

const PAGE_SIZE = 20;

function filtersFromAddress() {
  const params = new URLSearchParams(window.location.search);
  const page = Number.parseInt(params.get('page') || '0', 10);
  return {
    q: params.get('q') || '',
    status: ORDER_STATUSES.includes(params.get('status')) ? params.get('status') : '',
    page: Number.isInteger(page) && page > 0 ? page : 0,
  };
}

function pageHref(page) {
  const params = new URLSearchParams(window.location.search);
  params.set('page', String(page));
  return `?${params}`;
}

function buyerHtml(order) {
  return html`${order.name}${order.email && html`<span class="data-table__sub">${order.email}</span>`}`;
}

function fulfilmentHtml(order) {
  if (order.fulfilmentType === 'DELIVERY') return html`<span data-i18n="adminOrders.type.DELIVERY"></span>`;
  return html`<span data-i18n="adminOrders.type.PICKUP"></span>
    <span class="data-table__sub">${order.pickupSlot ? whenHtml(order.pickupSlot)
      : html`<span data-i18n="adminOrders.noSlot"></span>`}</span>`;
}

class OrderList extends HTMLElement {
  connectedCallback() {
    this.filters = filtersFromAddress();
    this.renderFilters();
    this.addEventListener('click', (event) => {
      if (event.target.closest('#order-list-retry')) this.load();
    });
    this.onLangChange = () => relocalise(this);
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.load();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  renderFilters() {
    const { q, status } = this.filters;
    render(this, html`
      <form id="order-filters" class="filters" method="get" action="/admin/orders.html" role="search"
            aria-labelledby="order-filters-heading">
        <h2 id="order-filters-heading" class="filters__heading" data-i18n="adminOrders.list.filtersHeading"></h2>
        <div class="field">
          <label for="order-filter-q" data-i18n="adminOrders.list.filter.q"></label>
          <input id="order-filter-q" name="q" type="search" value="${q}" autocomplete="off"
                 aria-describedby="order-filter-q-hint">
          <p id="order-filter-q-hint" class="field__hint" data-i18n="adminOrders.list.filter.qHint"></p>
        </div>
        <div class="field">
          <label for="order-filter-status" data-i18n="adminOrders.list.filter.status"></label>
          <select id="order-filter-status" name="status">
            <option value="" data-i18n="adminOrders.list.filter.allStatuses"></option>
            ${ORDER_STATUSES.map((code) => html`
              <option value="${code}" ${status === code && html`selected`} data-i18n="adminOrders.status.${code}"></option>`)}
          </select>
        </div>
        <button type="submit" id="order-filter-submit" class="button button--primary"
                data-i18n="adminOrders.list.filter.submit"></button>
      </form>
      <p id="order-list-status" class="status-message" role="status"></p>
      <div id="order-list-results" class="stack"></div>`);
    translate(this);
    this.status = this.querySelector('#order-list-status');
    this.results = this.querySelector('#order-list-results');
  }

  async load() {
    const { q, status, page } = this.filters;
    const query = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
    if (q) query.set('q', q);
    if (status) query.set('status', status);
    this.say('adminOrders.list.loading');
    try {
      this.result = await api.get(`/api/admin/orders?${query}`);
    } catch (error) {
      console.warn('Could not load orders.', error);
      this.say(null);
      render(this.results, html`
        <div class="notice" role="alert">
          <p data-i18n="adminOrders.list.loadFailed"></p>
          <button type="button" id="order-list-retry" class="button button--secondary" data-i18n="admin.retry"></button>
        </div>`);
      translate(this.results);
      return;
    }
    this.say('adminOrders.list.found', { count: this.result.total });
    this.renderTable();
  }

  say(key, params = {}) {
    if (key === null) {
      this.status.textContent = '';
      return;
    }
    this.status.dataset.i18n = key;
    this.status.dataset.i18nParams = JSON.stringify(params);
    translate(this.status);
  }

  renderTable() {
    const { items, total, page } = this.result;
    const pages = Math.max(1, Math.ceil(total / (this.result.size || PAGE_SIZE)));
    if (!items.length) {
      render(this.results, html`<p id="order-list-empty" data-i18n="adminOrders.list.empty"></p>`);
      translate(this.results);
      return;
    }
    render(this.results, html`
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="order-table-caption">
        <table id="order-table" class="data-table">
          <caption id="order-table-caption" data-i18n="adminOrders.list.caption"
                   data-i18n-params="${JSON.stringify({ page: page + 1, pages })}"></caption>
          <thead>
            <tr>
              <th scope="col" data-i18n="adminOrders.list.col.number"></th>
              <th scope="col" data-i18n="adminOrders.list.col.date"></th>
              <th scope="col" data-i18n="adminOrders.list.col.buyer"></th>
              <th scope="col" data-i18n="adminOrders.list.col.fulfilment"></th>
              <th scope="col" data-i18n="adminOrders.list.col.status"></th>
              <th scope="col" class="data-table__number" data-i18n="adminOrders.list.col.total"></th>
            </tr>
          </thead>
          <tbody>
            ${items.map((order) => html`
              <tr id="order-row-${order.orderId}" data-order-number="${order.orderNumber}">
                <th scope="row">
                  <a id="order-link-${order.orderId}" class="order-number" href="${orderHref(order.orderId)}">${order.orderNumber}</a>
                </th>
                <td>${whenHtml(order.createdAt)}</td>
                <td>${buyerHtml(order)}</td>
                <td>${fulfilmentHtml(order)}</td>
                <td>${statusHtml(order)}</td>
                <td class="data-table__number">${moneyHtml(order.total)}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>
      ${pages > 1 && html`
        <nav class="pager" data-i18n-attr="aria-label:admin.pager.label">
          ${page > 0 && html`<a id="orders-prev" class="button button--secondary" href="${pageHref(page - 1)}"
                                data-i18n="admin.pager.previous"></a>`}
          <span class="pager__where" data-i18n="admin.pager.where" data-i18n-params="${JSON.stringify({ page: page + 1, pages })}"></span>
          ${page + 1 < pages && html`<a id="orders-next" class="button button--secondary" href="${pageHref(page + 1)}"
                                        data-i18n="admin.pager.next"></a>`}
        </nav>`}`);
    translate(this.results);
  }
}

export function register() {
  define('order-list', OrderList);
}
