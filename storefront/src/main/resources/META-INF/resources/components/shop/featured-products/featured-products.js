/**
 * <featured-products>: the first products the shop sells online (GET /api/products?channel=ONLINE&size=8)
 * as a grid of <product-card>s. The `size` attribute changes how many. Reloads when the language changes.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t } from '../../../lib/i18n.js';
import { fetchProducts } from '../../../lib/catalog.js';
import { define } from '../../../lib/define.js';
import { register as registerProductCard } from '../product-card/product-card.js';

const DEFAULT_SIZE = 8;

class FeaturedProducts extends HTMLElement {
  connectedCallback() {
    this.onLangChange = () => this.load();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.load();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  get size() {
    return Number(this.getAttribute('size')) || DEFAULT_SIZE;
  }

  async load() {
    let items;
    try {
      ({ items } = await fetchProducts({ size: this.size }));
    } catch (error) {
      console.warn('Featured products could not be loaded.', error);
      render(this, html`<p class="shop-message shop-message--error">${t('shop.loadError')}</p>`);
      return;
    }
    if (items.length === 0) {
      render(this, html`<p class="shop-message">${t('shop.featured.empty')}</p>`);
      return;
    }
    render(this, html`
      <ul class="product-grid" id="featured-products">
        ${items.map(() => html`<li><product-card></product-card></li>`)}
      </ul>`);
    this.querySelectorAll('product-card').forEach((card, i) => {
      card.product = items[i];
    });
  }
}

export function register() {
  registerProductCard();
  define('featured-products', FeaturedProducts);
}
