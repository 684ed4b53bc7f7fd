/**
 * <stock-admin>: choose a product, one of its variants and a place; below, the product's
 * stock levels (<stock-levels>), forms to record stock received, corrections and moves
 * (<stock-actions>) and the variant's recent movements there (<stock-movements>). The
 * choice is kept in the address (?product=&variant=&location=).
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { allPages, codeLabel, localName, locations } from '../../../lib/staff-catalog.js';
import { announce } from '../../../lib/form-errors.js';
import { define } from '../../../lib/define.js';
import { register as registerLevels } from '../stock-levels/stock-levels.js';
import { register as registerActions } from '../stock-actions/stock-actions.js';
import { register as registerMovements } from '../stock-movements/stock-movements.js';

function variantLabel(variant) {
  const name = localName(variant);
  return name ? `${variant.sku} — ${name}` : variant.sku;
}

class StockAdmin extends HTMLElement {
  connectedCallback() {
    render(this, html`
      <section class="admin-panel" aria-labelledby="stock-pick-heading">
        <h2 id="stock-pick-heading" data-i18n="admin.stock.pickHeading"></h2>
        <p class="field__hint" data-i18n="admin.stock.pickHint"></p>
        <div id="stock-pick" class="stock-pick"><p role="status" data-i18n="admin.stock.loading"></p></div>
        <p id="stock-pick-status" class="visually-hidden" role="status"></p>
      </section>
      <stock-levels></stock-levels>
      <stock-actions></stock-actions>
      <stock-movements></stock-movements>`);
    translate(this);
    this.addEventListener('change', (event) => this.changed(event.target));
    this.addEventListener('stock-moved', () => this.refresh());
    this.load();
  }

  async load() {
    try {
      const [products, places] = await Promise.all([allPages('/api/admin/products'), locations()]);
      this.products = products.filter((p) => p.stockTracked);
      this.places = places;
    } catch (error) {
      console.warn('Could not load products or places.', error);
      const pick = this.querySelector('#stock-pick');
      render(pick, html`<p class="notice" role="alert" data-i18n="admin.stock.loadFailed"></p>`);
      translate(pick);
      return;
    }
    const params = new URLSearchParams(window.location.search);
    this.drawPicker();
    this.choose(params.get('product'), params.get('variant'), params.get('location'));
  }

  drawPicker() {
    const pick = this.querySelector('#stock-pick');
    render(pick, html`
      <div class="field">
        <label for="stock-product" data-i18n="admin.stock.product"></label>
        <select id="stock-product">
          <option value="" data-i18n="admin.stock.productChoose"></option>
          ${this.products.map((p) => html`<option value="${p.id}">${localName(p)}${p.status === 'ARCHIVED' ? ` (${codeLabel('admin.status', p.status)})` : ''}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="stock-variant" data-i18n="admin.stock.variant"></label>
        <select id="stock-variant"></select>
      </div>
      <div class="field">
        <label for="stock-location" data-i18n="admin.stock.location"></label>
        <select id="stock-location">
          ${this.places.map((place) => html`<option value="${place.code}">${place.name}</option>`)}
        </select>
      </div>`);
    translate(pick);
  }

  /** Sets the three selects (falling back to the first sensible choice) and shows that stock. */
  choose(productId, variantId, location) {
    const product = this.products.find((p) => p.id === productId) || null;
    this.querySelector('#stock-product').value = product ? product.id : '';
    this.drawVariants(product, variantId);
    const place = this.places.find((p) => p.code === location) || this.places[0];
    if (place) this.querySelector('#stock-location').value = place.code;
    this.show();
  }

  drawVariants(product, variantId) {
    const select = this.querySelector('#stock-variant');
    const variants = (product?.variants || []).filter((v) => v.status !== 'ARCHIVED');
    select.disabled = variants.length === 0;
    render(select, variants.length
      ? html`${variants.map((v) => html`<option value="${v.id}" ${v.id === variantId && html`selected`}>${variantLabel(v)}</option>`)}`
      : html`<option value="" data-i18n="admin.stock.variantFirst"></option>`);
    translate(select);
  }

  changed(target) {
    if (target.id === 'stock-product') {
      const product = this.products.find((p) => p.id === target.value) || null;
      this.drawVariants(product, null);
      this.show(true);
    } else if (target.id === 'stock-variant' || target.id === 'stock-location') {
      this.show(true);
    }
  }

  /** The current choice, or null parts when nothing is chosen yet. */
  selection() {
    const product = this.products.find((p) => p.id === this.querySelector('#stock-product').value) || null;
    const variantId = this.querySelector('#stock-variant').value || null;
    const variant = product?.variants.find((v) => v.id === variantId) || null;
    const place = this.places.find((p) => p.code === this.querySelector('#stock-location').value) || null;
    return { product, variant, place, places: this.places, label: variant ? variantLabel(variant) : '' };
  }

  show(say = false) {
    const chosen = this.selection();
    const url = new URL(window.location.href);
    for (const [name, value] of [['product', chosen.product?.id], ['variant', chosen.variant?.id], ['location', chosen.place?.code]]) {
      if (value) url.searchParams.set(name, value);
      else url.searchParams.delete(name);
    }
    window.history.replaceState(window.history.state, '', url);
    this.querySelector('stock-levels').selection = chosen;
    this.querySelector('stock-actions').selection = chosen;
    this.querySelector('stock-movements').selection = chosen;
    if (say && chosen.variant && chosen.place) {
      announce(this.querySelector('#stock-pick-status'),
        { key: 'admin.stock.showing', params: { variant: chosen.label, place: chosen.place.name } });
    }
  }

  refresh() {
    this.querySelector('stock-levels').refresh();
    this.querySelector('stock-movements').refresh();
  }
}

export function register() {
  registerLevels();
  registerActions();
  registerMovements();
  define('stock-admin', StockAdmin);
}
