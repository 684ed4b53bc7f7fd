/**
 * <product-card>: one product in a list, from a list item of GET /api/products given as the `product`
 * property. The name is the card's one link; the link's hit area covers the whole card. The heading comes
 * before the picture in the source so screen readers meet the name first; CSS puts the picture on top.
 */
import { html, render } from '../../../lib/html.js';
import { t } from '../../../lib/i18n.js';
import { formatMoney } from '../../../lib/money.js';
import { productUrl } from '../../../lib/catalog.js';
import { availabilityState, availabilityText, listPriceText, madeByText } from '../../../lib/product-text.js';
import { srcsetOf } from '../../../lib/images.js';
import { define } from '../../../lib/define.js';

/** Card widths in the grid of styles: one column on phones, then about 17rem each up to the page's width. */
const CARD_SIZES = '(min-width: 72rem) 17rem, (min-width: 36rem) 50vw, 100vw';

function picture(product) {
  const image = product.image;
  if (!image) {
    return html`<div class="product-card__image product-card__image--none" aria-hidden="true">
      <span>${t('card.noImage')}</span></div>`;
  }
  return html`<img class="product-card__image" src="${image.card}" srcset="${srcsetOf(image)}"
      sizes="${CARD_SIZES}" width="${image.width}" height="${image.height}" alt="${product.name}"
      loading="lazy" decoding="async">`;
}

class ProductCard extends HTMLElement {
  get product() {
    return this.data;
  }

  set product(value) {
    this.data = value;
    if (this.isConnected) this.update();
  }

  connectedCallback() {
    if (this.data) this.update();
  }

  update() {
    const product = this.data;
    render(this, html`
      <article class="product-card" data-product-id="${product.id}">
        <h3 class="product-card__name">
          <a class="product-card__link" href="${productUrl(product.id)}">${product.name}</a>
        </h3>
        ${picture(product)}
        <p class="product-card__price">${listPriceText(product, formatMoney)}</p>
        <p class="product-card__availability" data-state="${availabilityState(product.available)}">
          ${availabilityText(product.available, product.options)}</p>
        <p class="product-card__makers">${madeByText(product.makers)}</p>
      </article>`);
  }
}

export function register() {
  define('product-card', ProductCard);
}
