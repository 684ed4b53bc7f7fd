/**
 * <variant-list>: the product's variants as a repeatable group of fieldsets, one per
 * variant, numbered in order. Row i has the fields variant-i-sku, variant-i-name-zh,
 * variant-i-name-en and variant-i-price, and the button variant-i-remove; #variant-add adds
 * a row. Prices show in yuan ("68.00"); the form turns them into fen. Archived variants are
 * listed apart and can be brought back. Emits `variants-change` (bubbles) on add, remove
 * and bring back.
 */
import { html, render } from '../../../lib/html.js';
import { translate } from '../../../lib/i18n.js';
import { announce } from '../../../lib/form-errors.js';
import { formatYuan } from '../../../lib/money.js';
import { define } from '../../../lib/define.js';

const EMPTY = { id: null, sku: '', nameZh: '', nameEn: '', price: '' };

function asRow(variant) {
  return {
    id: variant.id || null,
    sku: variant.sku || '',
    nameZh: variant.nameZh || '',
    nameEn: variant.nameEn || '',
    price: variant.price && Number.isInteger(variant.price.amount) ? formatYuan(variant.price.amount) : '',
  };
}

function params(values) {
  return JSON.stringify(values);
}

function field(id, key, value, attributes) {
  return html`
    <div class="field">
      <label for="${id}" data-i18n="${key}"></label>
      <input id="${id}" type="text" value="${value}" ${attributes}>
      <p id="${id}-error" class="field__error" hidden></p>
    </div>`;
}

class VariantList extends HTMLElement {
  connectedCallback() {
    this.rows = this.rows || [{ ...EMPTY }];
    this.archived = this.archived || [];
    this.addEventListener('click', this);
    this.draw();
  }

  /** Sets the variants from an admin product: active ones become rows, archived ones are listed apart. */
  set variants(variants) {
    this.rows = variants.filter((v) => v.status !== 'ARCHIVED').map(asRow);
    this.archived = variants.filter((v) => v.status === 'ARCHIVED');
    if (this.isConnected) this.draw();
  }

  /** The rows as typed: [{ id, sku, nameZh, nameEn, price }] with price as the text in the field. */
  get value() {
    return [...this.querySelectorAll('fieldset.variant')].map((set, i) => ({
      id: set.dataset.variantId || null,
      sku: set.querySelector(`#variant-${i}-sku`).value,
      nameZh: set.querySelector(`#variant-${i}-name-zh`).value,
      nameEn: set.querySelector(`#variant-${i}-name-en`).value,
      price: set.querySelector(`#variant-${i}-price`).value,
    }));
  }

  draw() {
    render(this, html`
      <fieldset id="product-variants" class="group">
        <legend class="group__legend" data-i18n="admin.variants.legend"></legend>
        <p class="field__hint" data-i18n="admin.variants.hint"></p>
        <p id="variant-sku-hint" class="field__hint" data-i18n="admin.variant.skuHint"></p>
        <p id="variant-price-hint" class="field__hint" data-i18n="admin.variant.priceHint"></p>
        <p id="product-variants-error" class="field__error" hidden></p>
        <ol class="variant-list">
          ${this.rows.map((row, i) => this.rowHtml(row, i))}
        </ol>
        <button type="button" id="variant-add" class="button button--secondary" data-i18n="admin.variant.add"></button>
        <p id="variant-status" class="visually-hidden" role="status"></p>
        ${this.archived.length > 0 && html`
          <div class="variant-archived">
            <h3 data-i18n="admin.variants.archivedHeading"></h3>
            <p class="field__hint" data-i18n="admin.variants.archivedHint"></p>
            <ul class="variant-archived__list">
              ${this.archived.map((v) => html`
                <li>
                  <span><span>${v.sku}</span> ${v.nameZh && html`<span lang="zh-CN">${v.nameZh}</span>`}
                    ${v.nameEn && html`<span lang="en">${v.nameEn}</span>`}</span>
                  <button type="button" id="variant-restore-${v.id}" class="button button--secondary" data-restore="${v.id}"
                          data-i18n="admin.variant.restore" data-i18n-params="${params({ sku: v.sku })}"></button>
                </li>`)}
            </ul>
          </div>`}
      </fieldset>`);
    translate(this);
  }

  rowHtml(row, i) {
    const n = params({ n: i + 1 });
    return html`
      <li>
        <fieldset id="variant-${i}" class="variant" data-error-context data-variant-id="${row.id || ''}">
          <legend class="variant__legend" data-i18n="admin.variant.legend" data-i18n-params="${n}"></legend>
          <div class="variant__fields">
            ${field(`variant-${i}-sku`, 'admin.variant.sku', row.sku, html`required maxlength="64" autocomplete="off"
                    autocapitalize="off" spellcheck="false" aria-describedby="variant-sku-hint"`)}
            ${field(`variant-${i}-name-zh`, 'admin.variant.nameZh', row.nameZh, html`maxlength="120" lang="zh-CN"`)}
            ${field(`variant-${i}-name-en`, 'admin.variant.nameEn', row.nameEn, html`maxlength="120" lang="en"`)}
            ${field(`variant-${i}-price`, 'admin.variant.price', row.price, html`required inputmode="decimal"
                    autocomplete="off" aria-describedby="variant-price-hint"`)}
          </div>
          <button type="button" id="variant-${i}-remove" class="button button--secondary" data-remove="${i}"
                  data-i18n="admin.variant.remove" data-i18n-params="${n}"></button>
        </fieldset>
      </li>`;
  }

  handleEvent(event) {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.id === 'variant-add') this.add();
    else if (button.dataset.remove !== undefined) this.remove(Number(button.dataset.remove));
    else if (button.dataset.restore) this.restore(button.dataset.restore);
  }

  /** Keeps what was typed, changes the rows, draws again and puts focus where the person is working. */
  change(update, focusId, message) {
    this.rows = this.value;
    update();
    this.draw();
    document.getElementById(focusId)?.focus();
    announce(this.querySelector('#variant-status'), message);
    this.dispatchEvent(new CustomEvent('variants-change', { bubbles: true, detail: { count: this.rows.length } }));
  }

  add() {
    const i = this.rows.length;
    this.change(() => this.rows.push({ ...EMPTY }), `variant-${i}-sku`,
      { key: 'admin.variant.added', params: { n: i + 1 } });
  }

  remove(i) {
    const saved = Boolean(this.rows[i]?.id);
    this.change(() => this.rows.splice(i, 1),
      this.rows.length > i + 1 ? `variant-${i}-sku` : 'variant-add',
      { key: saved ? 'admin.variant.removedSaved' : 'admin.variant.removed', params: { n: i + 1 } });
  }

  restore(id) {
    const variant = this.archived.find((v) => v.id === id);
    if (!variant) return;
    const i = this.rows.length;
    this.change(() => {
      this.archived = this.archived.filter((v) => v.id !== id);
      this.rows.push(asRow(variant));
    }, `variant-${i}-sku`, { key: 'admin.variant.restored', params: { n: i + 1, sku: variant.sku } });
  }
}

export function register() {
  define('variant-list', VariantList);
}
