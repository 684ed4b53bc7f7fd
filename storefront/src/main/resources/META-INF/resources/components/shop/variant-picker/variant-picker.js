/**
 * <variant-picker>: a radio group for choosing one of a product's variants, each labelled with its name,
 * price and availability. Sold-out variants stay in the list, disabled, and say why in their label. Data goes
 * in as the `variants` property (the product's variants) and `selected` (a variant id); a choice comes out as
 * `variant-change` (bubbles) with { variant }. With a single variant there is nothing to choose and it renders
 * nothing.
 */
import { html, render } from '../../../lib/html.js';
import { t } from '../../../lib/i18n.js';
import { formatMoney } from '../../../lib/money.js';
import { SOLD_OUT, availabilityState, availabilityText } from '../../../lib/product-text.js';
import { define } from '../../../lib/define.js';

function option(variant, index, selected) {
  const soldOut = availabilityState(variant.available) === SOLD_OUT;
  return html`
    <div class="variant-option">
      <input type="radio" name="variant" id="variant-${index}" value="${variant.id}" data-sku="${variant.sku}"
             ${variant.id === selected && !soldOut && html`checked`} ${soldOut && html`disabled`}>
      <label for="variant-${index}" class="variant-option__label">
        <span class="variant-option__name">${variant.name}</span>
        <span class="variant-option__price">${formatMoney(variant.price)}</span>
        <span class="variant-option__availability" data-state="${availabilityState(variant.available)}">${
          soldOut ? t('product.variants.soldOut') : availabilityText(variant.available)}</span>
      </label>
    </div>`;
}

class VariantPicker extends HTMLElement {
  connectedCallback() {
    this.addEventListener('change', this);
    this.update();
  }

  disconnectedCallback() {
    this.removeEventListener('change', this);
  }

  set variants(value) {
    this.list = value;
    if (this.isConnected) this.update();
  }

  get variants() {
    return this.list || [];
  }

  set selected(id) {
    this.selectedId = id;
    if (this.isConnected) this.update();
  }

  get selected() {
    return this.selectedId;
  }

  update() {
    if (this.variants.length < 2) {
      render(this, html``);
      return;
    }
    render(this, html`
      <fieldset class="variant-picker" id="variant-picker">
        <legend class="variant-picker__legend">${t('product.variants.legend')}</legend>
        <div class="variant-picker__options">
          ${this.variants.map((variant, i) => option(variant, i, this.selectedId))}
        </div>
      </fieldset>`);
  }

  handleEvent(event) {
    const input = event.target.closest('input[name="variant"]');
    if (!input) return;
    this.selectedId = input.value;
    const variant = this.variants.find((candidate) => candidate.id === input.value);
    this.dispatchEvent(new CustomEvent('variant-change', { bubbles: true, detail: { variant } }));
  }
}

export function register() {
  define('variant-picker', VariantPicker);
}
