/**
 * <shop-categories>: the shop's categories from GET /api/categories as large links into the product list,
 * plus one link to everything. A category with nothing sold online is not a link (it would lead to an empty list);
 * one sold at the counters on site is named below the links as sold there. Reloads in the new language when the
 * language changes.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, currentLang, t } from '../../../lib/i18n.js';
import { PRODUCTS_PAGE, categoryUrl, fetchCategories, soldAtCounterOnly, soldOnline } from '../../../lib/catalog.js';
import { define } from '../../../lib/define.js';

class ShopCategories extends HTMLElement {
  connectedCallback() {
    this.onLangChange = () => this.load();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.load();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  async load() {
    let categories = [];
    let failed = false;
    try {
      categories = await fetchCategories();
    } catch (error) {
      console.warn('Categories could not be loaded.', error);
      failed = true;
    }
    const atCounter = categories.filter(soldAtCounterOnly).map((category) => category.name);
    const names = new Intl.ListFormat(currentLang(), { style: 'long', type: 'conjunction' }).format(atCounter);
    render(this, html`
      ${failed && html`<p class="shop-message shop-message--error">${t('shop.loadError')}</p>`}
      <ul class="category-links" id="category-links">
        ${categories.filter(soldOnline).map((category) => html`
          <li><a class="category-link" href="${categoryUrl(category.code)}"
                 data-category="${category.code}">${category.name}</a></li>`)}
        <li><a class="category-link category-link--all" id="category-link-all"
               href="${PRODUCTS_PAGE}">${t('shop.categories.all')}</a></li>
      </ul>
      ${atCounter.length > 0 && html`<p class="category-note" id="category-counter-only">${
        t('shop.categories.counterOnly', { names, count: atCounter.length })}</p>`}`);
  }
}

export function register() {
  define('shop-categories', ShopCategories);
}
