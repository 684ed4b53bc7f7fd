/**
 * <shop-categories>: the shop's categories from GET /api/categories as large links into the product list,
 * plus one link to everything. Reloads in the new language when the language changes.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t } from '../../../lib/i18n.js';
import { PRODUCTS_PAGE, categoryUrl, fetchCategories } from '../../../lib/catalog.js';
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
    render(this, html`
      ${failed && html`<p class="shop-message shop-message--error">${t('shop.loadError')}</p>`}
      <ul class="category-links" id="category-links">
        ${categories.map((category) => html`
          <li><a class="category-link" href="${categoryUrl(category.code)}"
                 data-category="${category.code}">${category.name}</a></li>`)}
        <li><a class="category-link category-link--all" id="category-link-all"
               href="${PRODUCTS_PAGE}">${t('shop.categories.all')}</a></li>
      </ul>`);
  }
}

export function register() {
  define('shop-categories', ShopCategories);
}
