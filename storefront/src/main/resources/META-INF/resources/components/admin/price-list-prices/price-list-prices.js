/**
 * <price-list-prices>: a price list's prices as a repeatable group of fieldsets, one per price, numbered in order.
 * Row i has the select list-price-i-variant (the variants of the products sold at the counter, grouped by product),
 * beside it the variant's own price (list-price-i-own), the field list-price-i-amount (yuan) and the button
 * list-price-i-remove; #list-price-add adds a row. `choices` are the admin products: the active ones sold at the
 * counter are offered, and any other a saved price names is still shown (and kept) as it is.
 */
import { html, render } from '../../../lib/html.js';
import { LANG_CHANGE, translate } from '../../../lib/i18n.js';
import { announce } from '../../../lib/form-errors.js';
import { displayYuan, formatYuan } from '../../../lib/money.js';
import { localName } from '../../../lib/staff-catalog.js';
import { define } from '../../../lib/define.js';

const EMPTY = { variantId: '', amount: '' };
const params = (values) => JSON.stringify(values);

function active(variant) {
  return variant.status === 'ACTIVE';
}

function soldAtCounter(product) {
  return product.status === 'ACTIVE' && product.channels.includes('POS');
}

function variantName(product, variant) {
  const name = localName(variant);
  return name ? `${localName(product)} · ${name} (${variant.sku})` : `${localName(product)} (${variant.sku})`;
}

class PriceListPrices extends HTMLElement {
  connectedCallback() {
    this.rows = this.rows || [];
    this.products = this.products || [];
    this.addEventListener('click', this);
    this.addEventListener('change', this);
    // Product names are in the page's language: drawn again, with what was chosen and typed kept.
    document.addEventListener(LANG_CHANGE, () => {
      if (!this.isConnected) return;
      this.rows = this.value;
      this.draw();
    });
    this.draw();
  }

  /** The products to choose from: admin products, all of them, so that prices naming any can be shown. */
  set choices(products) {
    this.products = products;
    this.byVariant = new Map(products.flatMap((product) => product.variants.map((variant) => [variant.id, { product, variant }])));
    if (this.isConnected) this.draw();
  }

  /** Sets the rows from a list's prices ({ variantId: Money }), in the order of the products offered. */
  set prices(prices) {
    const order = [...(this.byVariant?.keys() ?? [])];
    const ids = Object.keys(prices).sort((a, b) => order.indexOf(a) - order.indexOf(b));
    this.rows = ids.map((variantId) => ({ variantId, amount: formatYuan(prices[variantId].amount) }));
    if (this.isConnected) this.draw();
  }

  /** The rows as chosen and typed: [{ variantId, amount }] with amount as the text in the field. */
  get value() {
    return [...this.querySelectorAll('fieldset.repeat-item')].map((set, i) => ({
      variantId: set.querySelector(`#list-price-${i}-variant`).value,
      amount: set.querySelector(`#list-price-${i}-amount`).value,
    }));
  }

  draw() {
    render(this, html`
      <fieldset id="price-list-prices" class="group">
        <legend class="group__legend" data-i18n="counter.prices.legend"></legend>
        <p class="field__hint" data-i18n="counter.prices.hint"></p>
        <p id="list-price-amount-hint" class="field__hint" data-i18n="counter.price.amountHint"></p>
        <p id="price-list-prices-error" class="field__error" hidden></p>
        ${this.rows.length === 0 && html`<p id="list-price-none" data-i18n="counter.prices.none"></p>`}
        <ol class="repeat-list">
          ${this.rows.map((row, i) => this.rowHtml(row, i))}
        </ol>
        <button type="button" id="list-price-add" class="button button--secondary repeat-add" data-i18n="counter.price.add"></button>
        <p id="list-price-status" class="visually-hidden" role="status"></p>
      </fieldset>`);
    translate(this);
  }

  optionsHtml(chosen) {
    const offered = this.products.filter(soldAtCounter);
    const offeredIds = new Set(offered.flatMap((product) => product.variants.filter(active).map((variant) => variant.id)));
    const known = this.byVariant?.get(chosen);
    const elsewhere = chosen && !offeredIds.has(chosen);
    return html`
      <option value="" data-i18n="counter.price.variantChoose"></option>
      ${elsewhere && html`<option value="${chosen}" selected data-i18n="counter.price.variantNotSold"
        data-i18n-params="${params({ name: known ? variantName(known.product, known.variant) : chosen })}"></option>`}
      ${offered.map((product) => html`
        <optgroup label="${localName(product)}">
          ${product.variants.filter(active).map((variant) => html`
            <option value="${variant.id}" ${variant.id === chosen && html`selected`}>${variantName(product, variant)}</option>`)}
        </optgroup>`)}`;
  }

  ownPriceHtml(variantId) {
    const known = this.byVariant?.get(variantId);
    return known
      ? html`<span data-i18n="counter.price.own" data-i18n-params="${params({ price: displayYuan(known.variant.price.amount) })}"></span>`
      : html``;
  }

  rowHtml(row, i) {
    const n = params({ n: i + 1 });
    const id = `list-price-${i}`;
    return html`
      <li>
        <fieldset id="${id}" class="repeat-item" data-error-context>
          <legend class="repeat-item__legend" data-i18n="counter.price.legend" data-i18n-params="${n}"></legend>
          <div class="repeat-item__fields">
            <div class="field">
              <label for="${id}-variant" data-i18n="counter.price.variant"></label>
              <select id="${id}-variant" required aria-describedby="${id}-own">${this.optionsHtml(row.variantId)}</select>
              <p id="${id}-own" class="field__hint">${this.ownPriceHtml(row.variantId)}</p>
              <p id="${id}-variant-error" class="field__error" hidden></p>
            </div>
            <div class="field">
              <label for="${id}-amount" data-i18n="counter.price.amount"></label>
              <input id="${id}-amount" type="text" inputmode="decimal" autocomplete="off" required value="${row.amount}"
                     aria-describedby="list-price-amount-hint">
              <p id="${id}-amount-error" class="field__error" hidden></p>
            </div>
          </div>
          <button type="button" id="${id}-remove" class="button button--secondary" data-remove="${i}"
                  data-i18n="counter.price.remove" data-i18n-params="${n}"></button>
        </fieldset>
      </li>`;
  }

  handleEvent(event) {
    if (event.type === 'change') {
      const select = event.target.closest('select[id$="-variant"]');
      if (select) this.showOwnPrice(select);
      return;
    }
    const button = event.target.closest('button');
    if (!button) return;
    if (button.id === 'list-price-add') this.add();
    else if (button.dataset.remove !== undefined) this.remove(Number(button.dataset.remove));
  }

  /** The chosen variant's own price, beside the one the list gives it. */
  showOwnPrice(select) {
    const own = this.querySelector(`#${select.id.replace(/-variant$/, '-own')}`);
    render(own, this.ownPriceHtml(select.value));
    translate(own);
  }

  /** Keeps what was typed, changes the rows, draws again and puts focus where the person is working. */
  change(update, focusId, message) {
    this.rows = this.value;
    update();
    this.draw();
    document.getElementById(focusId)?.focus();
    announce(this.querySelector('#list-price-status'), message);
  }

  add() {
    const i = this.rows.length;
    this.change(() => this.rows.push({ ...EMPTY }), `list-price-${i}-variant`, { key: 'counter.price.added', params: { n: i + 1 } });
  }

  remove(i) {
    this.change(() => this.rows.splice(i, 1), this.rows.length > i + 1 ? `list-price-${i}-variant` : 'list-price-add',
      { key: 'counter.price.removed', params: { n: i + 1 } });
  }
}

export function register() {
  define('price-list-prices', PriceListPrices);
}
