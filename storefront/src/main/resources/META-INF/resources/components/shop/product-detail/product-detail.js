/**
 * <product-detail>: the product page for ?id=<uuid>, from GET /api/products/{id}. Shows name, photos (through
 * <product-gallery>),
 * description, variants (through <variant-picker>), the chosen variant's price and availability, a quantity to
 * put in the cart (through <add-to-cart>), and who made it (through <maker-stories>). Keeps the document's title, meta description and schema.org Product data in
 * step with what is shown. An unknown id shows a not-found message. Reloads when the language changes and
 * emits `product-loaded` (bubbles) with { product } after each successful load.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, t } from '../../../lib/i18n.js';
import { formatMoney } from '../../../lib/money.js';
import { PRODUCTS_PAGE, SHOP_HOME, categoryUrl, fetchProduct, productUrl } from '../../../lib/catalog.js';
import { SOLD_OUT, availabilityState, availabilityText } from '../../../lib/product-text.js';
import { setJsonLd, setPageMeta } from '../../../lib/page-meta.js';
import { productStructuredData } from '../../../lib/structured-data.js';
import { define } from '../../../lib/define.js';
import { register as registerVariantPicker } from '../variant-picker/variant-picker.js';
import { register as registerMakerStories } from '../maker-stories/maker-stories.js';
import { register as registerAddToCart } from '../add-to-cart/add-to-cart.js';
import { register as registerProductGallery } from '../product-gallery/product-gallery.js';

const NOT_FOUND = new Set([400, 404]);

/** The first variant that can be bought now, else the first; a variant already chosen wins while it exists. */
function initialVariant(variants, chosenId) {
  return variants.find((variant) => variant.id === chosenId)
    ?? variants.find((variant) => availabilityState(variant.available) !== SOLD_OUT)
    ?? variants[0];
}

/** Paragraphs at blank lines; single line breaks are kept by CSS (white-space: pre-line). */
function description(text) {
  return (text || '').split(/\n\s*\n/).map((part) => part.trim()).filter(Boolean)
    .map((part) => html`<p>${part}</p>`);
}

class ProductDetail extends HTMLElement {
  connectedCallback() {
    // Not `this.id`: that is the element's own id attribute.
    this.productId = (new URLSearchParams(window.location.search).get('id') || '').trim();
    this.addEventListener('variant-change', (event) => this.choose(event.detail.variant));
    this.onLangChange = () => this.load();
    document.addEventListener(LANG_CHANGE, this.onLangChange);
    this.load();
  }

  disconnectedCallback() {
    document.removeEventListener(LANG_CHANGE, this.onLangChange);
  }

  async load() {
    if (!this.productId) {
      this.showNotFound();
      return;
    }
    let product;
    try {
      product = await fetchProduct(this.productId);
    } catch (error) {
      if (NOT_FOUND.has(error.status)) this.showNotFound();
      else this.showError(error);
      return;
    }
    this.show(product);
    this.dispatchEvent(new CustomEvent('product-loaded', { bubbles: true, detail: { product } }));
  }

  show(product) {
    this.product = product;
    this.variant = initialVariant(product.variants, this.variant?.id);
    render(this, html`
      <nav class="breadcrumb" aria-label="${t('shop.breadcrumb')}">
        <ol class="breadcrumb__list">
          <li><a href="${SHOP_HOME}">${t('shop.home.heading')}</a></li>
          <li><a id="product-category" href="${categoryUrl(product.category)}">${product.categoryName}</a></li>
          <li><span aria-current="page">${product.name}</span></li>
        </ol>
      </nav>
      <article class="product" id="product" data-product-id="${product.id}">
        <h1 id="product-title" class="product__title">${product.name}</h1>
        <product-gallery class="product__media"></product-gallery>
        <div class="product__info">
          <dl class="product__facts">
            <div><dt>${t('product.price')}</dt><dd id="product-price" class="product__price"></dd></div>
            <div><dt>${t('product.availability')}</dt><dd id="product-availability" class="product__availability"></dd></div>
          </dl>
          <variant-picker></variant-picker>
          <add-to-cart></add-to-cart>
          <section class="product__description" aria-labelledby="description-heading">
            <h2 id="description-heading">${t('product.description.heading')}</h2>
            <div id="product-description">${description(product.description)}</div>
          </section>
        </div>
        <maker-stories id="maker-stories" class="product__makers"></maker-stories>
      </article>`);
    this.querySelector('product-gallery').show(product.images, product.name);
    const picker = this.querySelector('variant-picker');
    picker.variants = product.variants;
    picker.selected = this.variant?.id;
    this.querySelector('maker-stories').makers = product.makers || [];
    this.querySelector('add-to-cart').product = product;
    this.showVariant();
    setPageMeta({ title: t('product.pageTitle', { name: product.name, site: t('brand.name') }), description: product.description });
    setJsonLd(productStructuredData(product, { siteName: t('brand.name'), url: productUrl(product.id) }));
  }

  choose(variant) {
    if (!variant) return;
    this.variant = variant;
    this.showVariant();
  }

  showVariant() {
    const variant = this.variant;
    const price = variant ? variant.price : this.product.price;
    this.querySelector('#product-price').textContent = formatMoney(price);
    const availability = this.querySelector('#product-availability');
    availability.textContent = availabilityText(variant?.available);
    availability.dataset.state = availabilityState(variant?.available);
    this.querySelector('add-to-cart').variant = variant;
  }

  showNotFound() {
    this.product = null;
    render(this, html`
      <div class="product-missing" id="product-not-found">
        <h1 id="product-title">${t('product.notFound.heading')}</h1>
        <p>${t('product.notFound.text')}</p>
        <p><a id="product-not-found-link" class="shop-more" href="${PRODUCTS_PAGE}">${t('product.notFound.link')}</a></p>
      </div>`);
    setPageMeta({ title: t('product.notFound.title'), description: null, noindex: true });
    setJsonLd(null);
  }

  showError(error) {
    console.warn('The product could not be loaded.', error);
    render(this, html`
      <div class="product-missing" id="product-error" role="alert">
        <h1 id="product-title">${t('product.error.heading')}</h1>
        <p>${t('product.error.text')}</p>
      </div>`);
    setPageMeta({ title: t('product.pageTitle', { name: t('product.error.heading'), site: t('brand.name') }) });
    setJsonLd(null);
  }
}

export function register() {
  registerVariantPicker();
  registerMakerStories();
  registerAddToCart();
  registerProductGallery();
  define('product-detail', ProductDetail);
}
