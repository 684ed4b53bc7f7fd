/**
 * <product-list>: the staff list of products. The filters are a plain GET form, so the
 * address holds the search (q, category, status, page) and Back, reload and bookmarks
 * keep it. Each product name links to its edit page.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { api } from '../../../lib/api.js';
import { categories, codeLabel, listOf, localName } from '../../../lib/staff-catalog.js';
import { displayYuan } from '../../../lib/money.js';
import { ListLoad, emptyHtml, pageCount, pageHref, pageInAddress, pagerHtml, showFailed, showStatus } from '../../../lib/paged-list.js';
import { define } from '../../../lib/define.js';

const PAGE_SIZE = 20;
const STATUSES = ['ACTIVE', 'ARCHIVED'];

function filtersFromAddress() {
  const params = new URLSearchParams(window.location.search);
  return {
    q: params.get('q') || '',
    category: params.get('category') || '',
    status: STATUSES.includes(params.get('status')) ? params.get('status') : '',
    page: pageInAddress(params),
  };
}

function priceRange(product) {
  const prices = (product.variants || []).filter((v) => v.status !== 'ARCHIVED').map((v) => v.price.amount);
  if (!prices.length) return '';
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  return low === high ? displayYuan(low) : `${displayYuan(low)} – ${displayYuan(high)}`;
}

class ProductList extends HTMLElement {
  connectedCallback() {
    this.filters = filtersFromAddress();
    this.categories = [];
    this.renderFilters();
    this.list = new ListLoad(this, {
      what: 'products',
      retryId: 'product-list-retry',
      loading: () => showStatus(this.status, 'admin.products.loading'),
      fetch: () => api.get(`/api/admin/products?${this.query()}`),
      failed: () => {
        showStatus(this.status, null);
        showFailed(this.results, 'admin.products.loadFailed', 'product-list-retry');
      },
      loaded: (result) => {
        this.result = result;
        showStatus(this.status, 'admin.products.found', { count: result.total });
        this.renderTable();
      },
    });
    this.onLangChange = () => this.refreshLanguage();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.loadCategories();
    this.list.run();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  renderFilters() {
    const { q, status } = this.filters;
    render(this, html`
      <form id="product-filters" class="filters" method="get" action="/admin/products.html" role="search"
            aria-labelledby="product-filters-heading">
        <h2 id="product-filters-heading" class="filters__heading" data-i18n="admin.products.filtersHeading"></h2>
        <div class="field">
          <label for="product-filter-q" data-i18n="admin.products.filter.q"></label>
          <input id="product-filter-q" name="q" type="search" value="${q}" autocomplete="off">
        </div>
        <div class="field">
          <label for="product-filter-category" data-i18n="admin.products.filter.category"></label>
          <select id="product-filter-category" name="category">
            <option value="" data-i18n="admin.products.filter.allCategories"></option>
          </select>
        </div>
        <div class="field">
          <label for="product-filter-status" data-i18n="admin.products.filter.status"></label>
          <select id="product-filter-status" name="status">
            <option value="" data-i18n="admin.products.filter.allStatuses"></option>
            ${STATUSES.map((code) => html`
              <option value="${code}" ${status === code && html`selected`} data-i18n="admin.status.${code}"></option>`)}
          </select>
        </div>
        <button type="submit" id="product-filter-submit" class="button button--primary"
                data-i18n="admin.products.filter.submit"></button>
      </form>
      <p id="product-list-status" class="status-message" role="status"></p>
      <div id="product-list-results" class="stack"></div>`);
    translate(this);
    this.status = this.querySelector('#product-list-status');
    this.results = this.querySelector('#product-list-results');
  }

  async loadCategories() {
    try {
      this.categories = await categories();
    } catch (error) {
      console.warn('Could not load categories.', error);
      return;
    }
    const select = this.querySelector('#product-filter-category');
    const chosen = select.value || this.filters.category;
    render(select, html`
      <option value="" data-i18n="admin.products.filter.allCategories"></option>
      ${this.categories.map((c) => html`<option value="${c.code}" ${chosen === c.code && html`selected`}>${c.name}</option>`)}`);
    translate(select);
    if (this.result) this.renderTable();
  }

  query() {
    const { q, category, status, page } = this.filters;
    const query = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
    if (q) query.set('q', q);
    if (category) query.set('category', category);
    if (status) query.set('status', status);
    return query;
  }

  renderTable() {
    const { items, total, page } = this.result;
    const pages = pageCount(total, this.result.size || PAGE_SIZE);
    const categoryName = (code) => this.categories.find((c) => c.code === code)?.name || code;
    if (!items.length) {
      render(this.results, emptyHtml('product-list-empty', 'admin.products.empty'));
      translate(this.results);
      return;
    }
    render(this.results, html`
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="product-table-caption">
        <table id="product-table" class="data-table">
          <caption id="product-table-caption" data-i18n="admin.products.caption"
                   data-i18n-params="${JSON.stringify({ page: page + 1, pages })}"></caption>
          <thead>
            <tr>
              <th scope="col" data-i18n="admin.products.col.name"></th>
              <th scope="col" data-i18n="admin.products.col.category"></th>
              <th scope="col" data-i18n="admin.products.col.price"></th>
              <th scope="col" data-i18n="admin.products.col.channels"></th>
              <th scope="col" data-i18n="admin.products.col.status"></th>
            </tr>
          </thead>
          <tbody>
            ${items.map((product) => html`
              <tr id="product-row-${product.id}">
                <th scope="row">
                  <a id="product-edit-${product.id}" href="/admin/product.html?id=${encodeURIComponent(product.id)}">${localName(product)}</a>
                </th>
                <td>${categoryName(product.category)}</td>
                <td class="data-table__number">${priceRange(product)}</td>
                <td>${listOf((product.channels || []).map((c) => codeLabel('admin.channel', c)))}</td>
                <td><span class="badge badge--${product.status === 'ARCHIVED' ? 'off' : 'on'}">${codeLabel('admin.status', product.status)}</span></td>
              </tr>`)}
          </tbody>
        </table>
      </div>
      ${pagerHtml({ page, pages, href: pageHref, previousId: 'products-prev', nextId: 'products-next' })}`);
    translate(this.results);
  }

  refreshLanguage() {
    this.loadCategories();
  }
}

export function register() {
  define('product-list', ProductList);
}
