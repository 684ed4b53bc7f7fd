/**
 * <order-list>: the staff list of online orders, newest first. The filters are a plain GET
 * form, so the address holds the search (status, q, page) and Back, reload and bookmarks keep
 * it. Each order number links to the order's page.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { api } from '../../../lib/api.js';
import { ORDER_STATUSES, moneyHtml, orderHref, relocalise, statusHtml, whenHtml } from '../../../lib/staff-orders.js';
import { ListLoad, emptyHtml, pageCount, pageHref, pageInAddress, pagerHtml, showFailed, showStatus } from '../../../lib/paged-list.js';
import { define } from '../../../lib/define.js';

const PAGE_SIZE = 20;

function filtersFromAddress() {
  const params = new URLSearchParams(window.location.search);
  return {
    q: params.get('q') || '',
    status: ORDER_STATUSES.includes(params.get('status')) ? params.get('status') : '',
    page: pageInAddress(params),
  };
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
    this.list = new ListLoad(this, {
      what: 'orders',
      retryId: 'order-list-retry',
      loading: () => showStatus(this.status, 'adminOrders.list.loading'),
      fetch: () => api.get(`/api/admin/orders?${this.query()}`),
      failed: () => {
        showStatus(this.status, null);
        showFailed(this.results, 'adminOrders.list.loadFailed', 'order-list-retry');
      },
      loaded: (result) => {
        this.result = result;
        showStatus(this.status, 'adminOrders.list.found', { count: result.total });
        this.renderTable();
      },
    });
    this.onLangChange = () => relocalise(this);
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.list.run();
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

  query() {
    const { q, status, page } = this.filters;
    const query = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
    if (q) query.set('q', q);
    if (status) query.set('status', status);
    return query;
  }

  renderTable() {
    const { items, total, page } = this.result;
    const pages = pageCount(total, this.result.size || PAGE_SIZE);
    if (!items.length) {
      render(this.results, emptyHtml('order-list-empty', 'adminOrders.list.empty'));
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
      ${pagerHtml({ page, pages, href: pageHref, previousId: 'orders-prev', nextId: 'orders-next' })}`);
    translate(this.results);
  }
}

export function register() {
  define('order-list', OrderList);
}
