/**
 * <product-catalog>: enhances the product list page. products.html ships a plain GET search form, which
 * works without scripts; with them the form, the category filter and the page links change the address with
 * history.pushState and load the results in place, so every state can be shared and Back/Forward work.
 * The address says ?category=CODE&q=words&sort=ORDER&min=yuan&max=yuan&page=N with N counting from 1 (the API
 * counts from 0); a price that is not an amount is said at its field and nothing is loaded.
 * Emits `catalog-change` (bubbles) with { category, q, page, total } after each load.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t } from '../../../lib/i18n.js';
import { PRODUCTS_PAGE, fetchCategories, fetchProducts, soldAtCounterOnly, soldOnline } from '../../../lib/catalog.js';
import { parseYuan } from '../../../lib/money.js';
import { define } from '../../../lib/define.js';
import { register as registerProductCard } from '../product-card/product-card.js';

const PAGE_SIZE = 12;

const SORTS = ['PRICE_ASC', 'PRICE_DESC', 'NEWEST', 'NAME'];

function stateFrom(search) {
  const params = new URLSearchParams(search);
  const page = Number.parseInt(params.get('page'), 10);
  const sort = params.get('sort') || '';
  return {
    q: (params.get('q') || '').trim(),
    category: params.get('category') || '',
    sort: SORTS.includes(sort) ? sort : '',
    min: (params.get('min') || '').trim(),
    max: (params.get('max') || '').trim(),
    page: Number.isSafeInteger(page) && page > 1 ? page : 1,
  };
}

/** A price bound in fen, or undefined when blank or not an amount (the form says so before it gets here). */
function fenOf(yuan) {
  return yuan ? parseYuan(yuan).fen : undefined;
}

/** The address of a state; ?lang stays when the visitor chose it that way. */
function addressOf({ q, category, sort, min, max, page }) {
  const params = new URLSearchParams();
  if (category) params.set('category', category);
  if (q) params.set('q', q);
  if (sort) params.set('sort', sort);
  if (min) params.set('min', min);
  if (max) params.set('max', max);
  if (page > 1) params.set('page', String(page));
  const lang = new URLSearchParams(window.location.search).get('lang');
  if (lang) params.set('lang', lang);
  const query = params.toString();
  return query ? `${PRODUCTS_PAGE}?${query}` : PRODUCTS_PAGE;
}

function isPlainClick(event) {
  return event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
}

class ProductCatalog extends HTMLElement {
  connectedCallback() {
    this.form = this.querySelector('#product-search-form');
    this.search = this.querySelector('#product-search');
    this.categorySelect = this.querySelector('#category-filter');
    this.sortSelect = this.querySelector('#sort-order');
    this.minPrice = this.querySelector('#price-min');
    this.maxPrice = this.querySelector('#price-max');
    this.priceError = this.querySelector('#price-error');
    this.heading = this.querySelector('#results-heading');
    this.count = this.querySelector('#results-count');
    this.results = this.querySelector('#results');
    this.pagination = this.querySelector('#pagination');
    this.categories = [];
    this.loads = 0;

    this.form.addEventListener('submit', (event) => this.submit(event));
    this.pagination.addEventListener('click', (event) => this.followPageLink(event));
    this.onPopState = () => this.show(stateFrom(window.location.search));
    this.onLangChange = () => this.refresh();
    window.addEventListener('popstate', this.onPopState);
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.refresh();
  }

  disconnectedCallback() {
    window.removeEventListener('popstate', this.onPopState);
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  /** Categories and results in the page's language, for the state in the address. */
  async refresh() {
    await this.loadCategories();
    await this.show(stateFrom(window.location.search));
  }

  async loadCategories() {
    try {
      this.categories = await fetchCategories();
    } catch (error) {
      // The filter then offers "all" only; searching still works.
      console.warn('Categories could not be loaded.', error);
      this.categories = [];
    }
    render(this.categorySelect, html`
      <option value="">${t('products.category.all')}</option>
      ${this.categories.filter(soldOnline).map((category) => html`<option value="${category.code}">${category.name}</option>`)}`);
  }

  submit(event) {
    event.preventDefault();
    const state = { q: this.search.value.trim(), category: this.categorySelect.value, sort: this.sortSelect.value,
      min: this.minPrice.value.trim(), max: this.maxPrice.value.trim(), page: 1 };
    if (this.priceProblem(state)) return;
    this.go(state);
  }

  /** Says at the price fields what is wrong with them (not an amount, or the lowest above the highest), and focuses it. */
  priceProblem({ min, max }) {
    const wrong = [[this.minPrice, min], [this.maxPrice, max]].find(([, value]) => value && parseYuan(value).problem);
    const crossed = !wrong && min && max && fenOf(min) > fenOf(max);
    for (const input of [this.minPrice, this.maxPrice]) input.removeAttribute('aria-invalid');
    const target = wrong ? wrong[0] : crossed ? this.minPrice : null;
    this.priceError.hidden = !target;
    if (!target) {
      this.priceError.textContent = '';
      for (const input of [this.minPrice, this.maxPrice]) input.removeAttribute('aria-describedby');
      return false;
    }
    this.priceError.textContent = t(wrong ? 'products.price.invalid' : 'products.price.crossed');
    target.setAttribute('aria-invalid', 'true');
    target.setAttribute('aria-describedby', 'price-error');
    target.focus();
    return true;
  }

  followPageLink(event) {
    const link = event.target.closest('a[data-page]');
    if (!link || !isPlainClick(event)) return;
    event.preventDefault();
    this.go(stateFrom(new URL(link.href).search), { focusResults: true });
  }

  go(state, options) {
    const address = addressOf(state);
    if (address !== window.location.pathname + window.location.search) {
      window.history.pushState(null, '', address);
    }
    return this.show(state, options);
  }

  /** Puts `state` into the form and loads its page of results; a newer load overtakes an older one. */
  async show(state, { focusResults = false } = {}) {
    const load = ++this.loads;
    this.fillForm(state);
    this.heading.textContent = this.categoryName(state.category) || t('products.results.all');
    // Emptied first so that the same count as before is still announced as news.
    this.count.textContent = '';
    this.results.setAttribute('aria-busy', 'true');
    let page;
    try {
      page = await fetchProducts({ q: state.q, category: state.category, sort: state.sort || undefined, minPrice: fenOf(state.min),
        maxPrice: fenOf(state.max), page: state.page - 1, size: PAGE_SIZE });
    } catch (error) {
      if (load !== this.loads) return;
      console.warn('Products could not be loaded.', error);
      this.showError();
      return;
    }
    if (load !== this.loads) return;
    this.showResults(state, page);
    if (focusResults) this.heading.focus();
    this.dispatchEvent(new CustomEvent('catalog-change', { bubbles: true, detail: { ...state, total: page.total } }));
  }

  fillForm(state) {
    this.search.value = state.q;
    const known = this.categories.some((category) => category.code === state.category && soldOnline(category));
    this.categorySelect.value = known ? state.category : '';
    this.sortSelect.value = state.sort;
    this.minPrice.value = state.min;
    this.maxPrice.value = state.max;
  }

  categoryName(code) {
    return this.categories.find((category) => category.code === code)?.name ?? code;
  }

  showResults(state, { items, total }) {
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const count = state.q ? t('products.countFor', { count: total, q: state.q }) : t('products.count', { count: total });
    const status = t('products.pagination.status', { page: state.page, pages });
    this.count.textContent = pages > 1 ? t('products.summary', { count, status }) : count;
    this.results.removeAttribute('aria-busy');
    const category = this.categories.find((known) => known.code === state.category);
    if (items.length === 0 && category && soldAtCounterOnly(category)) {
      render(this.results, html`
        <div id="results-counter-only" class="shop-message">
          <p>${t('products.counterOnly', { name: category.name })}</p>
          <p><a id="results-show-all" href="${PRODUCTS_PAGE}">${t('products.emptyAll')}</a></p>
        </div>`);
    } else if (items.length === 0) {
      render(this.results, html`
        <div id="results-empty" class="shop-message">
          <p>${t('products.empty')}</p>
          <p>${t('products.emptyHint')} <a id="results-show-all" href="${PRODUCTS_PAGE}">${t('products.emptyAll')}</a></p>
        </div>`);
    } else {
      render(this.results, html`
        <ul class="product-grid" id="product-results">
          ${items.map(() => html`<li><product-card></product-card></li>`)}
        </ul>`);
      this.results.querySelectorAll('product-card').forEach((card, i) => {
        card.product = items[i];
      });
    }
    this.showPagination(state, pages, status);
  }

  showPagination(state, pages, status) {
    this.pagination.hidden = pages <= 1;
    render(this.pagination, html`
      <ul class="pagination__list">
        <li class="pagination__prev">${state.page > 1 && html`
          <a id="page-prev" class="button button--secondary" rel="prev" data-page="${state.page - 1}"
             href="${addressOf({ ...state, page: state.page - 1 })}">${t('products.pagination.prev')}</a>`}</li>
        <li id="page-status" class="pagination__status">${status}</li>
        <li class="pagination__next">${state.page < pages && html`
          <a id="page-next" class="button button--secondary" rel="next" data-page="${state.page + 1}"
             href="${addressOf({ ...state, page: state.page + 1 })}">${t('products.pagination.next')}</a>`}</li>
      </ul>`);
  }

  showError() {
    this.results.removeAttribute('aria-busy');
    this.pagination.hidden = true;
    render(this.results, html`
      <p id="results-error" class="shop-message shop-message--error" role="alert">${t('shop.loadError')}</p>`);
  }
}

export function register() {
  registerProductCard();
  define('product-catalog', ProductCatalog);
}
